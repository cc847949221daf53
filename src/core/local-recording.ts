/**
 * Local recording of calls: "Record" starts a segment (both sides mixed,
 * `CallRecorder`), "Stop recording" ends it and stores it with the call's
 * history entry (`RecordingStore`), numbered 1, 2, 3… A call that ends while
 * recording stores its last segment too. A segment that cannot be stored (a
 * full quota) is said on the call and in a notice, never dropped silently.
 */
import { msg, str } from '@lit/localize';
import type { SipCall } from './sip/agent.js';
import type { CallView } from './types.js';
import { CallRecorder } from './media/call-recorder.js';
import { RecordingStore, RecordingStoreError, type RecordingSegment } from '../storage/recording-store.js';

/** What recording needs from the session. */
export interface RecordingHost {
  call(id: string): SipCall | undefined;
  view(id: string): CallView | undefined;
  patch(id: string, patch: Partial<CallView>): void;
  notify(kind: 'info' | 'error', text: string): void;
  /** A part was stored. */
  saved(segment: RecordingSegment): void;
}

/** Below this much free storage, a recording does not start (about 10 minutes of Opus at 48 kbit/s). */
export const MIN_FREE_BYTES = 4 * 1024 * 1024;

interface Running {
  recorder: CallRecorder;
  segment: number;
}

export class LocalRecording {
  #host: RecordingHost;
  #store: RecordingStore | undefined;
  #running = new Map<string, Running>();
  #segments = new Map<string, number>();
  #saving = new Set<Promise<void>>();
  /** Calls whose recording is starting (checking storage); a stop meanwhile cancels it. */
  #starting = new Map<string, { cancelled: boolean }>();

  constructor(host: RecordingHost) {
    this.#host = host;
  }

  /** The account's recordings (after `open`). */
  get store(): RecordingStore | undefined {
    return this.#store;
  }

  /** Uses the recordings of `account` (its identity). */
  open(account: string): void {
    this.#store = new RecordingStore(account);
  }

  /** Recording, or about to. */
  isRecording(id: string): boolean {
    return this.#running.has(id) || Boolean(this.#starting.get(id) && !this.#starting.get(id)!.cancelled);
  }

  /** Starts a new segment on call `id`. */
  async start(id: string): Promise<boolean> {
    const call = this.#host.call(id);
    if (!call || this.isRecording(id) || !this.#store) return false;
    const starting = { cancelled: false };
    this.#starting.set(id, starting);
    const full = await storageFull();
    if (this.#starting.get(id) === starting) this.#starting.delete(id);
    if (starting.cancelled || !this.#host.call(id)) return false;
    if (full) return this.#fail(id, msg('Recording could not start: the browser’s storage is full.'));
    const audio = call.audio();
    let recorder: CallRecorder;
    try {
      recorder = new CallRecorder([audio.sending, ...(audio.remote?.getAudioTracks() ?? [])]);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return this.#fail(id, msg(str`Recording could not start: ${why}`));
    }
    const segment = (this.#segments.get(id) ?? 0) + 1;
    this.#segments.set(id, segment);
    this.#running.set(id, { recorder, segment });
    this.#host.patch(id, { localRecording: { since: recorder.startedAt, segment }, recordingError: undefined });
    return true;
  }

  /** Ends the running segment of call `id` and stores it; resolves once stored (or failed). */
  stop(id: string): Promise<void> {
    const starting = this.#starting.get(id);
    if (starting) starting.cancelled = true;
    const running = this.#running.get(id);
    if (!running) return Promise.resolve();
    this.#running.delete(id);
    this.#host.patch(id, { localRecording: undefined });
    const saving = this.#save(id, running).finally(() => this.#saving.delete(saving));
    this.#saving.add(saving);
    return saving;
  }

  /** Every segment being stored, settled (for tests and for a clean stop). */
  async settled(): Promise<void> {
    await Promise.all([...this.#saving]);
  }

  /** The call ended: its running segment is stored. */
  ended(id: string): void {
    void this.stop(id);
    this.#segments.delete(id);
  }

  /** Stops every recording (the phone stops); their segments are still stored. */
  dispose(): void {
    for (const id of [...this.#running.keys()]) this.ended(id);
  }

  async #save(id: string, { recorder, segment }: Running): Promise<void> {
    const blob = await recorder.stop();
    const store = this.#store;
    if (!store) return;
    const saved: RecordingSegment = {
      historyId: id,
      segment,
      startedAt: recorder.startedAt,
      duration: Math.round((Date.now() - recorder.startedAt) / 100) / 10,
      mimeType: blob.type,
      size: blob.size,
    };
    try {
      await store.saveSegment(saved, blob);
    } catch (error) {
      const full = error instanceof RecordingStoreError && error.problem === 'full';
      this.#fail(id, full ? msg(str`Recording ${segment} was not saved: the browser’s storage is full.`) : msg(str`Recording ${segment} was not saved: this browser does not let the phone save it.`));
      return;
    }
    this.#host.saved(saved);
  }

  #fail(id: string, text: string): false {
    this.#host.patch(id, { recordingError: text });
    this.#host.notify('error', text);
    return false;
  }
}

/** True when the origin's storage has (almost) no room left. */
async function storageFull(): Promise<boolean> {
  try {
    const { usage = 0, quota } = (await navigator.storage?.estimate?.()) ?? {};
    return quota !== undefined && quota - usage < MIN_FREE_BYTES;
  } catch {
    return false;
  }
}
