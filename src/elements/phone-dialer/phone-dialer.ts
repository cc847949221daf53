import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { SessionController } from '../../context/session-controller.js';
import { suggest, type Suggestion } from '../../core/suggest.js';
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
 * A number field with suggestions from recent calls, a dial pad and a Call
 * button. Enter or Call dials; with the field empty, Call fills in the most
 * recent number (quick redial) and a second press dials it.
 *
 * @summary Dial pad of the phone. Place it inside a `<phone-widget>`.
 * @csspart number - the number field
 * @csspart suggestions - the list of suggested numbers
 * @csspart keypad - the grid of keys
 * @csspart key - one key of the dial pad
 * @csspart call-button - the Call button
 */
@customElement('phone-dialer')
@localized()
export class PhoneDialer extends LitElement {
  static override styles = [tokens, dialerStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  #phone = new SessionController(this);
  #offBook: (() => void) | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#offBook?.();
    this.#offBook = undefined;
  }

  /** The number being typed. */
  @state() private value = '';
  @state() private message = '';
  @state() private active = -1;
  @state() private suggestionsOpen = false;
  @query('input') private input!: HTMLInputElement;

  /** Places the call to what is in the number field (or fills in the last number when it is empty). */
  call(): void {
    const session = this.#phone.session;
    if (!session) {
      this.message = msg('This dial pad is not inside a phone.');
      return;
    }
    const target = this.value.trim();
    if (!target) {
      const last = session.redialNumber;
      if (last) {
        this.value = last;
        this.message = '';
        this.input?.focus();
      } else {
        this.message = msg('Type a number to call.');
      }
      return;
    }
    const result = session.dial(target);
    if (result.ok) {
      this.value = '';
      this.message = '';
      this.suggestionsOpen = false;
    } else {
      this.message = result.message;
    }
  }

  /** Adds a key to the number, as a click on the dial pad does. */
  press(key: string): void {
    this.value += key;
    this.message = '';
    this.suggestionsOpen = true;
    this.active = -1;
    this.input?.focus();
  }

  /** Deletes the last character of the number. */
  backspace(): void {
    this.value = this.value.slice(0, -1);
    this.input?.focus();
  }

  #suggestions(): Suggestion[] {
    if (!this.suggestionsOpen) return [];
    const session = this.#phone.session;
    const book = session?.blf.contacts;
    // Personal contacts are read from storage the first time the user types.
    if (book && session.state.account && book.state.account !== session.state.account.identity) book.open(session.state.account.identity);
    if (book && !this.#offBook) this.#offBook = book.on('change', () => this.requestUpdate());
    const contacts = (book?.state.contacts ?? []).flatMap((c) =>
      c.phones.map((p) => ({ name: `${c.firstName} ${c.lastName}`.trim() || c.company, number: p.number })),
    );
    return suggest(this.value, this.#phone.state?.recent ?? [], 5, contacts);
  }

  #pick(s: Suggestion): void {
    this.value = s.number;
    this.suggestionsOpen = false;
    this.active = -1;
    this.input?.focus();
  }

  #onInput(e: Event): void {
    this.value = (e.target as HTMLInputElement).value;
    this.message = '';
    this.suggestionsOpen = true;
    this.active = -1;
  }

  #onKeydown(e: KeyboardEvent): void {
    const list = this.#suggestions();
    if (e.key === 'ArrowDown' && list.length) {
      e.preventDefault();
      this.active = (this.active + 1) % list.length;
    } else if (e.key === 'ArrowUp' && list.length) {
      e.preventDefault();
      this.active = this.active <= 0 ? list.length - 1 : this.active - 1;
    } else if (e.key === 'Escape' && list.length) {
      e.stopPropagation();
      this.suggestionsOpen = false;
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const picked = list[this.active];
      if (picked) this.#pick(picked);
      else this.call();
    }
  }

  override render() {
    const list = this.#suggestions();
    const activeId = this.active >= 0 && list[this.active] ? `suggestion-${this.active}` : '';
    return html`
      <div class="number" part="number">
        <input
          type="tel"
          inputmode="tel"
          autocomplete="off"
          role="combobox"
          aria-label=${msg('Number to call')}
          aria-autocomplete="list"
          aria-controls="suggestions"
          aria-expanded=${list.length ? 'true' : 'false'}
          aria-activedescendant=${activeId || nothing}
          placeholder=${msg('Number or extension')}
          .value=${this.value}
          @input=${this.#onInput}
          @keydown=${this.#onKeydown}
          @blur=${() => setTimeout(() => (this.suggestionsOpen = false), 150)}
        />
        ${this.value
          ? html`<button class="erase" type="button" aria-label=${msg('Delete last digit')} @click=${this.backspace}>⌫</button>`
          : null}
      </div>
      <ul id="suggestions" class="suggestions" part="suggestions" role="listbox" aria-label=${msg('Suggestions')} ?hidden=${!list.length}>
        ${list.map(
          (s, i) => html`<li
            id="suggestion-${i}"
            role="option"
            aria-selected=${i === this.active ? 'true' : 'false'}
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${() => this.#pick(s)}
          >
            <span class="s-name">${s.name ?? s.number}</span>
            <span class="s-meta">${s.name ? `${s.number} · ` : ''}${s.source === 'Contact' ? msg('Contact') : msg('Recent')}</span>
          </li>`,
        )}
      </ul>
      <div class="keypad" part="keypad" role="group" aria-label=${msg('Dial pad')}>
        ${KEYS.map(
          ([digit, letters]) => html`
            <button class="key" part="key" type="button" @click=${() => this.press(digit)}>
              <span class="digit">${digit}</span>
              <span class="letters" aria-hidden="true">${letters}</span>
            </button>
          `,
        )}
      </div>
      <button class="call" part="call-button" type="button" @click=${() => this.call()}>${msg('Call')}</button>
      <p class="message" role="alert">${this.message}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'phone-dialer': PhoneDialer;
  }
}
