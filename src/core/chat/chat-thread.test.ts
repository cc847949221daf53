import { expect } from '@open-wc/testing';
import { ChatThread, PAGE_SIZE, type ThreadSource } from './chat-thread.js';
import type { ChatMessage } from './chat-types.js';
import { messageKey } from '../../storage/chat-store.js';

const msg = (at: number, id: string, direction: 'in' | 'out' = 'in'): ChatMessage => ({
  key: messageKey('d:1002', at, id),
  id,
  conversationId: 'd:1002',
  direction,
  from: { number: direction === 'in' ? '1002' : '1001' },
  at,
  text: id,
});

/** Pages over a fixed, sorted list, like the store. */
function source(all: ChatMessage[]): ThreadSource & { released: number } {
  return {
    released: 0,
    page: async (_id, limit, before) => {
      const older = before ? all.filter((m) => m.key < before) : all;
      return older.slice(-limit);
    },
    release() {
      this.released++;
    },
  };
}

describe('ChatThread', () => {
  it('reads the newest page, then earlier ones until complete', async () => {
    const all = Array.from({ length: PAGE_SIZE * 2 + 5 }, (_, i) => msg(1000 + i, `m${i}`));
    const thread = new ChatThread('d:1002', source(all));
    await thread.ready;
    expect(thread.messages.map((m) => m.id)).to.deep.equal(all.slice(-PAGE_SIZE).map((m) => m.id));
    expect(thread.complete).to.equal(false);
    await thread.loadEarlier();
    await thread.loadEarlier();
    expect(thread.messages.map((m) => m.id)).to.deep.equal(all.map((m) => m.id));
    expect(thread.complete).to.equal(true);
  });

  it('puts live messages in time order, replaces changed ones, and keeps one copy of a message two tabs stored', async () => {
    const thread = new ChatThread('d:1002', source([msg(10, 'a'), msg(20, 'b', 'out'), msg(21, 'b')]));
    await thread.ready;
    expect(thread.messages.map((m) => `${m.direction}:${m.id}`)).to.deep.equal(['in:a', 'out:b', 'in:b']);
    thread.put(msg(30, 'c'));
    thread.put(msg(31, 'c'));
    thread.put(msg(15, 'between'));
    thread.put({ ...msg(20, 'b', 'out'), state: 'read' });
    expect(thread.messages.map((m) => m.id)).to.deep.equal(['a', 'between', 'b', 'b', 'c']);
    expect(thread.messages[2]!.state).to.equal('read');
  });

  it('stops following once closed', async () => {
    const src = source([]);
    const thread = new ChatThread('d:1002', src);
    await thread.ready;
    let changes = 0;
    thread.on('change', () => changes++);
    thread.close();
    thread.put(msg(1, 'late'));
    expect(changes).to.equal(0);
    expect(src.released).to.equal(1);
  });
});
