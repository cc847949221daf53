import { expect } from '@open-wc/testing';
import { ChatStore, messageKey } from './chat-store.js';
import type { ChatMessage, Conversation } from '../core/chat/chat-types.js';

let seq = 0;
const account = () => `sip:1001@store${Date.now()}x${seq++}.test`;

const msg = (conversationId: string, at: number, id: string, direction: 'in' | 'out' = 'in'): ChatMessage => ({
  key: messageKey(conversationId, at, id),
  id,
  conversationId,
  direction,
  from: { number: '1002' },
  at,
  text: `text ${id}`,
});

const conv = (id: string): Conversation => ({
  id,
  kind: 'direct',
  members: ['1002'],
  names: {},
  createdAt: 1,
  lastAt: 1,
  unread: 0,
  muted: false,
  pinned: false,
  left: false,
});

describe('ChatStore', () => {
  it('keys sort by time within a conversation', () => {
    expect(messageKey('d:1', 9, 'b') < messageKey('d:1', 10, 'a')).to.equal(true);
    expect(messageKey('d:1', 1_700_000_000_000, 'z')).to.equal('m|d:1|1700000000000|z');
  });

  it('reads the newest page, then earlier pages, oldest first, never another conversation', async () => {
    const store = new ChatStore(account());
    for (let i = 0; i < 25; i++) await store.saveMessage(msg('d:1002', 1000 + i, `m${i}`));
    await store.saveMessage(msg('d:10020', 5000, 'other'));
    const newest = await store.page('d:1002', 10);
    expect(newest.map((m) => m.id)).to.deep.equal(Array.from({ length: 10 }, (_, i) => `m${15 + i}`));
    const earlier = await store.page('d:1002', 10, newest[0]!.key);
    expect(earlier.map((m) => m.id)).to.deep.equal(Array.from({ length: 10 }, (_, i) => `m${5 + i}`));
    const first = await store.page('d:1002', 10, earlier[0]!.key);
    expect(first.map((m) => m.id)).to.deep.equal(['m0', 'm1', 'm2', 'm3', 'm4']);
  });

  it('keeps everything two writers save at the same moment (two tabs)', async () => {
    const name = account();
    const a = new ChatStore(name);
    const b = new ChatStore(name);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).saveMessage(msg('d:1002', 2000 + i, `t${i}`))),
    );
    const all = await new ChatStore(name).page('d:1002', 100);
    expect(all).to.have.length(40);
  });

  it('finds our messages by Message-ID and knows received ones', async () => {
    const store = new ChatStore(account());
    const mine = msg('d:1002', 10, 'mine', 'out');
    await store.saveMessage(mine);
    await store.saveMessage(msg('d:1002', 11, 'theirs'));
    expect(await store.outgoingKey('mine')).to.equal(mine.key);
    expect(await store.outgoingKey('theirs')).to.equal(undefined);
    expect(await store.hasIncoming('d:1002', 'theirs')).to.equal(true);
    expect(await store.hasIncoming('d:1003', 'theirs')).to.equal(false);
  });

  it('deletes a conversation with its messages and index records, and nothing else', async () => {
    const store = new ChatStore(account());
    await store.saveConversation(conv('d:1002'));
    await store.saveConversation(conv('d:1003'));
    await store.saveMessage(msg('d:1002', 10, 'a', 'out'));
    await store.saveMessage(msg('d:1003', 10, 'b'));
    await store.deleteConversation('d:1002');
    expect((await store.conversations()).map((c) => c.id)).to.deep.equal(['d:1003']);
    expect(await store.page('d:1002', 10)).to.deep.equal([]);
    expect(await store.outgoingKey('a')).to.equal(undefined);
    expect(await store.page('d:1003', 10)).to.have.length(1);
  });
});
