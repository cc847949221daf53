import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { SessionController } from '../../context/session-controller.js';
import type { ParkSlotView } from '../../core/blf/parks.js';
import { formatDuration } from '../../core/format.js';
import { tokens } from '../../styles/tokens.js';
import { ClockController } from '../shared/clock-controller.js';
import { ParksController } from '../shared/parks-controller.js';
import { parksStyles } from './phone-parks.styles.js';

/** "1 parked call", "2 parked calls". */
export const parkedWords = (n: number): string => (n === 1 ? msg('1 parked call') : msg(str`${n} parked calls`));

/**
 * The "Call parks" view: every park slot the phone is configured with
 * (`park-slots` on `<phone-widget>`), watched with the dialog event package.
 * A taken slot shows who waits there and for how long; "Retrieve" calls the
 * slot to take the call. The heading's badge counts the parked calls.
 *
 * @summary Park slots, who waits in each and for how long. Place it inside a `<phone-widget>`.
 * @csspart parks - the view
 * @csspart badge - the count of parked calls
 * @csspart slot - one slot; its `data-state` is `free`, `occupied` or `unknown`
 * @csspart retrieve - a taken slot's Retrieve button
 */
@customElement('phone-parks')
@localized()
export class PhoneParks extends LitElement {
  static override styles = [tokens, parksStyles];

  #phone = new SessionController(this);
  #parks = new ParksController(this, this.#phone);
  #clock = new ClockController(this, () => Boolean(this.#parks.state?.parked));

  /** Why the last Retrieve did nothing ("The phone is not connected yet."). */
  @state() private message = '';

  #retrieve(slot: string): void {
    const result = this.#parks.parks?.retrieve(slot);
    this.message = result && !result.ok ? result.message : '';
  }

  #renderSlot(slot: ParkSlotView) {
    if (slot.state !== 'occupied') {
      const words = slot.state === 'free' ? msg('Free', { desc: 'Park slot state' }) : msg('Unknown', { desc: 'Park slot state' });
      return html`<li part="slot" data-state=${slot.state}>
        <span class="lamp" aria-hidden="true"></span>
        <span class="who"><span class="slot">${slot.slot}</span></span>
        <span class="state">${words}</span>
        <span></span>
      </li>`;
    }
    const who = slot.parked ?? msg('A caller');
    const waited = formatDuration((this.#clock.now - (slot.since ?? this.#clock.now)) / 1000);
    return html`<li part="slot" data-state="occupied">
      <span class="lamp" aria-hidden="true"></span>
      <span class="who"><span class="slot">${slot.slot}</span> · ${who}</span>
      <span class="wait" role="timer" aria-label=${msg(str`Waiting ${waited}`)}>${waited}</span>
      <button type="button" part="retrieve" aria-label=${msg(str`Retrieve ${who} from ${slot.slot}`)} @click=${() => this.#retrieve(slot.slot)}>${msg('Retrieve')}</button>
    </li>`;
  }

  override render() {
    const parks = this.#parks.state;
    if (!parks) return nothing;
    const count = parks.parked;
    return html`<section class="parks" part="parks" aria-labelledby="parks-title">
      <h2 id="parks-title">
        ${msg('Call parks')}
        ${count
          ? html`<span class="badge" part="badge" aria-hidden="true">${count}</span><span class="visually-hidden">, ${parkedWords(count)}</span>`
          : nothing}
      </h2>
      ${parks.slots.length
        ? html`<ul aria-label=${msg('Park slots')}>
            ${parks.slots.map((slot) => this.#renderSlot(slot))}
          </ul>`
        : html`<p>${msg('No park slots are set up on this phone.')}</p>`}
      ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'phone-parks': PhoneParks;
  }
}
