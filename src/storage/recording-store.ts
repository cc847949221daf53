/**
 * Local call recordings of one account in IndexedDB: one record per segment
 * (each Record … Stop recording), keyed `<history id>|<segment, zero-padded>`
 * so that a call's segments sit together in order. The audio is kept as a
 * Blob inside the record; listing reads the records but never the audio.
 *
 * Unlike the other stores, a recording that cannot be saved is an error the
 * user must see: `saveSegment` rejects with a `RecordingStoreError` instead of
 * keeping the audio in memory.
 */
import { createStore, del, get, type UseStore } from 'idb-keyval';

/** One recorded segment of a call, without its audio. */
export interface RecordingSegment {
  /** The call's history entry id (`CallHistoryRecord.id`). */
  historyId: string;
  /** 1, 2, 3… in the order the segments were recorded during the call. */
  segment: number;
  /** When recording started (ms since epoch). */
  startedAt: number;
  /** Seconds recorded. */
  duration: number;
  /** The audio's type, e.g. `audio/webm;codecs=opus`. */
  mimeType: string;
  /** Bytes. */
  size: number;
}

interface StoredSegment extends RecordingSegment {
  blob: Blob;
}

/** Why a segment could not be saved: the storage quota is used up, or IndexedDB cannot be used. */
export class RecordingStoreError extends Error {
  constructor(
    readonly problem: 'full' | 'unavailable',
    message: string,
  ) {
    super(message);
    this.name = 'RecordingStoreError';
  }
}

const keyOf = (historyId: string, segment: number) => `${historyId}|${String(segment).padStart(6, '0')}`;
const rangeOf = (historyId: string) => IDBKeyRange.bound(`${historyId}|`, `${historyId}|\uffff`);

const storeError = (error: unknown): RecordingStoreError =>
  error instanceof RecordingStoreError
    ? error
    : error instanceof DOMException && error.name === 'QuotaExceededError'
      ? new RecordingStoreError('full', 'The browser’s storage is full')
      : new RecordingStoreError('unavailable', 'This browser does not let the phone save recordings');

export class RecordingStore {
  #idb: UseStore | undefined;

  /** @param account the account's identity (`sip:1001@pbx.example.com`) */
  constructor(account: string) {
    try {
      if (typeof indexedDB !== 'undefined') this.#idb = createStore(`phone-widget:recordings:${account.toLowerCase()}`, 'records');
    } catch {
      this.#idb = undefined;
    }
  }

  #db(): UseStore {
    if (!this.#idb) throw new RecordingStoreError('unavailable', 'This browser does not let the phone save recordings');
    return this.#idb;
  }

  /** Saves one segment with its audio. Rejects with a `RecordingStoreError` (`full` on QuotaExceededError). */
  async saveSegment(segment: RecordingSegment, blob: Blob): Promise<void> {
    try {
      const record: StoredSegment = { ...segment, size: blob.size, blob };
      await this.#db()('readwrite', (store) => {
        store.put(record, keyOf(segment.historyId, segment.segment));
        return new Promise<void>((resolve, reject) => {
          store.transaction.oncomplete = () => resolve();
          store.transaction.onabort = store.transaction.onerror = () => reject(store.transaction.error ?? new DOMException('Aborted', 'AbortError'));
        });
      });
    } catch (error) {
      throw storeError(error);
    }
  }

  /** The segments of one call, in order (without their audio). */
  async listSegments(historyId: string): Promise<RecordingSegment[]> {
    if (!this.#idb) return [];
    return this.#idb('readonly', (store) => {
      const out: RecordingSegment[] = [];
      const request = store.openCursor(rangeOf(historyId));
      return new Promise<RecordingSegment[]>((resolve, reject) => {
        request.onsuccess = () => {
          const cursor = request.result;
          if (!cursor) return resolve(out);
          const { blob: _blob, ...segment } = cursor.value as StoredSegment;
          out.push(segment);
          cursor.continue();
        };
        request.onerror = () => reject(request.error);
      });
    });
  }

  /** The audio of one segment (play it with `URL.createObjectURL`, or download it). */
  async getSegmentBlob(historyId: string, segment: number): Promise<Blob | undefined> {
    if (!this.#idb) return undefined;
    return (await get<StoredSegment>(keyOf(historyId, segment), this.#idb))?.blob;
  }

  /** Deletes one segment. */
  async deleteSegment(historyId: string, segment: number): Promise<void> {
    if (this.#idb) await del(keyOf(historyId, segment), this.#idb);
  }

  /** Deletes every segment of one call (when its history entry goes). */
  async deleteForCall(historyId: string): Promise<void> {
    if (!this.#idb) return;
    await this.#idb('readwrite', (store) => {
      store.delete(rangeOf(historyId));
      return new Promise<void>((resolve, reject) => {
        store.transaction.oncomplete = () => resolve();
        store.transaction.onerror = () => reject(store.transaction.error);
      });
    });
  }

  /** Deletes every recording of the account. */
  async clear(): Promise<void> {
    if (!this.#idb) return;
    await this.#idb('readwrite', (store) => {
      store.clear();
      return new Promise<void>((resolve, reject) => {
        store.transaction.oncomplete = () => resolve();
        store.transaction.onerror = () => reject(store.transaction.error);
      });
    });
  }
}
