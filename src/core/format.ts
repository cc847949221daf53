/** Small pure formatters shared by the elements. */
import type { CallView } from './types.js';

/** "1:05", "12:30", "1:02:03". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** What a call card says about a call's state. */
export function callStateText(call: CallView): string {
  if (call.transfer?.state === 'referring') return `Transferring to ${call.transfer.target}…`;
  switch (call.state) {
    case 'calling':
      return 'Calling…';
    case 'ringing':
      if (call.direction === 'outbound') return call.earlyMedia ? 'Ringing (announcement)…' : 'Ringing…';
      return call.silenced ? 'Incoming call (silenced)' : 'Incoming call';
    case 'connected':
      if (call.holdPending) return call.held ? 'Resuming…' : 'Holding…';
      if (call.held) return call.transfer?.state === 'consulting' ? `On hold · transfer to ${call.transfer.target}` : 'On hold';
      if (call.remoteHeld) return 'Held by remote';
      return 'Connected';
    case 'ended':
      return call.cause?.text ?? 'Call ended';
  }
}

/** The name to show for the far end, falling back to the number. */
export function remoteLabel(call: CallView): string {
  return call.remote.name || call.remote.number;
}

/** The notice after a call ended: "Call with Bob ended", "Call to 1002 failed: Busy (486)". */
export function endedText(call: CallView): string {
  const label = remoteLabel(call);
  const cause = call.cause;
  if (!cause || cause.code === 'hangup' || (cause.code === 'canceled' && cause.by === 'local')) return `Call with ${label} ended`;
  if (call.answeredAt) return `Call with ${label} ended: ${cause.text}`;
  return call.direction === 'outbound' ? `Call to ${label} failed: ${cause.text}` : `Missed call from ${label}`;
}
