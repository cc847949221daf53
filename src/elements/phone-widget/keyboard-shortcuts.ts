import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PhoneSession } from '../../core/phone-session.js';

export interface ShortcutTarget {
  /** The dial pad to type into when not in a call. */
  dialer(): { press(key: string): void; backspace(): void; call(): void; focus(): void } | null;
  /** Whether this phone should take keys now (the first phone of the page, or the one that has focus). */
  active(): boolean;
}

const DIGIT = /^[0-9*#]$/;

/**
 * Shortcuts pause while the key goes to something that uses it: any editable
 * field (the page's, or our own number field, which handles its keys itself),
 * and Enter or Space on a button or link, which activate that control.
 */
function keyBelongsToTarget(e: KeyboardEvent): boolean {
  const target = e.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || /^(input|textarea|select)$/i.test(target.localName)) return true;
  const activates = e.key === 'Enter' || e.key === ' ';
  return activates && (/^(button|a|summary)$/i.test(target.localName) || target.hasAttribute('role'));
}

/**
 * The desk-phone keyboard, as in the seed phones:
 * not on a call: digits type into the dial pad, Enter calls, Backspace deletes;
 * ringing: Enter answers, Escape rejects;
 * on a call: digits send DTMF, Escape hangs up, M mutes, H holds.
 * Keys pause while the user types in any input of the page.
 */
export class KeyboardShortcuts implements ReactiveController {
  #session: PhoneSession;
  #target: ShortcutTarget;
  #onKey = (e: KeyboardEvent) => this.#handle(e);

  constructor(host: ReactiveControllerHost, session: PhoneSession, target: ShortcutTarget) {
    this.#session = session;
    this.#target = target;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.#onKey);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.#onKey);
  }

  #handle(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || !this.#target.active() || keyBelongsToTarget(e)) return;
    const s = this.#session;
    const calls = s.state.calls;
    const ringing = calls.find((c) => c.direction === 'inbound' && c.state === 'ringing');
    const active =
      calls.find((c) => c.state === 'connected' && !c.held) ??
      calls.find((c) => c.state === 'connected') ??
      calls.find((c) => c.state !== 'ended' && c.direction === 'outbound');
    const key = e.key;
    let handled = true;
    if (ringing && !active) {
      if (key === 'Enter') s.answer(ringing.id);
      else if (key === 'Escape') s.reject(ringing.id);
      else handled = false;
    } else if (active) {
      if (DIGIT.test(key) && active.state === 'connected') s.sendDtmf(key, active.id);
      else if (key === 'Escape') s.hangup(active.id);
      else if (key.toLowerCase() === 'm') s.mute(active.id);
      else if (key.toLowerCase() === 'h') void s.hold(active.id);
      else if (key === 'Enter' && ringing) s.answer(ringing.id);
      else handled = false;
    } else {
      const dialer = this.#target.dialer();
      if (!dialer) handled = false;
      else if (DIGIT.test(key)) dialer.press(key);
      else if (key === 'Enter') dialer.call();
      else if (key === 'Backspace') dialer.backspace();
      else handled = false;
    }
    if (handled) e.preventDefault();
  }
}
