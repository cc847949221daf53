/**
 * The messages of one open conversation: the newest page first, earlier
 * pages on demand, and live updates from the service while it is open.
 * Get one with `chat.thread(id)`; `close()` it when the view goes.
 */
import { Emitter } from '../emitter.js';
import type { ChatMessage } from './chat-types.js';

export const PAGE_SIZE = 40;

export interface ThreadSource {
  page(conversationId: string, limit: number, before?: string): Promise<ChatMessage[]>;
  release(thread: ChatThread): void;
}

export class ChatThread extends Emitter<{ change: ChatThread }> {
  readonly conversationId: string;
  #source: ThreadSource;
  #messages: ChatMessage[] = [];
  #complete = false;
  #loading = false;
  #closed = false;
  /** Settles once the newest page is in. */
  readonly ready: Promise<void>;

  constructor(conversationId: string, source: ThreadSource) {
    super();
    this.conversationId = conversationId;
    this.#source = source;
    this.ready = this.#load();
  }

  /** The loaded messages, oldest first; a new array after every change. */
  get messages(): readonly ChatMessage[] {
    return this.#messages;
  }

  /** Every earlier message is loaded. */
  get complete(): boolean {
    return this.#complete;
  }

  /** A page is being read. */
  get loading(): boolean {
    return this.#loading;
  }

  /** Reads the page before the oldest loaded message. */
  loadEarlier(): Promise<void> {
    if (this.#complete || this.#loading || this.#closed) return Promise.resolve();
    return this.#load(this.#messages[0]?.key);
  }

  /** Stops following the conversation. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#source.release(this);
    this.removeAllListeners();
  }

  /** A message arrived or changed (the service's side). */
  put(message: ChatMessage): void {
    if (this.#closed) return;
    const list = this.#messages;
    const at = list.findIndex((m) => m.key === message.key);
    if (at >= 0) {
      this.#messages = [...list.slice(0, at), message, ...list.slice(at + 1)];
    } else {
      if (message.direction === 'in' && list.some((m) => m.direction === 'in' && m.id === message.id)) return;
      // Keys sort by time: binary search the place (usually the end).
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]!.key < message.key) lo = mid + 1;
        else hi = mid;
      }
      // Older than everything loaded while earlier pages are unread: it will come with them.
      if (lo === 0 && list.length && !this.#complete) return;
      this.#messages = [...list.slice(0, lo), message, ...list.slice(lo)];
    }
    this.emit('change', this);
  }

  async #load(before?: string): Promise<void> {
    this.#loading = true;
    this.emit('change', this);
    try {
      const page = await this.#source.page(this.conversationId, PAGE_SIZE, before);
      if (this.#closed) return;
      const known = new Set(this.#messages.map((m) => m.key));
      const seen = new Set(this.#messages.map(incomingId));
      // Two tabs of one account both store what they receive: show one copy.
      const fresh = page.filter((m) => !known.has(m.key) && !seen.has(incomingId(m)) && Boolean(seen.add(incomingId(m))));
      this.#messages = before ? [...fresh, ...this.#messages] : mergeSorted(this.#messages, fresh);
      if (page.length < PAGE_SIZE) this.#complete = true;
    } catch {
      this.#complete = true;
    } finally {
      this.#loading = false;
      if (!this.#closed) this.emit('change', this);
    }
  }
}

/** Received messages are the same message when their Message-ID is; ours never repeat. */
const incomingId = (m: ChatMessage) => (m.direction === 'in' ? `in|${m.id}` : `key|${m.key}`);

function mergeSorted(a: readonly ChatMessage[], b: readonly ChatMessage[]): ChatMessage[] {
  return [...a, ...b].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}
