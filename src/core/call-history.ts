/**
 * Turns calls into history records and back into the "recent" list. Pure:
 * the session writes the records (src/storage/call-history-store.ts).
 */
import { msg } from '@lit/localize';
import type { CallHistoryRecord, CallView, RecentCall } from './types.js';

/** What became of a call, in history terms. */
export function outcomeOf(call: CallView): CallHistoryRecord['outcome'] {
  if (call.state !== 'ended') return 'in-progress';
  if (call.cause?.code === 'transferred') return 'transferred';
  if (call.answeredAt) return 'answered';
  if (call.direction === 'outbound') return 'failed';
  // Incoming and never answered: rejected by the user, or missed (DND counts as missed).
  return call.cause?.by === 'local' && call.cause.code !== 'dnd' && call.cause.code !== 'canceled' ? 'rejected' : 'missed';
}

export function historyRecord(call: CallView): CallHistoryRecord {
  const ended = call.state === 'ended';
  const endedAt = call.endedAt;
  return {
    id: call.id,
    direction: call.direction,
    number: call.remote.number,
    ...(call.remote.name ? { name: call.remote.name } : {}),
    startedAt: call.startedAt,
    ...(call.answeredAt ? { answeredAt: call.answeredAt } : {}),
    ...(endedAt ? { endedAt } : {}),
    duration: call.answeredAt && endedAt ? Math.round((endedAt - call.answeredAt) / 1000) : 0,
    open: !ended,
    outcome: outcomeOf(call),
    ...(call.cause ? { cause: call.cause } : {}),
  };
}

export function recentFrom(record: CallHistoryRecord): RecentCall {
  return {
    id: record.id,
    direction: record.direction,
    number: record.number,
    ...(record.name ? { name: record.name } : {}),
    startedAt: record.startedAt,
    duration: record.duration,
    answered: Boolean(record.answeredAt),
    cause: record.cause ?? { code: 'unknown', text: record.open ? msg('Interrupted') : msg('Call ended'), by: 'system' },
  };
}
