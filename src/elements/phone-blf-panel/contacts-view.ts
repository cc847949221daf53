import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import type { BlfService, BlfState } from '../../core/blf/blf-service.js';
import { contactAsText, emptyDraft, type ContactDraft } from '../../core/blf/contact.js';
import { contactFilters, contactSorts, contactRows, viewContacts, type ContactFilter, type ContactRow, type ContactSort } from '../../core/blf/contact-list.js';
import { PRESENCE_WORDS } from '../../core/blf/lamp.js';
import { MAX_VCARD_CHARS, type VcardVersion } from '../../core/blf/vcard.js';
import { kindWord, renderContactForm } from './contact-form.js';

type Screen = { kind: 'list' } | { kind: 'detail'; key: string } | { kind: 'form'; id?: string; draft: ContactDraft; error: string };

export interface ContactsInput {
  blf: BlfService;
  state: BlfState;
  /** What pressing a number does right now: "Call" or "Transfer". */
  verb: string;
  /** The accessible name of that button for one number: "Call 1002", "Transfer to 1002". */
  verbFor(number: string): string;
  press(number: string, label: string): void;
}

const SHOWN = 300;

/** Personal contacts and coworkers: list, details, create/edit, favourites, vCard import/export. */
export class ContactsView {
  #host: ReactiveControllerHost & HTMLElement;
  #screen: Screen = { kind: 'list' };
  #query = '';
  #filter: ContactFilter = 'all';
  #sort: ContactSort = 'first';
  #status = '';
  #confirmDelete = false;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
  }

  /** Opens the new-contact form with a number (and a name) filled in. */
  create(number: string, name = ''): void {
    const [firstName = '', ...rest] = name.trim().split(/\s+/);
    this.#go({ kind: 'form', draft: { ...emptyDraft(), firstName, lastName: rest.join(' '), phones: [{ number, kind: 'work' }] }, error: '' });
  }

  #go(screen: Screen, status = ''): void {
    this.#screen = screen;
    this.#status = status;
    this.#confirmDelete = false;
    this.#host.requestUpdate();
  }

  #say(status: string): void {
    this.#status = status;
    this.#host.requestUpdate();
  }

  render(input: ContactsInput) {
    const { state } = input;
    const contacts = state.contacts;
    const rows = contactRows(contacts.contacts, state.directory, contacts.favorites, state.lamps);
    const screen = this.#screen;
    const status = html`<p class="status" role="status">${this.#status}</p>`;
    if (screen.kind === 'form') {
      return html`${renderContactForm({
        draft: screen.draft,
        isNew: !screen.id,
        error: screen.error,
        changed: () => this.#host.requestUpdate(),
        save: () => void this.#save(input.blf, screen),
        cancel: () => this.#go(screen.id ? { kind: 'detail', key: `c:${screen.id}` } : { kind: 'list' }),
      })}`;
    }
    if (screen.kind === 'detail') {
      const row = rows.find((r) => r.key === screen.key);
      if (row) return html`${this.#renderDetail(row, input)}${status}`;
    }
    return html`${this.#renderList(rows, input)}${status}`;
  }

  #renderList(rows: ContactRow[], input: ContactsInput) {
    const shown = viewContacts(rows, this.#filter, this.#sort, this.#query);
    const problem = input.state.contacts.problem;
    return html`
      <div class="tools">
        <label class="field grow">
          <span>${msg('Search contacts')}</span>
          <input type="search" autocomplete="off" .value=${this.#query} @input=${(e: Event) => this.#set(() => (this.#query = (e.target as HTMLInputElement).value))} />
        </label>
        <label class="field">
          <span>${msg('Show', { desc: 'Label of the contacts filter' })}</span>
          <select @change=${(e: Event) => this.#set(() => (this.#filter = (e.target as HTMLSelectElement).value as ContactFilter))}>
            ${contactFilters().map(([v, label]) => html`<option value=${v} ?selected=${v === this.#filter}>${label}</option>`)}
          </select>
        </label>
        <label class="field">
          <span>${msg('Sort by')}</span>
          <select @change=${(e: Event) => this.#set(() => (this.#sort = (e.target as HTMLSelectElement).value as ContactSort))}>
            ${contactSorts().map(([v, label]) => html`<option value=${v} ?selected=${v === this.#sort}>${label}</option>`)}
          </select>
        </label>
      </div>
      <div class="row-actions">
        <button type="button" class="primary" @click=${() => this.#go({ kind: 'form', draft: { ...emptyDraft(), phones: [{ number: '', kind: 'work' }] }, error: '' })}>
          ${msg('New contact')}
        </button>
        <details class="vcard">
          <summary>${msg('vCard files')}</summary>
          <div class="row-actions">
            <label class="button">
              ${msg('Import vCard')}
              <input class="visually-hidden" type="file" accept=".vcf,text/vcard,text/x-vcard" @change=${(e: Event) => void this.#import(input.blf, e.target as HTMLInputElement)} />
            </label>
            <button type="button" @click=${() => this.#export(input.blf, '3.0')}>${msg('Export vCard 3.0')}</button>
            <button type="button" @click=${() => this.#export(input.blf, '4.0')}>${msg('Export vCard 4.0')}</button>
          </div>
        </details>
      </div>
      ${problem ? html`<p class="hint">${msg('Contacts cannot be saved in this browser right now: they last until the page closes.')}</p>` : nothing}
      ${shown.length
        ? html`<ul class="rows" aria-label=${msg('Contacts')}>
            ${shown.slice(0, SHOWN).map((row) => this.#renderRow(row, input))}
          </ul>`
        : html`<p class="empty">${rows.length ? msg('No contact matches.') : input.state.contacts.loaded ? msg('No contacts yet.') : msg('Loading contacts…')}</p>`}
      ${shown.length > SHOWN ? html`<p class="hint">${msg(str`Showing ${SHOWN} of ${shown.length}: type to narrow the list.`)}</p>` : nothing}
    `;
  }

  #renderRow(row: ContactRow, input: ContactsInput) {
    const presence = row.kind === 'coworker' || row.presence !== 'unknown' ? PRESENCE_WORDS[row.presence] : '';
    const coworker = row.kind === 'coworker' ? msg('coworker') : '';
    const name = [row.name, row.number, coworker, presence].filter(Boolean).join(', ');
    return html`<li class="contact">
      <button type="button" class="row" presence=${row.presence} aria-label=${name} @click=${() => this.#go({ kind: 'detail', key: row.key })}>
        <span class="dot" part="presence" aria-hidden="true"></span>
        <span class="name">${row.name}</span>
        <span class="sub">${[row.number, coworker, row.presence === 'unknown' ? '' : presence].filter(Boolean).join(' · ')}</span>
      </button>
      <button
        type="button"
        class="star"
        aria-pressed=${row.favorite ? 'true' : 'false'}
        aria-label=${msg(str`Favorite: ${row.name}`)}
        @click=${() => void this.#favorite(input.blf, row)}
      >
        ${row.favorite ? '★' : '☆'}
      </button>
    </li>`;
  }

  #renderDetail(row: ContactRow, input: ContactsInput) {
    const c = row.contact;
    const numbers = c ? c.phones.map((p) => ({ number: p.number, kind: kindWord(p.kind) })) : [{ number: row.number, kind: msg('Extension') }];
    return html`<section class="detail" aria-label=${msg(str`Contact: ${row.name}`)}>
      <button type="button" class="link" @click=${() => this.#go({ kind: 'list' })}>‹ ${msg('Back to contacts')}</button>
      <h3>${row.name}</h3>
      ${c?.company && c.company !== row.name ? html`<p class="sub">${c.company}</p>` : nothing}
      ${row.entry?.department ? html`<p class="sub">${row.entry.department}</p>` : nothing}
      ${row.presence !== 'unknown' ? html`<p class="sub"><span class="dot" presence=${row.presence} aria-hidden="true"></span> ${PRESENCE_WORDS[row.presence]}</p>` : nothing}
      <ul class="numbers">
        ${numbers.map(
          (n) => html`<li>
            <span>${n.kind}: ${n.number}</span>
            <button type="button" aria-label=${input.verbFor(n.number)} @click=${() => input.press(n.number, row.name)}>${input.verb}</button>
          </li>`,
        )}
      </ul>
      ${c?.emails.map((e) => html`<p class="sub">${e}</p>`)} ${c?.note ? html`<p class="note">${c.note}</p>` : nothing}
      <div class="row-actions">
        <button type="button" aria-pressed=${row.favorite ? 'true' : 'false'} @click=${() => void this.#favorite(input.blf, row)}>
          ${row.favorite ? msg('Remove from favorites') : msg('Add to favorites')}
        </button>
        ${c ? html`<button type="button" @click=${() => this.#go({ kind: 'form', id: c.id, draft: structuredClone({ ...c }), error: '' })}>${msg('Edit')}</button>` : nothing}
        <button type="button" @click=${() => void this.#copy(row)}>${msg('Copy')}</button>
        ${c
          ? html`<button type="button" class="danger" @click=${() => void this.#delete(input.blf, c.id)}>${this.#confirmDelete ? msg('Confirm delete') : msg('Delete')}</button>`
          : nothing}
      </div>
    </section>`;
  }

  #set(change: () => void): void {
    change();
    this.#host.requestUpdate();
  }

  async #save(blf: BlfService, screen: Extract<Screen, { kind: 'form' }>): Promise<void> {
    const draft = { ...screen.draft, phones: screen.draft.phones.filter((p) => p.number.trim()) };
    const saved = await blf.contacts.save(draft, screen.id);
    if (!saved) {
      screen.error = msg('Give the contact a name or a number.');
      this.#host.requestUpdate();
      return;
    }
    this.#go({ kind: 'detail', key: `c:${saved.id}` }, screen.id ? msg('Contact saved.') : msg('Contact created.'));
  }

  async #favorite(blf: BlfService, row: ContactRow): Promise<void> {
    await blf.contacts.setFavorite(row.contact ? { id: row.contact.id } : { extension: row.number }, !row.favorite);
  }

  async #delete(blf: BlfService, id: string): Promise<void> {
    if (!this.#confirmDelete) {
      this.#confirmDelete = true;
      this.#host.requestUpdate();
      return;
    }
    await blf.contacts.remove(id);
    this.#go({ kind: 'list' }, msg('Contact deleted.'));
  }

  async #copy(row: ContactRow): Promise<void> {
    const text = row.contact ? contactAsText(row.contact) : `${row.name}\n${msg('Extension')}: ${row.number}`;
    try {
      await navigator.clipboard.writeText(text);
      this.#say(msg('Copied to the clipboard.'));
    } catch {
      this.#say(msg('The browser did not allow copying.'));
    }
  }

  async #import(blf: BlfService, field: HTMLInputElement): Promise<void> {
    const file = field.files?.[0];
    field.value = '';
    if (!file) return;
    if (file.size > MAX_VCARD_CHARS) return this.#say(msg('That file is too large to be a contacts file.'));
    const { added, skipped } = await blf.contacts.importVcards(await file.text());
    if (!skipped) this.#say(added === 1 ? msg('Imported 1 contact.') : msg(str`Imported ${added} contacts.`));
    else this.#say(added === 1 ? msg(str`Imported 1 contact (${skipped} skipped).`) : msg(str`Imported ${added} contacts (${skipped} skipped).`));
  }

  #export(blf: BlfService, version: VcardVersion): void {
    const text = blf.contacts.exportVcards(version);
    if (!text) return this.#say(msg('There are no personal contacts to export.'));
    const url = URL.createObjectURL(new Blob([text], { type: 'text/vcard' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'contacts.vcf';
    (this.#host.shadowRoot ?? document.body).append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.#say(msg(str`Exported as vCard ${version}.`));
  }
}
