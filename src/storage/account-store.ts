/**
 * Key-value storage for one account and one kind of data (contacts, chat,
 * call history), each in its own IndexedDB database so that two accounts on
 * one origin never mix. This folder is the only place that imports idb-keyval.
 *
 * When IndexedDB is missing (private mode, blocked) or full, the store keeps
 * working in memory and reports the problem once through `onProblem`; it
 * never throws. Write one record per key, never a read-modify-write of one
 * big array, so that two tabs writing at once lose nothing.
 */
import { clear, createStore, del, delMany, entries, get, getMany, promisifyRequest, set, setMany, type UseStore } from 'idb-keyval';

export type StorageProblem = 'unavailable' | 'full';

const problemOf = (error: unknown): StorageProblem =>
  error instanceof DOMException && error.name === 'QuotaExceededError' ? 'full' : 'unavailable';

export class AccountStore<T> {
  #idb: UseStore | undefined;
  #memory = new Map<string, T>();
  #problem: StorageProblem | undefined;
  #onProblem: ((problem: StorageProblem) => void) | undefined;

  /**
   * @param account the account's identity (`sip:1001@pbx.example.com`)
   * @param kind what is stored: `contacts`, `chat`, `history`…
   */
  constructor(account: string, kind: string, onProblem?: (problem: StorageProblem) => void) {
    this.#onProblem = onProblem;
    try {
      if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
      this.#idb = createStore(`phone-widget:${kind}:${account.toLowerCase()}`, 'records');
    } catch (error) {
      this.#fail(error);
    }
  }

  /** What went wrong, if storage is not persistent right now. */
  get problem(): StorageProblem | undefined {
    return this.#problem;
  }

  async get(key: string): Promise<T | undefined> {
    if (this.#idb) {
      try {
        return await get<T>(key, this.#idb);
      } catch (error) {
        this.#fail(error);
      }
    }
    return this.#memory.get(key);
  }

  async getMany(keys: string[]): Promise<Array<T | undefined>> {
    if (this.#idb) {
      try {
        return await getMany<T>(keys, this.#idb);
      } catch (error) {
        this.#fail(error);
      }
    }
    return keys.map((k) => this.#memory.get(k));
  }

  // The memory copy is only for when IndexedDB cannot be used: keeping every
  // record there as well would grow the page with every call and message.
  async set(key: string, value: T): Promise<void> {
    if (this.#idb) {
      try {
        await set(key, value, this.#idb);
        return;
      } catch (error) {
        this.#fail(error);
      }
    }
    this.#memory.set(key, value);
  }

  async setMany(items: Array<[string, T]>): Promise<void> {
    if (this.#idb) {
      try {
        await setMany(items, this.#idb);
        return;
      } catch (error) {
        this.#fail(error);
      }
    }
    for (const [k, v] of items) this.#memory.set(k, v);
  }

  async delete(key: string): Promise<void> {
    this.#memory.delete(key);
    if (!this.#idb) return;
    try {
      await del(key, this.#idb);
    } catch (error) {
      this.#fail(error);
    }
  }

  async deleteMany(keys: string[]): Promise<void> {
    for (const k of keys) this.#memory.delete(k);
    if (!this.#idb) return;
    try {
      await delMany(keys, this.#idb);
    } catch (error) {
      this.#fail(error);
    }
  }

  /** Every record, in key order. */
  async entries(): Promise<Array<[string, T]>> {
    if (this.#idb) {
      try {
        return await entries<string, T>(this.#idb);
      } catch (error) {
        this.#fail(error);
      }
    }
    return [...this.#memory.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /**
   * One page of records in key order, without loading the rest: newest first
   * with `newestFirst`, starting below (or above) the key `from` (excluded).
   */
  async page(limit: number, { from, newestFirst = true }: { from?: string; newestFirst?: boolean } = {}): Promise<Array<[string, T]>> {
    return (await this.scan(limit, { ...(from === undefined ? {} : { from }), newestFirst })).entries;
  }

  /**
   * Like `page`, keeping only the records that `match`, and looking at no
   * more than `maxScan` records in one go: `next` is the key to go on from
   * (undefined once the end is reached), so a rare match never makes one
   * long task.
   */
  async scan(
    limit: number,
    { from, newestFirst = true, match, maxScan = Infinity }: { from?: string; newestFirst?: boolean; match?: (value: T) => boolean; maxScan?: number } = {},
  ): Promise<{ entries: Array<[string, T]>; next?: string }> {
    const done = (entries: Array<[string, T]>, next: string | undefined) => (next === undefined ? { entries } : { entries, next });
    if (this.#idb) {
      try {
        return await this.#idb('readonly', (store) => {
          const range = from === undefined ? null : newestFirst ? IDBKeyRange.upperBound(from, true) : IDBKeyRange.lowerBound(from, true);
          const out: Array<[string, T]> = [];
          let seen = 0;
          const request = store.openCursor(range, newestFirst ? 'prev' : 'next');
          return new Promise<{ entries: Array<[string, T]>; next?: string }>((resolve, reject) => {
            let last: string | undefined;
            request.onsuccess = () => {
              const cursor = request.result;
              if (!cursor) return resolve(done(out, undefined));
              if (out.length >= limit || seen >= maxScan) return resolve(done(out, last));
              last = String(cursor.key);
              seen++;
              const value = cursor.value as T;
              if (!match || match(value)) out.push([last, value]);
              cursor.continue();
            };
            request.onerror = () => reject(request.error);
          });
        });
      } catch (error) {
        this.#fail(error);
      }
    }
    const keys = [...this.#memory.keys()].sort();
    if (newestFirst) keys.reverse();
    let i = from === undefined ? 0 : keys.findIndex((k) => (newestFirst ? k < from : k > from));
    if (i < 0) return { entries: [] };
    const out: Array<[string, T]> = [];
    for (let seen = 0; i < keys.length && out.length < limit && seen < maxScan; i++, seen++) {
      const value = this.#memory.get(keys[i]!)!;
      if (!match || match(value)) out.push([keys[i]!, value]);
    }
    return done(out, i < keys.length ? keys[i - 1] : undefined);
  }

  /**
   * Deletes every record but the `keep` last in key order, in one range
   * delete: no record is read, however many go.
   */
  async keepLast(keep: number): Promise<void> {
    if (this.#idb) {
      try {
        await this.#idb('readwrite', (store) => {
          const request = store.openKeyCursor(null, 'prev');
          return new Promise<void>((resolve, reject) => {
            let skipped = false;
            request.onsuccess = () => {
              const cursor = request.result;
              if (!cursor) return resolve();
              if (!skipped && keep > 0) {
                skipped = true;
                return cursor.advance(keep);
              }
              // The newest record that goes: it and everything older.
              store.delete(IDBKeyRange.upperBound(cursor.key));
              resolve();
            };
            request.onerror = () => reject(request.error);
          });
        });
        return;
      } catch (error) {
        this.#fail(error);
      }
    }
    const keys = [...this.#memory.keys()].sort();
    for (const k of keys.slice(0, Math.max(0, keys.length - keep))) this.#memory.delete(k);
  }

  /** How many records there are. */
  async count(): Promise<number> {
    if (this.#idb) {
      try {
        return await this.#idb('readonly', (store) => promisifyRequest(store.count()));
      } catch (error) {
        this.#fail(error);
      }
    }
    return this.#memory.size;
  }

  async clear(): Promise<void> {
    this.#memory.clear();
    if (!this.#idb) return;
    try {
      await clear(this.#idb);
    } catch (error) {
      this.#fail(error);
    }
  }

  #fail(error: unknown): void {
    const problem = problemOf(error);
    if (problem === 'unavailable') this.#idb = undefined;
    if (this.#problem === problem) return;
    this.#problem = problem;
    console.warn(`[phone] storage ${problem}: keeping data in memory for now`);
    this.#onProblem?.(problem);
  }
}

/** Everything the phone keeps for an account, by kind (each its own database). */
const ACCOUNT_KINDS = ['history', 'chat', 'contacts', 'contact-favorites', 'settings', 'recordings'] as const;

/** Deletes every record the phone stored for `account` ("Sign out" wipes the account's data). */
export async function wipeAccount(account: string): Promise<void> {
  await Promise.all(ACCOUNT_KINDS.map((kind) => new AccountStore<unknown>(account, kind).clear()));
}
