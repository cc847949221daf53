/**
 * What the call-history view asks of the stored records: which calls a
 * filter shows, and the CSV a user exports. Pure.
 */
import type { CallHistoryRecord } from './types.js';

/**
 * What the history view may do with the stored calls: read them, newest
 * first, a page at a time (the session hands this out; the storage behind it
 * stays in src/storage).
 */
export interface HistoryReader {
  scan(
    limit: number,
    options?: { from?: string; match?: (record: CallHistoryRecord) => boolean; maxScan?: number },
  ): Promise<{ records: CallHistoryRecord[]; next?: string }>;
}

export type HistoryFilter = 'all' | 'inbound' | 'outbound' | 'missed' | 'recent';

export const HISTORY_FILTERS: readonly HistoryFilter[] = ['all', 'inbound', 'outbound', 'missed', 'recent'];

/** "Recent" is this many calls, one per number. */
export const RECENT_COUNT = 20;

/**
 * The test a filter puts each record to, newest first. "Recent" keeps the
 * newest call of each number, so it is stateful: make one per query.
 */
export function historyMatcher(filter: HistoryFilter): ((record: CallHistoryRecord) => boolean) | undefined {
  switch (filter) {
    case 'inbound':
    case 'outbound':
      return (r) => r.direction === filter;
    case 'missed':
      return (r) => r.outcome === 'missed';
    case 'recent': {
      const seen = new Set<string>();
      return (r) => !seen.has(r.number) && Boolean(seen.add(r.number));
    }
    default:
      return undefined;
  }
}

const CSV_COLUMNS = ['Start', 'Direction', 'Outcome', 'Name', 'Number', 'Duration (s)', 'Cause', 'SIP code'] as const;

/**
 * One CSV field: quoted where needed, and a leading = + - @ (or tab/CR)
 * neutralised with an apostrophe, so that a caller's name cannot become a
 * formula when the file is opened in a spreadsheet.
 */
export function csvField(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value !== 'number') text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_HEADER = `${CSV_COLUMNS.join(',')}\r\n`;

/** The CSV rows (with CRLF line ends) of some calls; the header is CSV_HEADER. */
export function csvRows(records: readonly CallHistoryRecord[]): string {
  let out = '';
  for (const r of records) {
    out += `${[
      new Date(r.startedAt).toISOString(),
      r.direction,
      r.outcome,
      r.name,
      r.number,
      r.duration,
      r.cause?.text,
      r.cause?.sipCode,
    ]
      .map(csvField)
      .join(',')}\r\n`;
  }
  return out;
}

/** The whole history as CSV, read page by page (`read(from)` returns one page and where to go on). */
export async function historyCsv(read: (from?: string) => Promise<{ records: CallHistoryRecord[]; next?: string }>): Promise<string> {
  const parts = [CSV_HEADER];
  let from: string | undefined;
  do {
    const page = await read(from);
    parts.push(csvRows(page.records));
    from = page.next;
  } while (from !== undefined);
  return parts.join('');
}
