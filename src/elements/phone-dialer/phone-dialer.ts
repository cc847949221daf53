import { LitElement, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { SessionController } from '../../context/session-controller.js';
import { tokens } from '../../styles/tokens.js';
import { dialerStyles } from './phone-dialer.styles.js';

const KEYS: Array<[string, string]> = [
  ['1', ''],
  ['2', 'ABC'],
  ['3', 'DEF'],
  ['4', 'GHI'],
  ['5', 'JKL'],
  ['6', 'MNO'],
  ['7', 'PQRS'],
  ['8', 'TUV'],
  ['9', 'WXYZ'],
  ['*', ''],
  ['0', '+'],
  ['#', ''],
];

/**
 * A number field, a dial pad and a Call button.
 *
 * @summary Dial pad of the phone. Place it inside a `<phone-widget>`.
 * @csspart number - the number field
 * @csspart keypad - the grid of keys
 * @csspart key - one key of the dial pad
 * @csspart call-button - the Call button
 */
@customElement('phone-dialer')
export class PhoneDialer extends LitElement {
  static override styles = [tokens, dialerStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  #phone = new SessionController(this);

  /** The number being typed. */
  @state() private value = '';
  @state() private message = '';
  @query('input') private input!: HTMLInputElement;

  /** Places the call to what is in the number field. */
  call(): void {
    const session = this.#phone.session;
    if (!session) {
      this.message = 'This dial pad is not inside a phone.';
      return;
    }
    const target = this.value.trim();
    if (!target) {
      this.message = 'Type a number to call.';
      return;
    }
    const result = session.dial(target);
    if (result.ok) {
      this.value = '';
      this.message = '';
    } else {
      this.message = result.message;
    }
  }

  #press(key: string): void {
    this.value += key;
    this.message = '';
    this.input?.focus();
  }

  #onInput(e: Event): void {
    this.value = (e.target as HTMLInputElement).value;
    this.message = '';
  }

  #onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter') {
      e.preventDefault();
      this.call();
    }
  }

  #erase(): void {
    this.value = this.value.slice(0, -1);
    this.input?.focus();
  }

  override render() {
    return html`
      <div class="number" part="number">
        <input
          type="tel"
          inputmode="tel"
          autocomplete="off"
          aria-label="Number to call"
          placeholder="Number or extension"
          .value=${this.value}
          @input=${this.#onInput}
          @keydown=${this.#onKeydown}
        />
        ${this.value
          ? html`<button class="erase" type="button" aria-label="Delete last digit" @click=${this.#erase}>⌫</button>`
          : null}
      </div>
      <div class="keypad" part="keypad" role="group" aria-label="Dial pad">
        ${KEYS.map(
          ([digit, letters]) => html`
            <button class="key" part="key" type="button" @click=${() => this.#press(digit)}>
              <span class="digit">${digit}</span>
              <span class="letters" aria-hidden="true">${letters}</span>
            </button>
          `,
        )}
      </div>
      <button class="call" part="call-button" type="button" @click=${() => this.call()}>Call</button>
      <p class="message" role="alert">${this.message}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'phone-dialer': PhoneDialer;
  }
}
