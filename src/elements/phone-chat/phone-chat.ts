import { LitElement, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { SessionController } from '../../context/session-controller.js';
import { placeholderPanel } from '../../styles/placeholder-panel.js';
import { tokens } from '../../styles/tokens.js';

/**
 * Chat over SIP MESSAGE. In this release it shows whether chat can reach the
 * network; conversations arrive with the chat feature.
 *
 * @summary Chat panel. Place it inside a `<phone-widget>`.
 * @csspart panel - the panel
 */
@customElement('phone-chat')
export class PhoneChat extends LitElement {
  static override styles = [tokens, placeholderPanel];

  #phone = new SessionController(this);

  override render() {
    const state = this.#phone.state;
    if (!state) return nothing;
    return html`<section class="panel" part="panel" aria-label="Chat">
      ${state.status === 'ready' || state.status === 'in-call' ? 'No conversations yet.' : `Chat is offline (${state.statusText}).`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'phone-chat': PhoneChat;
  }
}
