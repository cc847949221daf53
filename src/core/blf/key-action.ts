/**
 * What a click on a BLF key (or a directory entry) does, decided from the
 * phone's calls and the key's lamp, as on a desk phone:
 * - during a call: blind transfer of that call to the key's extension;
 * - while the key rings, with a pickup code configured: directed call pickup;
 * - otherwise: call the extension.
 */
import { msg, str } from '@lit/localize';
import type { CallView } from '../types.js';
import type { LampState } from './dialog-info.js';

export interface FeatureCodes {
  /** Directed call pickup prefix, e.g. `**` (dials `**1003`). */
  pickup?: string;
  /** Monitoring ("listen") prefix, e.g. `007` (dials `0071003`). */
  listen?: string;
}

export type KeyAction =
  | { kind: 'call'; target: string; text: string }
  | { kind: 'transfer'; callId: string; target: string; text: string }
  | { kind: 'pickup'; target: string; text: string };

/** The call a key click transfers: the one being talked on, else a held one. */
export function transferableCall(calls: readonly CallView[]): CallView | undefined {
  const connected = calls.filter((c) => c.state === 'connected' && !c.transfer && !c.consultFor);
  return connected.find((c) => !c.held) ?? connected[0];
}

export function keyAction(key: { extension: string; label: string }, lamp: LampState, calls: readonly CallView[], codes: FeatureCodes = {}): KeyAction {
  const call = transferableCall(calls);
  if (call) return { kind: 'transfer', callId: call.id, target: key.extension, text: msg(str`Transfer the call to ${key.label}`) };
  if (lamp === 'ringing' && codes.pickup) return { kind: 'pickup', target: `${codes.pickup}${key.extension}`, text: msg(str`Pick up the call ringing at ${key.label}`) };
  return { kind: 'call', target: key.extension, text: msg(str`Call ${key.label}`) };
}

/** The number that listens in on an extension's call, when a listen code is configured. */
export const listenTarget = (extension: string, codes: FeatureCodes): string | undefined =>
  codes.listen ? `${codes.listen}${extension}` : undefined;
