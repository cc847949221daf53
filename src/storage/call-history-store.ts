/**
 * The call history of one account in IndexedDB: one record per call, keyed
 * so that key order is time order (`<startedAt, zero-padded>|<id>`). A record
 * is written when the call starts and completed when it ends, so a tab closed
 * mid-call still leaves its call behind.
 */
import { AccountStore, type StorageProblem } from './account-store.js';
import type { CallHistoryRecord } from '../core/types.js';

const keyOf = (r: Pick<CallHistoryRecord, 'startedAt' | 'id'>) => `${String(r.startedAt).padStart(15, '0')}|${r.id}`;

export class CallHistoryStore {
  #store: AccountStore<CallHistoryRecord>;

  constructor(account: string, onProblem?: (problem: StorageProblem) => void) {
    this.#store = new AccountStore<CallHistoryRecord>(account, 'history', onProblem);
  }

  /** Writes (or rewrites) one call's record. */
  put(record: CallHistoryRecord): Promise<void> {
    return this.#store.set(keyOf(record), record);
  }

  /** The newest calls first; pass the last record of a page to get the next one. */
  async latest(limit: number, after?: CallHistoryRecord): Promise<CallHistoryRecord[]> {
    const page = await this.#store.page(limit, after ? { from: keyOf(after) } : {});
    return page.map(([, r]) => r);
  }

  /**
   * Newest first, the calls that `match`, from the key `from` on (a `next`
   * of an earlier answer); looks at `maxScan` records at most.
   */
  async scan(
    limit: number,
    { from, match, maxScan }: { from?: string; match?: (record: CallHistoryRecord) => boolean; maxScan?: number } = {},
  ): Promise<{ records: CallHistoryRecord[]; next?: string }> {
    const { entries, next } = await this.#store.scan(limit, {
      ...(from === undefined ? {} : { from }),
      ...(match ? { match } : {}),
      ...(maxScan ? { maxScan } : {}),
    });
    const records = entries.map(([, r]) => r);
    return next === undefined ? { records } : { records, next };
  }

  /** Deletes one call's record. */
  delete(record: Pick<CallHistoryRecord, 'startedAt' | 'id'>): Promise<void> {
    return this.#store.delete(keyOf(record));
  }

  count(): Promise<number> {
    return this.#store.count();
  }

  /** Keeps the newest `keep` calls and deletes the rest. */
  prune(keep: number): Promise<void> {
    return this.#store.keepLast(keep);
  }

  clear(): Promise<void> {
    return this.#store.clear();
  }
}
