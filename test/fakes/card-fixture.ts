/**
 * A `<phone-call-card>` inside a fake-agent `<phone-widget>`, with the helpers
 * the call card's tests share: find buttons by accessible name, let the
 * session and the card settle, answer a ringing call.
 */
import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import './test-widget.js';
import type { TestPhoneWidget } from './test-widget.js';
import type { FakeCall } from './fake-sip-agent.js';
import '../../src/elements/phone-call-card/phone-call-card.js';

const nameOf = (el: Element) => (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();

export const buttonsNamed = (scope: ParentNode, name: string): HTMLButtonElement[] =>
  [...scope.querySelectorAll('button')].filter((b) => nameOf(b) === name);

export function buttonNamed(scope: ParentNode, name: string): HTMLButtonElement {
  const found = buttonsNamed(scope, name);
  expect(found, `a button named "${name}"`).to.have.length(1);
  return found[0]!;
}

/** Mounts `template` (a test-phone-widget holding a phone-call-card) and registers its agent. */
export async function cardFixture(template: TemplateResult) {
  const el = (await fixture(template)) as TestPhoneWidget;
  el.agent.register();
  const c = el.querySelector('phone-call-card')!;
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    await el.session.blf.settled();
    await c.updateComplete;
  };
  const answered = async (number: string, name: string): Promise<FakeCall> => {
    const call = el.agent.ring({ number, name, uri: `sip:${number}@phone.test` });
    el.session.answer(call.id);
    // Go on only once the call shows as connected (a full-suite run once saw the room resumed early).
    const connected = () => el.session.state.calls.find((v) => v.id === call.id)?.state === 'connected';
    for (const end = performance.now() + 5000; !connected() && performance.now() < end; ) await new Promise((r) => setTimeout(r, 10));
    await settle();
    return call;
  };
  /** The card section of the call with `label`. */
  const card = (label: string) => c.shadowRoot!.querySelector(`section[aria-label="Call with ${label}"]`) as HTMLElement;
  return { el, c, root: c.shadowRoot!, settle, answered, card };
}
