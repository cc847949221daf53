import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../test/fakes/test-widget.js';
import type { TestPhoneWidget } from '../../../test/fakes/test-widget.js';
import './phone-call-card.js';

async function card() {
  const el = (await fixture(html`<test-phone-widget server="ws://127.0.0.1:8080" identity="sip:1001@phone.test" password="p" no-url-activation>
    <phone-call-card></phone-call-card>
  </test-phone-widget>`)) as TestPhoneWidget;
  el.agent.register();
  const c = el.querySelector('phone-call-card')!;
  return { el, c, root: c.shadowRoot! };
}

const button = (root: ShadowRoot, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === name) as HTMLButtonElement | undefined;

describe('<phone-call-card>', () => {
  it('renders nothing without calls', async () => {
    const { c, root } = await card();
    await c.updateComplete;
    expect(root.querySelector('.card') == null).to.equal(true);
  });

  it('shows a ringing call with Answer and Reject', async () => {
    const { el, c, root } = await card();
    const call = el.agent.ring({ number: '1002', name: 'Bob', uri: 'sip:1002@phone.test' });
    await c.updateComplete;
    expect(root.textContent).to.contain('Bob');
    expect(root.textContent).to.contain('1002');
    expect(root.textContent).to.contain('Incoming call');
    await expect(c).to.be.accessible();
    button(root, 'Answer')!.click();
    expect(call.log).to.deep.equal(['answer']);
  });

  it('shows a connected call with a timer, Mute and Hang up', async () => {
    const { el, c, root } = await card();
    const call = el.agent.ring({ number: '1002', uri: 'sip:1002@phone.test' });
    call.remoteAnswers();
    await c.updateComplete;
    expect(root.textContent).to.contain('Connected');
    expect(root.querySelector('[role="timer"]')!.textContent).to.match(/^0:0\d$/);
    button(root, 'Mute')!.click();
    await c.updateComplete;
    expect(button(root, 'Unmute')!.getAttribute('aria-pressed')).to.equal('true');
    await expect(c).to.be.accessible();
    button(root, 'Hang up')!.click();
    await c.updateComplete;
    expect(call.log).to.deep.equal(['mute', 'hangup']);
    expect(root.querySelector('.card') == null).to.equal(true);
    expect(root.textContent).to.contain('Call with 1002 ended');
  });

  it('shows Calling… and then why the call failed', async () => {
    const { el, c, root } = await card();
    el.session.dial('1009');
    await c.updateComplete;
    expect(root.textContent).to.contain('Calling…');
    el.agent.calls[0]!.remoteEnds(404, 'Not Found');
    await c.updateComplete;
    expect(root.textContent).to.contain('Call to 1009 failed: Not found (404)');
    await expect(c).to.be.accessible();
  });
});

// ---------------------------------------------------------------------------
// Every visual state, found by accessible name, checked with axe in both themes.

/** The accessible name of a control, as a screen reader announces it (aria-label, else its text). */
const nameOf = (el: Element) => (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The buttons named `name` in `scope`. */
const buttonsNamed = (scope: ParentNode, name: string) => [...scope.querySelectorAll('button')].filter((b) => nameOf(b) === name);

/** The one button named `name` in `scope` (fails when there is none). */
function buttonNamed(scope: ParentNode, name: string): HTMLButtonElement {
  const found = buttonsNamed(scope, name);
  expect(found, `a button named "${name}"`).to.have.length.greaterThan(0);
  return found[0]!;
}

/** The card (a `section` named "Call with …") of `label`. */
function cardOf(root: ShadowRoot, label: string): HTMLElement {
  const card = [...root.querySelectorAll('section')].find((s) => s.getAttribute('aria-label') === `Call with ${label}`);
  expect(card, `the card of ${label}`).to.exist;
  return card as HTMLElement;
}

const textOf = (el: Element | ShadowRoot) => el.textContent!.replace(/\s+/g, ' ');

/** Axe finds nothing in the light theme nor in the dark one. */
async function accessibleInBothThemes(widget: TestPhoneWidget, target: Element): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    widget.theme = theme;
    await widget.updateComplete;
    expect(getComputedStyle(target).colorScheme, 'theme applied').to.equal(theme);
    await expect(target).to.be.accessible();
  }
}

async function cardIn(attrs: { voicemailPrefix?: string; compact?: boolean } = {}) {
  const el = (await fixture(html`<test-phone-widget
    server="ws://127.0.0.1:8080"
    identity="sip:1001@phone.test"
    password="p"
    no-url-activation
    voicemail-prefix=${attrs.voicemailPrefix ?? ''}
  >
    <phone-call-card ?compact=${attrs.compact ?? false}></phone-call-card>
  </test-phone-widget>`)) as TestPhoneWidget;
  el.agent.register();
  const c = el.querySelector('phone-call-card')!;
  const settle = async () => {
    // Hold, resume and transfer answers arrive on a later turn.
    await new Promise((r) => setTimeout(r, 0));
    await c.updateComplete;
  };
  return { el, c, root: c.shadowRoot!, settle };
}

/** An incoming call from Bob, answered. */
async function connectedBob(env: Awaited<ReturnType<typeof cardIn>>) {
  const call = env.el.agent.ring({ number: '1002', name: 'Bob', uri: 'sip:1002@phone.test' });
  env.el.session.answer(call.id);
  await env.settle();
  return call;
}

/** Types into a text field as a person does. */
function typeInto(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<phone-call-card> states', () => {
  it('ringing inbound: Answer, Ignore and Reject; after Ignore it says it is silenced', async () => {
    const env = await cardIn();
    const { el, c, root } = env;
    const call = el.agent.ring({ number: '1002', name: 'Bob', uri: 'sip:1002@phone.test' });
    await c.updateComplete;
    const card = cardOf(root, 'Bob');
    expect(textOf(card)).to.contain('Incoming call');
    expect(buttonsNamed(card, 'Answer').length).to.equal(1);
    expect(buttonsNamed(card, 'Reject').length).to.equal(1);
    expect(buttonsNamed(card, 'Hang up').length).to.equal(0);
    expect(buttonsNamed(card, 'Mute').length).to.equal(0);
    await accessibleInBothThemes(el, c);

    buttonNamed(card, 'Ignore').click();
    await c.updateComplete;
    expect(textOf(card)).to.contain('Incoming call (silenced)');
    expect(buttonsNamed(card, 'Ignore').length).to.equal(0);
    expect(call.log).to.deep.equal([]);
    await accessibleInBothThemes(el, c);

    buttonNamed(card, 'Reject').click();
    await c.updateComplete;
    expect(call.log).to.deep.equal(['reject:480']);
    expect(root.querySelector('section') == null).to.equal(true);
    expect(textOf(root)).to.contain('Missed call from Bob');
  });

  it('calling and ringing out: only Hang up, which cancels', async () => {
    const { el, c, root } = await cardIn();
    el.session.dial('1003');
    await c.updateComplete;
    const card = cardOf(root, '1003');
    expect(textOf(card)).to.contain('Calling…');
    expect([...card.querySelectorAll('button')].map(nameOf)).to.deep.equal(['Hang up']);
    await accessibleInBothThemes(el, c);
    const call = el.agent.calls[0]!;
    call.remoteRings();
    await c.updateComplete;
    expect(textOf(card)).to.contain('Ringing…');
    await accessibleInBothThemes(el, c);
    call.remoteRings(true);
    await c.updateComplete;
    expect(textOf(card)).to.contain('Ringing (announcement)…');
    buttonNamed(card, 'Hang up').click();
    expect(call.log).to.deep.equal(['hangup']);
  });

  it('connected: Mute and Hold say their state with aria-pressed', async () => {
    const env = await cardIn();
    const { el, c, root, settle } = env;
    const call = await connectedBob(env);
    const card = cardOf(root, 'Bob');
    expect(textOf(card)).to.contain('Connected');
    for (const name of ['Mute', 'Hold', 'Keypad', 'Transfer', 'Add call', 'Hide call', 'Hang up']) buttonNamed(card, name);
    expect(buttonsNamed(card, 'Swap calls').length).to.equal(0);
    expect(buttonNamed(card, 'Mute').getAttribute('aria-pressed')).to.equal('false');
    expect(buttonNamed(card, 'Hold').getAttribute('aria-pressed')).to.equal('false');
    await accessibleInBothThemes(el, c);

    buttonNamed(card, 'Mute').click();
    await c.updateComplete;
    expect(buttonNamed(card, 'Unmute').getAttribute('aria-pressed')).to.equal('true');
    buttonNamed(card, 'Hold').click();
    await settle();
    expect(buttonNamed(card, 'Resume').getAttribute('aria-pressed')).to.equal('true');
    expect(textOf(card)).to.contain('On hold');
    expect(card.hasAttribute('data-held')).to.equal(true);
    await accessibleInBothThemes(el, c);

    buttonNamed(card, 'Resume').click();
    buttonNamed(card, 'Unmute').click();
    await settle();
    expect(buttonNamed(card, 'Hold').getAttribute('aria-pressed')).to.equal('false');
    expect(buttonNamed(card, 'Mute').getAttribute('aria-pressed')).to.equal('false');
    expect(call.log).to.deep.equal(['answer', 'mute', 'hold', 'resume', 'unmute']);
  });

  it('connected: Hold is disabled while the hold is under way', async () => {
    const env = await cardIn();
    const call = await connectedBob(env);
    let finish!: (r: { ok: true }) => void;
    call.setHeld = () => new Promise((resolve) => (finish = resolve));
    buttonNamed(cardOf(env.root, 'Bob'), 'Hold').click();
    await env.c.updateComplete;
    const card = cardOf(env.root, 'Bob');
    expect(textOf(card)).to.contain('Holding…');
    expect(buttonNamed(card, 'Hold').disabled).to.equal(true);
    await accessibleInBothThemes(env.el, env.c);
    finish({ ok: true });
    await env.settle();
    expect(buttonNamed(card, 'Resume').disabled).to.equal(false);
  });

  it('held by the far end: says so', async () => {
    const env = await cardIn();
    const call = await connectedBob(env);
    call.remoteHolds();
    await env.c.updateComplete;
    expect(textOf(cardOf(env.root, 'Bob'))).to.contain('Held by remote');
    await accessibleInBothThemes(env.el, env.c);
    call.remoteHolds(false);
    await env.c.updateComplete;
    expect(textOf(cardOf(env.root, 'Bob'))).not.to.contain('Held by remote');
  });

  it('connected: Keypad opens a DTMF keypad that sends digits and shows them', async () => {
    const env = await cardIn();
    const { el, c, root } = env;
    const call = await connectedBob(env);
    const card = cardOf(root, 'Bob');
    const toggle = buttonNamed(card, 'Keypad');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(card.querySelector('[role="group"]') == null).to.equal(true);
    toggle.click();
    await c.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const keypad = card.querySelector('[role="group"][aria-label="Keypad for Bob"]')!;
    expect(keypad).to.exist;
    for (const k of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#']) buttonNamed(keypad, k);
    buttonNamed(keypad, '5').click();
    buttonNamed(keypad, '#').click();
    await c.updateComplete;
    expect(call.log.slice(1)).to.deep.equal(['dtmf:5/rfc4733', 'dtmf:#/rfc4733']);
    expect(keypad.querySelector('output[aria-label="Digits sent"]')!.textContent).to.equal('5#');
    await accessibleInBothThemes(el, c);
    toggle.click();
    await c.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(card.querySelector('[role="group"]') == null).to.equal(true);
  });

  it('connected: Transfer opens a form; Blind transfer sends the caller on', async () => {
    const env = await cardIn();
    const { el, c, root, settle } = env;
    const call = await connectedBob(env);
    const card = cardOf(root, 'Bob');
    const toggle = buttonNamed(card, 'Transfer');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await c.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const form = card.querySelector('form[aria-label="Transfer Bob"]')!;
    expect(form).to.exist;
    const label = [...form.querySelectorAll('label')].find((l) => nameOf(l).startsWith('Transfer to'))!;
    const field = label.querySelector('input')!;
    expect(field).to.exist;
    expect(buttonNamed(form, 'Blind transfer').disabled, 'nothing typed yet').to.equal(true);
    expect(buttonNamed(form, 'Attended transfer').disabled).to.equal(true);
    expect(buttonsNamed(form, 'To voicemail').length, 'no voicemail prefix').to.equal(0);
    buttonNamed(form, 'Cancel');
    await accessibleInBothThemes(el, c);

    typeInto(field, '1003');
    await c.updateComplete;
    expect(buttonNamed(form, 'Blind transfer').disabled).to.equal(false);
    await accessibleInBothThemes(el, c);
    buttonNamed(form, 'Blind transfer').click();
    await settle();
    expect(call.log).to.deep.equal(['answer', 'refer:sip:1003@phone.test', 'hangup']);
    expect(root.querySelector('section') == null).to.equal(true);
    expect(el.session.state.notice?.text).to.equal('Call transferred to 1003');
  });

  it('the transfer form closes with Cancel, and Keypad and Transfer replace each other', async () => {
    const env = await cardIn();
    await connectedBob(env);
    const card = cardOf(env.root, 'Bob');
    buttonNamed(card, 'Transfer').click();
    await env.c.updateComplete;
    buttonNamed(card, 'Keypad').click();
    await env.c.updateComplete;
    expect(card.querySelector('form') == null).to.equal(true);
    expect(buttonNamed(card, 'Transfer').getAttribute('aria-expanded')).to.equal('false');
    buttonNamed(card, 'Transfer').click();
    await env.c.updateComplete;
    expect(card.querySelector('[role="group"]') == null, 'keypad closed').to.equal(true);
    buttonNamed(card.querySelector('form')!, 'Cancel').click();
    await env.c.updateComplete;
    expect(card.querySelector('form') == null).to.equal(true);
    expect(buttonNamed(card, 'Transfer').getAttribute('aria-expanded')).to.equal('false');
  });

  it('with a voicemail prefix, the transfer form offers To voicemail', async () => {
    const env = await cardIn({ voicemailPrefix: '03' });
    const call = await connectedBob(env);
    const card = cardOf(env.root, 'Bob');
    buttonNamed(card, 'Transfer').click();
    await env.c.updateComplete;
    const form = card.querySelector('form')!;
    typeInto(form.querySelector('input')!, '1003');
    await env.c.updateComplete;
    await accessibleInBothThemes(env.el, env.c);
    buttonNamed(form, 'To voicemail').click();
    await env.settle();
    expect(call.log).to.deep.equal(['answer', 'refer:sip:031003@phone.test', 'hangup']);
  });

  it('consulting: the consult card offers Complete and Cancel transfer; the first call waits on hold', async () => {
    const env = await cardIn();
    const { el, c, root, settle } = env;
    const original = await connectedBob(env);
    const card = cardOf(root, 'Bob');
    buttonNamed(card, 'Transfer').click();
    await c.updateComplete;
    typeInto(card.querySelector('form input') as HTMLInputElement, '1003');
    await c.updateComplete;
    buttonNamed(card, 'Attended transfer').click();
    await settle();
    const consult = el.agent.calls[el.agent.calls.length - 1]!;
    expect(textOf(cardOf(root, 'Bob'))).to.contain('On hold · transfer to 1003');
    expect(buttonsNamed(cardOf(root, 'Bob'), 'Transfer').length, 'no second transfer of the waiting call').to.equal(0);
    const consultCard = cardOf(root, '1003');
    expect(textOf(consultCard)).to.contain('Consulting before transferring Bob');
    expect(textOf(consultCard)).to.contain('Calling…');
    await accessibleInBothThemes(el, c);

    consult.remoteAnswers();
    await c.updateComplete;
    expect(buttonsNamed(consultCard, 'Transfer').length).to.equal(0);
    buttonNamed(consultCard, 'Cancel transfer');
    await accessibleInBothThemes(el, c);
    buttonNamed(consultCard, 'Complete transfer').click();
    await settle();
    expect(original.log).to.deep.equal(['answer', 'hold', `refer:sip:1003@phone.test;replaces=${consult.id}`, 'hangup']);
  });

  it('consulting: Cancel transfer hangs up the consult call and resumes the first', async () => {
    const env = await cardIn();
    const { el, root, settle } = env;
    const original = await connectedBob(env);
    await el.session.startAttendedTransfer(original.id, '1003');
    const consult = el.agent.calls[el.agent.calls.length - 1]!;
    consult.remoteAnswers();
    await settle();
    buttonNamed(cardOf(root, '1003'), 'Cancel transfer').click();
    await settle();
    expect(consult.log).to.deep.equal(['hangup']);
    expect(original.log).to.deep.equal(['answer', 'hold', 'resume']);
    expect(root.querySelectorAll('section').length).to.equal(1);
    expect(textOf(cardOf(root, 'Bob'))).to.contain('Connected');
  });

  it('two calls, one held: Swap calls on both cards swaps them', async () => {
    const env = await cardIn();
    const { el, c, root, settle } = env;
    const first = await connectedBob(env);
    el.session.dial('1003');
    const second = el.agent.calls[el.agent.calls.length - 1]!;
    second.remoteAnswers();
    await settle();
    expect(textOf(cardOf(root, 'Bob'))).to.contain('On hold');
    expect(buttonsNamed(cardOf(root, 'Bob'), 'Swap calls').length).to.equal(1);
    expect(buttonsNamed(cardOf(root, '1003'), 'Swap calls').length).to.equal(1);
    await accessibleInBothThemes(el, c);
    buttonNamed(cardOf(root, '1003'), 'Swap calls').click();
    await settle();
    expect(first.log).to.deep.equal(['answer', 'hold', 'resume']);
    expect(second.log).to.deep.equal(['hold']);
    expect(textOf(cardOf(root, '1003'))).to.contain('On hold');
    expect(buttonNamed(cardOf(root, 'Bob'), 'Hold').getAttribute('aria-pressed')).to.equal('false');
  });

  it('no Swap calls with two calls when neither is held', async () => {
    const env = await cardIn();
    const { el, root, settle } = env;
    await connectedBob(env);
    // A second call answered while the first's hold was refused: both go on.
    el.agent.calls[0]!.holdReply = { ok: false, code: 488 };
    const second = el.agent.ring({ number: '1004', uri: 'sip:1004@phone.test' });
    el.session.answer(second.id);
    await settle();
    expect(root.querySelectorAll('section').length).to.equal(2);
    expect(buttonsNamed(root, 'Swap calls').length).to.equal(0);
  });

  it('Add call holds the call and asks for the dial pad; Hide call only asks', async () => {
    const env = await cardIn();
    const { el, c, root } = env;
    const call = await connectedBob(env);
    const requests: string[] = [];
    c.addEventListener('phone-view-request', (e) => requests.push(e.detail.view));
    buttonNamed(cardOf(root, 'Bob'), 'Hide call').click();
    expect(requests).to.deep.equal(['dialer']);
    expect(call.log).to.deep.equal(['answer']);
    buttonNamed(cardOf(root, 'Bob'), 'Add call').click();
    await new Promise((r) => setTimeout(r, 0));
    expect(call.log).to.deep.equal(['answer', 'hold']);
    expect(requests).to.deep.equal(['dialer', 'dialer']);
    expect(el.session.state.calls[0]!.held).to.equal(true);
  });

  it('compact: one chip per call in a group "Calls in progress"; a chip asks for the calls view', async () => {
    const env = await cardIn({ compact: true });
    const { el, c, root } = env;
    await c.updateComplete;
    expect(root.querySelector('[role="group"]') == null, 'no chips without calls').to.equal(true);
    await connectedBob(env);
    el.session.dial('1003');
    await env.settle();
    const group = root.querySelector('[role="group"][aria-label="Calls in progress"]')!;
    expect(group).to.exist;
    const chips = [...group.querySelectorAll('button')];
    expect(chips.map(nameOf)).to.have.length(2);
    expect(nameOf(chips[0]!)).to.match(/^Bob On hold/);
    expect(nameOf(chips[1]!)).to.match(/^1003 Calling…/);
    expect(root.querySelector('section') == null, 'no full cards').to.equal(true);
    await accessibleInBothThemes(el, c);
    const requested = oneEvent(c, 'phone-view-request');
    chips[0]!.click();
    expect((await requested).detail.view).to.equal('calls');
  });
});

describe('<phone-call-card> extras', () => {
  it('shows park, switch phone and record under More, and the recording indicator', async () => {
    const el = (await fixture(html`<test-phone-widget server="ws://127.0.0.1:8080" identity="sip:1011@phone.test" password="p" no-url-activation
      park-slots="701,702" switch-targets="108a:Desk phone" record-code="*1" theme="dark">
      <phone-call-card></phone-call-card>
    </test-phone-widget>`)) as TestPhoneWidget;
    el.agent.register();
    const call = el.agent.ring({ number: '1002', uri: 'sip:1002@phone.test' });
    call.remoteAnswers();
    const c = el.querySelector('phone-call-card')!;
    await c.updateComplete;
    const find = (name: string) => [...c.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name);
    find('More')!.click();
    await c.updateComplete;
    for (const name of ['Park on 701', 'Park on 702', 'Switch to Desk phone', 'Record']) expect(find(name), name).to.exist;
    find('Record')!.click();
    await c.updateComplete;
    expect(call.log).to.deep.equal(['dtmf:*/rfc4733', 'dtmf:1/rfc4733']);
    expect(c.shadowRoot!.querySelector('.recording')!.textContent).to.contain('Recording');
    expect(find('Stop recording')!.getAttribute('aria-pressed')).to.equal('true');
    await expect(c).to.be.accessible();
  });
});
