import { expect, fixture, html } from '@open-wc/testing';
import '../../../test/fakes/test-widget.js';
import '../../index.js';
import type { TestPhoneWidget } from '../../../test/fakes/test-widget.js';

const CT = 'application/dialog-info+xml';
const parked = `<?xml version="1.0"?><dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="1" state="full" entity="sip:71@phone.test"><dialog id="p1"><state>confirmed</state><remote><identity display="Bob">sip:1002@phone.test</identity></remote></dialog></dialog-info>`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tab = (el: TestPhoneWidget, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role=tab]')].find((t) => t.textContent!.trim().startsWith(name));

describe('<phone-widget> Parks tab', () => {
  it('has no Parks tab without park slots', async () => {
    const el = (await fixture(html`<test-phone-widget server="ws://127.0.0.1:8080" identity="sip:1001@phone.test" password="p" no-url-activation></test-phone-widget>`)) as TestPhoneWidget;
    expect(tab(el, 'Parks')).to.equal(undefined);
  });

  it('shows a Parks tab with a badge counting the parked calls, and the parks view in it', async () => {
    const el = (await fixture(
      html`<test-phone-widget server="ws://127.0.0.1:8080" identity="sip:1001@phone.test" password="p" no-url-activation theme="light" park-slots="71,72"></test-phone-widget>`,
    )) as TestPhoneWidget;
    el.agent.register();
    await el.updateComplete;
    const parks = tab(el, 'Parks')!;
    expect(parks, 'Parks tab').to.exist;
    expect(parks.querySelector('.tab-badge')).to.equal(null);

    el.agent.subscriptions.find((s) => s.target === 'sip:71@phone.test')!.notify(parked, CT);
    await el.session.blf.settled();
    await sleep(0);
    await el.updateComplete;
    expect(parks.querySelector('.tab-badge')!.textContent).to.equal('1');
    expect(parks.textContent!.replace(/\s+/g, ' ')).to.contain('1 parked call');

    parks.click();
    await el.updateComplete;
    const view = el.shadowRoot!.querySelector('phone-parks')!;
    expect(view).to.exist;
    await view.updateComplete;
    expect(view.shadowRoot!.textContent!.replace(/\s+/g, ' ')).to.contain('71 · Bob');
    await expect(el).to.be.accessible();
  });
});
