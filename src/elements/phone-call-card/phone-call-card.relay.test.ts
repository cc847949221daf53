import { expect, fixture, html } from '@open-wc/testing';
import '../../../test/fakes/test-widget.js';
import type { TestPhoneWidget } from '../../../test/fakes/test-widget.js';
import type { CallStats } from '../../core/types.js';
import './phone-call-card.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('<phone-call-card> relay indicator', () => {
  it('says Relay, and in the statistics how the relay is reached (TURN over TLS)', async () => {
    const el = (await fixture(html`<test-phone-widget server="ws://127.0.0.1:8080" identity="sip:1001@phone.test" password="p" no-url-activation theme="light">
      <phone-call-card></phone-call-card>
    </test-phone-widget>`)) as TestPhoneWidget;
    el.agent.register();
    const call = el.agent.ring({ number: '1002', uri: 'sip:1002@phone.test' });
    let bytes = 0;
    call.stats = (): Promise<CallStats> => {
      bytes += 8000;
      return Promise.resolve({ bytesSent: bytes, bytesReceived: bytes, packetsReceived: bytes / 80, packetsLost: 0, audioEnergy: 1, codec: 'opus', path: 'relay', relayProtocol: 'tls' });
    };
    call.remoteAnswers();
    const c = el.querySelector('phone-call-card')!;
    const toggle = () => c.shadowRoot!.querySelector<HTMLButtonElement>('.stats-toggle');
    for (let i = 0; i < 40 && !toggle(); i++) {
      await sleep(100);
      await c.updateComplete;
    }
    expect(toggle()!.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^Relay/);
    toggle()!.click();
    await c.updateComplete;
    expect(c.shadowRoot!.querySelector('.stats')!.textContent).to.contain('Through a relay (TURN over TLS)');
    await expect(c).to.be.accessible();
  });
});
