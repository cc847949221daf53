import { expect, fixture, html } from '@open-wc/testing';
import '../../../test/fakes/test-widget.js';
import '../../index.js';
import type { TestPhoneWidget } from '../../../test/fakes/test-widget.js';
import type { PhoneVoicemailEvent } from '../../events/phone-events.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('<phone-widget> phone-voicemail', () => {
  it('tells the page the voicemail count when it changes, once per change', async () => {
    const el = (await fixture(
      html`<test-phone-widget server="ws://127.0.0.1:8080" identity="sip:1001@phone.test" password="pw" no-url-activation></test-phone-widget>`,
    )) as TestPhoneWidget;
    const seen: PhoneVoicemailEvent['detail'][] = [];
    el.addEventListener('phone-voicemail', (e) => seen.push(e.detail));
    el.agent.register();
    await sleep(50);
    const mwi = el.agent.subscriptions.find((s) => s.event === 'message-summary');
    expect(mwi, 'a message-summary subscription without any panel on screen').to.exist;
    mwi!.activate();
    const body = (n: number) => `Messages-Waiting: ${n ? 'yes' : 'no'}\r\nMessage-Account: sip:*97@phone.test\r\nVoice-Message: ${n}/3 (1/0)\r\n`;
    mwi!.notify(body(2), 'application/simple-message-summary');
    await el.session.blf.settled();
    mwi!.notify(body(2), 'application/simple-message-summary');
    await el.session.blf.settled();
    mwi!.notify(body(0), 'application/simple-message-summary');
    await el.session.blf.settled();
    await sleep(20);
    expect(seen).to.deep.equal([
      { waiting: true, newMessages: 2, oldMessages: 3, urgentMessages: 1 },
      { waiting: false, newMessages: 0, oldMessages: 3, urgentMessages: 1 },
    ]);
  });
});
