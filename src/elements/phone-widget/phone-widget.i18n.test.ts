import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../test/fakes/test-widget.js';
import '../../index.js';
import type { TestPhoneWidget } from '../../../test/fakes/test-widget.js';
import { PhoneWidget } from './phone-widget.js';
import { activeLocale, applyLocale, type Locale } from '../../i18n/locale.js';

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

/** What a button or field is called: its aria-label, else its text. */
const nameOf = (el: Element) => (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
const names = (root: ShadowRoot, selector: string) => [...root.querySelectorAll(selector)].map(nameOf);

async function phone(lang?: string): Promise<TestPhoneWidget> {
  const el = (await fixture(
    html`<test-phone-widget lang=${lang ?? ''} server="ws://127.0.0.1:8080" identity="sip:1001@phone.test" password="p" no-url-activation></test-phone-widget>`,
  )) as TestPhoneWidget;
  if (!lang) el.removeAttribute('lang');
  return el;
}

/** Waits for the language to be active and every element of the phone to have rendered in it. */
async function settled(el: TestPhoneWidget, locale: Locale): Promise<void> {
  await waitUntil(() => activeLocale() === locale, `locale ${locale}`);
  await el.updateComplete;
  for (const child of el.shadowRoot!.querySelectorAll('phone-dialer, phone-call-card')) await (child as PhoneWidget).updateComplete;
}

describe('<phone-widget> in German', () => {
  afterEach(async () => {
    PhoneWidget.scriptLang = undefined;
    await applyLocale('en');
  });

  it('the test pages speak English unless told otherwise', async () => {
    // Every other element test finds controls by their English names.
    expect(navigator.language.toLowerCase().startsWith('en')).to.equal(true);
    const el = await phone();
    el.agent.register();
    await settled(el, 'en');
    const dialer = el.shadowRoot!.querySelector('phone-dialer')!;
    expect(names(dialer.shadowRoot!, 'button.call')).to.deep.equal(['Call']);
    expect(el.shadowRoot!.querySelector('.shell')!.getAttribute('lang')).to.equal('en');
  });

  it('lang="de": status, tabs and dial pad in German, axe-clean light and dark', async () => {
    const el = await phone('de');
    el.agent.register();
    await settled(el, 'de');
    const root = el.shadowRoot!;
    expect(root.querySelector('.shell')!.getAttribute('lang')).to.equal('de');
    expect(root.querySelector('[part="status"]')!.textContent).to.equal('Bereit');
    // Phone, Contacts, Chat (and History, where the phone keeps one).
    expect(names(root, '[role="tab"]').slice(0, 3)).to.deep.equal(['Telefon', 'Kontakte', 'Chat']);
    expect(root.querySelector('.settings-toggle')!.getAttribute('aria-label')).to.equal('Einstellungen');
    expect(root.querySelector('.dnd')!.getAttribute('title')).to.equal('Nicht stören');
    const dialer = root.querySelector('phone-dialer')!.shadowRoot!;
    expect(dialer.querySelector('input')!.getAttribute('aria-label')).to.equal('Zu wählende Nummer');
    expect(dialer.querySelector('input')!.getAttribute('placeholder')).to.equal('Nummer oder Durchwahl');
    expect(dialer.querySelector('.keypad')!.getAttribute('aria-label')).to.equal('Wähltastatur');
    expect(names(dialer, 'button.call')).to.deep.equal(['Anrufen']);
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('an incoming call card in German: Annehmen, Ignorieren, Ablehnen; axe-clean light and dark', async () => {
    const el = await phone('de');
    el.agent.register();
    await settled(el, 'de');
    const incoming = oneEvent(el, 'phone-incoming');
    setTimeout(() => el.agent.ring({ number: '1002', name: 'Bob', uri: 'sip:1002@phone.test' }));
    await incoming;
    await settled(el, 'de');
    const card = el.shadowRoot!.querySelector('phone-call-card')!;
    const root = card.shadowRoot!;
    expect(text(card)).to.contain('Eingehender Anruf');
    expect(root.querySelector('section.card')!.getAttribute('aria-label')).to.equal('Gespräch mit Bob');
    expect(names(root, '.actions button')).to.deep.equal(['Annehmen', 'Ignorieren', 'Ablehnen']);
    expect(text(el)).to.contain('Eingehender Anruf von Bob');
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('the Contacts, Chat and History tabs in German are axe-clean, light and dark', async function () {
    this.timeout(20000);
    const el = (await fixture(
      html`<test-phone-widget lang="de" blf-keys="1002:Bob,1003:Carol" server="ws://127.0.0.1:8080" identity="sip:1001@phone.test" password="p" no-url-activation></test-phone-widget>`,
    )) as TestPhoneWidget;
    el.agent.register();
    await settled(el, 'de');
    const tabs = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')];
    const seen: string[] = [];
    for (const tab of tabs.slice(1)) {
      tab.click();
      await el.updateComplete;
      const panel = el.shadowRoot!.querySelector('phone-blf-panel, phone-chat, phone-history') as PhoneWidget | null;
      await panel?.updateComplete;
      seen.push(`${nameOf(tab)}: ${panel?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 40) ?? ''}`);
      if (panel?.localName === 'phone-blf-panel') expect(names(panel.shadowRoot!, 'button.key')).to.deep.equal(['Bob, 1002, unbekannt', 'Carol, 1003, unbekannt']);
      for (const theme of ['light', 'dark'] as const) {
        el.theme = theme;
        await el.updateComplete;
        await expect(el).to.be.accessible();
      }
    }
    expect(seen.join(' | ')).to.contain('Kontakte: Nicht stören Tasten Telefonbuch Kontakte');
    expect(seen.join(' | ')).to.contain('Chat: Chat Neue Unterhaltung');
  });

  it('follows a change of lang at run time, down to the call card', async () => {
    const el = await phone('de');
    el.agent.register();
    el.agent.ring({ number: '1002', uri: 'sip:1002@phone.test' });
    await settled(el, 'de');
    const card = el.shadowRoot!.querySelector('phone-call-card')!;
    expect(names(card.shadowRoot!, '.actions button')[0]).to.equal('Annehmen');
    el.lang = 'en-GB';
    await settled(el, 'en');
    expect(names(card.shadowRoot!, '.actions button')[0]).to.equal('Answer');
    expect(el.shadowRoot!.querySelector('.shell')!.getAttribute('lang')).to.equal('en');
  });

  it("takes the script's data-lang when the element has no lang", async () => {
    PhoneWidget.scriptLang = 'de-AT';
    const el = await phone();
    el.agent.register();
    await settled(el, 'de');
    expect(el.shadowRoot!.querySelector('[part="status"]')!.textContent).to.equal('Bereit');
  });

  it('a language the phone does not ship reads as English', async () => {
    const el = await phone('fr');
    el.agent.register();
    await settled(el, 'en');
    expect(el.shadowRoot!.querySelector('[part="status"]')!.textContent).to.equal('Ready');
  });
});
