/**
 * The settings a user changes in the phone and expects to find again after a
 * reload, per account: read leniently (whatever is stored, a wrong or unknown
 * value is simply left out), never throwing.
 */
import { parseAudioPreferences, type AudioPreferences } from './media/audio-settings.js';
import type { CallSettings } from './types.js';

export interface SavedSettings {
  callWaiting?: CallSettings['callWaiting'];
  autoAnswer?: boolean;
  dnd?: boolean;
  /** How many calls the history keeps. */
  historyLimit?: number;
  /** The caller name the callee sees. */
  display?: string;
  audio?: AudioPreferences;
}

/** The history sizes offered in the settings. */
export const HISTORY_LIMITS = [100, 1000, 5000, 10_000, 100_000] as const;

export function parseSavedSettings(json: unknown): SavedSettings {
  const src = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  const out: SavedSettings = {};
  if (src.callWaiting === 'enable' || src.callWaiting === 'once' || src.callWaiting === 'disabled') out.callWaiting = src.callWaiting;
  if (typeof src.autoAnswer === 'boolean') out.autoAnswer = src.autoAnswer;
  if (typeof src.dnd === 'boolean') out.dnd = src.dnd;
  if (typeof src.historyLimit === 'number' && Number.isInteger(src.historyLimit) && src.historyLimit >= 1 && src.historyLimit <= 1_000_000) out.historyLimit = src.historyLimit;
  if (typeof src.display === 'string' && src.display.length <= 100 && !/[\u0000-\u001f"<>]/.test(src.display)) out.display = src.display.trim();
  if (src.audio !== undefined) out.audio = parseAudioPreferences(src.audio);
  return out;
}
