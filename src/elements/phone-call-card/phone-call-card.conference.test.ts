// The call card's local conference and local recording states, with the
// network scripted by the fake agent (the mixing itself is proven in
// src/core/local-conference.test.ts and end to end in test/e2e/conference.test.mjs).
import { expect, html } from '@open-wc/testing';
import { buttonNamed, buttonsNamed, cardFixture } from '../../../test/fakes/card-fixture.js';

function phone(attrs: { localRecording?: boolean; consent?: string } = {}) {
  return cardFixture(html`<test-phone-widget
    server="ws://127.0.0.1:8080"
    identity="sip:1001@phone.test"
    password="p"
    no-url-activation
    ?local-recording=${attrs.localRecording ?? false}
    recording-consent=${attrs.consent ?? ''}
  >
    <phone-call-card></phone-call-card>
  </test-phone-widget>`);
}

const group = (root: ShadowRoot) => root.querySelector('section[aria-label="Conference"]') as HTMLElement | null;

describe('<phone-call-card> local conference', () => {
  it('offers "Merge calls" only with two calls or more', async () => {
    const { root, answered } = await phone();
    await answered('1002', 'Bob');
    expect(buttonsNamed(root, 'Merge calls')).to.have.length(0);
    await answered('1003', 'Carol');
    buttonNamed(root, 'Merge calls');
    await expect(root.host).to.be.accessible();
  });

  it('merged: one "Conference" group with the user’s mute, End conference and per-participant controls', async () => {
    const { el, root, settle, answered } = await phone();
    await answered('1002', 'Bob');
    await answered('1003', 'Carol');
    await answered('1004', 'Dave');
    buttonNamed(root, 'Merge calls').click();
    await settle();
    const conf = group(root)!;
    expect(conf, 'the Conference group').to.exist;
    expect(root.querySelectorAll('section[aria-label^="Call with"]'), 'no separate cards').to.have.length(0);
    expect(conf.textContent).to.contain('3 participants');
    expect(buttonsNamed(root, 'Merge calls')).to.have.length(0);
    for (const name of ['Bob', 'Carol', 'Dave']) {
      buttonNamed(conf, `Mute ${name}`);
      buttonNamed(conf, `Hold ${name}`);
      buttonNamed(conf, `Hang up ${name}`);
    }
    expect(el.session.state.calls.every((c) => !c.held), 'every call resumed').to.equal(true);
    await expect(root.host).to.be.accessible();

    buttonNamed(conf, 'Mute Bob').click();
    await settle();
    expect(buttonNamed(conf, 'Mute Bob').getAttribute('aria-pressed')).to.equal('true');
    expect(conf.textContent).to.contain('muted for everyone');
    buttonNamed(conf, 'Mute').click();
    await settle();
    expect(buttonNamed(conf, 'Unmute').getAttribute('aria-pressed')).to.equal('true');
    buttonNamed(conf, 'Hold Carol').click();
    await settle();
    buttonNamed(conf, 'Resume Carol');
    await expect(root.host).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await expect(root.host, 'dark theme').to.be.accessible();
  });

  it('while merging (held calls being resumed): "Merging…" and no second Merge', async () => {
    const { el, c, root, settle, answered } = await phone();
    await answered('1002', 'Bob');
    await answered('1003', 'Carol');
    let release = () => undefined as void;
    const bob = el.agent.calls[0]!;
    bob.setHeld = () => new Promise((resolve) => (release = () => resolve({ ok: true })));
    const merging = el.session.merge();
    await c.updateComplete;
    expect(group(root)!.querySelector('[role="status"]')!.textContent).to.equal('Merging…');
    expect(buttonNamed(root, 'Merge calls').disabled).to.equal(true);
    await expect(root.host).to.be.accessible();
    release();
    expect(await merging).to.equal(true);
    await settle();
    expect(group(root)!.textContent).to.contain('2 participants');
    expect(group(root)!.querySelector('[role="status"]')).to.equal(null);
  });

  it('one participant hanging up leaves the others in the conference', async () => {
    const { el, root, settle, answered } = await phone();
    const bob = await answered('1002', 'Bob');
    await answered('1003', 'Carol');
    await answered('1004', 'Dave');
    await el.session.merge();
    await settle();
    buttonNamed(group(root)!, 'Hang up Bob').click();
    await settle();
    expect(bob.log).to.include('hangup');
    expect(group(root)!.textContent).to.contain('2 participants');
    expect(buttonsNamed(root, 'Mute Bob')).to.have.length(0);
  });

  it('End conference: every participant held on its own card, resumable one by one', async () => {
    const { el, root, settle, answered } = await phone();
    await answered('1002', 'Bob');
    await answered('1003', 'Carol');
    await el.session.merge();
    await settle();
    buttonNamed(group(root)!, 'End conference').click();
    await settle();
    expect(group(root)).to.equal(null);
    expect(el.session.state.calls.every((c) => c.held)).to.equal(true);
    expect(root.querySelectorAll('section[aria-label^="Call with"]')).to.have.length(2);
    expect(buttonsNamed(root, 'Resume')).to.have.length(2);
    await expect(root.host).to.be.accessible();
  });
});

describe('<phone-call-card> local recording', () => {
  const until = async (check: () => Promise<boolean> | boolean, what: string) => {
    for (let i = 0; i < 100; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 30));
    }
    expect.fail(`timed out waiting for ${what}`);
  };

  it('Record / Stop recording: an indicator with part number, time and the consent reminder; each part stored', async () => {
    const { el, root, settle, answered } = await phone({ localRecording: true, consent: 'Say: this call is recorded.' });
    const call = await answered('1002', 'Bob');
    const saved: number[] = [];
    el.session.on('recording-saved', (s) => saved.push(s.segment));
    buttonNamed(root, 'More').click();
    await settle();
    buttonNamed(root, 'Record').click();
    await until(() => Boolean(el.session.state.calls[0]!.localRecording), 'recording');
    await settle();
    const status = root.querySelector('.local-recording [role="status"]')!;
    expect(status.textContent).to.equal('Recording · part 1');
    expect(root.querySelector('.local-recording [role="timer"]')!.textContent).to.match(/^0:0\d$/);
    expect(root.textContent).to.contain('Say: this call is recorded.');
    expect(buttonNamed(root, 'Stop recording').getAttribute('aria-pressed')).to.equal('true');
    await expect(root.host).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await expect(root.host, 'dark theme').to.be.accessible();
    buttonNamed(root, 'Stop recording').click();
    await settle();
    expect(root.querySelector('.local-recording')).to.equal(null);
    buttonNamed(root, 'Record').click();
    await until(() => Boolean(el.session.state.calls[0]!.localRecording), 'recording again');
    await settle();
    expect(root.querySelector('.local-recording [role="status"]')!.textContent).to.equal('Recording · part 2');
    buttonNamed(root, 'Stop recording').click();
    await until(async () => (await el.session.recordings!.listSegments(call.id)).length === 2, 'two segments stored');
    const segments = await el.session.recordings!.listSegments(call.id);
    expect(segments.map((s) => s.segment)).to.deep.equal([1, 2]);
    expect(segments[0]!.mimeType).to.match(/^audio\//);
    await until(() => saved.length === 2, 'recording-saved twice');
    expect(saved).to.deep.equal([1, 2]);
  });

  it('no Record without local recording or a record code', async () => {
    const { root, answered } = await phone();
    await answered('1002', 'Bob');
    expect(buttonsNamed(root, 'More')).to.have.length(0);
    expect(buttonsNamed(root, 'Record')).to.have.length(0);
  });

  it('a full storage quota makes the recording fail with a visible alert', async () => {
    const { el, root, settle, answered } = await phone({ localRecording: true });
    await answered('1002', 'Bob');
    el.session.toggleRecording();
    await until(() => Boolean(el.session.state.calls[0]!.localRecording), 'recording');
    expect(root.textContent, 'the default consent reminder').to.contain('Tell the other party that this call is being recorded.');
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    try {
      el.session.toggleRecording();
      await until(() => Boolean(el.session.state.calls[0]!.recordingError), 'the error');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    await settle();
    const alert = root.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.equal('Recording 1 was not saved: the browser’s storage is full.');
    expect(el.session.state.notice?.text).to.equal('Recording 1 was not saved: the browser’s storage is full.');
    await expect(root.host).to.be.accessible();
  });
});
