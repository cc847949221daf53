import { html } from 'lit';
import { msg, str } from '@lit/localize';
import { PHONE_KINDS, type ContactDraft, type PhoneKind } from '../../core/blf/contact.js';

/** A number's kind in words, in the active language. */
export const kindWord = (kind: PhoneKind): string => {
  switch (kind) {
    case 'work':
      return msg('Work', { desc: 'Kind of phone number' });
    case 'mobile':
      return msg('Mobile', { desc: 'Kind of phone number' });
    case 'home':
      return msg('Home', { desc: 'Kind of phone number' });
    case 'other':
      return msg('Other', { desc: 'Kind of phone number' });
  }
};

export interface ContactFormInput {
  draft: ContactDraft;
  isNew: boolean;
  error: string;
  /** The draft changed in a way that changes the form (a number added or removed). */
  changed(): void;
  save(): void;
  cancel(): void;
}

const text = (draft: ContactDraft, field: 'firstName' | 'lastName' | 'company' | 'note', label: string, autocomplete: string) => html`<label class="field">
  <span>${label}</span>
  <input
    .value=${draft[field]}
    autocomplete=${autocomplete}
    maxlength=${field === 'note' ? 500 : 80}
    @input=${(e: Event) => (draft[field] = (e.target as HTMLInputElement).value)}
  />
</label>`;

/** Create or edit a personal contact. Edits go into `draft`; Save hands it to the contact book. */
export function renderContactForm(input: ContactFormInput) {
  const { draft } = input;
  return html`<form
    class="form"
    aria-label=${input.isNew ? msg('New contact') : msg('Edit contact')}
    @submit=${(e: Event) => {
      e.preventDefault();
      input.save();
    }}
  >
    <h3>${input.isNew ? msg('New contact') : msg('Edit contact')}</h3>
    ${text(draft, 'firstName', msg('First name'), 'given-name')} ${text(draft, 'lastName', msg('Last name'), 'family-name')}
    ${text(draft, 'company', msg('Company'), 'organization')}
    <fieldset>
      <legend>${msg('Numbers')}</legend>
      ${draft.phones.map(
        (phone, i) => html`<div class="phone-row">
          <input
            aria-label=${msg(str`Number ${i + 1}`)}
            .value=${phone.number}
            inputmode="tel"
            maxlength="64"
            @input=${(e: Event) => (phone.number = (e.target as HTMLInputElement).value)}
          />
          <select aria-label=${msg(str`Kind of number ${i + 1}`)} @change=${(e: Event) => (phone.kind = (e.target as HTMLSelectElement).value as PhoneKind)}>
            ${PHONE_KINDS.map((k) => html`<option value=${k} ?selected=${k === phone.kind}>${kindWord(k)}</option>`)}
          </select>
          <button
            type="button"
            aria-label=${msg(str`Remove number ${i + 1}`)}
            @click=${() => {
              draft.phones.splice(i, 1);
              input.changed();
            }}
          >
            ×
          </button>
        </div>`,
      )}
      <button
        type="button"
        class="link"
        @click=${() => {
          draft.phones.push({ number: '', kind: draft.phones.length ? 'mobile' : 'work' });
          input.changed();
        }}
      >
        ${msg('Add number')}
      </button>
    </fieldset>
    <label class="field">
      <span>${msg('Email')}</span>
      <input
        type="email"
        autocomplete="email"
        .value=${draft.emails[0] ?? ''}
        @input=${(e: Event) => {
          const value = (e.target as HTMLInputElement).value.trim();
          draft.emails = value ? [value, ...draft.emails.slice(1)] : draft.emails.slice(1);
        }}
      />
    </label>
    ${text(draft, 'note', msg('Note'), 'off')}
    ${input.error ? html`<p class="error" role="alert">${input.error}</p>` : ''}
    <div class="row-actions">
      <button type="submit" class="primary">${msg('Save')}</button>
      <button type="button" @click=${input.cancel}>${msg('Cancel')}</button>
    </div>
  </form>`;
}
