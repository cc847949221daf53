/**
 * What one watched extension shows: its lamp (from the dialog package), its
 * presence (from PIDF when the server has it, else from the lamp), and the
 * words for both.
 */
import { msg } from '@lit/localize';
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

/**
 * The lamp state in words, as used in each key's accessible name: "Bob, 1003, busy".
 * Getters: the words come out in the language active when they are read.
 */
export const LAMP_WORDS: Readonly<Record<LampState, string>> = {
  get idle() { return msg('idle', { desc: 'BLF lamp: the extension is free' }); },
  get ringing() { return msg('ringing', { desc: 'BLF lamp: the extension rings' }); },
  get busy() { return msg('busy', { desc: 'BLF lamp or presence: on the phone' }); },
  get held() { return msg('on hold', { desc: 'BLF lamp: the extension holds a call' }); },
  get unknown() { return msg('unknown', { desc: 'BLF lamp or presence: state not known' }); },
  get offline() { return msg('offline', { desc: 'BLF lamp or presence: not registered' }); },
};

export type PresenceView = PresenceStatus | 'unknown';

export const PRESENCE_WORDS: Readonly<Record<PresenceView, string>> = {
  get available() { return msg('available', { desc: 'Presence: free to talk' }); },
  get busy() { return msg('busy', { desc: 'BLF lamp or presence: on the phone' }); },
  get away() { return msg('away', { desc: 'Presence: away from the desk' }); },
  get offline() { return msg('offline', { desc: 'BLF lamp or presence: not registered' }); },
  get unknown() { return msg('unknown', { desc: 'BLF lamp or presence: state not known' }); },
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
