import { expect } from '@open-wc/testing';
import { AudioSettings, DEFAULT_AUDIO_PREFERENCES, parseAudioPreferences, type AudioSettingsState } from './audio-settings.js';
import { DeviceWatcher } from './devices.js';
import { TonePlayer } from './tones.js';

const info = (kind: MediaDeviceKind, deviceId: string, label: string) => ({ kind, deviceId, label, groupId: '' }) as MediaDeviceInfo;

/** navigator.mediaDevices with a stubbed enumerateDevices the test controls. */
class FakeMediaDevices extends EventTarget {
  devices = [
    info('audioinput', 'default', 'Default'),
    info('audioinput', 'desk', 'Desk mic'),
    info('audioinput', 'headset-mic', 'Headset'),
    info('audiooutput', 'laptop', 'Laptop speakers'),
    info('audiooutput', 'headset', 'Headset'),
  ];
  async enumerateDevices() {
    return [...this.devices];
  }
  /** Unplugs or plugs, as the OS would: a new list and a devicechange. */
  replug(devices: MediaDeviceInfo[]) {
    this.devices = devices;
    this.dispatchEvent(new Event('devicechange'));
  }
}

/** A tone player that records what the settings told it (and never makes sound). */
class RecordingTones extends TonePlayer {
  calls: string[] = [];
  override setRingerDevice(id: string) {
    this.calls.push(`ringer:${id}`);
  }
  override setSpeakerDevice(id: string) {
    this.calls.push(`speaker:${id}`);
  }
  override setRingVolume(v: number) {
    this.calls.push(`ringVolume:${v}`);
  }
  override setSpeakerVolume(v: number) {
    this.calls.push(`speakerVolume:${v}`);
  }
}

const nextChange = (s: AudioSettings) =>
  new Promise<AudioSettingsState>((resolve) => {
    const off = s.on('change', (state) => {
      off();
      resolve(state);
    });
  });

async function started() {
  const media = new FakeMediaDevices();
  const tones = new RecordingTones();
  const settings = new AudioSettings({ watcher: new DeviceWatcher({ mediaDevices: media, permissions: null }), tones });
  await settings.start();
  return { media, tones, settings };
}

describe('AudioSettings', () => {
  let settings: AudioSettings | undefined;
  afterEach(async () => {
    await settings?.dispose();
    settings = undefined;
  });

  it('starts at the defaults and lists the devices once started', async () => {
    const r = await started();
    settings = r.settings;
    const { devices, ...prefs } = settings.state;
    expect(prefs).to.deep.equal(DEFAULT_AUDIO_PREFERENCES);
    expect(devices.inputs.map((d) => d.id)).to.deep.equal(['desk', 'headset-mic']);
    expect(devices.outputs.map((d) => d.id)).to.deep.equal(['laptop', 'headset']);
    expect(settings.microphoneConstraints()).to.equal(true);
  });

  it('validates updates: unknown devices become the default, volumes are clamped, bad ringtones ignored', async () => {
    const r = await started();
    settings = r.settings;
    let changes = 0;
    settings.on('change', () => changes++);

    settings.update({ microphoneId: 'headset-mic', speakerId: 'headset', ringerId: 'laptop', ringtone: 'soft' });
    expect(settings.state).to.include({ microphoneId: 'headset-mic', speakerId: 'headset', ringerId: 'laptop', ringtone: 'soft' });
    expect(changes).to.equal(1);

    // A microphone is not an output; an unknown id is no device at all.
    settings.update({ ringerId: 'desk', speakerId: 'gone' });
    expect(settings.state).to.include({ ringerId: '', speakerId: '' });

    settings.update({ ringVolume: 3, speakerVolume: -1 });
    expect(settings.state).to.include({ ringVolume: 1, speakerVolume: 0 });
    settings.update({ ringVolume: Number.NaN, ringtone: 'bogus' as never });
    expect(settings.state).to.include({ ringVolume: 1, ringtone: 'soft' });

    // No change, no event.
    const count = changes;
    settings.update({ ringVolume: 1 });
    expect(changes).to.equal(count);

    expect(settings.microphoneConstraints()).to.deep.equal({ deviceId: { exact: 'headset-mic' } });
    settings.update({ microphoneId: '' });
    expect(settings.microphoneConstraints()).to.equal(true);
  });

  it('drives the tone player: devices, volumes and ringtone follow the settings', async () => {
    const r = await started();
    settings = r.settings;
    r.tones.calls = [];
    settings.update({ ringerId: 'headset', speakerVolume: 0.4, ringtone: 'pulse' });
    expect(r.tones.calls).to.include.members(['ringer:headset', 'speakerVolume:0.4']);
    expect(r.tones.ringtone).to.equal('pulse');
  });

  it('falls back to the default when a chosen device is unplugged, and returns to it when it is back', async () => {
    const r = await started();
    settings = r.settings;
    settings.update({ microphoneId: 'headset-mic', speakerId: 'headset', ringerId: 'laptop' });
    const plugged = r.media.devices;
    r.tones.calls = [];

    let next = nextChange(settings);
    r.media.replug(plugged.filter((d) => d.label !== 'Headset'));
    let state = await next;
    expect(state).to.include({ microphoneId: '', speakerId: '', ringerId: 'laptop' });
    expect(state.devices.inputs.map((d) => d.id)).to.deep.equal(['desk']);
    expect(r.tones.calls).to.include('speaker:');
    expect(settings.microphoneConstraints()).to.equal(true);
    // The choice itself is kept for when the headset is back.
    expect(settings.toJSON()).to.include({ microphoneId: 'headset-mic', speakerId: 'headset' });

    next = nextChange(settings);
    r.media.replug(plugged);
    state = await next;
    expect(state).to.include({ microphoneId: 'headset-mic', speakerId: 'headset' });
  });

  it('round-trips its preferences through JSON', async () => {
    const r = await started();
    settings = r.settings;
    settings.update({ microphoneId: 'desk', speakerId: 'headset', ringerId: 'laptop', ringtone: 'digital', ringVolume: 0.35, speakerVolume: 0.6 });
    const saved = JSON.parse(JSON.stringify(settings)) as unknown;

    const other = await started();
    try {
      const next = nextChange(other.settings);
      other.settings.fromJSON(saved);
      const state = await next;
      expect(other.settings.toJSON()).to.deep.equal(settings.toJSON());
      expect(state).to.include({ microphoneId: 'desk', speakerId: 'headset', ringerId: 'laptop', ringtone: 'digital', ringVolume: 0.35 });
    } finally {
      await other.settings.dispose();
    }
  });

  it('reads saved preferences leniently', () => {
    expect(parseAudioPreferences(null)).to.deep.equal(DEFAULT_AUDIO_PREFERENCES);
    expect(parseAudioPreferences('{"ringtone":"soft"}')).to.deep.equal(DEFAULT_AUDIO_PREFERENCES);
    expect(parseAudioPreferences({ microphoneId: 7, ringtone: 'nope', ringVolume: 9, speakerVolume: '0.5', ringerId: 'x' })).to.deep.equal({
      ...DEFAULT_AUDIO_PREFERENCES,
      ringVolume: 1,
      ringerId: 'x',
    });
  });

  it('keeps a saved device restored before the devices are known, and applies it once they are', async () => {
    const media = new FakeMediaDevices();
    settings = new AudioSettings({ watcher: new DeviceWatcher({ mediaDevices: media, permissions: null }), tones: new RecordingTones() });
    settings.fromJSON({ microphoneId: 'headset-mic' });
    expect(settings.state.microphoneId, 'not in effect before it is seen').to.equal('');
    await settings.start();
    expect(settings.state.microphoneId).to.equal('headset-mic');
  });

  it('asks for a saved microphone without insisting while the browser hides device ids', async () => {
    const media = new FakeMediaDevices();
    media.devices = [info('audioinput', '', '')]; // what Chromium lists before permission
    const status = { state: 'prompt', addEventListener() {}, removeEventListener() {} } as unknown as PermissionStatus;
    settings = new AudioSettings({ watcher: new DeviceWatcher({ mediaDevices: media, permissions: { query: async () => status } }), tones: new RecordingTones() });
    settings.fromJSON({ microphoneId: 'headset-mic' });
    await settings.start();
    expect(settings.state.devices.permission).to.equal('prompt');
    expect(settings.microphoneConstraints()).to.deep.equal({ deviceId: { ideal: 'headset-mic' } });
  });
});
