import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../test/fakes/test-widget.js';
import '../../index.js';
import type { TestPhoneWidget } from '../../../test/fakes/test-widget.js';
import type { PhoneErrorEvent, PhoneIncomingEvent } from '../../events/phone-events.js';

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

async function phone(attrs = html`<test-phone-widget server="ws://127.0.0.1:8080" identity="sip:1001@phone.test" password="pass1001" no-url-activation></test-phone-widget>`) {
  return (await fixture(attrs)) as TestPhoneWidget;
}

describe('<phone-widget>', () => {
  it('takes the password attribute out of the DOM', async () => {
    const el = await phone();
    expect(el.hasAttribute('password')).to.equal(false);
    expect(el.outerHTML).not.to.contain('pass1001');
    expect(el.agent.config.password).to.equal('pass1001');
  });

  it('shows Connecting…, then Ready with the account', async () => {
    const el = await phone();
    expect(text(el)).to.contain('Connecting…');
    el.agent.register();
    await el.updateComplete;
    expect(text(el)).to.contain('Ready');
    expect(text(el)).to.contain('1001');
    await expect(el).to.be.accessible();
  });

  it('shows Disconnected with the reason in words', async () => {
    const el = await phone();
    el.agent.failRegistration(401, 'Authentication Error');
    await el.updateComplete;
    expect(text(el)).to.contain('Disconnected');
    expect(text(el)).to.contain('Wrong user name or password');
  });

  it('shows a bad server as a visible error and fires phone-error, throwing nothing', async () => {
    const el = document.createElement('test-phone-widget');
    el.noUrlActivation = true;
    el.setAttribute('server', 'javascript:alert(1)');
    el.setAttribute('identity', 'sip:1001@phone.test');
    el.password = 'x';
    const error = oneEvent(el, 'phone-error') as Promise<PhoneErrorEvent>;
    document.body.append(el);
    const event = await error;
    expect(event.detail.code).to.equal('bad-server');
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('not a server address');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('fires phone-incoming with the caller and shows Answer and Reject', async () => {
    const el = await phone();
    el.agent.register();
    setTimeout(() => el.agent.ring({ number: '1002', name: 'Bob', uri: 'sip:1002@phone.test' }));
    const incoming = (await oneEvent(el, 'phone-incoming')) as PhoneIncomingEvent;
    expect(incoming.detail.remote).to.deep.equal({ number: '1002', name: 'Bob', uri: 'sip:1002@phone.test' });
    expect(incoming.bubbles && incoming.composed).to.equal(true);
    await el.updateComplete;
    const card = el.shadowRoot!.querySelector('phone-call-card')!;
    await card.updateComplete;
    expect(text(card)).to.contain('Bob');
    expect(text(card)).to.contain('Incoming call');
    await expect(el).to.be.accessible();
  });

  it('lets the page place the phone elements in its own layout', async () => {
    const el = (await fixture(html`<test-phone-widget server="ws://127.0.0.1:8080" identity="sip:1001@phone.test" password="p" no-url-activation>
      <div><phone-dialer></phone-dialer></div>
      <phone-blf-panel></phone-blf-panel>
      <phone-chat></phone-chat>
    </test-phone-widget>`)) as TestPhoneWidget;
    el.agent.register();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('phone-dialer') == null).to.equal(true);
    const dialer = el.querySelector('phone-dialer')!;
    const input = dialer.shadowRoot!.querySelector('input')!;
    input.value = '1002';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(el.agent.calls[0]?.remote.uri).to.equal('sip:1002@phone.test');
    const blf = el.querySelector('phone-blf-panel')!;
    await blf.updateComplete;
    expect(text(blf)).to.contain('1001');
    const chat = el.querySelector('phone-chat')!;
    await chat.updateComplete;
    expect(text(chat)).to.contain('No conversations yet');
  });

  it('is a floating, collapsible panel', async () => {
    const el = (await fixture(html`<test-phone-widget floating collapsed theme="dark" no-url-activation></test-phone-widget>`)) as TestPhoneWidget;
    const toggle = el.shadowRoot!.querySelector('button.toggle') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(el.collapsed).to.equal(false);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(getComputedStyle(el).position).to.equal('fixed');
    await expect(el).to.be.accessible();
  });
});

// ---------------------------------------------------------------------------
// DND, notices, settings, views and the keyboard, each state checked with axe
// in the light and the dark theme.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` holds (polling), or fails with `what`. */
async function until(check: () => boolean, what: string, ms = 1000): Promise<void> {
  for (const end = performance.now() + ms; !check(); await sleep(10)) if (performance.now() > end) throw new Error(`timed out: ${what}`);
}

/** The accessible name of a control: aria-label, else its text. */
const nameOf = (el: Element) => (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
const buttonsNamed = (scope: ParentNode, name: string) => [...scope.querySelectorAll('button')].filter((b) => nameOf(b) === name);
function buttonNamed(scope: ParentNode, name: string): HTMLButtonElement {
  const found = buttonsNamed(scope, name);
  expect(found, `a button named "${name}"`).to.have.length.greaterThan(0);
  return found[0]!;
}

/** Axe finds nothing in the light theme nor in the dark one. */
async function accessibleInBothThemes(el: TestPhoneWidget): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    el.theme = theme;
    await el.updateComplete;
    expect(getComputedStyle(el).colorScheme, 'theme applied').to.equal(theme);
    await expect(el).to.be.accessible();
  }
}

/** A registered phone in its default layout. */
async function readyPhone() {
  const el = await phone();
  el.agent.register();
  await el.updateComplete;
  return el;
}

const root = (el: TestPhoneWidget) => el.shadowRoot!;
const cardEl = (el: TestPhoneWidget) => root(el).querySelector('phone-call-card:not([compact])');
const chipsEl = (el: TestPhoneWidget) => root(el).querySelector('phone-call-card[compact]');
const dialerEl = (el: TestPhoneWidget) => root(el).querySelector('phone-dialer');

/** Lets the widget and the call card inside it render the latest state. */
async function rendered(el: TestPhoneWidget): Promise<void> {
  await sleep(0);
  await el.updateComplete;
  for (const child of root(el).querySelectorAll('phone-call-card, phone-dialer')) await (child as LitElementLike).updateComplete;
}
interface LitElementLike extends Element {
  updateComplete: Promise<unknown>;
}

/** An incoming call from Bob, answered. */
async function inCallWithBob(el: TestPhoneWidget) {
  const call = el.agent.ring({ number: '1002', name: 'Bob', uri: 'sip:1002@phone.test' });
  el.session.answer(call.id);
  await rendered(el);
  return call;
}

describe('<phone-widget> DND', () => {
  it('the DND button says its state with aria-pressed and rejects calls while on', async () => {
    const el = await readyPhone();
    const dnd = buttonNamed(root(el), 'DND');
    expect(dnd.getAttribute('aria-pressed')).to.equal('false');
    dnd.click();
    await el.updateComplete;
    expect(dnd.getAttribute('aria-pressed')).to.equal('true');
    expect(el.dnd).to.equal(true);
    expect(el.hasAttribute('dnd')).to.equal(true);
    expect(el.session.state.settings.dnd).to.equal(true);
    await accessibleInBothThemes(el);

    const call = el.agent.ring({ number: '1002', name: 'Bob', uri: 'sip:1002@phone.test' });
    await rendered(el);
    expect(call.log).to.deep.equal(['reject:486']);
    expect(buttonsNamed(cardEl(el)!.shadowRoot!, 'Answer').length).to.equal(0);

    dnd.click();
    await el.updateComplete;
    expect(dnd.getAttribute('aria-pressed')).to.equal('false');
    expect(el.session.state.settings.dnd).to.equal(false);
    const next = el.agent.ring({ number: '1003', uri: 'sip:1003@phone.test' });
    await rendered(el);
    expect(next.log).to.deep.equal([]);
    buttonNamed(cardEl(el)!.shadowRoot!, 'Answer');
  });
});

describe('<phone-widget> notices', () => {
  const noticeOf = (el: TestPhoneWidget) => root(el).querySelector('.notice');

  it('an error notice is an alert that stays beside the call, until dismissed', async () => {
    const el = await readyPhone();
    const call = await inCallWithBob(el);
    call.holdReply = { ok: false, code: 488 };
    buttonNamed(cardEl(el)!.shadowRoot!, 'Hold').click();
    await rendered(el);
    const notice = noticeOf(el)!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(nameOf(notice.querySelector('span')!)).to.equal('Could not hold the call (488). The call goes on.');
    expect(el.session.state.calls).to.have.length(1);
    await accessibleInBothThemes(el);
    buttonNamed(notice, 'Dismiss message').click();
    await el.updateComplete;
    expect(noticeOf(el) == null).to.equal(true);
    expect(el.session.state.notice).to.equal(undefined);
  });

  it('an information notice is a status', async () => {
    const el = await readyPhone();
    el.autoAnswer = true;
    el.autoAnswerDelay = 5;
    await el.updateComplete;
    el.agent.ring({ number: '1002', name: 'Bob', uri: 'sip:1002@phone.test' });
    await rendered(el);
    const notice = noticeOf(el)!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(nameOf(notice.querySelector('span')!)).to.equal('Answering Bob automatically');
    await accessibleInBothThemes(el);
    buttonNamed(root(el), 'Dismiss message').click();
    await el.updateComplete;
    expect(noticeOf(el) == null).to.equal(true);
  });
});

describe('<phone-widget> settings', () => {
  it('Settings opens a panel with the audio settings and the call waiting tone', async () => {
    const el = await readyPhone();
    const toggle = buttonNamed(root(el), 'Settings');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(root(el).querySelector('section[aria-label="Settings"]') == null).to.equal(true);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const panel = root(el).querySelector('section[aria-label="Settings"]')!;
    expect(panel).to.exist;
    expect(panel.querySelector('phone-audio-settings')).to.exist;
    expect(dialerEl(el) == null, 'the panel replaces the dial pad').to.equal(true);
    const label = [...panel.querySelectorAll('label')].find((l) => nameOf(l).startsWith('Call waiting tone'))!;
    const select = label.querySelector('select')!;
    expect(select.value).to.equal('enable');
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Enable', 'One time', 'Disabled']);
    await (panel.querySelector('phone-audio-settings') as unknown as LitElementLike).updateComplete;
    await accessibleInBothThemes(el);

    select.value = 'once';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.session.state.settings.callWaiting).to.equal('once');
    expect(el.callWaiting).to.equal('once');

    buttonNamed(panel, 'Done').click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(root(el).querySelector('section[aria-label="Settings"]') == null).to.equal(true);
    expect(dialerEl(el)).to.exist;
  });

  it('the Settings button closes the panel it opened', async () => {
    const el = await readyPhone();
    const toggle = buttonNamed(root(el), 'Settings');
    toggle.click();
    await el.updateComplete;
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(root(el).querySelector('section[aria-label="Settings"]') == null).to.equal(true);
  });
});

describe('<phone-widget> views', () => {
  it('shows the dial pad and the call card together when idle, only the calls during a call', async () => {
    const el = await readyPhone();
    expect(dialerEl(el)).to.exist;
    await inCallWithBob(el);
    expect(dialerEl(el) == null).to.equal(true);
    expect(cardEl(el)).to.exist;
    expect(chipsEl(el) == null).to.equal(true);
    await accessibleInBothThemes(el);
  });

  it('Add call holds the call and shows the dial pad with the calls as chips; a chip brings them back', async () => {
    const el = await readyPhone();
    const call = await inCallWithBob(el);
    buttonNamed(cardEl(el)!.shadowRoot!, 'Add call').click();
    await until(() => Boolean(dialerEl(el)), 'the dial pad');
    await rendered(el);
    expect(call.log).to.deep.equal(['answer', 'hold']);
    expect(cardEl(el) == null).to.equal(true);
    const chips = chipsEl(el)!.shadowRoot!.querySelector('[role="group"][aria-label="Calls in progress"]')!;
    expect(chips).to.exist;
    expect(nameOf(chips.querySelector('button')!)).to.match(/^Bob On hold/);
    await until(() => dialerEl(el)!.matches(':focus-within'), 'the dial pad focused');
    await accessibleInBothThemes(el);

    chips.querySelector('button')!.click();
    await rendered(el);
    expect(dialerEl(el) == null).to.equal(true);
    expect(chipsEl(el) == null).to.equal(true);
    buttonNamed(cardEl(el)!.shadowRoot!, 'Resume');
  });

  it('Hide call shows the dial pad without holding; the view comes back when the calls end', async () => {
    const el = await readyPhone();
    const call = await inCallWithBob(el);
    buttonNamed(cardEl(el)!.shadowRoot!, 'Hide call').click();
    await rendered(el);
    expect(dialerEl(el)).to.exist;
    expect(chipsEl(el)).to.exist;
    expect(call.log).to.deep.equal(['answer']);
    call.remoteEnds();
    await rendered(el);
    expect(chipsEl(el) == null).to.equal(true);
    // The next call shows as a card, not as a chip.
    await inCallWithBob(el);
    expect(cardEl(el)).to.exist;
    expect(dialerEl(el) == null).to.equal(true);
  });

  it('an incoming call brings the calls view back', async () => {
    const el = await readyPhone();
    await inCallWithBob(el);
    buttonNamed(cardEl(el)!.shadowRoot!, 'Hide call').click();
    await rendered(el);
    el.agent.ring({ number: '1004', uri: 'sip:1004@phone.test' });
    await rendered(el);
    expect(dialerEl(el) == null).to.equal(true);
    buttonNamed(cardEl(el)!.shadowRoot!, 'Answer');
  });

  // BUG: after "Add call", placing the second call from the dial pad leaves the
  // widget in the dial-pad view: the new call ("1003 Calling…") shows only as a
  // compact chip, with no Hang up (cancel) in reach until the user clicks the
  // chip. `view` goes back to 'calls' only on an incoming call or when every
  // call has ended; a successful dial from the dial pad should show the calls
  // again, as desk phones do.
  it('placing a call from the Add call dial pad shows the calls again', async () => {
    const el = await readyPhone();
    await inCallWithBob(el);
    buttonNamed(cardEl(el)!.shadowRoot!, 'Add call').click();
    await until(() => Boolean(dialerEl(el)), 'the dial pad');
    const input = dialerEl(el)!.shadowRoot!.querySelector('input')!;
    input.value = '1003';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await rendered(el);
    expect(el.agent.calls[1]!.remote.uri).to.equal('sip:1003@phone.test');
    expect(dialerEl(el) == null).to.equal(true);
    expect(cardEl(el)).to.exist;
  });
});

describe('<phone-widget> keyboard', () => {
  /**
   * Shortcuts go to the phone that has focus, or to the first `<phone-widget>`
   * of the page; the test element has another tag, so it is given focus (a
   * page may do the same with tabindex) before each key.
   */
  async function focusablePhone() {
    const el = await readyPhone();
    el.tabIndex = -1;
    return el;
  }
  async function press(el: TestPhoneWidget, key: string): Promise<void> {
    el.focus();
    await sendKeys({ press: key });
    await rendered(el);
  }
  const dialed = (el: TestPhoneWidget) => dialerEl(el)!.shadowRoot!.querySelector('input')!.value;

  it('not in a call: digits type into the dial pad, Backspace deletes, Enter calls', async () => {
    const el = await focusablePhone();
    for (const k of ['1', '0', '0', '3', '*', '#']) await press(el, k);
    expect(dialed(el)).to.equal('1003*#');
    await press(el, 'Backspace');
    await press(el, 'Backspace');
    await press(el, 'Backspace');
    await press(el, '2');
    expect(dialed(el)).to.equal('1002');
    await press(el, 'x');
    expect(dialed(el)).to.equal('1002');
    await press(el, 'Enter');
    expect(el.agent.calls).to.have.length(1);
    expect(el.agent.calls[0]!.remote.uri).to.equal('sip:1002@phone.test');
  });

  it('ringing: Enter answers', async () => {
    const el = await focusablePhone();
    const call = el.agent.ring({ number: '1002', uri: 'sip:1002@phone.test' });
    await rendered(el);
    await press(el, '5');
    expect(call.log, 'digits do nothing while ringing').to.deep.equal([]);
    await press(el, 'Enter');
    expect(call.log).to.deep.equal(['answer']);
  });

  it('ringing: Escape rejects', async () => {
    const el = await focusablePhone();
    const call = el.agent.ring({ number: '1002', uri: 'sip:1002@phone.test' });
    await rendered(el);
    await press(el, 'Escape');
    expect(call.log).to.deep.equal(['reject:480']);
  });

  it('in a call: digits send DTMF, M mutes, H holds, Escape hangs up', async () => {
    const el = await focusablePhone();
    const call = await inCallWithBob(el);
    await press(el, '5');
    await press(el, '#');
    await press(el, 'm');
    await press(el, 'M');
    await press(el, 'h');
    await sleep(0);
    expect(el.session.state.calls[0]!.held).to.equal(true);
    await press(el, 'Escape');
    expect(call.log).to.deep.equal(['answer', 'dtmf:5/rfc4733', 'dtmf:#/rfc4733', 'mute', 'unmute', 'hold', 'hangup']);
    expect(el.session.state.calls).to.have.length(0);
  });

  it('while calling out: Escape cancels the call', async () => {
    const el = await focusablePhone();
    el.session.dial('1003');
    await rendered(el);
    await press(el, 'Escape');
    expect(el.agent.calls[0]!.log).to.deep.equal(['hangup']);
  });

  it('Enter on a focused button activates that button, not a shortcut', async () => {
    const el = await focusablePhone();
    const call = el.agent.ring({ number: '1002', uri: 'sip:1002@phone.test' });
    await rendered(el);
    buttonNamed(cardEl(el)!.shadowRoot!, 'Reject').focus();
    await sendKeys({ press: 'Enter' });
    expect(call.log).to.deep.equal(['reject:480']);
  });

  it('keys with Ctrl, Alt or Meta are left to the browser', async () => {
    const el = await focusablePhone();
    el.focus();
    for (const modifier of ['Control', 'Alt', 'Meta']) {
      await sendKeys({ down: modifier });
      await sendKeys({ press: '1' });
      await sendKeys({ up: modifier });
    }
    await rendered(el);
    expect(dialed(el)).to.equal('');
    await press(el, '1');
    expect(dialed(el), 'the same key alone').to.equal('1');
  });

  it("keys pause while the user types in the page's own fields", async () => {
    // A real <phone-widget>: the first phone of the page takes keys without focus.
    const page = await fixture(html`<div>
      <label>Notes <input /></label>
      <label>Comment <textarea></textarea></label>
      <phone-widget no-url-activation></phone-widget>
    </div>`);
    const widget = page.querySelector('phone-widget')!;
    await widget.updateComplete;
    const dialer = widget.shadowRoot!.querySelector('phone-dialer')!;
    const number = () => dialer.shadowRoot!.querySelector('input')!.value;
    const notes = page.querySelector('input')!;
    notes.focus();
    await sendKeys({ type: '12' });
    await sendKeys({ press: 'Backspace' });
    expect(notes.value).to.equal('1');
    const comment = page.querySelector('textarea')!;
    comment.focus();
    await sendKeys({ type: '34' });
    await sendKeys({ press: 'Enter' });
    expect(comment.value).to.equal('34\n');
    await dialer.updateComplete;
    expect(number()).to.equal('');
    // The same keys with no field focused go to the phone.
    comment.blur();
    await sendKeys({ press: '7' });
    await dialer.updateComplete;
    expect(number()).to.equal('7');
  });
});
