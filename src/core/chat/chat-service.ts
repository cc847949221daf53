/**
 * Conversations over SIP MESSAGE (RFC 3428) with receipts, typing and
 * history. Works through the SIP agent while the phone is registered; the
 * history (IndexedDB, per account) is readable whenever an account is set.
 *
 * ## On the wire (plain SIP, no CPIM, no XMPP)
 *
 * A chat message is a MESSAGE to `sip:<number>@<domain>`:
 *
 * ```
 * Content-Type: text/plain;charset=UTF-8            (or the file's MIME type)
 * Message-ID: <random id>                           (RFC 5438's imdn.Message-ID, as a SIP header)
 * DateTime: 2026-01-31T14:05:00.000Z                (when it was sent)
 * Disposition-Notification: positive-delivery, display
 * X-Conversation: <group token>                     (groups only: threads the group on every side)
 * X-Conversation-Name: <percent-encoded name>;t=<ms when set>   (the latest rename wins)
 * X-Conversation-Members: 1001,1002,1003            (every member, the sender included; a sender
 *                                                    missing from the list has left the group)
 * Content-Transfer-Encoding: base64                 (files only: the body is base64)
 * Content-Disposition: attachment; filename*=UTF-8''photo.png
 * ```
 *
 * A group message is sent once to each member, with the same Message-ID.
 * Kamailio's msilo keeps these headers with a message stored for an offline
 * user (it stores every non-standard header), so an offline message still
 * lands in its group and is still acknowledged when it is delivered.
 *
 * Receipts (RFC 5438): when a message asks for them, the recipient answers
 * with a MESSAGE of type message/imdn+xml to the sender: `<delivered/>` as
 * soon as it is stored, `<displayed/>` once the user has seen it. Receipts
 * never ask for receipts. `imdn.`-prefixed headers and message/cpim wrappers
 * (linphone) are understood on the way in.
 *
 * Typing (RFC 3994): application/im-iscomposing+xml MESSAGEs (refresh 90 s,
 * idle 15 s), with `X-Conversation` in groups. They are not sent to someone
 * whose last MESSAGE was stored for later (the server would store them too).
 *
 * Only text/* bodies are shown as text; a base64 body of another type is a
 * file; anything else (other phones' formats) is ignored.
 */
import { msg, str } from '@lit/localize';
import { Emitter } from '../emitter.js';
import type { PhoneSession, SessionFeature, SipLink } from '../phone-session.js';
import type { IncomingMessage, MessageResult } from '../sip/agent.js';
import type { PhoneState, RemoteParty } from '../types.js';
import { parseDialTarget } from '../dial-target.js';
import { ChatStore, messageKey } from '../../storage/chat-store.js';
import { base64FromBytes, cleanFileName, cleanMimeType, formatSize, refuseSize } from './attachment.js';
import { advance, conversationTitle, failureText, overallState, partyLabel, previewText } from './chat-format.js';
import { newMessageId, readIncomingMeta } from './chat-headers.js';
import { ChatThread } from './chat-thread.js';
import type { ChatFile, ChatMessage, ChatMessageEvent, ChatParty, ChatResult, ChatState, Conversation, DeliveryState } from './chat-types.js';
import { baseType, incomingContent, outgoingWire } from './chat-wire.js';
import { cleanLabel, directId, groupIdFromHeader, groupToken, isSelf, newGroupToken } from './conversation-id.js';
import { newConversation, threadIncoming } from './group-thread.js';
import { parseCpim } from './cpim.js';
import { buildImdn, IMDN_TYPE, parseImdn, type ImdnKind } from './imdn.js';
import { buildIsComposing, ComposingReceiver, ComposingSender, ISCOMPOSING_TYPE, parseIsComposing, realTimers, type ComposingState, type Timers } from './is-composing.js';
import { notifyMessage } from './chat-notify.js';

export type { ChatState } from './chat-types.js';

export interface ChatEvents {
  change: ChatState;
  /** A message arrived (for the host page's `phone-message`). */
  message: ChatMessageEvent;
  /** The user clicked a notification: the view should show this conversation. */
  focus: { conversationId: string };
}

/**
 * The most text one MESSAGE carries, in UTF-8 bytes. A SIP server reads a
 * WebSocket message into a fixed buffer (Kamailio: 16 KB by default) and
 * drops the connection, calls included, when a message is bigger: text,
 * headers and all must stay under it.
 */
export const MAX_TEXT_BYTES = 12 * 1024;
const MAX_PENDING_DISPLAY = 200;
/** A message that took longer than this is placed at the time its sender sent it. */
const LATE_MS = 60_000;
/** A typing indication older than this was kept by a server: ignored. */
const STALE_TYPING_MS = 60_000;

interface Account {
  identity: string;
  user: string;
  domain: string;
  displayName?: string;
}

function accountOf(state: PhoneState): Account | undefined {
  const a = state.account;
  const m = a && /^sips?:([^@]+)@([^;>?]+)/i.exec(a.identity);
  if (!a || !m) return undefined;
  return { identity: a.identity, user: m[1]!, domain: m[2]!.toLowerCase(), ...(a.displayName ? { displayName: a.displayName } : {}) };
}

export class ChatService extends Emitter<ChatEvents> implements SessionFeature {
  #state: ChatState = { online: false, loaded: false, conversations: [], typing: {}, unread: 0 };
  readonly #session: PhoneSession;
  #link: SipLink | undefined;
  #offAgent: (() => void) | undefined;
  #account: Account | undefined;
  #store: ChatStore | undefined;
  #conversations = new Map<string, Conversation>();
  #threads = new Set<ChatThread>();
  #typing: ComposingReceiver;
  #composers = new Map<string, ComposingSender>();
  #timers: Timers;
  /** Store work runs one piece at a time, in arrival order. */
  #serial: Promise<unknown> = Promise.resolve();
  /** Numbers whose last MESSAGE was stored for later or refused as unavailable. */
  #away = new Set<string>();
  /** The sender's time of the last message from each sender, per conversation. */
  #lastSentAt = new Map<string, number>();

  constructor(session: PhoneSession, timers: Timers = realTimers) {
    super();
    this.#session = session;
    this.#timers = timers;
    this.#typing = new ComposingReceiver(() => this.#set({ typing: this.#typing.snapshot() }), timers);
    session.on('change', (state) => this.#follow(accountOf(state)));
    this.#follow(accountOf(session.state));
  }

  /** The current state; a new object after every change. */
  get state(): ChatState {
    return this.#state;
  }

  /** The session this service belongs to (for the account and calls). */
  protected get session(): PhoneSession {
    return this.#session;
  }

  /** A conversation by id. */
  conversation(id: string): Conversation | undefined {
    return this.#conversations.get(id);
  }

  /** Follows one conversation's messages (newest page first); `close()` it when done. */
  thread(conversationId: string): ChatThread {
    const thread = new ChatThread(conversationId, {
      page: (id, limit, before) => this.#run(async () => (await this.#store?.page(id, limit, before)) ?? []),
      release: (t) => this.#threads.delete(t),
    });
    this.#threads.add(thread);
    return thread;
  }

  up(link: SipLink): void {
    this.#link = link;
    this.#offAgent?.();
    this.#offAgent = link.agent.on('message', (m) => void this.#run(() => this.#incoming(m)));
    this.#set({ online: true });
    void this.#run(() => this.#flushDisplayReceipts());
  }

  down(): void {
    this.#offAgent?.();
    this.#offAgent = undefined;
    this.#link = undefined;
    for (const c of this.#composers.values()) c.stop();
    this.#typing.clear();
    this.#set({ online: false });
  }

  // ---------------------------------------------------------------------------
  // Commands

  /**
   * Starts (or finds) a conversation: one number gives a direct conversation,
   * several (comma-separated) a group, named `name` if given.
   */
  async startConversation(to: string, name?: string): Promise<ChatResult> {
    const account = this.#account;
    if (!account || !this.#store) return { ok: false, message: msg('Chat is not set up yet.') };
    const numbers = this.#numbers(to);
    if (!numbers.ok) return numbers;
    const list = numbers.list;
    if (list.length === 1 && !name?.trim()) {
      const id = directId(list[0]!);
      if (!this.#conversations.has(id)) await this.#run(() => this.#save(newConversation(id, 'direct', list)));
      return { ok: true, id };
    }
    const id = `g:${newGroupToken()}`;
    const group = newConversation(id, 'group', list);
    const clean = cleanLabel(name ?? '');
    if (clean) Object.assign(group, { name: clean, nameAt: Date.now() });
    await this.#run(() => this.#save(group));
    return { ok: true, id };
  }

  /** Sends text to a conversation. Resolves once it is in the history (delivery goes on). */
  send(conversationId: string, text: string): Promise<ChatResult> {
    const body = text.replace(/\s+$/, '');
    if (!body.trim()) return Promise.resolve({ ok: false, message: msg('Nothing to send.') });
    const bytes = new TextEncoder().encode(body).length;
    if (bytes > MAX_TEXT_BYTES) {
      const size = formatSize(bytes);
      const limit = formatSize(MAX_TEXT_BYTES);
      return Promise.resolve({ ok: false, message: msg(str`This message is too long to send (${size}; the limit is ${limit}).`) });
    }
    return this.#post(conversationId, { text: body });
  }

  /** Sends a file (its MIME type kept) if it is no bigger than `maxKb`; otherwise says why not. */
  async sendFile(conversationId: string, file: Blob & { name?: string }, maxKb: number): Promise<ChatResult> {
    const type = cleanMimeType(file.type);
    const name = cleanFileName(file.name, type);
    const refused = refuseSize(name, file.size, maxKb);
    if (refused) return { ok: false, message: refused };
    const data = base64FromBytes(new Uint8Array(await file.arrayBuffer()));
    return this.#post(conversationId, { text: '', file: { name, type, size: file.size, data } });
  }

  /** Sends a failed message again, to the recipients it failed for. */
  retry(key: string): Promise<void> {
    return this.#run(async () => {
      const message = await this.#store?.message(key);
      const conversation = message && this.#conversations.get(message.conversationId);
      if (!message || message.direction !== 'out' || !conversation) return;
      const failed = Object.entries(message.recipients ?? {})
        .filter(([, s]) => s === 'failed')
        .map(([n]) => n);
      if (!failed.length) return;
      const recipients = { ...message.recipients };
      for (const n of failed) recipients[n] = this.#link ? 'sending' : 'failed';
      const updated = await this.#updateOutgoing(message, recipients, this.#link ? undefined : msg('Not connected'));
      if (this.#link) this.#deliver(updated, conversation, failed);
    });
  }

  /** The user has seen the conversation: unread goes to 0 and owed display receipts go out. */
  markRead(conversationId: string): void {
    const c = this.#conversations.get(conversationId);
    if (!c || (!c.unread && !(this.#link && c.pendingDisplay?.length))) return;
    void this.#run(async () => {
      const latest = this.#conversations.get(conversationId);
      if (!latest) return;
      const owed = this.#link ? (latest.pendingDisplay ?? []) : [];
      await this.#save({ ...latest, unread: 0, pendingDisplay: this.#link ? [] : (latest.pendingDisplay ?? []) });
      for (const r of owed) this.#sendReceipt(r.to, r.id, 'display');
    });
  }

  /** The user typed in (or emptied) the composer of a conversation. */
  typing(conversationId: string, hasText: boolean): void {
    const c = this.#conversations.get(conversationId);
    if (!c || c.left || !this.#link) return;
    let sender = this.#composers.get(conversationId);
    if (!sender) {
      sender = new ComposingSender((state, refresh) => this.#sendComposing(conversationId, state, refresh), this.#timers);
      this.#composers.set(conversationId, sender);
    }
    if (hasText) sender.keystroke();
    else sender.cleared();
  }

  /** Renames a group, and tells its members. */
  async rename(conversationId: string, name: string): Promise<ChatResult> {
    const c = this.#conversations.get(conversationId);
    const clean = cleanLabel(name);
    if (!c || c.kind !== 'group' || c.left) return { ok: false, message: msg('Only groups you are in can be renamed.') };
    if (!clean) return { ok: false, message: msg('Enter a name.') };
    await this.#run(() => this.#save({ ...c, name: clean, nameAt: Date.now() }));
    if (this.#link) await this.#post(conversationId, { text: `Renamed the conversation to “${clean}”` });
    return { ok: true, id: conversationId };
  }

  /**
   * Adds someone. To a group: they join it (everyone is told). To a direct
   * conversation: a new group with both is started; its id is returned.
   */
  async addParticipant(conversationId: string, to: string): Promise<ChatResult> {
    const c = this.#conversations.get(conversationId);
    if (!c || c.left) return { ok: false, message: msg('This conversation is closed.') };
    const numbers = this.#numbers(to);
    if (!numbers.ok) return numbers;
    const added = numbers.list.filter((n) => !c.members.includes(n));
    if (!added.length) return { ok: false, message: msg('Already in the conversation.') };
    const labels = added.map((n) => partyLabel(c, n)).join(', ');
    if (c.kind === 'direct') {
      const group = newConversation(`g:${newGroupToken()}`, 'group', [...c.members, ...added]);
      group.names = { ...c.names };
      await this.#run(() => this.#save(group));
      return { ok: true, id: group.id };
    }
    const departed = (c.departed ?? []).filter((n) => !added.includes(n));
    await this.#run(() => this.#save({ ...c, members: [...c.members, ...added], departed }));
    if (this.#link) await this.#post(conversationId, { text: `Added ${labels} to the conversation` });
    return { ok: true, id: conversationId };
  }

  /** Leaves a group: the others are told; nothing more is sent or received in it. */
  async leave(conversationId: string): Promise<void> {
    const c = this.#conversations.get(conversationId);
    if (!c || c.kind !== 'group' || c.left) return;
    if (this.#link) await this.#post(conversationId, { text: 'Left the conversation' }, { leaving: true });
    this.#composers.get(conversationId)?.stop();
    const latest = this.#conversations.get(conversationId) ?? c;
    await this.#run(() => this.#save({ ...latest, left: true }));
  }

  /** Deletes a conversation and its history from this browser only. */
  remove(conversationId: string): Promise<void> {
    this.#composers.get(conversationId)?.stop();
    this.#composers.delete(conversationId);
    return this.#run(async () => {
      await this.#store?.deleteConversation(conversationId);
      this.#conversations.delete(conversationId);
      this.#publish();
    });
  }

  /** Turns browser notifications for a conversation off (`muted`) or on. */
  setMuted(conversationId: string, muted: boolean): Promise<void> {
    return this.#patch(conversationId, { muted });
  }

  /** Keeps a conversation at the top of the list. */
  setPinned(conversationId: string, pinned: boolean): Promise<void> {
    return this.#patch(conversationId, { pinned });
  }

  // ---------------------------------------------------------------------------
  // Account and storage

  #follow(account: Account | undefined): void {
    if (account?.identity === this.#account?.identity) {
      if (account && this.#account) this.#account = account;
      return;
    }
    this.#account = account;
    for (const t of [...this.#threads]) t.close();
    for (const c of this.#composers.values()) c.stop();
    this.#composers.clear();
    this.#conversations.clear();
    this.#away.clear();
    this.#store = account ? new ChatStore(account.identity, (problem) => this.#set({ storage: problem })) : undefined;
    this.#set({ loaded: false, conversations: [], unread: 0, typing: {}, storage: undefined });
    const store = this.#store;
    if (!store) return;
    void this.#run(async () => {
      const list = await store.conversations();
      if (store !== this.#store) return;
      for (const c of list) this.#conversations.set(c.id, c);
      this.#publish({ loaded: true, ...(store.problem ? { storage: store.problem } : {}) });
    });
  }

  #run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#serial.then(work, work);
    this.#serial = next.catch((error) => console.warn('[phone] chat', error));
    return next;
  }

  /** Saves a conversation and publishes the list. */
  async #save(c: Conversation): Promise<void> {
    this.#conversations.set(c.id, c);
    this.#publish();
    await this.#store?.saveConversation(c);
  }

  #patch(id: string, patch: Partial<Conversation>): Promise<void> {
    return this.#run(async () => {
      const c = this.#conversations.get(id);
      if (c) await this.#save({ ...c, ...patch });
    });
  }

  #publish(extra: Partial<ChatState> = {}): void {
    const conversations = [...this.#conversations.values()].sort(
      (a, b) => Number(b.pinned) - Number(a.pinned) || b.lastAt - a.lastAt,
    );
    this.#set({ conversations, unread: conversations.reduce((n, c) => n + c.unread, 0), ...extra });
  }

  #set(patch: Partial<ChatState>): void {
    const next = { ...this.#state, ...patch };
    if (next.storage === undefined) delete next.storage;
    this.#state = next;
    this.emit('change', next);
  }

  // ---------------------------------------------------------------------------
  // Sending

  #numbers(input: string): { ok: true; list: string[] } | { ok: false; message: string } {
    const account = this.#account;
    if (!account) return { ok: false, message: msg('Chat is not set up yet.') };
    const list: string[] = [];
    for (const part of input.split(/[,;]+/)) {
      if (!part.trim()) continue;
      const target = parseDialTarget(part, account.domain);
      if (!target) return { ok: false, message: msg(str`“${cleanLabel(part, 40)}” is not a number or address.`) };
      const n = target.display.toLowerCase();
      if (!isSelf(n, account.user, account.domain) && !list.includes(n)) list.push(n);
    }
    if (!list.length) return { ok: false, message: input.trim() ? msg('That is your own number.') : msg('Enter a number.') };
    return { ok: true, list };
  }

  #uri(number: string): string | undefined {
    return this.#account ? parseDialTarget(number, this.#account.domain)?.uri : undefined;
  }

  #post(conversationId: string, content: { text: string; file?: ChatFile }, options: { leaving?: boolean } = {}): Promise<ChatResult> {
    return this.#run(async (): Promise<ChatResult> => {
      const c = this.#conversations.get(conversationId);
      const account = this.#account;
      if (!c || !account) return { ok: false, message: msg('This conversation no longer exists.') };
      if (c.left) return { ok: false, message: msg('You left this conversation.') };
      if (!c.members.length) return { ok: false, message: msg('Nobody else is in this conversation.') };
      const at = Math.max(Date.now(), c.lastAt + 1);
      const id = newMessageId(at);
      const online = Boolean(this.#link);
      const recipients: Record<string, DeliveryState> = Object.fromEntries(c.members.map((n) => [n, online ? 'sending' : 'failed']));
      const message: ChatMessage = {
        key: messageKey(conversationId, at, id),
        id,
        conversationId,
        direction: 'out',
        from: { number: account.user, ...(account.displayName ? { name: account.displayName } : {}) },
        at,
        text: content.text,
        ...(content.file ? { file: content.file } : {}),
        recipients,
        state: overallState(recipients),
        ...(online ? {} : { failure: msg('Not connected') }),
      };
      await this.#store?.saveMessage(message);
      await this.#save({ ...c, lastAt: at, last: { key: message.key, text: previewText(message), direction: 'out', from: account.user, state: message.state! } });
      for (const t of this.#threads) if (t.conversationId === conversationId) t.put(message);
      this.#composers.get(conversationId)?.sent();
      if (online) this.#deliver(message, this.#conversations.get(conversationId)!, c.members, options.leaving);
      return { ok: true, id: message.key };
    });
  }

  #deliver(message: ChatMessage, c: Conversation, numbers: readonly string[], leaving = false): void {
    const agent = this.#link?.agent;
    if (!agent || !this.#account) return;
    const wire = outgoingWire(message, c, this.#account.user, leaving);
    for (const number of numbers) {
      const uri = this.#uri(number);
      const result: Promise<MessageResult> = uri
        ? agent.sendMessage(uri, wire.body, wire.contentType, wire.headers)
        : Promise.resolve({ ok: false, reason: msg('Not a valid address') });
      void result.then((r) => this.#run(() => this.#result(message.key, number, r)));
    }
  }

  async #result(key: string, number: string, r: MessageResult): Promise<void> {
    if (r.code === 202 || r.code === 480) this.#away.add(number);
    else if (r.ok) this.#away.delete(number);
    const message = await this.#store?.message(key);
    if (!message?.recipients || !(number in message.recipients)) return;
    const state: DeliveryState = r.ok ? (r.code === 202 ? 'stored' : 'sent') : 'failed';
    const recipients = { ...message.recipients, [number]: advance(message.recipients[number], state) };
    let failure = message.failure;
    if (!r.ok && recipients[number] === 'failed') {
      const why = failureText(r.code, r.reason);
      const c = this.#conversations.get(message.conversationId);
      const who = c ? partyLabel(c, number) : number;
      failure = c?.kind === 'group' ? msg(str`Not delivered to ${who}: ${why}`) : why;
    }
    await this.#updateOutgoing(message, recipients, failure);
  }

  async #updateOutgoing(message: ChatMessage, recipients: Record<string, DeliveryState>, failure: string | undefined): Promise<ChatMessage> {
    const state = overallState(recipients);
    const updated: ChatMessage = { ...message, recipients, state };
    if (failure && Object.values(recipients).includes('failed')) updated.failure = failure;
    else delete updated.failure;
    await this.#store?.updateMessage(updated);
    for (const t of this.#threads) if (t.conversationId === message.conversationId) t.put(updated);
    const c = this.#conversations.get(message.conversationId);
    if (c?.last?.key === message.key && c.last.state !== state) await this.#save({ ...c, last: { ...c.last, state } });
    return updated;
  }

  #sendReceipt(to: string, messageId: string, kind: ImdnKind): void {
    const uri = this.#uri(to);
    const agent = this.#link?.agent;
    if (!uri || !agent || !this.#account) return;
    const body = buildImdn({
      messageId,
      kind,
      status: kind === 'delivery' ? 'delivered' : 'displayed',
      recipientUri: `sip:${this.#account.user}@${this.#account.domain}`,
    });
    void agent.sendMessage(uri, body, IMDN_TYPE, [`Message-ID: ${newMessageId()}`, `DateTime: ${new Date().toISOString()}`]);
  }

  async #flushDisplayReceipts(): Promise<void> {
    for (const c of [...this.#conversations.values()]) {
      if (c.unread || !c.pendingDisplay?.length || !this.#link) continue;
      const owed = c.pendingDisplay;
      await this.#save({ ...c, pendingDisplay: [] });
      for (const r of owed) this.#sendReceipt(r.to, r.id, 'display');
    }
  }

  #sendComposing(conversationId: string, state: ComposingState, refresh?: number): void {
    const c = this.#conversations.get(conversationId);
    const agent = this.#link?.agent;
    if (!c || !agent) return;
    const headers = [`DateTime: ${new Date().toISOString()}`, ...(c.kind === 'group' ? [`X-Conversation: ${groupToken(c.id)}`] : [])];
    const body = buildIsComposing(state, refresh);
    for (const number of c.members) {
      const uri = this.#uri(number);
      if (!uri || this.#away.has(number)) continue;
      void agent.sendMessage(uri, body, ISCOMPOSING_TYPE, headers).then((r) => {
        if (r.code === 202 || r.code === 480) this.#away.add(number);
      });
    }
  }

  // ---------------------------------------------------------------------------
  // Receiving

  #party(remote: RemoteParty): ChatParty {
    const number = cleanLabel(remote.number, 128).toLowerCase() || 'unknown';
    const name = remote.name ? cleanLabel(remote.name) : '';
    return { number, ...(name && name !== number ? { name } : {}) };
  }

  async #incoming(m: IncomingMessage): Promise<void> {
    const store = this.#store;
    const account = this.#account;
    if (!store || !account) return;
    let { body, headers } = m;
    let type = baseType(m.contentType);
    if (type === 'message/cpim') {
      const cpim = parseCpim(body);
      if (!cpim) return;
      headers = { ...headers, ...cpim.headers };
      body = cpim.body;
      type = baseType(cpim.contentType);
    }
    const from = this.#party(m.from);
    this.#away.delete(from.number);
    if (type === IMDN_TYPE) return this.#receipt(body, from);
    if (type === ISCOMPOSING_TYPE) return this.#composing(body, from, headers);

    const meta = readIncomingMeta(headers, account.domain);
    const content = incomingContent(type, body, meta);
    if (!content) return;
    const c = threadIncoming(from, meta, (id) => this.#conversations.get(id), (n) => isSelf(n, account.user, account.domain));
    if (!c) return;
    const id = meta.messageId ?? newMessageId();
    if (meta.messageId && (await store.hasIncoming(c.id, id))) {
      // A copy (the sender retried): acknowledge again, keep one.
      if (meta.wantsDelivery) this.#sendReceipt(from.number, id, 'delivery');
      return;
    }
    const now = Date.now();
    const late = meta.sentAt !== undefined && meta.sentAt < now - LATE_MS && meta.sentAt > now - 30 * 86400_000;
    const at = late ? meta.sentAt! : Math.max(now, c.lastAt + 1);
    const message: ChatMessage = {
      key: messageKey(c.id, at, id),
      id,
      conversationId: c.id,
      direction: 'in',
      from,
      at,
      ...(meta.sentAt !== undefined && late ? { sentAt: meta.sentAt } : {}),
      text: content.text,
      ...(content.file ? { file: content.file } : {}),
    };
    await store.saveMessage(message);
    const pending = meta.wantsDisplay ? [...(c.pendingDisplay ?? []), { id, to: from.number }].slice(-MAX_PENDING_DISPLAY) : c.pendingDisplay;
    const newest = at >= c.lastAt;
    await this.#save({
      ...c,
      lastAt: Math.max(c.lastAt, at),
      ...(newest ? { last: { key: message.key, text: previewText(message), direction: 'in' as const, from: from.number } } : {}),
      unread: c.unread + 1,
      ...(pending ? { pendingDisplay: pending } : {}),
    });
    this.#typing.messageArrived(c.id, from.number);
    if (meta.sentAt !== undefined) this.#lastSentAt.set(`${c.id}\n${from.number}`, Math.max(meta.sentAt, this.#lastSentAt.get(`${c.id}\n${from.number}`) ?? 0));
    for (const t of this.#threads) if (t.conversationId === c.id) t.put(message);
    const saved = this.#conversations.get(c.id)!;
    const text = content.file ? content.file.name : content.text;
    this.emit('message', {
      conversationId: c.id,
      from,
      text,
      ...(content.file ? { file: { name: content.file.name, type: content.file.type, size: content.file.size } } : {}),
      ...(saved.kind === 'group' ? { group: saved.name ? { name: saved.name } : {} } : {}),
    });
    if (!saved.muted) {
      const who = from.name ?? from.number;
      const group = conversationTitle(saved);
      const title = saved.kind === 'group' ? msg(str`${who} in ${group}`) : who;
      notifyMessage(title, previewText(message), c.id, () => this.emit('focus', { conversationId: c.id }));
    }
    if (meta.wantsDelivery) this.#sendReceipt(from.number, id, 'delivery');
  }

  async #receipt(body: string, from: ChatParty): Promise<void> {
    const imdn = parseImdn(body);
    const store = this.#store;
    if (!imdn || !store) return;
    const key = await store.outgoingKey(imdn.messageId);
    const message = key ? await store.message(key) : undefined;
    // Only a recipient of the message can report on it.
    if (!message?.recipients || message.direction !== 'out' || !(from.number in message.recipients)) return;
    const state: DeliveryState = imdn.status === 'displayed' ? 'read' : imdn.status === 'delivered' ? 'delivered' : 'failed';
    const recipients = { ...message.recipients, [from.number]: advance(message.recipients[from.number], state) };
    const who = from.name ?? from.number;
    const status = imdn.status;
    const failure = state === 'failed' && recipients[from.number] === 'failed' ? msg(str`Not delivered to ${who} (${status})`) : message.failure;
    await this.#updateOutgoing(message, recipients, failure);
  }

  async #composing(body: string, from: ChatParty, headers: Record<string, string>): Promise<void> {
    const doc = parseIsComposing(body);
    if (!doc) return;
    const group = groupIdFromHeader(headers['x-conversation']);
    const id = group ?? directId(from.number);
    const c = this.#conversations.get(id);
    if (group && !c?.members.includes(from.number)) return;
    // A typing state a server kept while we were offline, or one older than the
    // sender's last message (stored MESSAGEs can arrive out of order), is over.
    const at = headers['datetime'] ? Date.parse(headers['datetime']) : NaN;
    if (at < Date.now() - STALE_TYPING_MS || at <= (this.#lastSentAt.get(`${id}\n${from.number}`) ?? -Infinity)) return;
    if (c && from.name && c.names[from.number] !== from.name) await this.#save({ ...c, names: { ...c.names, [from.number]: from.name } });
    this.#typing.indication(id, from.number, doc);
  }
}
