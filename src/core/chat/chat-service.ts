/**
 * Conversations over SIP MESSAGE (RFC 3428) with receipts, typing and history.
 * Works through the SIP agent while the phone is registered.
 * (Filled in by the chat feature.)
 */
import { Emitter } from '../emitter.js';
import type { PhoneSession, SessionFeature, SipLink } from '../phone-session.js';

export interface ChatState {
  /** True while subscriptions can run (registered). */
  online: boolean;
}

export class ChatService extends Emitter<{ change: ChatState }> implements SessionFeature {
  #state: ChatState = { online: false };
  readonly #session: PhoneSession;

  constructor(session: PhoneSession) {
    super();
    this.#session = session;
  }

  get state(): ChatState {
    return this.#state;
  }

  /** The session this service belongs to (for the account and calls). */
  protected get session(): PhoneSession {
    return this.#session;
  }

  up(_link: SipLink): void {
    this.#set({ online: true });
  }

  down(): void {
    this.#set({ online: false });
  }

  #set(patch: Partial<ChatState>): void {
    this.#state = { ...this.#state, ...patch };
    this.emit('change', this.#state);
  }
}
