/**
 * What one watched extension shows: its lamp (from the dialog package), its
 * presence (from PIDF when the server has it, else from the lamp), and the
 * words for both.
 */
import type { LampState } from './dialog-info.js';
import type { Presence, PresenceStatus } from './pidf.js';

export type { LampState };

export interface KeyLamp {
  state: LampState;
  /** The other party of the call that lights the lamp ("Bob", "1002"), when the server says. */
  peer?: string;
  /** From a presence subscription, when the server publishes presence. */
  presence?: Presence;
}

/** The lamp state in words, as used in each key's accessible name: "Bob, 1003, busy". */
export const LAMP_WORDS: Record<LampState, string> = {
  idle: 'idle',
  ringing: 'ringing',
  busy: 'busy',
  held: 'on hold',
  unknown: 'unknown',
  offline: 'offline',
};

export type PresenceView = PresenceStatus | 'unknown';

export const PRESENCE_WORDS: Record<PresenceView, string> = {
  available: 'available',
  busy: 'busy',
  away: 'away',
  offline: 'offline',
  unknown: 'unknown',
};

/**
 * A person's presence: on the phone (the lamp) beats what the presence
 * document says; without a presence document, an idle lamp is "available".
 */
export function presenceOf(lamp: KeyLamp | undefined): PresenceView {
  if (!lamp) return 'unknown';
  if (lamp.state === 'ringing' || lamp.state === 'busy' || lamp.state === 'held') return 'busy';
  if (lamp.presence) return lamp.presence.status;
  if (lamp.state === 'idle') return 'available';
  return lamp.state === 'offline' ? 'offline' : 'unknown';
}

/** Two lamps that render the same. */
export const sameLamp = (a: KeyLamp | undefined, b: KeyLamp): boolean =>
  !!a && a.state === b.state && a.peer === b.peer && a.presence?.status === b.presence?.status && a.presence?.note === b.presence?.note;
