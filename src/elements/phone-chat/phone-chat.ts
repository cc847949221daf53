import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { localized, msg, str } from '@lit/localize';
import { statusText } from '../../core/format.js';
import { formatLocale } from '../../i18n/locale.js';
import { SessionController } from '../../context/session-controller.js';
import { DEFAULT_MAX_ATTACHMENT_KB } from '../../core/chat/attachment.js';
import { conversationTitle, partyLabel, timeLabel, typingText } from '../../core/chat/chat-format.js';
import type { ChatThread } from '../../core/chat/chat-thread.js';
import type { ChatMessageEvent, ChatResult, ChatState, Conversation } from '../../core/chat/chat-types.js';
import { askNotificationPermission } from '../../core/notify.js';
import { tokens } from '../../styles/tokens.js';
import { ChatController } from './chat-controller.js';
import type { PhoneChatComposer } from './chat-composer.js';
import type { PhoneChatLog } from './chat-log.js';
import { BACK, MINIMISE, MORE, PIN } from './icons.js';
import { chatStyles } from './phone-chat.styles.js';
import './chat-composer.js';
import './chat-log.js';

type Panel = '' | 'options' | 'rename' | 'add' | 'delete';

const valueOf = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';

/**
 * Chat over SIP MESSAGE with the people of the same PBX: a conversation list
 * (unread badges, last message, time), conversations with delivery and read
 * states, typing, groups, an emoji picker and small files. History is kept
 * per account in this browser.
 *
 * Everything a peer sends (names, text, file names) is shown as text; only
 * http(s) links become links, opened in a new tab without access to this page.
 *
 * @summary Chat panel. Place it inside a `<phone-widget>`.
 * @csspart panel - the chat panel
 * @csspart list - the conversation list
 * @csspart conversation - the open conversation
 * @csspart message - one message
 * @csspart composer - where a message is written
 * @cssprop --phone-chat-height - Height of the panel (default 440px).
 */
@customElement('phone-chat')
@localized()
export class PhoneChat extends LitElement {
  static override styles = [tokens, chatStyles];

  /** The largest file that can be sent, in KB; bigger files are refused with a message. */
  @property({ type: Number, attribute: 'max-attachment-kb' }) maxAttachmentKb = DEFAULT_MAX_ATTACHMENT_KB;

  @state() private view: 'list' | 'new' | 'conversation' = 'list';
  @state() private openId = '';
  @state() private minimised: readonly string[] = [];
  @state() private panel: Panel = '';
  @state() private error = '';
  @state() private announcement = '';

  #phone = new SessionController(this);
  #chat = new ChatController(this, () => this.#phone.session?.chat, {
    focus: (id) => this.#open(id),
    message: (e) => this.#announce(e),
  });
  #thread: ChatThread | undefined;
  #offThread: (() => void) | undefined;
  @query('phone-chat-composer') private composer?: PhoneChatComposer;
  @query('phone-chat-log') private log?: PhoneChatLog;

  /** Opens the conversation with `to` (a number; several, comma-separated, start a group named `name`). */
  async openConversation(to: string, name?: string): Promise<ChatResult> {
    const chat = this.#chat.chat;
    if (!chat) return { ok: false, message: msg('Chat is not set up yet.') };
    const result = await chat.startConversation(to, name);
    if (result.ok) this.#open(result.id);
    return result;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#closeThread();
  }

  #onVisibility = (): void => this.requestUpdate();

  protected override willUpdate(): void {
    const chat = this.#chat.chat;
    // The open conversation was deleted, or the account changed: back to the list.
    if (this.view === 'conversation' && chat && !chat.conversation(this.openId)) this.#toList();
    // Back on the page (moved in the DOM) with a conversation open: follow it again.
    if (this.view === 'conversation' && this.openId && !this.#thread && chat?.conversation(this.openId)) {
      this.#thread = chat.thread(this.openId);
      this.#offThread = this.#thread.on('change', () => this.requestUpdate());
    }
  }

  #open(id: string): void {
    const chat = this.#chat.chat;
    if (!chat?.conversation(id)) return;
    if (this.openId !== id || !this.#thread) {
      this.#closeThread();
      this.#thread = chat.thread(id);
      this.#offThread = this.#thread.on('change', () => this.requestUpdate());
    }
    this.openId = id;
    this.view = 'conversation';
    this.panel = '';
    this.error = '';
    this.minimised = this.minimised.filter((m) => m !== id);
    void this.updateComplete.then(() => this.composer?.focus());
  }

  #closeThread(): void {
    this.#offThread?.();
    this.#thread?.close();
    this.#thread = undefined;
    this.#offThread = undefined;
  }

  #toList(): void {
    this.#closeThread();
    this.view = 'list';
    this.openId = '';
    this.panel = '';
    this.error = '';
  }

  #minimise(): void {
    if (this.openId && !this.minimised.includes(this.openId)) this.minimised = [...this.minimised, this.openId];
    this.#toList();
  }

  #announce(e: ChatMessageEvent): void {
    const chat = this.#chat.chat;
    const c = chat?.conversation(e.conversationId);
    const who = partyLabel(c, e.from.number);
    const text = e.text.length > 140 ? `${e.text.slice(0, 139)}…` : e.text;
    this.announcement = this.openId === e.conversationId && this.view === 'conversation' ? `${who}: ${text}` : msg(str`New message from ${who}`);
  }

  protected override updated(): void {
    // The user sees the open conversation: its messages are read.
    if (this.view === 'conversation' && this.openId && document.visibilityState === 'visible') this.#chat.chat?.markRead(this.openId);
  }

  // ---------------------------------------------------------------------------
  // Handlers

  async #onSend(e: CustomEvent<{ text: string }>): Promise<void> {
    const chat = this.#chat.chat;
    if (!chat) return;
    this.error = '';
    this.log?.scrollToEnd();
    const result = await chat.send(this.openId, e.detail.text);
    if (!result.ok) {
      this.error = result.message;
      if (this.composer) this.composer.value = e.detail.text;
    }
  }

  async #onFile(e: CustomEvent<{ file: File }>): Promise<void> {
    const chat = this.#chat.chat;
    if (!chat) return;
    this.error = '';
    const result = await chat.sendFile(this.openId, e.detail.file, this.maxAttachmentKb);
    if (!result.ok) this.error = result.message;
    else this.log?.scrollToEnd();
  }

  async #onNew(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const result = await this.openConversation(valueOf(form, 'to'), valueOf(form, 'name'));
    if (!result.ok) this.error = result.message;
  }

  async #onRename(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const result = await this.#chat.chat!.rename(this.openId, valueOf(e.target as HTMLFormElement, 'name'));
    this.error = result.ok ? '' : result.message;
    if (result.ok) this.panel = '';
  }

  async #onAdd(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const result = await this.#chat.chat!.addParticipant(this.openId, valueOf(e.target as HTMLFormElement, 'to'));
    this.error = result.ok ? '' : result.message;
    if (result.ok) {
      this.panel = '';
      if (result.id !== this.openId) this.#open(result.id);
    }
  }

  async #leave(): Promise<void> {
    await this.#chat.chat!.leave(this.openId);
    this.panel = '';
  }

  async #delete(): Promise<void> {
    const id = this.openId;
    this.#toList();
    this.minimised = this.minimised.filter((m) => m !== id);
    await this.#chat.chat!.remove(id);
  }

  #toggleNotifications(c: Conversation): void {
    if (c.muted) void askNotificationPermission();
    void this.#chat.chat!.setMuted(c.id, !c.muted);
  }

  // ---------------------------------------------------------------------------
  // Rendering

  #preview(c: Conversation, state: ChatState): string {
    const typing = state.typing[c.id];
    if (typing?.length) return typingText(c, typing);
    if (c.left) return msg('You left this conversation');
    const last = c.last;
    if (!last) return msg('No messages yet');
    const who = last.direction === 'out' ? `${msg('You')}: ` : c.kind === 'group' ? `${partyLabel(c, last.from)}: ` : '';
    return `${who}${last.text}`;
  }

  #renderRow(c: Conversation, state: ChatState, now: number) {
    const title = conversationTitle(c);
    const initial = c.kind === 'group' ? '#' : ([...title][0] ?? '?').toUpperCase();
    return html`<li>
      <button class="row" type="button" data-unread=${c.unread ? 'true' : 'false'} @click=${() => this.#open(c.id)}>
        <span class="avatar" aria-hidden="true">${initial}</span>
        <span class="main">
          <span class="line">
            <span class="name">${title}</span>
            ${c.pinned ? html`<span class="pin" title=${msg('Pinned')}>${PIN}<span class="visually-hidden"> ${msg('pinned')}</span></span>` : nothing}
            <span class="time">${timeLabel(c.lastAt, now, formatLocale())}</span>
          </span>
          <span class="line">
            <span class="preview">${this.#preview(c, state)}</span>
            ${c.unread ? html`<span class="badge">${c.unread}<span class="visually-hidden"> ${msg('unread')}</span></span>` : nothing}
          </span>
        </span>
      </button>
    </li>`;
  }

  #renderNotes(state: ChatState) {
    const phone = this.#phone.state;
    return html`
      ${!state.online && phone
        ? html`<p class="note">${msg(str`Chat is offline (${phone.reason ?? statusText(phone.status)}). Messages written now can be sent again later.`)}</p>`
        : nothing}
      ${state.storage ? html`<p class="note">${state.storage === 'full' ? msg('History is not being saved in this browser (storage full).') : msg('History is not being saved in this browser (storage unavailable).')}</p>` : nothing}
    `;
  }

  #renderList(state: ChatState) {
    const chat = this.#chat.chat!;
    const now = Date.now();
    const docked = this.minimised.map((id) => chat.conversation(id)).filter((c): c is Conversation => Boolean(c));
    return html`<div class="view" part="list">
      <div class="head">
        <span class="title">${msg('Chat')}</span>
        ${state.unread ? html`<span class="badge">${state.unread}<span class="visually-hidden"> ${msg('unread')}</span></span>` : nothing}
        <button class="primary small" type="button" @click=${() => ((this.view = 'new'), (this.error = ''))}>${msg('New conversation')}</button>
      </div>
      ${docked.length
        ? html`<div class="dock" role="group" aria-label=${msg('Minimised conversations')}>
            ${docked.map(
              (c) => html`<button class="chip" type="button" @click=${() => this.#open(c.id)}>
                ${conversationTitle(c)}${c.unread ? html` · ${msg(str`${c.unread} new`)}` : nothing}
              </button>`,
            )}
          </div>`
        : nothing}
      ${this.#renderNotes(state)}
      ${state.conversations.length
        ? html`<ul class="list">${state.conversations.map((c) => this.#renderRow(c, state, now))}</ul>`
        : html`<p class="empty">${msg('No conversations yet.')}</p>`}
    </div>`;
  }

  #renderNew() {
    const recent = new Set<string>();
    for (const r of this.#phone.state?.recent ?? []) recent.add(r.number);
    for (const c of this.#chat.chat?.state.conversations ?? []) for (const n of c.members) recent.add(n);
    return html`<form class="view new" aria-label=${msg('New conversation')} @submit=${this.#onNew}>
      <div class="head">
        <button class="icon" type="button" aria-label=${msg('Back to conversations')} @click=${() => this.#toList()}>${BACK}</button>
        <span class="title">${msg('New conversation')}</span>
      </div>
      <label>
        ${msg('To', { desc: 'Recipient of a new chat' })}
        <input name="to" autocomplete="off" list="chat-to" placeholder=${msg('1002 — or 1002, 1003 for a group')} required />
      </label>
      <datalist id="chat-to">${[...recent].slice(0, 20).map((n) => html`<option value=${n}></option>`)}</datalist>
      <label>
        ${msg('Group name (optional)')}
        <input name="name" autocomplete="off" maxlength="64" />
      </label>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <button class="primary" type="submit">${msg('Start')}</button>
    </form>`;
  }

  #renderOptions(c: Conversation) {
    const group = c.kind === 'group';
    const permission = typeof Notification === 'undefined' ? 'denied' : Notification.permission;
    if (this.panel === 'rename') {
      return html`<form class="options" aria-label=${msg('Rename conversation')} @submit=${this.#onRename}>
        <label>${msg('Name')} <input name="name" .value=${c.name ?? ''} maxlength="64" autocomplete="off" /></label>
        <div class="buttons">
          <button class="primary" type="submit">${msg('Save')}</button>
          <button type="button" @click=${() => (this.panel = 'options')}>${msg('Cancel')}</button>
        </div>
      </form>`;
    }
    if (this.panel === 'add') {
      return html`<form class="options" aria-label=${msg('Add participant')} @submit=${this.#onAdd}>
        <label>${msg('Number')} <input name="to" autocomplete="off" required /></label>
        <div class="buttons">
          <button class="primary" type="submit">${msg('Add')}</button>
          <button type="button" @click=${() => (this.panel = 'options')}>${msg('Cancel')}</button>
        </div>
      </form>`;
    }
    if (this.panel === 'delete') {
      return html`<section class="options" aria-label=${msg('Delete conversation')}>
        <p>${msg('Delete this conversation and its messages from this browser? The others keep their copy.')}</p>
        <div class="buttons">
          <button class="danger" type="button" @click=${() => this.#delete()}>${msg('Delete')}</button>
          <button type="button" @click=${() => (this.panel = 'options')}>${msg('Cancel')}</button>
        </div>
      </section>`;
    }
    return html`<section class="options" aria-label=${msg('Conversation options')}>
      <div class="people">
        <span class="label">${msg('People')}</span>
        <ul>
          <li>${msg('You')}</li>
          ${c.members.map((n) => html`<li>${partyLabel(c, n)}${c.names[n] ? html` <span class="num">${n}</span>` : nothing}</li>`)}
        </ul>
      </div>
      <div class="buttons">
        <button type="button" aria-pressed=${c.muted ? 'false' : 'true'} @click=${() => this.#toggleNotifications(c)}>${msg('Notifications')}</button>
        ${group && !c.left ? html`<button type="button" @click=${() => (this.panel = 'rename')}>${msg('Rename')}</button>` : nothing}
        ${!c.left ? html`<button type="button" @click=${() => (this.panel = 'add')}>${msg('Add participant')}</button>` : nothing}
        ${group && !c.left ? html`<button type="button" @click=${() => this.#leave()}>${msg('Leave conversation')}</button>` : nothing}
        <button class="danger" type="button" @click=${() => (this.panel = 'delete')}>${msg('Delete conversation')}</button>
      </div>
      ${!c.muted && permission === 'default'
        ? html`<button class="link" type="button" @click=${() => void askNotificationPermission()}>${msg('Allow browser notifications')}</button>`
        : nothing}
    </section>`;
  }

  #renderConversation(state: ChatState, c: Conversation) {
    const thread = this.#thread;
    const group = c.kind === 'group';
    const sub = group ? [msg('You'), ...c.members.map((n) => partyLabel(c, n))].join(', ') : c.names[c.members[0] ?? ''] ? c.members[0] : '';
    const typing = typingText(c, state.typing[c.id] ?? []);
    return html`<div class="view conversation" part="conversation">
      <div class="head">
        <button class="icon" type="button" aria-label=${msg('Back to conversations')} @click=${() => this.#toList()}>${BACK}</button>
        <div class="names">
          <div class="name">${conversationTitle(c)}</div>
          ${sub ? html`<div class="sub">${sub}</div>` : nothing}
        </div>
        <button class="icon" type="button" aria-label=${msg('Pin conversation')} title=${msg('Pin')} aria-pressed=${c.pinned ? 'true' : 'false'} @click=${() => this.#chat.chat!.setPinned(c.id, !c.pinned)}>
          ${PIN}
        </button>
        <button class="icon" type="button" aria-label=${msg('Minimise conversation')} title=${msg('Minimise')} @click=${() => this.#minimise()}>${MINIMISE}</button>
        <button
          class="icon"
          type="button"
          aria-label=${msg('Conversation options')}
          title=${msg('Options')}
          aria-expanded=${this.panel ? 'true' : 'false'}
          @click=${() => (this.panel = this.panel ? '' : 'options')}
        >
          ${MORE}
        </button>
      </div>
      ${this.panel ? this.#renderOptions(c) : nothing} ${this.#renderNotes(state)}
      ${keyed(
        c.id,
        html`<phone-chat-log
          exportparts="message"
          .messages=${thread?.messages ?? []}
          .conversation=${c}
          ?complete=${thread?.complete ?? true}
          @load-earlier=${() => void this.#thread?.loadEarlier()}
          @retry=${(e: CustomEvent<{ key: string }>) => void this.#chat.chat!.retry(e.detail.key)}
        ></phone-chat-log>`,
      )}
      <p class="typing" aria-live="polite">${typing}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${c.left
        ? html`<p class="note">${msg('You left this conversation.')}</p>`
        : html`<phone-chat-composer
            exportparts="composer"
            @compose-send=${this.#onSend}
            @compose-input=${(e: CustomEvent<{ hasText: boolean }>) => this.#chat.chat!.typing(c.id, e.detail.hasText)}
            @compose-file=${this.#onFile}
          ></phone-chat-composer>`}
    </div>`;
  }

  override render() {
    const chat = this.#chat.chat;
    if (!this.#phone.state || !chat) return nothing;
    const state = chat.state;
    const open = this.view === 'conversation' ? chat.conversation(this.openId) : undefined;
    return html`<section class="panel" part="panel" aria-label=${msg('Chat')}>
      ${open ? this.#renderConversation(state, open) : this.view === 'new' ? this.#renderNew() : this.#renderList(state)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'phone-chat': PhoneChat;
  }
}
