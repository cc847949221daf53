/** Words and small computations the chat view shows (pure). */
import { msg, str } from '@lit/localize';
import type { ChatMessage, Conversation, DeliveryState } from './chat-types.js';

const RANK: Record<DeliveryState, number> = { failed: -1, sending: 0, stored: 1, sent: 2, delivered: 3, read: 4 };

/** A state only moves forward (a late 200 never undoes a receipt); `failed` can be retried. */
export function advance(current: DeliveryState | undefined, next: DeliveryState): DeliveryState {
  if (!current || next === 'sending' || current === 'failed') return next;
  if (next === 'failed') return current === 'sending' ? 'failed' : current;
  return RANK[next] > RANK[current] ? next : current;
}

/** The overall state: everyone failed → failed; otherwise the least advanced of the others. */
export function overallState(recipients: Record<string, DeliveryState>): DeliveryState {
  const states = Object.values(recipients);
  const alive = states.filter((s) => s !== 'failed');
  if (!alive.length) return 'failed';
  return alive.reduce((min, s) => (RANK[s] < RANK[min] ? s : min));
}

/** "Not found (404)", "Not connected". */
export function failureText(code: number | undefined, reason: string): string {
  const words: Record<number, string> = {
    403: msg('Not allowed'),
    404: msg('Not found'),
    408: msg('No answer'),
    413: msg('Too large'),
    415: msg('Not supported by the recipient'),
    480: msg('Not available'),
    486: msg('Busy'),
    488: msg('Not accepted'),
    500: msg('Server error'),
    503: msg('Service unavailable'),
  };
  const text = (code && words[code]) || reason || msg('Not sent');
  return code ? `${text} (${code})` : text;
}

/** What a message's state says under it. */
export function stateText(message: ChatMessage): string {
  const state = message.state ?? 'sending';
  const all = Object.values(message.recipients ?? {});
  const count = (s: DeliveryState) => all.filter((x) => RANK[x] >= RANK[s] && x !== 'failed').length;
  switch (state) {
    case 'sending':
      return msg('Sending…');
    case 'stored':
      return msg('Stored for later');
    case 'sent':
      return msg('Sent');
    case 'delivered': {
      const read = count('read');
      const total = all.length;
      return total > 1 && read ? msg(str`Delivered · read by ${read} of ${total}`) : msg('Delivered');
    }
    case 'read': {
      const total = all.length;
      return total > 1 ? msg(str`Read by all ${total}`) : msg('Read');
    }
    case 'failed': {
      const why = message.failure ?? msg('Not sent');
      return msg(str`Failed: ${why}`);
    }
  }
}

/** A partial failure in a group ("Not delivered to 1003: Not found (404)"), shown beside the state. */
export function partialFailure(message: ChatMessage): string | undefined {
  if (message.state === 'failed' || !message.failure) return undefined;
  return message.failure;
}

/** The name of a party: their display name, or their number. */
export function partyLabel(conversation: Conversation | undefined, number: string): string {
  // Own keys only: a peer numbered `__proto__` must not name itself after Object.prototype.
  return (conversation && Object.hasOwn(conversation.names, number) ? conversation.names[number] : undefined) || number;
}

/** The title of a conversation: the group's name, else its members' names. */
export function conversationTitle(c: Conversation): string {
  if (c.name) return c.name;
  const labels = c.members.map((n) => partyLabel(c, n));
  if (!labels.length) return c.kind === 'group' ? msg('Group') : msg('Conversation');
  return labels.length > 3 ? `${labels.slice(0, 3).join(', ')} +${labels.length - 3}` : labels.join(', ');
}

/** One line about a message for the conversation list. */
export function previewText(message: Pick<ChatMessage, 'text' | 'file'>): string {
  if (message.file) return `📎 ${message.file.name}`;
  const line = message.text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

/** "Bob is typing…", "Bob and Carol are typing…", "3 people are typing…". */
export function typingText(conversation: Conversation | undefined, numbers: readonly string[]): string {
  const names = numbers.map((n) => partyLabel(conversation, n));
  if (!names.length) return '';
  const [first, second] = names;
  if (names.length === 1) return msg(str`${first} is typing…`);
  if (names.length === 2) return msg(str`${first} and ${second} are typing…`);
  const count = names.length;
  return msg(str`${count} people are typing…`);
}

const sameDay = (a: Date, b: Date) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/**
 * Intl formatters are costly to make and the log formats every visible row
 * on each render: one of each per locale, made on first use.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function format(kind: 'time' | 'weekday' | 'date', at: Date, locale?: string): string {
  const id = `${kind}|${locale ?? ''}`;
  let f = formatters.get(id);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'time' ? { hour: '2-digit', minute: '2-digit' } : kind === 'weekday' ? { weekday: 'short' } : { day: 'numeric', month: 'short' };
    formatters.set(id, (f = new Intl.DateTimeFormat(locale, options)));
  }
  return Number.isFinite(at.getTime()) ? f.format(at) : '—';
}

/** "14:05" today, "Mon" this week, "12 Mar" before. */
export function timeLabel(at: number, now = Date.now(), locale?: string): string {
  const d = new Date(at);
  if (sameDay(d, new Date(now))) return format('time', d, locale);
  if (now - at < 6 * 86400_000 && at < now) return format('weekday', d, locale);
  return format('date', d, locale);
}

/** The time under a message: its time, and the day when not today. */
export function messageTime(at: number, now = Date.now(), locale?: string): string {
  const d = new Date(at);
  const time = format('time', d, locale);
  return sameDay(d, new Date(now)) ? time : `${format('date', d, locale)} ${time}`;
}
