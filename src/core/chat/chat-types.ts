/** The chat state elements read, and the records kept per account. */

/**
 * Where an outgoing message is, per recipient and overall:
 * - `sending`: MESSAGE out, no final answer yet
 * - `stored`: the server keeps it until the recipient registers (202)
 * - `sent`: the recipient's phone accepted it (2xx)
 * - `delivered`, `read`: the recipient's IMDN said so
 * - `failed`: refused or not sent; `failure` says why
 */
export type DeliveryState = 'sending' | 'stored' | 'sent' | 'delivered' | 'read' | 'failed';

/** A file sent or received over MESSAGE. */
export interface ChatFile {
  name: string;
  /** Its MIME type (cleaned). */
  type: string;
  /** Bytes. */
  size: number;
  /** The content, base64. */
  data: string;
}

export interface ChatParty {
  /** The number or extension (user@host for other domains). */
  number: string;
  name?: string;
}

export interface ChatMessage {
  /** Storage key; sorts by time within a conversation. */
  key: string;
  /** The Message-ID (ours, or the sender's). */
  id: string;
  conversationId: string;
  direction: 'in' | 'out';
  from: ChatParty;
  /** When it was sent (ours) or received (ms since epoch). */
  at: number;
  /** The sender's clock, when it differs from `at` (messages kept by the server while we were offline). */
  sentAt?: number;
  /** The text; for files, empty. */
  text: string;
  file?: ChatFile;
  /** Outgoing: the overall state (the least advanced recipient). */
  state?: DeliveryState;
  /** Outgoing: the state per recipient number. */
  recipients?: Record<string, DeliveryState>;
  /** Outgoing: why it failed, for someone or everyone ("Not found (404)"). */
  failure?: string;
}

/** A receipt still owed to a sender: we show their message, they asked to know when it is seen. */
export interface PendingDisplay {
  id: string;
  to: string;
}

export interface Conversation {
  id: string;
  kind: 'direct' | 'group';
  /** The group's name; for direct conversations, unset. */
  name?: string;
  /** When the name was set (the latest rename wins). */
  nameAt?: number;
  /** The other participants' numbers (never our own). */
  members: string[];
  /** Display names we learned, by number. */
  names: Record<string, string>;
  /** Members who left (a stale member list does not bring them back). */
  departed?: string[];
  createdAt: number;
  /** Time of the newest message. */
  lastAt: number;
  /** The newest message, for the list. */
  last?: { key?: string; text: string; direction: 'in' | 'out'; from: string; state?: DeliveryState };
  unread: number;
  /** No browser notification for its messages. */
  muted: boolean;
  /** Kept at the top of the list. */
  pinned: boolean;
  /** We left this group: nothing more is sent or received. */
  left: boolean;
  pendingDisplay?: PendingDisplay[];
}

export interface ChatState {
  /** The phone is registered: messages can be sent. */
  online: boolean;
  /** The account's history has been read. */
  loaded: boolean;
  /** Pinned first, then the most recent. */
  conversations: readonly Conversation[];
  /** Numbers typing, by conversation id. */
  typing: Readonly<Record<string, readonly string[]>>;
  /** Unread messages over all conversations. */
  unread: number;
  /** History is not being saved: IndexedDB is missing or full. */
  storage?: 'unavailable' | 'full';
}

/** An incoming message, for the host page (`phone-message`). */
export interface ChatMessageEvent {
  conversationId: string;
  from: ChatParty;
  /** The text; for a file, its name. */
  text: string;
  file?: { name: string; type: string; size: number };
  group?: { name?: string };
}

export type ChatResult = { ok: true; id: string } | { ok: false; message: string };
