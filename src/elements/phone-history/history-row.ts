/** How one call of the history reads: words for its direction and outcome, and its time. */
import { msg, str } from '@lit/localize';
import { formatDuration } from '../../core/format.js';
import { formatLocale } from '../../i18n/locale.js';
import type { CallHistoryRecord } from '../../core/types.js';

/** "Missed", "Incoming", "Outgoing", "Rejected", "Not answered", "In progress"… */
export function outcomeWord(r: CallHistoryRecord): string {
  switch (r.outcome) {
    case 'missed':
      return msg('Missed', { desc: 'Call history: a missed call' });
    case 'rejected':
      return msg('Rejected', { desc: 'Call history: a rejected call' });
    case 'failed':
      return r.cause?.code === 'canceled' ? msg('Canceled') : msg('Not answered');
    case 'transferred':
      return r.direction === 'inbound' ? msg('Incoming, transferred') : msg('Outgoing, transferred');
    case 'in-progress':
      return r.open && Date.now() - r.startedAt > 6 * 3600_000 ? msg('Interrupted') : msg('In progress');
    default:
      return r.direction === 'inbound' ? msg('Incoming', { desc: 'Call history: an incoming call' }) : msg('Outgoing', { desc: 'Call history: an outgoing call' });
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
  if (sameDay(date, yesterday)) return msg(str`Yesterday ${time}`);
  if (date.getFullYear() === now.getFullYear()) return `${date.toLocaleDateString(locale, { day: 'numeric', month: 'short' })} ${time}`;
  return date.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The second line of a row: "Missed · 14:03", "Outgoing · Yesterday 09:12 · 2:10". */
export function rowDetail(r: CallHistoryRecord, now = new Date()): string {
  const parts = [outcomeWord(r), whenText(r.startedAt, now, formatLocale())];
  if (r.duration > 0) parts.push(formatDuration(r.duration));
  return parts.join(' · ');
}

/** Who: the name, or the number. */
export const whoOf = (r: CallHistoryRecord): string => r.name || r.number;
