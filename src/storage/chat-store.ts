/**
 * Chat history of one account in IndexedDB: one record per message, one per
 * conversation, and small index records, so that two tabs writing at once
 * lose nothing and opening a conversation reads one page, not the history.
 *
 * Keys (every id is free of `|`):
 * - `c|<conversation>`                      the conversation (name, members, unread…)
 * - `m|<conversation>|<time, 13 digits>|<id>` one message; keys sort by time
 * - `o|<message id>`                        → the key of one of our messages (for receipts)
 * - `i|<conversation>|<message id>`         → the key of a received message (duplicates are dropped)
 *
 * Writes go through `AccountStore` (memory fallback, one problem report);
 * pages are read with an IndexedDB key range on the same database.
 */
import { createStore, type UseStore } from 'idb-keyval';
import { AccountStore, type StorageProblem } from './account-store.js';
import type { ChatMessage, Conversation } from '../core/chat/chat-types.js';

type ChatRecord = ChatMessage | Conversation | string;

const pad = (at: number) => String(Math.max(0, Math.floor(at))).padStart(13, '0');
const HIGH = '\uffff';

/** The storage key of a message: sorts by time, then id. */
export function messageKey(conversationId: string, at: number, id: string): string {
  return `m|${conversationId}|${pad(at)}|${id}`;
}

export class ChatStore {
  #store: AccountStore<ChatRecord>;
  #range: UseStore | undefined;

  constructor(account: string, onProblem?: (problem: StorageProblem) => void) {
    this.#store = new AccountStore<ChatRecord>(account, 'chat', onProblem);
    try {
      // Same database as AccountStore's (phone-widget:<kind>:<account>), read by key range.
      if (typeof indexedDB !== 'undefined') this.#range = createStore(`phone-widget:chat:${account.toLowerCase()}`, 'records');
    } catch {
      this.#range = undefined;
    }
  }

  get problem(): StorageProblem | undefined {
    return this.#store.problem;
  }

  async conversations(): Promise<Conversation[]> {
    const rows = await this.#between('c|', `c|${HIGH}`, Infinity, false);
    return rows.map(([, v]) => v as Conversation).filter((c) => c && typeof c === 'object' && 'members' in c);
  }

  saveConversation(conversation: Conversation): Promise<void> {
    return this.#store.set(`c|${conversation.id}`, conversation);
  }

  /** Saves a message with its index record, in one transaction. */
  saveMessage(message: ChatMessage): Promise<void> {
    const index = message.direction === 'out' ? `o|${message.id}` : `i|${message.conversationId}|${message.id}`;
    return this.#store.setMany([
      [message.key, message],
      [index, message.key],
    ]);
  }

  /** Saves many messages (with their index records) in one transaction: imports, tests. */
  saveMessages(messages: readonly ChatMessage[]): Promise<void> {
    return this.#store.setMany(
      messages.flatMap((m): Array<[string, ChatRecord]> => [
        [m.key, m],
        [m.direction === 'out' ? `o|${m.id}` : `i|${m.conversationId}|${m.id}`, m.key],
      ]),
    );
  }

  /** Rewrites a message already saved (its state changed). */
  updateMessage(message: ChatMessage): Promise<void> {
    return this.#store.set(message.key, message);
  }

  async message(key: string): Promise<ChatMessage | undefined> {
    const v = await this.#store.get(key);
    return v && typeof v === 'object' && 'key' in v ? v : undefined;
  }

  /** The key of one of our messages, by its Message-ID. */
  async outgoingKey(id: string): Promise<string | undefined> {
    const v = await this.#store.get(`o|${id}`);
    return typeof v === 'string' ? v : undefined;
  }

  /** True when this conversation already has a received message with this id. */
  async hasIncoming(conversationId: string, id: string): Promise<boolean> {
    return typeof (await this.#store.get(`i|${conversationId}|${id}`)) === 'string';
  }

  /**
   * Up to `limit` messages of a conversation, oldest first: the newest ones,
   * or the ones just before the message key `before`.
   */
  async page(conversationId: string, limit: number, before?: string): Promise<ChatMessage[]> {
    const low = `m|${conversationId}|`;
    const rows = await this.#between(low, before ?? `${low}${HIGH}`, limit, true);
    return rows.map(([, v]) => v as ChatMessage).reverse();
  }

  /** Deletes a conversation with all its messages and their index records. */
  async deleteConversation(conversationId: string): Promise<void> {
    const low = `m|${conversationId}|`;
    const rows = await this.#between(low, `${low}${HIGH}`, Infinity, false);
    const keys = [`c|${conversationId}`];
    for (const [key, v] of rows) {
      const m = v as ChatMessage;
      keys.push(key, m.direction === 'out' ? `o|${m.id}` : `i|${conversationId}|${m.id}`);
    }
    await this.#store.deleteMany(keys);
  }

  /** Records with `low <= key < high`, newest first when `reverse`, at most `limit`. */
  async #between(low: string, high: string, limit: number, reverse: boolean): Promise<Array<[string, ChatRecord]>> {
    if (this.#range && this.#store.problem !== 'unavailable') {
      try {
        return await this.#range('readonly', (store) => cursorRange(store, IDBKeyRange.bound(low, high, false, true), limit, reverse));
      } catch {
        // Fall through to what the account store holds (memory when IndexedDB failed).
      }
    }
    const all = (await this.#store.entries()).filter(([k]) => k >= low && k < high);
    if (reverse) all.reverse();
    return all.slice(0, limit);
  }
}

function cursorRange(store: IDBObjectStore, range: IDBKeyRange, limit: number, reverse: boolean): Promise<Array<[string, ChatRecord]>> {
  return new Promise((resolve, reject) => {
    const out: Array<[string, ChatRecord]> = [];
    const request = store.openCursor(range, reverse ? 'prev' : 'next');
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor || out.length >= limit) return resolve(out);
      out.push([String(cursor.key), cursor.value as ChatRecord]);
      cursor.continue();
    };
    request.onerror = () => reject(request.error);
  });
}
