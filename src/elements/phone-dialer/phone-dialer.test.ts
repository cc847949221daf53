import { expect, fixture, html } from '@open-wc/testing';
import '../../../test/fakes/test-widget.js';
import type { TestPhoneWidget } from '../../../test/fakes/test-widget.js';
import './phone-dialer.js';

async function dialer() {
  const el = (await fixture(html`<test-phone-widget server="ws://127.0.0.1:8080" identity="sip:1001@phone.test" password="p" no-url-activation>
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
