/**
 * The windowing arithmetic of the message log: which rows to render for a
 * scroll position, and the padding that stands for the rows left out.
 * Rows not measured yet count as `estimate` pixels.
 */

export interface VisibleRange {
  /** First rendered row. */
  start: number;
  /** One past the last rendered row. */
  end: number;
  /** The first row at or below the top of the viewport. */
  first: number;
  /** Pixels above `start` and below `end`. */
  before: number;
  after: number;
  total: number;
}

/** Top offsets of each row, plus the total height at the end (length n + 1). */
export function offsetsOf(count: number, heightOf: (i: number) => number): Float64Array {
  const out = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) out[i + 1] = out[i]! + heightOf(i);
  return out;
}

/** The index of the row that contains pixel `y` (the last row for y past the end). */
export function rowAt(offsets: Float64Array, y: number): number {
  const n = offsets.length - 1;
  if (n <= 0) return 0;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The rows to render to cover `[scrollTop, scrollTop + viewport]`, with `overscan` pixels either side. */
export function visibleRange(offsets: Float64Array, scrollTop: number, viewport: number, overscan: number): VisibleRange {
  const n = offsets.length - 1;
  const total = offsets[n] ?? 0;
  if (n <= 0) return { start: 0, end: 0, first: 0, before: 0, after: 0, total };
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, total - viewport)));
  const start = rowAt(offsets, Math.max(0, top - overscan));
  const end = Math.min(n, rowAt(offsets, top + viewport + overscan) + 1);
  return { start, end, first: rowAt(offsets, top), before: offsets[start]!, after: total - offsets[end]!, total };
}
