// The call card's local conference and local recording states, with the
// network scripted by the fake agent (the mixing itself is proven in
// src/core/local-conference.test.ts and end to end in test/e2e/conference.test.mjs).
import { expect, fixture, html } from '@open-wc/testing';
import '../../../test/fakes/test-widget.js';
import type { TestPhoneWidget } from '../../../test/fakes/test-widget.js';
import type { FakeCall } from '../../../test/fakes/fake-sip-agent.js';
import './phone-call-card.js';

const nameOf = (el: Element) => (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
const buttonsNamed = (scope: ParentNode, name: string) => [...scope.querySelectorAll('button')].filter((b) => nameOf(b) === name);
function buttonNamed(scope: ParentNode, name: string): HTMLButtonElement {
  const found = buttonsNamed(scope, name);
  expect(found, `a button named "${name}"`).to.have.length(1);
  return found[0]!;
}

async function phone(attrs: { localRecording?: boolean; consent?: string } = {}) {
  const el = (await fixture(html`<test-phone-widget
    server="ws://127.0.0.1:8080"
    identity="sip:1001@phone.test"
    password="p"
    no-url-activation
    ?local-recording=${attrs.localRecording ?? false}
    recording-consent=${attrs.consent ?? ''}
  >
    <phone-call-card></phone-call-card>
  </test-phone-widget>`)) as TestPhoneWidget;
  el.agent.register();
  const c = el.querySelector('phone-call-card')!;
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    await c.updateComplete;
  };
  const answered = async (number: string, name: string): Promise<FakeCall> => {
    const call = el.agent.ring({ number, name, uri: `sip:${number}@phone.test` });
    el.session.answer(call.id);
    await settle();
    return call;
  };
  return { el, c, root: c.shadowRoot!, settle, answered };
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
