import type { CallSettings, CallView } from '../types.js';

/** What the phone should be sounding right now. */
export type SoundCue = 'ringtone' | 'call-waiting' | 'ringback' | null;

/**
 * Decides the sound from the calls alone (pure, unit-tested):
 * - an incoming call rings with the ringtone, or with the call-waiting tone
 *   when another call is going on (per the call-waiting setting; "once" plays
 *   it one time per waiting call, tracked in `waitingToneDone`);
 * - an outgoing call whose callee rings without early media hears ringback.
 */
export function soundCue(calls: readonly CallView[], settings: CallSettings, waitingToneDone: ReadonlySet<string>): SoundCue {
  const ringing = calls.filter((c) => c.direction === 'inbound' && c.state === 'ringing' && !c.silenced);
  const busy = calls.some((c) => c.state === 'connected' || (c.direction === 'outbound' && c.state !== 'ended'));
  if (ringing.length) {
    if (!busy) return 'ringtone';
    if (settings.callWaiting === 'disabled') return null;
    if (settings.callWaiting === 'once' && ringing.every((c) => waitingToneDone.has(c.id))) return null;
    return 'call-waiting';
  }
  if (calls.some((c) => c.direction === 'outbound' && c.state === 'ringing' && !c.earlyMedia)) return 'ringback';
  return null;
}
