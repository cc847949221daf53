import { expect, fixture, html } from '@open-wc/testing';
import '../../../test/fakes/test-widget.js';
import type { TestPhoneWidget } from '../../../test/fakes/test-widget.js';
import './phone-call-card.js';

const CT = 'application/dialog-info+xml';
const parked = `<?xml version="1.0"?><dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="1" state="full" entity="sip:701@phone.test"><dialog id="p1"><state>confirmed</state><remote><identity display="Carol">sip:1003@phone.test</identity></remote></dialog></dialog-info>`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('<phone-call-card> park choices', () => {
  it('shows each park slot free or taken (and by whom), from the slots’ dialog state', async () => {
    const el = (await fixture(html`<test-phone-widget server="ws://127.0.0.1:8080" identity="sip:1001@phone.test" password="p" no-url-activation
      park-slots="701,702,703" theme="light">
      <phone-call-card></phone-call-card>
    </test-phone-widget>`)) as TestPhoneWidget;
    el.agent.register();
    const sub = (ext: string) => el.agent.subscriptions.find((s) => s.target === `sip:${ext}@phone.test`)!;
    sub('701').notify(parked, CT);
    sub('702').activate();
    await el.session.blf.settled();
    const call = el.agent.ring({ number: '1002', uri: 'sip:1002@phone.test' });
    call.remoteAnswers();
    const c = el.querySelector('phone-call-card')!;
    await sleep(0);
    await c.updateComplete;
    const find = (name: string) => [...c.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!;
    find('More').click();
    await c.updateComplete;
    const described = (name: string) => {
      const id = find(name).getAttribute('aria-describedby');
      return id ? c.shadowRoot!.getElementById(id)!.textContent : null;
    };
    expect(described('Park on 701')).to.equal('Taken: Carol');
    expect(described('Park on 702')).to.equal('Free');
    expect(described('Park on 703'), 'not known yet: nothing said').to.equal(null);
    await expect(c).to.be.accessible();

    // The slot empties: the choice follows.
    sub('701').notify(parked.replace('version="1"', 'version="2"').replace('<state>confirmed</state>', '<state>terminated</state>'), CT);
    await el.session.blf.settled();
    await sleep(0);
    await c.updateComplete;
    expect(described('Park on 701')).to.equal('Free');

    find('Park on 702').click();
    await sleep(0);
    expect(call.log.some((l) => l.includes('702')), call.log.join()).to.equal(true);
  });
});
