import { expect } from '@open-wc/testing';
import { newConversation, threadIncoming } from './group-thread.js';
import type { Conversation } from './chat-types.js';

const self = (n: string) => n === '1001';
const store = (...list: Conversation[]) => (id: string) => list.find((c) => c.id === id);
const group = (members: string[], name?: { name: string; at: number }) => ({ group: { id: 'g:grp12345', members, ...(name ? { name } : {}) } });

describe('threading incoming messages', () => {
  it('a message without a group header belongs to the sender’s direct conversation', () => {
    const c = threadIncoming({ number: '1002', name: 'Bob' }, {}, store(), self)!;
    expect(c).to.include({ id: 'd:1002', kind: 'direct' });
    expect(c.members).to.deep.equal(['1002']);
    expect(c.names).to.deep.equal({ '1002': 'Bob' });
  });

  it('a group message starts the group with everyone listed but us', () => {
    const c = threadIncoming({ number: '1002' }, group(['1001', '1002', '1003'], { name: 'Ops', at: 5 }), store(), self)!;
    expect(c).to.include({ id: 'g:grp12345', kind: 'group', name: 'Ops', nameAt: 5 });
    expect(c.members).to.deep.equal(['1002', '1003']);
  });

  it('merges members, keeps the newest name, and does not change what it was given', () => {
    const known = { ...newConversation('g:grp12345', 'group', ['1002']), name: 'New', nameAt: 10 };
    const c = threadIncoming({ number: '1003' }, group(['1001', '1003', '1004'], { name: 'Old', at: 9 }), store(known), self)!;
    expect(c.members).to.deep.equal(['1002', '1003', '1004']);
    expect(c.name).to.equal('New');
    expect(known.members).to.deep.equal(['1002']);
  });

  it('a sender missing from their own list left; a stale list does not bring them back; writing again does', () => {
    const known = newConversation('g:grp12345', 'group', ['1002', '1003']);
    const left = threadIncoming({ number: '1002' }, group(['1001', '1003']), store(known), self)!;
    expect(left.members).to.deep.equal(['1003']);
    expect(left.departed).to.deep.equal(['1002']);
    const stale = threadIncoming({ number: '1003' }, group(['1001', '1002', '1003']), store(left), self)!;
    expect(stale.members).to.deep.equal(['1003']);
    const back = threadIncoming({ number: '1002' }, group(['1001', '1002', '1003']), store(stale), self)!;
    expect(back.members).to.deep.equal(['1003', '1002']);
  });

  it('nothing for a group we left', () => {
    const known = { ...newConversation('g:grp12345', 'group', ['1002']), left: true };
    expect(threadIncoming({ number: '1002' }, group(['1001', '1002']), store(known), self)).to.equal(undefined);
  });
});
