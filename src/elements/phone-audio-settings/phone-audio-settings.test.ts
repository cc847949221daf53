import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../../test/fakes/test-widget.js';
import type { TestPhoneWidget } from '../../../test/fakes/test-widget.js';
import { AudioSettings } from '../../core/media/audio-settings.js';
import { DeviceWatcher, type MicrophonePermission } from '../../core/media/devices.js';
import './phone-audio-settings.js';
import type { PhoneAudioSettings } from './phone-audio-settings.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` holds (polling), or fails with `what`. */
async function until(check: () => boolean, what: string, ms = 1000): Promise<void> {
  for (const end = performance.now() + ms; !check(); await sleep(20)) if (performance.now() > end) throw new Error(`timed out: ${what}`);
}

/** The form control a visible <label> names, as a person finds it. */
function control<T extends HTMLElement = HTMLSelectElement>(root: ShadowRoot, name: string): T {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent!.trim() === name);
  expect(label, `a control labelled "${name}"`).to.exist;
  return root.getElementById(label!.htmlFor) as T;
}

const button = (root: ShadowRoot, name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === name);
const optionTexts = (select: HTMLSelectElement) => [...select.options].map((o) => o.textContent!.trim());
const meterOf = (root: ShadowRoot) => root.querySelector<HTMLElement>('[role="meter"][aria-label="Microphone level"]');

function choose(select: HTMLSelectElement, text: string): void {
  select.value = [...select.options].find((o) => o.textContent!.trim() === text)!.value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function slide(input: HTMLInputElement, value: number): void {
  input.value = String(value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Settings over Chromium's fake devices; `permission` overrides what the Permissions API says. */
async function audioSettings(permission?: MicrophonePermission): Promise<AudioSettings> {
  const permissions = permission
    ? { query: async () => ({ state: permission, addEventListener() {}, removeEventListener() {} }) as unknown as PermissionStatus }
    : undefined;
  const settings = new AudioSettings({ watcher: new DeviceWatcher(permissions ? { permissions } : {}) });
  await settings.start();
  return settings;
}

/** Records the streams the page opens, to see when microphones are released. */
function recordMicrophones() {
  const media = navigator.mediaDevices;
  const original = media.getUserMedia;
  const streams: MediaStream[] = [];
  media.getUserMedia = async (constraints) => {
    const stream = await original.call(media, constraints);
    streams.push(stream);
    return stream;
  };
  return { streams, restore: () => (media.getUserMedia = original) };
}

async function mount(settings: AudioSettings, theme?: 'light' | 'dark') {
  const el = await fixture<PhoneAudioSettings>(html`<phone-audio-settings theme=${theme ?? 'light'} .audio=${settings}></phone-audio-settings>`);
  await el.updateComplete;
  return { el, root: el.shadowRoot! };
}

describe('<phone-audio-settings>', () => {
  const cleanup: Array<() => unknown> = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });
  const settingsFor = async (permission?: MicrophonePermission) => {
    const s = await audioSettings(permission);
    cleanup.push(() => s.dispose());
    return s;
  };

  // First on purpose: before any gesture the browser holds the meter's audio; the first click starts it.
  it('shows the fake microphone moving the level meter once the page has been clicked', async () => {
    const { el, root } = await mount(await settingsFor());
    await until(() => !!meterOf(root), 'the meter');
    // Held by the autoplay policy: nothing measured yet.
    let before = 0;
    for (let i = 0; i < 15; i++, await sleep(20)) before = Math.max(before, Number(meterOf(root)!.getAttribute('aria-valuenow')));
    expect(before).to.equal(0);

    const label = root.querySelector('label')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(label.x + 5), Math.round(label.y + label.height / 2)] });
    let max = 0;
    await until(() => (max = Math.max(max, Number(meterOf(root)!.getAttribute('aria-valuenow')))) > 0, 'a level above 0 from the fake microphone');
    expect(max).to.be.within(1, 100);
    await expect(el).to.be.accessible();
  });

  it('lists the devices under "System default" in three labelled selects', async () => {
    const { el, root } = await mount(await settingsFor());
    expect(optionTexts(control(root, 'Microphone'))).to.deep.equal(['System default', 'Fake Audio Input 1', 'Fake Audio Input 2']);
    expect(optionTexts(control(root, 'Speaker'))).to.deep.equal(['System default', 'Fake Audio Output 1', 'Fake Audio Output 2']);
    expect(optionTexts(control(root, 'Ringer'))).to.deep.equal(['System default', 'Fake Audio Output 1', 'Fake Audio Output 2']);
    expect(control(root, 'Microphone').value).to.equal('');
    expect(optionTexts(control(root, 'Ringtone')).length).to.be.at.least(4);
    expect(control<HTMLInputElement>(root, 'Ringer volume').type).to.equal('range');
    expect(control<HTMLInputElement>(root, 'Speaker volume').type).to.equal('range');
    await expect(el).to.be.accessible();
  });

  it('changes the settings from its controls, and shows changes made elsewhere', async () => {
    const settings = await settingsFor();
    const { el, root } = await mount(settings);
    const outputs = settings.state.devices.outputs;

    choose(control(root, 'Speaker'), 'Fake Audio Output 2');
    choose(control(root, 'Ringer'), 'Fake Audio Output 1');
    choose(control(root, 'Microphone'), 'Fake Audio Input 2');
    choose(control(root, 'Ringtone'), 'Soft chime');
    slide(control<HTMLInputElement>(root, 'Ringer volume'), 35);
    slide(control<HTMLInputElement>(root, 'Speaker volume'), 60);
    expect(settings.state).to.include({
      speakerId: outputs[1]!.id,
      ringerId: outputs[0]!.id,
      microphoneId: settings.state.devices.inputs[1]!.id,
      ringtone: 'soft',
      ringVolume: 0.35,
      speakerVolume: 0.6,
    });

    settings.update({ speakerId: '', ringVolume: 0.9 });
    await el.updateComplete;
    expect(control(root, 'Speaker').value).to.equal('');
    expect(control<HTMLInputElement>(root, 'Ringer volume').value).to.equal('90');
  });

  it('plays and stops a ringtone preview on the ringer', async () => {
    const settings = await settingsFor();
    const { el, root } = await mount(settings);
    choose(control(root, 'Ringtone'), 'Pulse');
    button(root, 'Play')!.click();
    expect(settings.tones.previewing).to.equal('pulse');
    await el.updateComplete;
    button(root, 'Stop')!.click();
    expect(settings.tones.previewing).to.equal(null);
    await el.updateComplete;
    expect(button(root, 'Play')).to.exist;
  });

  it('runs the meter only while it is on screen and on the page, and releases the microphone after', async () => {
    const mics = recordMicrophones();
    cleanup.push(mics.restore);
    const settings = await settingsFor();
    const host = await fixture<HTMLDivElement>(html`<div hidden><phone-audio-settings .audio=${settings}></phone-audio-settings></div>`);
    const el = host.querySelector('phone-audio-settings')!;
    await sleep(200);
    expect(mics.streams.length, 'no microphone while hidden').to.equal(0);

    host.hidden = false;
    await until(() => mics.streams.length === 1, 'the meter opening the microphone');
    await until(() => Number(meterOf(el.shadowRoot!)!.getAttribute('aria-valuenow')) > 0, 'a level');

    // Another microphone chosen: the meter moves to it.
    choose(control(el.shadowRoot!, 'Microphone'), 'Fake Audio Input 1');
    await until(() => mics.streams.length === 2, 'the meter reopening');
    expect(mics.streams[0]!.getAudioTracks()[0]!.readyState).to.equal('ended');
    expect(mics.streams[1]!.getAudioTracks()[0]!.getSettings().deviceId).to.equal(settings.state.microphoneId);

    el.remove();
    await sleep(50);
    expect(mics.streams.flatMap((s) => s.getTracks()).map((t) => t.readyState)).to.deep.equal(['ended', 'ended']);
  });

  it('asks before opening the microphone when permission is not granted yet', async () => {
    const mics = recordMicrophones();
    cleanup.push(mics.restore);
    const { el, root } = await mount(await settingsFor('prompt'));
    await sleep(200);
    expect(mics.streams.length, 'no prompt unasked').to.equal(0);
    expect(meterOf(root)).to.equal(null);
    await expect(el).to.be.accessible();

    button(root, 'Test microphone')!.click();
    await until(() => mics.streams.length === 1, 'the microphone opened on request');
    await el.updateComplete;
    expect(meterOf(root)).to.exist;
  });

  it('explains how to allow the microphone when the site is blocked, in an alert', async () => {
    const mics = recordMicrophones();
    cleanup.push(mics.restore);
    const { el, root } = await mount(await settingsFor('denied'));
    const alert = root.querySelector('[role="alert"]');
    expect(alert, 'the denied note').to.exist;
    expect(alert!.textContent).to.match(/site settings/i).and.match(/Microphone/).and.match(/Allow/).and.match(/reload/i);
    expect(meterOf(root)).to.equal(null);
    await sleep(200);
    expect(mics.streams.length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('says so where the browser cannot choose an output, and offers no output lists', async () => {
    class NoSinkSettings extends AudioSettings {
      override get outputSelectable() {
        return false;
      }
    }
    const settings = new NoSinkSettings();
    cleanup.push(() => settings.dispose());
    await settings.start();
    const { el, root } = await mount(settings);
    expect(root.textContent).to.contain('This browser always plays through the default output');
    expect([...root.querySelectorAll('label')].map((l) => l.textContent!.trim())).to.not.include.members(['Speaker', 'Ringer']);
    expect(control<HTMLInputElement>(root, 'Speaker volume')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('is accessible in dark', async () => {
    const { el } = await mount(await settingsFor(), 'dark');
    await expect(el).to.be.accessible();
    const { el: denied } = await mount(await settingsFor('denied'), 'dark');
    await expect(denied).to.be.accessible();
  });

  it("uses the enclosing phone's settings (session.audio)", async () => {
    const settings = await settingsFor();
    const widget = await fixture<TestPhoneWidget>(html`<test-phone-widget no-url-activation></test-phone-widget>`);
    Object.defineProperty(widget.session, 'audio', { value: settings, configurable: true });
    const el = document.createElement('phone-audio-settings');
    widget.append(el);
    await el.updateComplete;
    await until(() => !!el.shadowRoot!.querySelector('select'), 'the selects');
    choose(control(el.shadowRoot!, 'Ringer'), 'Fake Audio Output 2');
    expect(settings.state.ringerId).to.equal(settings.state.devices.outputs[1]!.id);
    el.remove();
  });

  it('says where it belongs when there are no settings to show', async () => {
    const el = await fixture<PhoneAudioSettings>(html`<phone-audio-settings></phone-audio-settings>`);
    expect(el.shadowRoot!.textContent).to.contain('inside a phone');
    await expect(el).to.be.accessible();
  });
});
