/**
 * Personal contacts and favourite coworkers of one account, in IndexedDB: one
 * record per contact (keyed by its id) and one per favourite extension, so
 * that two tabs editing different contacts lose nothing. Two accounts on one
 * origin use two databases and never see each other's contacts.
 *
 * Records are returned as stored; the caller checks them (`sanitizeContact`),
 * since a past version or another tool may have written something else.
 */
import type { Contact } from '../core/blf/contact.js';
import { AccountStore, type StorageProblem } from './account-store.js';

export class ContactsStore {
  readonly #contacts: AccountStore<Contact>;
  readonly #favorites: AccountStore<true>;

  constructor(account: string, onProblem?: (problem: StorageProblem) => void) {
    this.#contacts = new AccountStore<Contact>(account, 'contacts', onProblem);
    this.#favorites = new AccountStore<true>(account, 'contact-favorites', onProblem);
  }

  /** What went wrong, if contacts are kept only in memory right now. */
  get problem(): StorageProblem | undefined {
    return this.#contacts.problem ?? this.#favorites.problem;
  }

  /** Every stored record (unchecked) and every favourite extension. */
  async load(): Promise<{ contacts: unknown[]; favorites: string[] }> {
    const [contacts, favorites] = await Promise.all([this.#contacts.entries(), this.#favorites.entries()]);
    return { contacts: contacts.map(([, v]) => v), favorites: favorites.map(([k]) => k) };
  }

  put(contact: Contact): Promise<void> {
    return this.#contacts.set(contact.id, contact);
  }

  putMany(contacts: readonly Contact[]): Promise<void> {
    return this.#contacts.setMany(contacts.map((c) => [c.id, c]));
  }

  remove(id: string): Promise<void> {
    return this.#contacts.delete(id);
  }

  /** Marks a coworker (a directory extension) as a favourite, or not. */
  setFavorite(extension: string, on: boolean): Promise<void> {
    return on ? this.#favorites.set(extension, true) : this.#favorites.delete(extension);
  }
}
