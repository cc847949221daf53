/**
 * The phone's audio preferences (microphone, speaker, ringer, ringtone,
 * volumes) and the live list of devices they choose from. Plain TypeScript;
 * `<phone-audio-settings>` renders it, the session reads it when it opens the
 * microphone and plays tones through `tones`.
 */
import { Emitter } from '../emitter.js';
import { DeviceWatcher, type AudioDevice, type AudioDeviceList } from './devices.js';
import { TonePlayer, canChooseOutput, isRingtoneId, type RingtoneId } from './tones.js';

/** What the user chose: the part of the state that is saved. Device ids: '' = the system default. */
export interface AudioPreferences {
  microphoneId: string;
  speakerId: string;
  ringerId: string;
  ringtone: RingtoneId;
  /** 0..1 */
  ringVolume: number;
  /** 0..1 */
  speakerVolume: number;
}

/**
 * The preferences in effect, and the devices. A device id here is always one
 * of `devices` (or ''): a chosen device that is unplugged reads '' until it
 * is back.
 */
export interface AudioSettingsState extends AudioPreferences {
  devices: AudioDeviceList;
}

export const DEFAULT_AUDIO_PREFERENCES: Readonly<AudioPreferences> = Object.freeze({
  microphoneId: '',
  speakerId: '',
  ringerId: '',
  ringtone: 'classic',
  ringVolume: 0.8,
  speakerVolume: 1,
});

export interface AudioSettingsOptions {
  /** Default: a new `DeviceWatcher()`. */
  watcher?: DeviceWatcher;
  /** Default: a new `TonePlayer()`. */
  tones?: TonePlayer;
}

type DeviceKey = 'microphoneId' | 'speakerId' | 'ringerId';
const DEVICE_KEYS: readonly DeviceKey[] = ['microphoneId', 'speakerId', 'ringerId'];
const VOLUME_KEYS = ['ringVolume', 'speakerVolume'] as const;

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/**
 * Reads saved preferences leniently: anything missing, of the wrong type or
 * unknown takes its default; volumes are clamped to 0..1. Never throws.
 */
export function parseAudioPreferences(json: unknown): AudioPreferences {
  const src = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  const out: AudioPreferences = { ...DEFAULT_AUDIO_PREFERENCES };
  for (const key of DEVICE_KEYS) if (typeof src[key] === 'string') out[key] = src[key];
  if (isRingtoneId(src.ringtone)) out.ringtone = src.ringtone;
  for (const key of VOLUME_KEYS) {
    const v = src[key];
    if (typeof v === 'number' && Number.isFinite(v)) out[key] = clamp01(v);
  }
  return out;
}

export class AudioSettings extends Emitter<{ change: AudioSettingsState }> {
  /** The phone's tone player; its output devices and volumes follow these settings. */
  readonly tones: TonePlayer;
  /** The device list source. */
  readonly watcher: DeviceWatcher;

  /** The user's choice, kept even while the device is unplugged. */
  #prefs: AudioPreferences = { ...DEFAULT_AUDIO_PREFERENCES };
  #devices: AudioDeviceList;
  /** True once the device list has been read: before that, ids cannot be checked. */
  #loaded = false;
  #state: AudioSettingsState;
  #off: () => void;

  constructor(options: AudioSettingsOptions = {}) {
    super();
    this.tones = options.tones ?? new TonePlayer();
    this.watcher = options.watcher ?? new DeviceWatcher();
    this.#devices = this.watcher.list;
    this.#state = this.#compute();
    this.#applyToTones();
    this.#off = this.watcher.on('change', (list) => this.#onDevices(list));
  }

  /** The settings in effect; a new object after every change, never mutated. */
  get state(): AudioSettingsState {
    return this.#state;
  }

  /** False where the browser always plays through the default output (no setSinkId). */
  get outputSelectable(): boolean {
    return canChooseOutput();
  }

  /** Starts following devices and permission (reads them now). */
  async start(): Promise<void> {
    await this.watcher.start();
  }

  /** Stops following devices. */
  stop(): void {
    this.watcher.stop();
  }

  /** Reads devices and permission once more (e.g. when a settings screen opens, or after getUserMedia succeeded). */
  async refreshDevices(): Promise<void> {
    await this.watcher.refresh();
  }

  /**
   * Changes preferences. Device ids not in the device list become '' (the
   * system default; before the list is first read, an id is kept and applies
   * once its device shows up), volumes are clamped to 0..1, an unknown
   * ringtone is ignored. Never throws; emits `change` if anything changed.
   */
  update(patch: Partial<AudioPreferences>): void {
    const next = { ...this.#prefs };
    for (const key of DEVICE_KEYS) {
      const id = patch[key];
      if (id === undefined) continue;
      const list = key === 'microphoneId' ? this.#devices.inputs : this.#devices.outputs;
      next[key] = typeof id === 'string' && (!this.#loaded || list.some((d) => d.id === id)) ? id : '';
    }
    if (patch.ringtone !== undefined && isRingtoneId(patch.ringtone)) next.ringtone = patch.ringtone;
    for (const key of VOLUME_KEYS) {
      const v = patch[key];
      if (typeof v === 'number' && !Number.isNaN(v)) next[key] = clamp01(v);
    }
    this.#prefs = next;
    this.#commit();
  }

  /** Audio constraints for getUserMedia: the chosen microphone, or `true` for the default one. */
  microphoneConstraints(): MediaTrackConstraints | true {
    const id = this.#state.microphoneId;
    if (id) return { deviceId: { exact: id } };
    const wanted = this.#prefs.microphoneId;
    // Before permission the browser hides device ids: ask for the saved one without insisting.
    if (wanted && this.#devices.permission !== 'granted') return { deviceId: { ideal: wanted } };
    return true;
  }

  /** The preferences to save (the user's choices, including a device that is unplugged right now). */
  toJSON(): AudioPreferences {
    return { ...this.#prefs };
  }

  /** Restores saved preferences (see `parseAudioPreferences`). A saved device applies whenever it is present. */
  fromJSON(json: unknown): void {
    this.#prefs = parseAudioPreferences(json);
    this.#commit();
  }

  /** Stops watching and closes the tone player. */
  async dispose(): Promise<void> {
    this.stop();
    this.#off();
    this.removeAllListeners();
    await this.tones.dispose();
  }

  #onDevices(list: AudioDeviceList): void {
    this.#devices = list;
    this.#loaded = true;
    this.#commit();
  }

  #compute(): AudioSettingsState {
    const present = (id: string, list: readonly AudioDevice[]) => (id && list.some((d) => d.id === id) ? id : '');
    return {
      ...this.#prefs,
      microphoneId: present(this.#prefs.microphoneId, this.#devices.inputs),
      speakerId: present(this.#prefs.speakerId, this.#devices.outputs),
      ringerId: present(this.#prefs.ringerId, this.#devices.outputs),
      devices: this.#devices,
    };
  }

  #commit(): void {
    const next = this.#compute();
    const prev = this.#state;
    const same =
      next.devices === prev.devices &&
      (Object.keys(DEFAULT_AUDIO_PREFERENCES) as (keyof AudioPreferences)[]).every((k) => next[k] === prev[k]);
    if (same) return;
    this.#state = next;
    this.#applyToTones();
    this.emit('change', next);
  }

  #applyToTones(): void {
    const s = this.#state;
    this.tones.ringtone = s.ringtone;
    this.tones.setRingerDevice(s.ringerId);
    this.tones.setSpeakerDevice(s.speakerId);
    this.tones.setRingVolume(s.ringVolume);
    this.tones.setSpeakerVolume(s.speakerVolume);
  }
}
