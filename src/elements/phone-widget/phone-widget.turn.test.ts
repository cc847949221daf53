import { expect, fixture, html } from '@open-wc/testing';
import '../../../test/fakes/test-widget.js';
import '../../index.js';
import type { TestPhoneWidget } from '../../../test/fakes/test-widget.js';

describe('<phone-widget> TURN relay', () => {
  it('passes the TURN servers and forced relay to the agent, and takes the credential out of the DOM', async () => {
    const el = (await fixture(
      html`<test-phone-widget server="ws://127.0.0.1:8080" identity="sip:1001@phone.test" password="p" no-url-activation
        turn="turn:127.0.0.1:3478?transport=udp,turns:127.0.0.1:5349?transport=tcp" turn-username="relay" turn-credential="t0ps3cret" force-relay></test-phone-widget>`,
    )) as TestPhoneWidget;
    expect(el.hasAttribute('turn-credential')).to.equal(false);
    expect(el.outerHTML).not.to.contain('t0ps3cret');
    expect(el.agent.config.iceServers).to.deep.equal([
      { urls: ['turn:127.0.0.1:3478?transport=udp', 'turns:127.0.0.1:5349?transport=tcp'], username: 'relay', credential: 't0ps3cret' },
    ]);
    expect(el.agent.config.iceTransportPolicy).to.equal('relay');
  });

  it('adds the iceServers property to the configured TURN servers', async () => {
    const el = (await fixture(
      html`<test-phone-widget server="ws://127.0.0.1:8080" identity="sip:1001@phone.test" password="p" no-url-activation
        turn="turn:relay.example.com" turn-username="u" .turnCredential=${'c'} .iceServers=${[{ urls: 'stun:stun.example.com' }]}></test-phone-widget>`,
    )) as TestPhoneWidget;
    expect(el.agent.config.iceServers!.map((s) => s.urls)).to.deep.equal(['stun:stun.example.com', ['turn:relay.example.com']]);
    expect(el.agent.config.iceTransportPolicy).to.equal(undefined);
  });

  it('refuses forced relay without a TURN server, in words, and stays accessible', async () => {
    const el = (await fixture(
      html`<test-phone-widget server="ws://127.0.0.1:8080" identity="sip:1001@phone.test" password="p" no-url-activation force-relay theme="light"></test-phone-widget>`,
    )) as TestPhoneWidget;
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('Relay is forced but no TURN server is set');
    await expect(el).to.be.accessible();
  });

  it('refuses a malformed TURN address in words', async () => {
    const el = (await fixture(
      html`<test-phone-widget server="ws://127.0.0.1:8080" identity="sip:1001@phone.test" password="p" no-url-activation turn="relay.example.com:3478"></test-phone-widget>`,
    )) as TestPhoneWidget;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('is not a TURN server address');
  });
});
