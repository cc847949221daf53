import { expect } from '@open-wc/testing';
import { SlicedQueue } from './sliced-queue.js';

/** Keeps the main thread busy for `ms`. */
const spin = (ms: number) => {
  for (const end = performance.now() + ms; performance.now() < end; );
};

describe('SlicedQueue', () => {
  it('runs a lone job at once', () => {
    const q = new SlicedQueue(8);
    let ran = false;
    q.run(() => (ran = true));
    expect(ran).to.equal(true);
  });

  it('spreads a burst over tasks of about the slice, in order', async () => {
    const q = new SlicedQueue(8);
    const order: number[] = [];
    for (let i = 0; i < 40; i++) q.run(() => (spin(1), order.push(i)));
    // 1 ms each, 8 ms a slice: the first task runs at most 9 of them.
    expect(order.length).to.be.within(1, 9);
    // Another task gets the thread between slices.
    let between = false;
    setTimeout(() => (between = order.length < 40));
    await q.settled();
    expect(order).to.deep.equal([...Array(40).keys()]);
    expect(between, 'other tasks ran before the burst was done').to.equal(true);
  });

  it('keeps order: a job queued after a burst waits its turn', async () => {
    const q = new SlicedQueue(2);
    const order: string[] = [];
    q.run(() => (spin(3), order.push('a')));
    q.run(() => order.push('b'));
    await new Promise((r) => setTimeout(r));
    q.run(() => order.push('c'));
    await q.settled();
    expect(order).to.deep.equal(['a', 'b', 'c']);
  });

  it('survives a job that throws, and drops queued jobs on clear', async () => {
    const q = new SlicedQueue(1);
    const error = console.error;
    console.error = () => undefined;
    const ran: number[] = [];
    try {
      q.run(() => {
        spin(2);
        throw new Error('bad body');
      });
      q.run(() => ran.push(1));
      await q.settled();
      q.run(() => spin(2));
      q.run(() => ran.push(2));
      q.clear();
      await q.settled();
      await new Promise((r) => setTimeout(r, 10));
    } finally {
      console.error = error;
    }
    expect(ran).to.deep.equal([1]);
  });
});
