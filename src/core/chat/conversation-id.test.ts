import { expect } from '@open-wc/testing';
import {
  cleanLabel,
  directId,
  formatGroupName,
  formatMembers,
  groupIdFromHeader,
  groupToken,
  isGroupId,
  isSelf,
  newGroupToken,
  parseGroupName,
  parseMembers,
} from './conversation-id.js';

describe('conversation ids', () => {
  it('names a direct conversation after the other party, without the key separator', () => {
    expect(directId('1002')).to.equal('d:1002');
    expect(directId(' Bob@Other.example ')).to.equal('d:bob%40other.example');
    expect(directId('a|b')).not.to.contain('|');
    expect(isGroupId(directId('1002'))).to.equal(false);
  });

  it('makes random group tokens that survive the header round trip', () => {
    const a = newGroupToken();
    const b = newGroupToken();
    expect(a).not.to.equal(b);
    const id = groupIdFromHeader(a)!;
    expect(isGroupId(id)).to.equal(true);
    expect(groupToken(id)).to.equal(a);
  });

  it('refuses hostile group tokens', () => {
    for (const bad of [undefined, '', 'short', 'a|bcdefghij', '../../etc/passwd', '<script>alert(1)</script>', 'x'.repeat(65), 'abc def ghij']) {
      expect(groupIdFromHeader(bad), String(bad)).to.equal(undefined);
    }
  });

  it('round-trips group names with markup, commas and emoji as plain text', () => {
    const name = 'Sales, <b>EU</b>; 🚀';
    const header = formatGroupName(name, 1700000000000);
    expect(header).not.to.match(/[<>,\s]/);
    expect(parseGroupName(header)).to.deep.equal({ name, at: 1700000000000 });
  });

  it('cleans names: no control or bidi characters, at most 64 characters', () => {
    expect(cleanLabel('a\u0000b\u202ec\nd')).to.equal('a b c d');
    expect(() => formatGroupName('x\ud800', 1)).not.to.throw();
    expect([...cleanLabel('🚀'.repeat(100))]).to.have.length(64);
    expect(parseGroupName('%E0%A4%A')).to.equal(undefined);
    expect(parseGroupName('')).to.equal(undefined);
    expect(parseGroupName('%20%20')).to.equal(undefined);
    expect(parseGroupName('Team;t=abc')).to.deep.equal({ name: 'Team', at: 0 });
  });

  it('reads member lists on our domain, dropping garbage', () => {
    expect(parseMembers(formatMembers(['1001', '1002', 'bob@other.example']), 'phone.test')).to.deep.equal(['1001', '1002', 'bob@other.example']);
    expect(parseMembers('1001, sip:1003@phone.test ,<script>,,%ZZ,1001', 'phone.test')).to.deep.equal(['1001', '1003']);
    expect(parseMembers(Array.from({ length: 100 }, (_, i) => 2000 + i).join(','), 'phone.test')).to.have.length(32);
    expect(parseMembers(undefined, 'phone.test')).to.deep.equal([]);
  });

  it('knows our own number in both forms', () => {
    expect(isSelf('1001', '1001', 'phone.test')).to.equal(true);
    expect(isSelf('1001@Phone.Test', '1001', 'phone.test')).to.equal(true);
    expect(isSelf('1002', '1001', 'phone.test')).to.equal(false);
  });
});
