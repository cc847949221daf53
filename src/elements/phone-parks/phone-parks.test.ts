import { expect, fixture } from '@open-wc/testing';
import '../../../test/fakes/test-widget.js';
import './phone-parks.js';
import type { TestPhoneWidget } from '../../../test/fakes/test-widget.js';
import type { PhoneParks } from './phone-parks.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CT = 'application/dialog-info+xml';
const parked = (who: string, version = 1) =>
  `<?xml version="1.0"?><dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="${version}" state="full" entity="sip:71@phone.test"><dialog id="p1" direction="recipient"><state>confirmed</state><remote>${who}</remote></dialog></dialog-info>`;
const empty = (version: number) => `<?xml version="1.0"?><dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="${version}" state="full" entity="sip:71@phone.test"></dialog-info>`;

async function mount(attrs = 'park-slots="71,72"') {
  const widget = await fixture<TestPhoneWidget>(
    `<test-phone-widget server="ws://127.0.0.1:8080" identity="sip:1001@phone.test" password="p" no-url-activation theme="light" ${attrs}>
      <phone-parks></phone-parks>
    </test-phone-widget>`,
  );
  const parks = widget.querySelector('phone-parks') as PhoneParks;
  return { widget, parks };
}

async function settle(widget: TestPhoneWidget, parks: PhoneParks): Promise<void> {
  await widget.session.blf.settled();
  await sleep(0);
  await parks.updateComplete;
}

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const slot = (parks: PhoneParks, n: number) => parks.shadowRoot!.querySelectorAll('li')[n]!;
const sub = (widget: TestPhoneWidget, ext: string) => widget.agent.subscriptions.find((s) => s.target === `sip:${ext}@phone.test` && !s.terminated)!;

describe('<phone-parks>', () => {
  it('lists the slots as unknown before the phone is registered', async () => {
    const { parks } = await mount();
    expect([...parks.shadowRoot!.querySelectorAll('li')].map((li) => li.dataset.state)).to.deep.equal(['unknown', 'unknown']);
    expect(text(parks)).to.contain('Call parks');
    expect(text(parks)).to.contain('Unknown');
    await expect(parks).to.be.accessible();
  });

  it('shows free slots once subscribed, with no badge', async () => {
    const { widget, parks } = await mount();
    widget.agent.register();
    sub(widget, '71').activate();
    sub(widget, '72').activate();
    await settle(widget, parks);
    expect(slot(parks, 0).dataset.state).to.equal('free');
    expect(text(parks)).to.contain('71 Free');
    expect(parks.shadowRoot!.querySelector('[part=badge]')).to.equal(null);
    await expect(parks).to.be.accessible();
  });

  it('shows who waits in a taken slot and for how long, counts it in the badge, and retrieves by calling the slot', async () => {
    const { widget, parks } = await mount();
    widget.agent.register();
    sub(widget, '71').activate();
    sub(widget, '71').notify(parked('<identity display="Bob">sip:1002@phone.test</identity>'), CT);
    await settle(widget, parks);
    const li = slot(parks, 0);
    expect(li.dataset.state).to.equal('occupied');
    expect(li.textContent!.replace(/\s+/g, ' ')).to.contain('71 · Bob');
    expect(li.querySelector('[role=timer]')!.textContent).to.equal('0:00');
    expect(parks.shadowRoot!.querySelector('[part=badge]')!.textContent).to.equal('1');
    expect(parks.shadowRoot!.querySelector('h2')!.textContent!.replace(/\s+/g, ' ')).to.contain('1 parked call');
    await expect(parks).to.be.accessible();

    // The clock runs while someone waits.
    await sleep(1100);
    await parks.updateComplete;
    expect(li.querySelector('[role=timer]')!.textContent).to.equal('0:01');

    const retrieve = li.querySelector<HTMLButtonElement>('[part=retrieve]')!;
    expect(retrieve.getAttribute('aria-label')).to.equal('Retrieve Bob from 71');
    retrieve.click();
    expect(widget.agent.calls.at(-1)?.remote.uri).to.equal('sip:71@phone.test');

    sub(widget, '71').notify(empty(2), CT);
    await settle(widget, parks);
    expect(slot(parks, 0).dataset.state).to.equal('free');
    expect(parks.shadowRoot!.querySelector('[part=badge]')).to.equal(null);
  });

  it('names the caller by number when the server gives no name', async () => {
    const { widget, parks } = await mount();
    widget.agent.register();
    sub(widget, '72').notify(parked('<identity>sip:1003@phone.test</identity>'), CT);
    await settle(widget, parks);
    expect(slot(parks, 1).textContent!.replace(/\s+/g, ' ')).to.contain('72 · 1003');
  });

  it('says when no slots are set up, and in the dark theme stays accessible', async () => {
    const { widget, parks } = await mount('');
    await parks.updateComplete;
    expect(text(parks)).to.contain('No park slots are set up');
    widget.theme = 'dark';
    await widget.updateComplete;
    await expect(parks).to.be.accessible();
  });

  it('shows the slot as unknown, without Retrieve, once the connection is lost', async () => {
    const { widget, parks } = await mount();
    widget.agent.register();
    sub(widget, '71').notify(parked('<identity display="Bob">sip:1002@phone.test</identity>'), CT);
    await settle(widget, parks);
    expect(parks.shadowRoot!.querySelector('[part=retrieve]')).to.exist;
    widget.agent.drop();
    await settle(widget, parks);
    expect(slot(parks, 0).dataset.state).to.equal('unknown');
    expect(parks.shadowRoot!.querySelector('[part=retrieve]')).to.equal(null);
    await expect(parks).to.be.accessible();
  });
});
