import { expect, fixture, html, oneEvent } from '@open-wc/testing';
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
    expect(el.shadowRoot!.querySelector('phone-dialer')).to.equal(null);
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
