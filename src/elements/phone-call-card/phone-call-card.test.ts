import { expect, fixture, html } from '@open-wc/testing';
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
    expect(root.querySelector('.card')).to.equal(null);
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
    expect(root.querySelector('.card')).to.equal(null);
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
