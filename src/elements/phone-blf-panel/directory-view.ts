import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import type { BlfState } from '../../core/blf/blf-service.js';
import { searchDirectory, type DirectoryEntry } from '../../core/blf/directory.js';
import { keyAction, type FeatureCodes } from '../../core/blf/key-action.js';
import { PRESENCE_WORDS, presenceOf } from '../../core/blf/lamp.js';
import type { CallView } from '../../core/types.js';

/** At most this many entries are rendered; the search narrows the rest. */
export const DIRECTORY_SHOWN = 200;

/** The searchable company directory: one button per extension that calls it (or transfers to it during a call). */
export class DirectoryView {
  #host: ReactiveControllerHost;
  #query = '';
  #cache: { entries: readonly DirectoryEntry[]; query: string; found: DirectoryEntry[] } | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  #found(entries: readonly DirectoryEntry[]): DirectoryEntry[] {
    if (this.#cache?.entries !== entries || this.#cache.query !== this.#query) {
      this.#cache = { entries, query: this.#query, found: searchDirectory(entries, this.#query) };
    }
    return this.#cache.found;
  }

  render(blf: BlfState, calls: readonly CallView[], codes: FeatureCodes, press: (entry: DirectoryEntry) => void) {
    if (blf.directoryStatus === 'loading') return html`<p class="empty" role="status">${msg('Loading the directory…')}</p>`;
    if (blf.directoryStatus === 'error') return html`<p class="empty error" role="alert">${blf.directoryError}</p>`;
    if (!blf.directory.length) return html`<p class="empty">${msg('No directory on this phone.')}</p>`;
    const found = this.#found(blf.directory);
    return html`
      <label class="field">
        <span>${msg('Search the directory')}</span>
        <input
          type="search"
          .value=${this.#query}
          autocomplete="off"
          @input=${(e: Event) => {
            this.#query = (e.target as HTMLInputElement).value;
            this.#host.requestUpdate();
          }}
        />
      </label>
      <ul class="rows" aria-label=${msg('Directory')}>
        ${found.slice(0, DIRECTORY_SHOWN).map((entry) => {
          const presence = presenceOf(blf.lamps.get(entry.extension));
          const action = keyAction({ extension: entry.extension, label: entry.name }, blf.lamps.get(entry.extension)?.state ?? 'unknown', calls, codes);
          return html`<li>
            <button type="button" class="row" presence=${presence} aria-label=${[entry.name, entry.extension, entry.department, PRESENCE_WORDS[presence]].filter(Boolean).join(', ')} title=${action.text} @click=${() => press(entry)}>
              <span class="dot" part="presence" aria-hidden="true"></span>
              <span class="name">${entry.name}</span>
              <span class="sub">${[entry.extension, entry.department, presence === 'unknown' ? '' : PRESENCE_WORDS[presence]].filter(Boolean).join(' · ')}</span>
            </button>
          </li>`;
        })}
      </ul>
      ${found.length > DIRECTORY_SHOWN
        ? html`<p class="hint">${msg(str`Showing ${DIRECTORY_SHOWN} of ${found.length}: type to narrow the list.`)}</p>`
        : !found.length
          ? html`<p class="hint" role="status">${msg(str`Nobody matches “${this.#query}”.`)}</p>`
          : nothing}
    `;
  }
}
