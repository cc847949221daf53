import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChatService } from '../../core/chat/chat-service.js';
import type { ChatMessageEvent } from '../../core/chat/chat-types.js';

export interface ChatHandlers {
  /** A notification was clicked: show this conversation. */
  focus(conversationId: string): void;
  /** A message arrived. */
  message(event: ChatMessageEvent): void;
}

/**
 * Re-renders an element when its session's chat changes. The chat service
 * comes from the session (which arrives by context), so the controller
 * follows it at each update; it releases its listener when the element leaves.
 */
export class ChatController implements ReactiveController {
  #host: ReactiveControllerHost;
  #get: () => ChatService | undefined;
  #chat: ChatService | undefined;
  #offs: Array<() => void> = [];
  #connected = false;
  #handlers: ChatHandlers;

  constructor(host: ReactiveControllerHost, get: () => ChatService | undefined, handlers: ChatHandlers) {
    this.#host = host;
    this.#get = get;
    this.#handlers = handlers;
    host.addController(this);
  }

  get chat(): ChatService | undefined {
    return this.#chat;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow(this.#get());
  }

  hostUpdate(): void {
    if (this.#connected) this.#follow(this.#get());
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#release();
    this.#chat = undefined;
  }

  #follow(chat: ChatService | undefined): void {
    if (chat === this.#chat && (this.#offs.length || !chat)) return;
    this.#release();
    this.#chat = chat;
    if (!chat) return;
    this.#offs = [
      chat.on('change', () => this.#host.requestUpdate()),
      chat.on('focus', ({ conversationId }) => this.#handlers.focus(conversationId)),
      chat.on('message', (e) => this.#handlers.message(e)),
    ];
    this.#host.requestUpdate();
  }

  #release(): void {
    for (const off of this.#offs) off();
    this.#offs = [];
  }
}
