/**
 * The audio devices of this computer and the page's microphone permission,
 * kept current while started.
 */
import { msg, str } from '@lit/localize';
import { Emitter } from '../emitter.js';

/** One microphone or output device. `id` is the `deviceId` to pass to getUserMedia or setSinkId. */
export interface AudioDevice {
  id: string;
  label: string;
}

/** The page's microphone permission; `unknown` where the browser cannot tell (no Permissions API for it). */
export type MicrophonePermission = 'granted' | 'denied' | 'prompt' | 'unknown';

/** Inputs and outputs, without the browser's "default"/"communications" aliases (a settings list offers "System default" itself). */
export interface AudioDeviceList {
  inputs: readonly AudioDevice[];
  outputs: readonly AudioDevice[];
  permission: MicrophonePermission;
}

export interface DeviceWatcherOptions {
  /** Default `navigator.mediaDevices`. */
  mediaDevices?: Pick<MediaDevices, 'enumerateDevices' | 'addEventListener' | 'removeEventListener'>;
  /** Default `navigator.permissions`; `null` for none. */
  permissions?: Pick<Permissions, 'query'> | null;
}

/** Device ids that only alias another device in the list. */
const ALIASES = new Set(['default', 'communications']);

const EMPTY: AudioDeviceList = { inputs: [], outputs: [], permission: 'unknown' };

/** Turns `enumerateDevices()` into lists, with "Microphone 1"-style names where the browser hides labels. */
export function toDeviceList(devices: readonly MediaDeviceInfo[], permission: MicrophonePermission): AudioDeviceList {
  const pick = (kind: MediaDeviceKind, nth: (n: number) => string): AudioDevice[] => {
    const seen = new Set<string>();
    const list: AudioDevice[] = [];
    for (const d of devices) {
      if (d.kind !== kind || !d.deviceId || ALIASES.has(d.deviceId) || seen.has(d.deviceId)) continue;
      seen.add(d.deviceId);
      list.push({ id: d.deviceId, label: d.label.trim() || nth(list.length + 1) });
    }
    return list;
  };
  return {
    inputs: pick('audioinput', (n) => msg(str`Microphone ${n}`)),
    outputs: pick('audiooutput', (n) => msg(str`Speaker ${n}`)),
    permission,
  };
}

function sameList(a: AudioDeviceList, b: AudioDeviceList): boolean {
  const same = (x: readonly AudioDevice[], y: readonly AudioDevice[]) =>
    x.length === y.length && x.every((d, i) => d.id === y[i]!.id && d.label === y[i]!.label);
  return a.permission === b.permission && same(a.inputs, b.inputs) && same(a.outputs, b.outputs);
}

/**
 * Lists microphones and outputs, and follows plugging, unplugging and
 * permission changes while started. Emits `change` only when something changed.
 */
export class DeviceWatcher extends Emitter<{ change: AudioDeviceList }> {
  #media: DeviceWatcherOptions['mediaDevices'];
  #permissions: DeviceWatcherOptions['permissions'];
  #list: AudioDeviceList = EMPTY;
  #status: PermissionStatus | undefined;
  #statusQuery: Promise<PermissionStatus | undefined> | undefined;
  #started = false;
  #generation = 0;

  constructor(options: DeviceWatcherOptions = {}) {
    super();
    const nav = typeof navigator === 'undefined' ? undefined : navigator;
    this.#media = 'mediaDevices' in options ? options.mediaDevices : nav?.mediaDevices;
    this.#permissions = 'permissions' in options ? options.permissions : (nav?.permissions ?? null);
  }

  /** The last list read (empty until the first `refresh()` or `start()`). */
  get list(): AudioDeviceList {
    return this.#list;
  }

  /** The microphone permission, as last read. */
  get permission(): MicrophonePermission {
    return this.#list.permission;
  }

  /** True between `start()` and `stop()`. */
  get started(): boolean {
    return this.#started;
  }

  /** Reads the list now and follows device and permission changes until `stop()`. */
  async start(): Promise<AudioDeviceList> {
    if (!this.#started) {
      this.#started = true;
      this.#media?.addEventListener('devicechange', this.#onChange);
    }
    return this.refresh();
  }

  /** Stops following changes; removes every listener it added. */
  stop(): void {
    if (!this.#started) return;
    this.#started = false;
    this.#generation++;
    this.#media?.removeEventListener('devicechange', this.#onChange);
    this.#status?.removeEventListener('change', this.#onChange);
    this.#status = undefined;
    this.#statusQuery = undefined;
  }

  /**
   * Reads devices and permission again (call it after getUserMedia succeeds:
   * labels appear with the permission). Never throws.
   */
  async refresh(): Promise<AudioDeviceList> {
    const generation = this.#generation;
    const [devices, permission] = await Promise.all([this.#enumerate(), this.#readPermission()]);
    // stop() while reading: drop the result rather than emit after stop.
    if (generation !== this.#generation) return this.#list;
    // Labels are only shown to a page with permission: they tell us where the API cannot.
    const known = permission === 'unknown' && devices.some((d) => d.kind === 'audioinput' && d.label) ? 'granted' : permission;
    const next = toDeviceList(devices, known);
    if (!sameList(next, this.#list)) {
      this.#list = next;
      this.emit('change', next);
    }
    return this.#list;
  }

  #onChange = (): void => {
    void this.refresh();
  };

  async #enumerate(): Promise<MediaDeviceInfo[]> {
    try {
      return (await this.#media?.enumerateDevices()) ?? [];
    } catch {
      return [];
    }
  }

  async #readPermission(): Promise<MicrophonePermission> {
    const status = await this.#permissionStatus();
    const state = status?.state;
    return state === 'granted' || state === 'denied' || state === 'prompt' ? state : 'unknown';
  }

  /** One PermissionStatus while started (its `change` listened to); a fresh query otherwise. */
  #permissionStatus(): Promise<PermissionStatus | undefined> {
    if (this.#status) return Promise.resolve(this.#status);
    if (this.#statusQuery) return this.#statusQuery;
    const query = (async () => {
      try {
        return await this.#permissions?.query({ name: 'microphone' as PermissionName });
      } catch {
        return undefined; // Not a known permission name in this browser.
      }
    })();
    if (!this.#started) return query;
    const generation = this.#generation;
    this.#statusQuery = query.then((status) => {
      this.#statusQuery = undefined;
      if (status && this.#started && generation === this.#generation && !this.#status) {
        this.#status = status;
        status.addEventListener('change', this.#onChange);
      }
      return status;
    });
    return this.#statusQuery;
  }
}
