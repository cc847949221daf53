/**
 * Events the phone's own elements send each other (not part of the public API).
 */

/** Asks the enclosing `<phone-widget>` to show the dial pad or the calls. */
export class PhoneViewRequestEvent extends CustomEvent<{ view: 'dialer' | 'calls' }> {
  constructor(view: 'dialer' | 'calls') {
    super('phone-view-request', { detail: { view }, bubbles: true, composed: true });
  }
}

/** Asks the enclosing `<phone-widget>` to add a number to the contacts, or to chat with it. */
export class PhoneOpenRequestEvent extends CustomEvent<{ open: 'new-contact' | 'chat'; number: string; name?: string }> {
  constructor(open: 'new-contact' | 'chat', number: string, name?: string) {
    super('phone-open-request', { detail: { open, number, ...(name ? { name } : {}) }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'phone-view-request': PhoneViewRequestEvent;
    'phone-open-request': PhoneOpenRequestEvent;
  }
}
