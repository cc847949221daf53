import { expect } from '@open-wc/testing';
import { DeviceWatcher, toDeviceList, type AudioDeviceList } from './devices.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const info = (kind: MediaDeviceKind, deviceId: string, label = '') => ({ kind, deviceId, label, groupId: '' }) as MediaDeviceInfo;

/** navigator.mediaDevices, with its device list in the test's hands. */
class FakeMediaDevices extends EventTarget {
  devices: MediaDeviceInfo[] = [];
  calls = 0;
  async enumerateDevices(): Promise<MediaDeviceInfo[]> {
    this.calls++;
    return [...this.devices];
  }
}

/** A PermissionStatus for 'microphone' the test can change. */
class FakeStatus extends EventTarget {
  constructor(public state: PermissionState) {
    super();
  }
  set(state: PermissionState) {
    this.state = state;
    this.dispatchEvent(new Event('change'));
  }
}

const nextChange = (w: DeviceWatcher) =>
  new Promise<AudioDeviceList>((resolve) => {
    const off = w.on('change', (list) => {
      off();
      resolve(list);
    });
  });

describe('DeviceWatcher', () => {
  it("lists Chromium's fake microphones and outputs, without the default alias, and the permission", async () => {
    const watcher = new DeviceWatcher();
    const list = await watcher.start();
    watcher.stop();
    const real = await navigator.mediaDevices.enumerateDevices();
    const ids = (kind: MediaDeviceKind) => real.filter((d) => d.kind === kind && d.deviceId !== 'default').map((d) => d.deviceId);
    expect(list.inputs.map((d) => d.id)).to.deep.equal(ids('audioinput'));
    expect(list.outputs.map((d) => d.id)).to.deep.equal(ids('audiooutput'));
    expect(list.inputs.map((d) => d.label)).to.deep.equal(['Fake Audio Input 1', 'Fake Audio Input 2']);
    expect(list.outputs.map((d) => d.label)).to.deep.equal(['Fake Audio Output 1', 'Fake Audio Output 2']);
    // The runner's --use-fake-ui-for-media-stream grants the microphone.
    expect(list.permission).to.equal('granted');
    expect(watcher.list).to.equal(list);
  });

  it('names devices whose labels the browser hides, and skips entries without an id', () => {
    const list = toDeviceList(
      [info('audioinput', ''), info('audioinput', 'a'), info('audioinput', 'b', ' USB Headset '), info('audioinput', 'c'), info('audiooutput', 'default'), info('audiooutput', 'o1'), info('videoinput', 'v')],
      'prompt',
    );
    expect(list).to.deep.equal({
      inputs: [
        { id: 'a', label: 'Microphone 1' },
        { id: 'b', label: 'USB Headset' },
        { id: 'c', label: 'Microphone 3' },
      ],
      outputs: [{ id: 'o1', label: 'Speaker 1' }],
      permission: 'prompt',
    });
  });

  it('follows plugging and permission changes, and stop() removes every listener', async () => {
    const media = new FakeMediaDevices();
    const status = new FakeStatus('prompt');
    media.devices = [info('audioinput', 'm1', 'Desk mic')];
    const watcher = new DeviceWatcher({ mediaDevices: media, permissions: { query: async () => status as unknown as PermissionStatus } });
    const changes: AudioDeviceList[] = [];
    watcher.on('change', (l) => changes.push(l));

    await watcher.start();
    expect(changes.length).to.equal(1);
    expect(watcher.permission).to.equal('prompt');

    media.devices = [...media.devices, info('audioinput', 'm2', 'Headset'), info('audiooutput', 'o1', 'Headset')];
    let next = nextChange(watcher);
    media.dispatchEvent(new Event('devicechange'));
    expect((await next).inputs.map((d) => d.label)).to.deep.equal(['Desk mic', 'Headset']);
    expect(watcher.list.outputs).to.deep.equal([{ id: 'o1', label: 'Headset' }]);

    next = nextChange(watcher);
    status.set('denied');
    expect((await next).permission).to.equal('denied');

    // Nothing changed: no event.
    const before = changes.length;
    media.dispatchEvent(new Event('devicechange'));
    await sleep(50);
    expect(changes.length).to.equal(before);

    watcher.stop();
    const calls = media.calls;
    media.devices = [];
    media.dispatchEvent(new Event('devicechange'));
    status.set('granted');
    await sleep(50);
    expect(media.calls, 'no listing after stop').to.equal(calls);
    expect(changes.length).to.equal(before);
  });

  it('stop() leaves the real navigator.mediaDevices without its listener', async () => {
    let calls = 0;
    const media = {
      enumerateDevices: () => (calls++, navigator.mediaDevices.enumerateDevices()),
      addEventListener: navigator.mediaDevices.addEventListener.bind(navigator.mediaDevices),
      removeEventListener: navigator.mediaDevices.removeEventListener.bind(navigator.mediaDevices),
    };
    const watcher = new DeviceWatcher({ mediaDevices: media });
    await watcher.start();
    navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
    await sleep(50);
    expect(calls).to.equal(2);
    watcher.stop();
    navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
    await sleep(50);
    expect(calls).to.equal(2);
  });

  it('reports unknown without a Permissions API, unless labels show the permission', async () => {
    const media = new FakeMediaDevices();
    media.devices = [info('audioinput', 'm1')];
    const hidden = new DeviceWatcher({ mediaDevices: media, permissions: null });
    expect((await hidden.refresh()).permission).to.equal('unknown');

    media.devices = [info('audioinput', 'm1', 'Desk mic')];
    const shown = new DeviceWatcher({
      mediaDevices: media,
      permissions: {
        query: async () => {
          throw new TypeError("'microphone' is not a valid PermissionName");
        },
      },
    });
    expect((await shown.refresh()).permission).to.equal('granted');
  });

  it('never throws when listing fails', async () => {
    const watcher = new DeviceWatcher({
      mediaDevices: { enumerateDevices: () => Promise.reject(new Error('boom')), addEventListener() {}, removeEventListener() {} },
      permissions: null,
    });
    const list = await watcher.start();
    watcher.stop();
    expect(list.inputs).to.deep.equal([]);
    expect(list.outputs).to.deep.equal([]);
  });
});
