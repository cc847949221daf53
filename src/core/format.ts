/**
 * Small pure formatters shared by the elements. Their words go through
 * `msg()`, so they come out in the active language when called.
 */
import { msg, str } from '@lit/localize';
import type { CallView, PhoneStatus } from './types.js';

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
  if (call.transfer?.state === 'referring') return msg(str`Transferring to ${call.transfer.target}…`);
  switch (call.state) {
    case 'calling':
      return msg('Calling…');
    case 'ringing':
      if (call.direction === 'outbound') return call.earlyMedia ? msg('Ringing (announcement)…') : msg('Ringing…');
      return call.silenced ? msg('Incoming call (silenced)') : msg('Incoming call');
    case 'connected':
      if (call.holdPending) return call.held ? msg('Resuming…') : msg('Holding…');
      if (call.held) return call.transfer?.state === 'consulting' ? msg(str`On hold · transfer to ${call.transfer.target}`) : msg('On hold');
      if (call.remoteHeld) return msg('Held by remote');
      return msg('Connected');
    case 'ended':
      return call.cause?.text ?? msg('Call ended');
  }
}

/** The registration status in the words business phones use: "Ready", "Connecting…". */
export function statusText(status: PhoneStatus): string {
  switch (status) {
    case 'idle':
      return msg('Not set up');
    case 'connecting':
      return msg('Connecting…');
    case 'ready':
      return msg('Ready');
    case 'disconnected':
      return msg('Disconnected');
    case 'in-call':
      return msg('In call');
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
  if (!cause || cause.code === 'hangup' || (cause.code === 'canceled' && cause.by === 'local')) return msg(str`Call with ${label} ended`);
  const why = cause.text;
  if (call.answeredAt) return msg(str`Call with ${label} ended: ${why}`);
  return call.direction === 'outbound' ? msg(str`Call to ${label} failed: ${why}`) : msg(str`Missed call from ${label}`);
}
