// Helpers shared by the panel's element tests; this file holds no tests itself.
import { expect, fixture } from '@open-wc/testing';
import '../../../test/fakes/test-widget.js';
import './phone-blf-panel.js';
import type { TestPhoneWidget } from '../../../test/fakes/test-widget.js';
import type { PhoneBlfPanel } from './phone-blf-panel.js';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A registered widget (fake network) with a panel inside, given the panel's attributes. */
export async function mount(panelAttrs = 'keys="1002:Bob,1003:Carol" voicemail-code="*97" pickup-code="**" listen-code="007"', register = true) {
  const widget = await fixture<TestPhoneWidget>(
    `<test-phone-widget server="ws://127.0.0.1:8080" identity="sip:1001@phone.test" password="p" no-url-activation theme="light">
      <phone-blf-panel ${panelAttrs}></phone-blf-panel>
    </test-phone-widget>`,
  );
  const panel = widget.querySelector('phone-blf-panel') as PhoneBlfPanel;
  if (register) widget.agent.register();
  await settle(panel);
  return { widget, panel, agent: () => widget.agent };
}

/** Lets the BLF service announce its changes and the panel render them. */
export async function settle(panel: PhoneBlfPanel): Promise<void> {
  // Bursts of NOTIFYs are read over several tasks: wait for all of them first.
  await (panel.closest('test-phone-widget') as TestPhoneWidget | null)?.session.blf.settled();
  await sleep(0);
  await panel.updateComplete;
  await sleep(0);
  await panel.updateComplete;
}

export const root = (panel: PhoneBlfPanel) => panel.shadowRoot!;
/** The accessible name of a control: aria-label, else its text. */
export const nameOf = (el: Element) => (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
export const textOf = (panel: PhoneBlfPanel) => root(panel).textContent!.replace(/\s+/g, ' ');

export function button(scope: ParentNode, name: string | RegExp): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].filter((b) => (typeof name === 'string' ? nameOf(b) === name : name.test(nameOf(b))));
  expect(found, `one button named ${String(name)} (have: ${[...scope.querySelectorAll('button')].map(nameOf).join(' | ')})`).to.have.length(1);
  return found[0]!;
}

/** The key button of an extension. */
export function key(panel: PhoneBlfPanel, extension: string): HTMLButtonElement {
  const found = [...root(panel).querySelectorAll<HTMLButtonElement>('button.key')].find((b) => nameOf(b).split(', ').includes(extension));
  expect(found, `key ${extension}`).to.exist;
  return found!;
}

/** Axe finds nothing, in the light theme and the dark one. */
export async function accessibleInBothThemes(widget: TestPhoneWidget, panel: PhoneBlfPanel): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    widget.theme = theme;
    await widget.updateComplete;
    await panel.updateComplete;
    expect(getComputedStyle(panel).colorScheme, 'theme applied').to.equal(theme);
    await expect(panel).to.be.accessible();
  }
  widget.theme = 'light';
  await widget.updateComplete;
}

export const DIALOG_CT = 'application/dialog-info+xml';
export const dialogInfo = (state: string, extra = 'direction="recipient"', inner = '<remote><identity display="Carol">sip:1003@phone.test</identity></remote>') =>
  `<?xml version="1.0"?><dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="1" state="full" entity="sip:1002@phone.test"><dialog id="d1" ${extra}><state>${state}</state>${inner}</dialog></dialog-info>`;
