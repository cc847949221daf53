import { expect } from '@open-wc/testing';
import { offsetsOf, rowAt, visibleRange } from './visible-range.js';

describe('visible range', () => {
  const rows = offsetsOf(10_000, (i) => (i % 3 === 0 ? 60 : 40));

  it('adds up row heights', () => {
    expect([...offsetsOf(3, (i) => [10, 20, 30][i]!)]).to.deep.equal([0, 10, 30, 60]);
    expect(rows[10_000]).to.equal(3334 * 60 + 6666 * 40);
  });

  it('finds the row under a pixel', () => {
    const o = offsetsOf(3, (i) => [10, 20, 30][i]!);
    expect([rowAt(o, 0), rowAt(o, 9.9), rowAt(o, 10), rowAt(o, 59), rowAt(o, 1000), rowAt(o, -5)]).to.deep.equal([0, 0, 1, 2, 2, 0]);
  });

  it('renders a small window at the bottom of 10k rows, the rest as padding', () => {
    const total = rows[10_000]!;
    const r = visibleRange(rows, total - 400, 400, 200);
    expect(r.end).to.equal(10_000);
    expect(r.end - r.start).to.be.below(25);
    expect(r.before + (rows[r.end]! - rows[r.start]!) + r.after).to.equal(total);
    expect(r.after).to.equal(0);
  });

  it('renders the rows around the middle, and clamps past the ends', () => {
    const mid = visibleRange(rows, 200_000, 400, 0);
    expect(rows[mid.start]!).to.be.at.most(200_000);
    expect(rows[mid.end]!).to.be.at.least(200_400);
    expect(mid.first).to.equal(rowAt(rows, 200_000));
    const past = visibleRange(rows, 1e12, 400, 0);
    expect(past.end).to.equal(10_000);
    const before = visibleRange(rows, -50, 400, 0);
    expect(before.start).to.equal(0);
  });

  it('handles an empty list and a list shorter than the viewport', () => {
    expect(visibleRange(offsetsOf(0, () => 40), 0, 400, 100)).to.deep.equal({ start: 0, end: 0, first: 0, before: 0, after: 0, total: 0 });
    const short = visibleRange(offsetsOf(3, () => 40), 0, 400, 100);
    expect([short.start, short.end, short.before, short.after]).to.deep.equal([0, 3, 0, 0]);
  });
});
