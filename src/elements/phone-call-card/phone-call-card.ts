import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { SessionController } from '../../context/session-controller.js';
import { callStateText, endedText, formatDuration, remoteLabel } from '../../core/format.js';
import type { CallView } from '../../core/types.js';
import { tokens } from '../../styles/tokens.js';
import { ClockController } from '../shared/clock-controller.js';
import { callCardStyles } from './phone-call-card.styles.js';

/**
 * The live calls of the phone: who, state, timer and the controls for each;
 * then, briefly, why the last call ended.
 *
 * @summary Active and ringing calls. Place it inside a `<phone-widget>`.
 * @csspart card - one call
 * @csspart actions - the row of call controls
 * @csspart ended - the "call ended" notice
 */
@customElement('phone-call-card')
export class PhoneCallCard extends LitElement {
  static override styles = [tokens, callCardStyles];

  #phone = new SessionController(this);
  #clock = new ClockController(this, () => Boolean(this.#phone.state?.calls.some((c) => c.state === 'connected')));

  /** The id of the ended call whose notice the user dismissed. */
  @state() private dismissed = '';

  #renderCall(call: CallView) {
    const session = this.#phone.session!;
    const label = remoteLabel(call);
    const timer =
      call.state === 'connected' && call.answeredAt
        ? html` · <span class="timer" role="timer">${formatDuration((this.#clock.now - call.answeredAt) / 1000)}</span>`
        : nothing;
    const ringingIn = call.direction === 'inbound' && call.state === 'ringing';
    return html`
      <section class="card" part="card" data-state=${call.state} data-direction=${call.direction} aria-label="Call with ${label}">
        <div class="who">
          <div class="avatar" aria-hidden="true">${label.slice(0, 1).toUpperCase()}</div>
          <div class="names">
            <div class="name">${label}</div>
            ${call.remote.name ? html`<div class="number">${call.remote.number}</div>` : nothing}
            <div class="state">${callStateText(call)}${timer}</div>
          </div>
        </div>
        <div class="actions" part="actions">
          ${ringingIn
            ? html`
                <button class="answer" type="button" @click=${() => session.answer(call.id)}>Answer</button>
                <button class="reject" type="button" @click=${() => session.reject(call.id)}>Reject</button>
              `
            : html`
                ${call.state === 'connected'
                  ? html`<button type="button" aria-pressed=${call.muted ? 'true' : 'false'} @click=${() => session.mute(call.id)}>
                      ${call.muted ? 'Unmute' : 'Mute'}
                    </button>`
                  : nothing}
                <button class="hangup" type="button" @click=${() => session.hangup(call.id)}>Hang up</button>
              `}
        </div>
      </section>
    `;
  }

  override render() {
    const state = this.#phone.state;
    if (!state) return nothing;
    const ended = state.lastEnded;
    const showEnded = ended && state.calls.length === 0 && ended.id !== this.dismissed;
    return html`
      ${state.calls.map((call) => this.#renderCall(call))}
      ${showEnded
        ? html`<div class="ended" part="ended">
            <span>${endedText(ended)}</span>
            <button type="button" @click=${() => (this.dismissed = ended.id)}>Dismiss</button>
          </div>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'phone-call-card': PhoneCallCard;
  }
}
