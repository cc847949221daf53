import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionController } from '../../context/session-controller.js';
import type { ParkWatch, ParksState } from '../../core/blf/parks.js';

/**
 * Follows `session.parks` for an element: re-renders it when a park slot
 * changes, and lets go when the element leaves the page (or the phone around
 * it changes). The slots stay watched by the session while they are configured.
 */
export class ParksController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #phone: SessionController;
  #parks: ParkWatch | undefined;
  #off: (() => void) | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost & HTMLElement, phone: SessionController) {
    this.#host = host;
    this.#phone = phone;
    host.addController(this);
  }

  /** The park slots of the phone around the element, if any. */
  get state(): ParksState | undefined {
    return this.#parks?.state;
  }

  get parks(): ParkWatch | undefined {
    return this.#parks;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow();
  }

  /** The session arrives by context after the first connection: pick it up before each render. */
  hostUpdate(): void {
    if (this.#connected) this.#follow();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#off?.();
    this.#off = undefined;
    this.#parks = undefined;
  }

  #follow(): void {
    const parks = this.#phone.session?.parks;
    if (parks === this.#parks && this.#off) return;
    this.#off?.();
    this.#off = undefined;
    this.#parks = parks;
    if (parks) this.#off = parks.on('change', () => this.#host.requestUpdate());
  }
}
