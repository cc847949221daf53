/**
 * Events the phone's own elements send each other (not part of the public API).
 */

/** Asks the enclosing `<phone-widget>` to show the dial pad or the calls. */
export class PhoneViewRequestEvent extends CustomEvent<{ view: 'dialer' | 'calls' }> {
  constructor(view: 'dialer' | 'calls') {
    super('phone-view-request', { detail: { view }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'phone-view-request': PhoneViewRequestEvent;
  }
}
