/**
 * Feature-code presets: the codes a PBX family uses by default, so that a
 * page can say `preset="asterisk"` instead of listing every code. A preset
 * only fills what the page left unset; an explicit setting always wins.
 *
 * - `asterisk`: FreePBX's defaults (park 70 with slots 71–78, voicemail *97,
 *   directed pickup **, DND *78 / *79, one-touch recording *1).
 * - `freeswitch`: FreeSWITCH / FusionPBX defaults (valet park *5900 with
 *   slots *5901–*5908, voicemail *97 (the caller's own box; *98 asks for a
 *   box), intercept **, eavesdrop *33 with its in-call digits: 2 speaks to the
 *   watched channel (whisper), 3 joins both (barge), 0 listens only).
 * - `seed`: the seed phones' conventions (voicemail transfer prefix 03,
 *   monitoring 007 + extension with *81 / *82 / *80, on-demand recording *1).
 */

/** The codes a preset can fill, in the string form of `<phone-widget>`'s attributes. */
export interface FeatureCodeSettings {
  parkCode?: string;
  /** Comma-separated, e.g. `71,72,73`. */
  parkSlots?: string;
  voicemailCode?: string;
  voicemailPrefix?: string;
  pickupCode?: string;
  dndOnCode?: string;
  dndOffCode?: string;
  recordCode?: string;
  listenCode?: string;
  /** `whisper=…,barge=…,listen=…`. */
  monitorCodes?: string;
}

export type PresetName = 'asterisk' | 'freeswitch' | 'seed';

const range = (prefix: string, from: number, to: number): string =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`).join(',');

/** Every preset's codes. */
export const PRESETS: Readonly<Record<PresetName, Readonly<FeatureCodeSettings>>> = {
  asterisk: {
    parkCode: '70',
    parkSlots: range('', 71, 78),
    voicemailCode: '*97',
    pickupCode: '**',
    dndOnCode: '*78',
    dndOffCode: '*79',
    recordCode: '*1',
  },
  freeswitch: {
    parkCode: '*5900',
    parkSlots: range('*', 5901, 5908),
    voicemailCode: '*97',
    pickupCode: '**',
    listenCode: '*33',
    monitorCodes: 'whisper=2,barge=3,listen=0',
  },
  seed: {
    voicemailPrefix: '03',
    listenCode: '007',
    monitorCodes: 'whisper=*81,barge=*82,listen=*80',
    recordCode: '*1',
  },
};

/** The preset named by `value` (case and spaces ignored), or undefined. */
export function presetNamed(value: string | null | undefined): PresetName | undefined {
  const name = value?.trim().toLowerCase();
  return name && Object.hasOwn(PRESETS, name) ? (name as PresetName) : undefined;
}

/**
 * The settings with the preset's codes filled in where `explicit` has none
 * (an empty string counts as none). An unknown preset changes nothing.
 */
export function withPreset(preset: string | null | undefined, explicit: FeatureCodeSettings): FeatureCodeSettings {
  const name = presetNamed(preset);
  const out: FeatureCodeSettings = {};
  const base = name ? PRESETS[name] : {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(explicit)]) as Set<keyof FeatureCodeSettings>) {
    const own = explicit[key]?.trim();
    const value = own || base[key];
    if (value) out[key] = value;
  }
  return out;
}
