/**
 * The personal contacts of the current account: create, edit, delete,
 * favourite (contacts and coworkers), vCard import and export. Kept in
 * IndexedDB per account; works in memory when storage is unavailable.
 */
import { Emitter } from '../emitter.js';
import { ContactsStore } from '../../storage/contacts-store.js';
import type { StorageProblem } from '../../storage/account-store.js';
import { contactName, newContactId, sanitizeContact, sanitizeDraft, type Contact, type ContactDraft } from './contact.js';
import { parseVcards, toVcards, type VcardVersion } from './vcard.js';

export interface ContactBookState {
  /** The account whose contacts these are (its identity), once one is configured. */
  account?: string;
  /** False until the stored contacts have been read. */
  loaded: boolean;
  contacts: readonly Contact[];
  /** Extensions of coworkers marked as favourites. */
  favorites: ReadonlySet<string>;
  /** Set when contacts cannot be kept across reloads right now. */
  problem?: StorageProblem;
}

export type FavoriteTarget = { id: string } | { extension: string };

/** Same person, same first number: an import does not add it twice. */
const signature = (c: ContactDraft) => `${contactName(c).toLowerCase()}|${c.phones[0]?.number.replace(/[^0-9a-z+*#]/gi, '') ?? ''}`;

export class ContactBook extends Emitter<{ change: ContactBookState }> {
  #state: ContactBookState = { loaded: false, contacts: [], favorites: new Set() };
  #store: ContactsStore | undefined;
  /** Changes with each account, so that a late read for the previous account is dropped. */
  #generation = 0;
  /** Contacts and favourites changed before the stored ones were read: the changes win. */
  #touched = new Set<string>();
  #touchedFavorites = new Map<string, boolean>();

  get state(): ContactBookState {
    return this.#state;
  }

  /** Switches to an account's contacts (undefined: none). The same account again is a no-op. */
  open(account: string | undefined): void {
    const key = account?.toLowerCase();
    if (key === this.#state.account) return;
    const generation = ++this.#generation;
    this.#store = key ? new ContactsStore(key, (problem) => this.#set({ problem })) : undefined;
    this.#state = { ...(key ? { account: key } : {}), loaded: !key, contacts: [], favorites: new Set() };
    this.#touched.clear();
    this.#touchedFavorites.clear();
    this.emit('change', this.#state);
    if (!this.#store) return;
    void this.#store.load().then(({ contacts, favorites }) => {
      if (generation !== this.#generation) return;
      const clean = contacts.map(sanitizeContact).filter((c): c is Contact => c !== null);
      if (clean.length < contacts.length) console.warn(`[phone] ${contacts.length - clean.length} stored contacts could not be read`);
      const merged = [...clean.filter((c) => !this.#touched.has(c.id)), ...this.#state.contacts];
      const favs = new Set(favorites);
      for (const [ext, on] of this.#touchedFavorites) {
        if (on) favs.add(ext);
        else favs.delete(ext);
      }
      this.#set({ loaded: true, contacts: merged, favorites: favs, ...(this.#store?.problem ? { problem: this.#store.problem } : {}) });
    });
  }

  /** Creates a contact, or updates contact `id`. Returns null when the draft names nobody. */
  async save(draft: ContactDraft, id?: string): Promise<Contact | null> {
    const clean = sanitizeDraft(draft);
    if (!clean || !this.#store) return null;
    const contact: Contact = { ...clean, id: id ?? newContactId(), updatedAt: Date.now() };
    const others = this.#state.contacts.filter((c) => c.id !== contact.id);
    if (!this.#state.loaded) this.#touched.add(contact.id);
    this.#set({ contacts: [...others, contact] });
    await this.#store.put(contact);
    return contact;
  }

  async remove(id: string): Promise<void> {
    if (!this.#store) return;
    if (!this.#state.loaded) this.#touched.add(id);
    this.#set({ contacts: this.#state.contacts.filter((c) => c.id !== id) });
    await this.#store.remove(id);
  }

  /** Marks a personal contact (`{ id }`) or a coworker (`{ extension }`) as a favourite, or not. */
  async setFavorite(target: FavoriteTarget, on: boolean): Promise<void> {
    if (!this.#store) return;
    if ('id' in target) {
      const contact = this.#state.contacts.find((c) => c.id === target.id);
      if (contact) await this.save({ ...contact, favorite: on }, contact.id);
      return;
    }
    if (!this.#state.loaded) this.#touchedFavorites.set(target.extension, on);
    const favorites = new Set(this.#state.favorites);
    if (on) favorites.add(target.extension);
    else favorites.delete(target.extension);
    this.#set({ favorites });
    await this.#store.setFavorite(target.extension, on);
  }

  /** Adds the contacts of a vCard file (3.0 or 4.0); cards already present or naming nobody are skipped. */
  async importVcards(text: string): Promise<{ added: number; skipped: number }> {
    if (!this.#store) return { added: 0, skipped: 0 };
    const { contacts, skipped } = parseVcards(text);
    const known = new Set(this.#state.contacts.map(signature));
    const fresh: Contact[] = [];
    for (const draft of contacts) {
      const sig = signature(draft);
      if (known.has(sig)) continue;
      known.add(sig);
      fresh.push({ ...draft, id: newContactId(), updatedAt: Date.now() });
    }
    if (fresh.length) {
      if (!this.#state.loaded) for (const c of fresh) this.#touched.add(c.id);
      this.#set({ contacts: [...this.#state.contacts, ...fresh] });
      await this.#store.putMany(fresh);
    }
    return { added: fresh.length, skipped: skipped + contacts.length - fresh.length };
  }

  /** Every personal contact as a vCard file. */
  exportVcards(version: VcardVersion): string {
    return toVcards(this.#state.contacts, version);
  }

  #set(patch: Partial<ContactBookState>): void {
    this.#state = { ...this.#state, ...patch };
    this.emit('change', this.#state);
  }
}
