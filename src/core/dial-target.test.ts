import { expect } from '@open-wc/testing';
import { normalizeNumber, parseDialTarget } from './dial-target.js';

describe('dial targets', () => {
  it('strips what people put around numbers', () => {
    expect(normalizeNumber(' +1 (555) 010-99.88 ')).to.equal('+15550109988');
    expect(normalizeNumber('*78')).to.equal('*78');
    expect(normalizeNumber('12a3')).to.equal('');
  });

  it('completes numbers and extensions with the account domain', () => {
    expect(parseDialTarget('1002', 'phone.test')).to.deep.equal({ display: '1002', uri: 'sip:1002@phone.test', user: '1002' });
  });

  it('unwraps tel: and sip: URIs', () => {
    expect(parseDialTarget('tel:+1-555-0100;phone-context=x', 'phone.test')?.uri).to.equal('sip:+15550100@phone.test');
    expect(parseDialTarget('sip:1003@phone.test;transport=ws', 'phone.test')?.display).to.equal('1003');
    expect(parseDialTarget('sip:bob@elsewhere.example', 'phone.test')?.display).to.equal('bob@elsewhere.example');
  });

  it('escapes # in the request URI', () => {
    expect(parseDialTarget('*97#', 'phone.test')?.uri).to.equal('sip:*97%23@phone.test');
  });

  it('refuses what cannot be called', () => {
    expect(parseDialTarget('', 'phone.test')).to.equal(null);
    expect(parseDialTarget('<script>', 'phone.test')).to.equal(null);
    expect(parseDialTarget('a@b@', 'phone.test')).to.equal(null);
  });
});
