import { expect, fixture, html } from '@open-wc/testing';
import '../../../test/fakes/test-widget.js';
import '../../index.js';
import type { TestPhoneWidget } from '../../../test/fakes/test-widget.js';
import { forgetLogin } from '../../storage/settings-store.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, what: string, ms = 3000): Promise<void> {
  for (const end = performance.now() + ms; !check(); await sleep(10)) if (performance.now() > end) throw new Error(`timed out: ${what}`);
}

let n = 0;
const account = () => `sip:p${Date.now().toString(36)}${n++}@phone.test`;
const SECRET = 'Secret-Pass-8472';

async function phone(identity: string | undefined, remember = false) {
  const el = (await fixture(
    remember
      ? html`<test-phone-widget server="ws://127.0.0.1:8080" identity=${identity ?? ''} password=${identity ? SECRET : ''} remember-login no-url-activation></test-phone-widget>`
      : html`<test-phone-widget server="ws://127.0.0.1:8080" identity=${identity!} password=${SECRET} no-url-activation></test-phone-widget>`,
  )) as TestPhoneWidget;
  return el;
}

async function openSettings(el: TestPhoneWidget) {
  (el.shadowRoot!.querySelector('button[aria-label="Settings"]') as HTMLElement).click();
  await el.updateComplete;
  return el.shadowRoot!.querySelector('section.settings') as HTMLElement;
}

const select = (root: HTMLElement, label: string) =>
  [...root.querySelectorAll('label')].find((l) => l.textContent!.includes(label))!.querySelector('select, input') as HTMLSelectElement & HTMLInputElement;

/** Every value in every IndexedDB database of the page, as text. */
async function everythingStored(): Promise<string> {
  let out = '';
  for (const { name } of await indexedDB.databases()) {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open(name!);
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    for (const store of db.objectStoreNames) {
      const all = await new Promise<unknown[]>((res) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => res(r.result);
      });
      out += JSON.stringify(all);
    }
    db.close();
  }
  return out + JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
}

describe('<phone-widget> settings', () => {
  afterEach(() => forgetLogin());

  it('shows the account with the password masked, and keeps the user’s changes per account across a reload', async () => {
    const id = account();
    const el = await phone(id);
    el.agent.register();
    const panel = await openSettings(el);
    await until(() => panel.textContent!.includes('Version'), 'settings');
    expect(panel.textContent).to.contain(id.slice(4, id.indexOf('@')));
    expect(panel.textContent).to.contain('••••••••');
    expect(panel.textContent).not.to.contain(SECRET);
    await expect(el).to.be.accessible();
    await sleep(50); // the account's saved settings are read

    const waiting = select(panel, 'Call waiting tone');
    waiting.value = 'once';
    waiting.dispatchEvent(new Event('change'));
    const keep = select(panel, 'Call history keeps');
    keep.value = '1000';
    keep.dispatchEvent(new Event('change'));
    const auto = select(panel, 'Answer calls automatically');
    auto.checked = true;
    auto.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.session.state.settings.callWaiting).to.equal('once');
    expect(el.session.historyLimit).to.equal(1000);
    await sleep(50);
    el.remove();

    const again = await phone(id);
    again.agent.register();
    await until(() => again.session.state.settings.callWaiting === 'once', 'call waiting restored');
    expect(again.session.state.settings.autoAnswer).to.equal(true);
    expect(again.session.historyLimit).to.equal(1000);

    // Another account keeps its own.
    const other = await phone(account());
    other.agent.register();
    await sleep(100);
    expect(other.session.state.settings.callWaiting).to.equal('enable');
    expect(await everythingStored(), 'no password stored without the opt-in').not.to.contain(SECRET);
  });

  it('offers "Remember me" only where the page allows it; remembered, the phone signs in by itself; signed out, it is forgotten', async () => {
    const id = account();
    const plain = await phone(id);
    plain.agent.register();
    expect((await openSettings(plain)).textContent).not.to.contain('Remember me');
    plain.remove();

    const el = await phone(id, true);
    el.agent.register();
    const panel = await openSettings(el);
    const remember = select(panel, 'Remember me');
    expect(remember.checked).to.equal(false);
    remember.checked = true;
    remember.dispatchEvent(new Event('change'));
    await until(() => remember.checked, 'ticked');
    await sleep(50);
    expect(await everythingStored()).to.contain(SECRET);
    el.remove();

    // No account on the page: the remembered one signs in.
    const back = await phone(undefined, true);
    await until(() => back.agent?.config.identity === id, 'signed in with the remembered account');
    expect(back.agent.config.password).to.equal(SECRET);
    back.agent.register();
    back.session.blf.contacts.open(id);
    await back.session.blf.contacts.save({ firstName: 'Zebulon', lastName: 'Quist', company: '', phones: [{ number: '1009', kind: 'work' }], emails: [], note: '', favorite: false });
    expect(await everythingStored()).to.contain('Zebulon');
    const settings = await openSettings(back);
    expect(select(settings, 'Remember me').checked).to.equal(true);
    [...settings.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Sign out')!.click();
    await until(() => !back.session.state.account, 'signed out');
    await back.updateComplete;
    expect(back.shadowRoot!.textContent).to.contain('Not set up yet');
    expect(await everythingStored(), 'the password is gone').not.to.contain(SECRET);
    expect(await everythingStored(), 'the account’s contacts are gone').not.to.contain('Zebulon');
  });
});
