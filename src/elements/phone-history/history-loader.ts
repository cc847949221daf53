import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { historyMatcher, RECENT_COUNT, type HistoryFilter, type HistoryReader } from '../../core/history-query.js';
import type { CallHistoryRecord } from '../../core/types.js';

/** Records read per page. */
const PAGE = 60;
/** Records looked at per read at most, so that a rare filter never makes a long task. */
const MAX_SCAN = 3000;

/**
 * Reads the call history page by page as the list scrolls: opening the view
 * reads one page, however many calls are stored, and the loaded rows grow
 * only as far as the user scrolls.
 */
export class HistoryLoader implements ReactiveController {
  #host: ReactiveControllerHost;
  #store: HistoryReader | undefined;
  #filter: HistoryFilter = 'all';
  #match: ((r: CallHistoryRecord) => boolean) | undefined;
  #next: string | undefined;
  #generation = 0;
  #reading = false;
  /** The records read so far, newest first. */
  rows: readonly CallHistoryRecord[] = [];
  /** Every matching record has been read. */
  done = false;
  /** The first page has not arrived yet. */
  pending = true;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Starts over, from the newest call (another account, filter, or a call that just ended). */
  reset(store: HistoryReader | undefined, filter: HistoryFilter): void {
    this.#generation++;
    this.#store = store;
    this.#filter = filter;
    this.#match = historyMatcher(filter);
    this.#next = undefined;
    this.#reading = false;
    this.rows = [];
    this.done = !store;
    this.pending = Boolean(store);
    void this.more();
  }

  /** Reads the next page, unless one is on its way or there is no more. */
  async more(): Promise<void> {
    const store = this.#store;
    if (!store || this.#reading || this.done) return;
    const generation = this.#generation;
    this.#reading = true;
    const limit = this.#filter === 'recent' ? RECENT_COUNT - this.rows.length : PAGE;
    const page = await store.scan(limit, {
      ...(this.#next === undefined ? {} : { from: this.#next }),
      ...(this.#match ? { match: this.#match } : {}),
      maxScan: MAX_SCAN,
    });
    if (generation !== this.#generation) return;
    this.#reading = false;
    this.pending = false;
    this.rows = [...this.rows, ...page.records];
    this.#next = page.next;
    this.done = page.next === undefined || (this.#filter === 'recent' && this.rows.length >= RECENT_COUNT);
    this.#host.requestUpdate();
  }

  /** Takes one record out of the rows (it was deleted). */
  drop(id: string): void {
    this.rows = this.rows.filter((r) => r.id !== id);
    this.#host.requestUpdate();
  }
}
