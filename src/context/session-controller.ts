import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PhoneSession } from '../core/phone-session.js';
import type { PhoneState } from '../core/types.js';
import { sessionContext } from './session-context.js';

/**
 * Gives an element the session of the nearest `<phone-widget>` and re-renders
 * it whenever the session's state changes. Releases its listener when the
 * element leaves the page.
 */
export class SessionController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #session: PhoneSession | undefined;
  #off: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
    new ContextConsumer(host, {
      context: sessionContext,
      subscribe: true,
      callback: (session) => this.#follow(session),
    });
  }

  /** The session, once the element is inside a `<phone-widget>`. */
  get session(): PhoneSession | undefined {
    return this.#session;
  }

  /** The session's state, or undefined outside a `<phone-widget>`. */
  get state(): PhoneState | undefined {
    return this.#session?.state;
  }

  hostConnected(): void {
    if (this.#session && !this.#off) this.#listen(this.#session);
  }

  hostDisconnected(): void {
    this.#off?.();
    this.#off = undefined;
  }

  #follow(session: PhoneSession | undefined): void {
    if (session === this.#session) return;
    this.#off?.();
    this.#off = undefined;
    this.#session = session;
    if (session) this.#listen(session);
    this.#host.requestUpdate();
  }

  #listen(session: PhoneSession): void {
    this.#off = session.on('change', () => this.#host.requestUpdate());
  }
}
