/**
 * BLF keys, presence, the voicemail indicator, the directory and personal
 * contacts. Works through the SIP agent while the phone is registered.
 * (Filled in by the BLF feature.)
 */
import { Emitter } from '../emitter.js';
import type { PhoneSession, SessionFeature, SipLink } from '../phone-session.js';

export interface BlfState {
  /** True while subscriptions can run (registered). */
  online: boolean;
}

export class BlfService extends Emitter<{ change: BlfState }> implements SessionFeature {
  #state: BlfState = { online: false };
  readonly #session: PhoneSession;

  constructor(session: PhoneSession) {
    super();
    this.#session = session;
  }

  get state(): BlfState {
    return this.#state;
  }

  /** The session this service belongs to (for dialing and transfers from keys). */
  protected get session(): PhoneSession {
    return this.#session;
  }

  up(_link: SipLink): void {
    this.#set({ online: true });
  }

  down(): void {
    this.#set({ online: false });
  }

  #set(patch: Partial<BlfState>): void {
    this.#state = { ...this.#state, ...patch };
    this.emit('change', this.#state);
  }
}
