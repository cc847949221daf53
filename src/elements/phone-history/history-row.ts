/** How one call of the history reads: words for its direction and outcome, and its time. */
import { formatDuration } from '../../core/format.js';
import type { CallHistoryRecord } from '../../core/types.js';

/** "Missed", "Incoming", "Outgoing", "Rejected", "Not answered", "In progress"… */
export function outcomeWord(r: CallHistoryRecord): string {
  switch (r.outcome) {
    case 'missed':
      return 'Missed';
    case 'rejected':
      return 'Rejected';
    case 'failed':
      return r.cause?.code === 'canceled' ? 'Canceled' : 'Not answered';
    case 'transferred':
      return r.direction === 'inbound' ? 'Incoming, transferred' : 'Outgoing, transferred';
    case 'in-progress':
      return r.open && Date.now() - r.startedAt > 6 * 3600_000 ? 'Interrupted' : 'In progress';
    default:
      return r.direction === 'inbound' ? 'Incoming' : 'Outgoing';
  }
}

/** The arrow of a row: into the phone, out of it, or a missed one. */
export function arrowOf(r: CallHistoryRecord): string {
  if (r.outcome === 'missed' || r.outcome === 'rejected') return '↙';
  return r.direction === 'inbound' ? '↙' : '↗';
}

const sameDay = (a: Date, b: Date) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/** "14:03" today, "Yesterday 14:03", "12 Mar 14:03" this year, "12 Mar 2025" before. */
export function whenText(at: number, now = new Date(), locale?: string): string {
  const date = new Date(at);
  const time = date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (sameDay(date, now)) return time;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (sameDay(date, yesterday)) return `Yesterday ${time}`;
  if (date.getFullYear() === now.getFullYear()) return `${date.toLocaleDateString(locale, { day: 'numeric', month: 'short' })} ${time}`;
  return date.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The second line of a row: "Missed · 14:03", "Outgoing · Yesterday 09:12 · 2:10". */
export function rowDetail(r: CallHistoryRecord, now = new Date()): string {
  const parts = [outcomeWord(r), whenText(r.startedAt, now)];
  if (r.duration > 0) parts.push(formatDuration(r.duration));
  return parts.join(' · ');
}

/** Who: the name, or the number. */
export const whoOf = (r: CallHistoryRecord): string => r.name || r.number;
