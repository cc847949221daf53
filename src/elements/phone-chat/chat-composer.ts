import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { tokens } from '../../styles/tokens.js';
import { composerStyles } from './chat-composer.styles.js';
import { EMOJI } from './emoji.js';
import { CLIP, SEND, SMILE } from './icons.js';

/**
 * Where a message is written: Enter sends, Shift+Enter adds a line; an emoji
 * picker and a file button.
 *
 * @summary The composer of `<phone-chat>` (internal).
 * @fires compose-send - `{ text }`: the user sent the text (the field is emptied).
 * @fires compose-input - `{ hasText }`: the user typed or emptied the field.
 * @fires compose-file - `{ file }`: the user picked a file.
 * @csspart composer - the composer
 */
@customElement('phone-chat-composer')
@localized()
export class PhoneChatComposer extends LitElement {
  static override styles = [tokens, composerStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** Nothing can be written (a group the user left). */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** The placeholder of the text field ("Write a message" in the phone's language by default). */
  @property() placeholder?: string;

  @state() private emojiOpen = false;
  @query('textarea') private field!: HTMLTextAreaElement;
  @query('input[type=file]') private picker!: HTMLInputElement;

  /** The text being written. */
  get value(): string {
    return this.field?.value ?? '';
  }
  set value(text: string) {
    void this.updateComplete.then(() => {
      this.field.value = text;
    });
  }

  #input(): void {
    this.dispatchEvent(new CustomEvent('compose-input', { detail: { hasText: Boolean(this.field.value.trim()) } }));
  }

  #send(): void {
    const text = this.field.value;
    if (!text.trim() || this.disabled) return;
    this.field.value = '';
    this.emojiOpen = false;
    this.dispatchEvent(new CustomEvent('compose-send', { detail: { text } }));
  }

  #onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this.#send();
    } else if (e.key === 'Escape' && this.emojiOpen) {
      this.emojiOpen = false;
    }
  }

  #insert(emoji: string): void {
    const f = this.field;
    const at = f.selectionStart ?? f.value.length;
    f.setRangeText(emoji, at, f.selectionEnd ?? at, 'end');
    f.focus();
    this.#input();
  }

  #onFile(): void {
    const file = this.picker.files?.[0];
    this.picker.value = '';
    if (file) this.dispatchEvent(new CustomEvent('compose-file', { detail: { file } }));
  }

  override render() {
    return html`<div class="composer" part="composer">
      ${this.emojiOpen
        ? html`<div class="emoji" role="group" aria-label=${msg('Emoji')}>
            ${EMOJI.map(([emoji, name]) => html`<button type="button" aria-label=${name()} title=${name()} @click=${() => this.#insert(emoji)}>${emoji}</button>`)}
          </div>`
        : nothing}
      <div class="row">
        <button
          class="icon"
          type="button"
          aria-label=${msg('Emoji')}
          title=${msg('Emoji')}
          aria-expanded=${this.emojiOpen ? 'true' : 'false'}
          ?disabled=${this.disabled}
          @click=${() => (this.emojiOpen = !this.emojiOpen)}
        >
          ${SMILE}
        </button>
        <button class="icon" type="button" aria-label=${msg('Attach a file')} title=${msg('Attach a file')} ?disabled=${this.disabled} @click=${() => this.picker.click()}>
          ${CLIP}
        </button>
        <input type="file" hidden tabindex="-1" aria-hidden="true" @change=${this.#onFile} />
        <textarea
          rows="1"
          aria-label=${msg('Message')}
          placeholder=${this.placeholder ?? msg('Write a message')}
          ?disabled=${this.disabled}
          @keydown=${this.#onKeydown}
          @input=${() => this.#input()}
        ></textarea>
        <button class="send" type="button" aria-label=${msg('Send')} title=${msg('Send (Enter)')} ?disabled=${this.disabled} @click=${() => this.#send()}>${SEND}</button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'phone-chat-composer': PhoneChatComposer;
  }
}
