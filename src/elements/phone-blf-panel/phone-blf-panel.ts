import { LitElement, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { SessionController } from '../../context/session-controller.js';
import { placeholderPanel } from '../../styles/placeholder-panel.js';
import { tokens } from '../../styles/tokens.js';

/**
 * Busy-lamp-field keys, presence and the voicemail indicator. In this release
 * it shows the account it watches for; the keys arrive with the BLF feature.
 *
 * @summary BLF keys panel. Place it inside a `<phone-widget>`.
 * @csspart panel - the panel
 */
@customElement('phone-blf-panel')
export class PhoneBlfPanel extends LitElement {
  static override styles = [tokens, placeholderPanel];

  #phone = new SessionController(this);

  override render() {
    const state = this.#phone.state;
    if (!state) return nothing;
    return html`<section class="panel" part="panel" aria-label="Busy lamp field">
      ${state.account ? `No BLF keys configured for ${state.account.user}.` : 'No account set up.'}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'phone-blf-panel': PhoneBlfPanel;
  }
}
