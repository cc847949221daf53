import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../test/fakes/test-widget.js';
import type { TestPhoneWidget } from '../../../test/fakes/test-widget.js';
import './phone-dialer.js';

/** Call history is kept per account in IndexedDB: each test gets an account of its own, so no history leaks in. */
let accounts = 0;

async function dialer() {
  const identity = `sip:${Date.now()}${++accounts}@phone.test`;
  const el = (await fixture(html`<test-phone-widget server="ws://127.0.0.1:8080" identity=${identity} password="p" no-url-activation>
    <phone-dialer></phone-dialer>
  </test-phone-widget>`)) as TestPhoneWidget;
  const d = el.querySelector('phone-dialer')!;
  await d.updateComplete;
  return { el, d, root: d.shadowRoot! };
}

/** A button found by its accessible name, as a person or a screen reader finds it. */
const key = (root: ShadowRoot, name: string) =>
  [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.querySelector('.digit')?.textContent ?? b.textContent)!.trim() === name) as HTMLButtonElement;

describe('<phone-dialer>', () => {
  it('has twelve named keys, a number field and a Call button', async () => {
    const { d, root } = await dialer();
    for (const name of ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#']) expect(key(root, name), name).to.exist;
    expect(root.querySelector('input[aria-label="Number to call"]')).to.exist;
    expect([...root.querySelectorAll('button')].some((b) => b.textContent!.trim() === 'Call')).to.equal(true);
    await expect(d).to.be.accessible();
  });

  it('builds the number from clicks, deletes with the erase button, and calls', async () => {
    const { el, d, root } = await dialer();
    el.agent.register();
    for (const k of ['1', '0', '0', '3']) key(root, k).click();
    await d.updateComplete;
    const input = root.querySelector('input')!;
    expect(input.value).to.equal('1003');
    key(root, 'Delete last digit').click();
    key(root, '2').click();
    await d.updateComplete;
    expect(input.value).to.equal('1002');
    (root.querySelector('button.call') as HTMLButtonElement).click();
    expect(el.agent.calls[0]!.remote.uri).to.equal('sip:1002@phone.test');
    await d.updateComplete;
    expect(input.value).to.equal('');
  });

  it('says why it cannot call, in an alert', async () => {
    const { d, root } = await dialer();
    key(root, '5').click();
    (root.querySelector('button.call') as HTMLButtonElement).click();
    await d.updateComplete;
    expect(root.querySelector('[role="alert"]')!.textContent).to.contain('not connected');
    await expect(d).to.be.accessible();
  });
});

/** Axe finds nothing in the light theme nor in the dark one. */
async function accessibleInBothThemes(widget: TestPhoneWidget, target: Element): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    widget.theme = theme;
    await widget.updateComplete;
    expect(getComputedStyle(target).colorScheme, 'theme applied').to.equal(theme);
    await expect(target).to.be.accessible();
  }
}

/** A registered phone that has called 1002 (Bob), 1003 and then 1004, newest last. */
async function dialerWithHistory() {
  const env = await dialer();
  const { el } = env;
  el.agent.register();
  const bob = el.agent.ring({ number: '1002', name: 'Bob', uri: 'sip:1002@phone.test' });
  bob.remoteEnds(487, 'Canceled');
  for (const n of ['1003', '1004']) {
    el.session.dial(n);
    el.agent.calls[el.agent.calls.length - 1]!.remoteEnds();
  }
  await env.d.updateComplete;
  return env;
}

const options = (root: ShadowRoot) => [...root.querySelectorAll('[role="listbox"] [role="option"]')] as HTMLElement[];
const callButton = (root: ShadowRoot) => [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Call')!;

describe('<phone-dialer> suggestions and quick redial', () => {
  it('suggests recent numbers as the user types, in a listbox the field controls', async () => {
    const { el, d, root } = await dialerWithHistory();
    const input = root.querySelector('input[role="combobox"]') as HTMLInputElement;
    const listbox = root.querySelector('[role="listbox"]')!;
    expect(input.getAttribute('aria-controls')).to.equal(listbox.id);
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(listbox.hasAttribute('hidden')).to.equal(true);
    input.focus();
    await sendKeys({ type: '100' });
    await d.updateComplete;
    expect(input.value).to.equal('100');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(listbox.hasAttribute('hidden')).to.equal(false);
    expect(options(root).map((o) => o.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['1004 Recent', '1003 Recent', 'Bob 1002 · Recent']);
    expect(options(root).every((o) => o.getAttribute('aria-selected') === 'false')).to.equal(true);
    await accessibleInBothThemes(el, d);
    await sendKeys({ type: '3' });
    await d.updateComplete;
    expect(options(root).length, 'what is typed is not suggested').to.equal(0);
    expect(input.getAttribute('aria-expanded')).to.equal('false');
  });

  it('suggests by name too', async () => {
    const { d, root } = await dialerWithHistory();
    (root.querySelector('input') as HTMLInputElement).focus();
    await sendKeys({ type: 'bo' });
    await d.updateComplete;
    expect(options(root).map((o) => o.querySelector('.s-name')!.textContent)).to.deep.equal(['Bob']);
  });

  it('ArrowDown moves through the suggestions and Enter picks one; Enter again calls it', async () => {
    const { el, d, root } = await dialerWithHistory();
    const input = root.querySelector('input') as HTMLInputElement;
    const before = el.agent.calls.length;
    input.focus();
    await sendKeys({ type: '100' });
    await sendKeys({ press: 'ArrowDown' });
    await d.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(options(root)[0]!.id);
    expect(options(root)[0]!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await d.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(options(root)[1]!.id);
    expect(options(root).map((o) => o.getAttribute('aria-selected'))).to.deep.equal(['false', 'true', 'false']);
    await accessibleInBothThemes(el, d);
    await sendKeys({ press: 'Enter' });
    await d.updateComplete;
    expect(input.value).to.equal('1003');
    expect(options(root).length).to.equal(0);
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(el.agent.calls.length, 'picking does not dial').to.equal(before);
    await sendKeys({ press: 'Enter' });
    expect(el.agent.calls.length).to.equal(before + 1);
    expect(el.agent.calls[before]!.remote.uri).to.equal('sip:1003@phone.test');
  });

  it('ArrowUp wraps to the last suggestion, and Escape closes the list', async () => {
    const { d, root } = await dialerWithHistory();
    const input = root.querySelector('input') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: '100' });
    await sendKeys({ press: 'ArrowUp' });
    await d.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(options(root)[2]!.id);
    await sendKeys({ press: 'Escape' });
    await d.updateComplete;
    expect(options(root).length).to.equal(0);
    expect(input.value).to.equal('100');
  });

  it('a click on a suggestion picks it', async () => {
    const { d, root } = await dialerWithHistory();
    const input = root.querySelector('input') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: '100' });
    await d.updateComplete;
    options(root)[2]!.click();
    await d.updateComplete;
    expect(input.value).to.equal('1002');
    expect(options(root).length).to.equal(0);
  });

  it('quick redial: Call with an empty field fills in the most recent number; a second press dials', async () => {
    const { el, d, root } = await dialerWithHistory();
    const input = root.querySelector('input') as HTMLInputElement;
    const before = el.agent.calls.length;
    callButton(root).click();
    await d.updateComplete;
    expect(input.value).to.equal('1004');
    expect(el.agent.calls.length, 'nothing dialled yet').to.equal(before);
    await accessibleInBothThemes(el, d);
    callButton(root).click();
    expect(el.agent.calls.length).to.equal(before + 1);
    expect(el.agent.calls[before]!.remote.uri).to.equal('sip:1004@phone.test');
  });

  it('quick redial with no recent calls asks for a number', async () => {
    const { el, d, root } = await dialer();
    el.agent.register();
    callButton(root).click();
    await d.updateComplete;
    expect(root.querySelector('input')!.value).to.equal('');
    expect(root.querySelector('[role="alert"]')!.textContent).to.equal('Type a number to call.');
    expect(el.agent.calls).to.have.length(0);
    await accessibleInBothThemes(el, d);
  });
});
