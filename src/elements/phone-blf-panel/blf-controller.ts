import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionController } from '../../context/session-controller.js';
import type { BlfService, BlfState, WatchRequest } from '../../core/blf/blf-service.js';

/**
 * Follows `session.blf` for an element: re-renders it on every BLF change,
 * keeps what it asks to watch subscribed while it is on the page, and
 * releases both when it leaves (or when the phone around it changes).
 */
export class BlfController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #phone: SessionController;
  #blf: BlfService | undefined;
  #offChange: (() => void) | undefined;
  #release: (() => void) | undefined;
  #request: WatchRequest | undefined;
  #requestKey = '';
  #connected = false;

  constructor(host: ReactiveControllerHost & HTMLElement, phone: SessionController) {
    this.#host = host;
    this.#phone = phone;
    host.addController(this);
  }

  /** The BLF service of the phone around the element, if any. */
  get blf(): BlfService | undefined {
    return this.#blf;
  }

  get state(): BlfState | undefined {
    return this.#blf?.state;
  }

  /** What the element shows; subscriptions follow (only a real change re-watches). */
  want(request: WatchRequest): void {
    const key = JSON.stringify([request.extensions, Boolean(request.presence), Boolean(request.voicemail)]);
    if (key === this.#requestKey) return;
    this.#requestKey = key;
    this.#request = request;
    if (this.#blf && this.#connected) this.#watch(this.#blf);
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
    this.#unfollow();
  }

  #follow(): void {
    const blf = this.#phone.session?.blf;
    if (blf === this.#blf && this.#offChange) return;
    this.#unfollow();
    this.#blf = blf;
    if (!blf) return;
    this.#offChange = blf.on('change', () => this.#host.requestUpdate());
    this.#watch(blf);
  }

  #watch(blf: BlfService): void {
    // Watch the new set before releasing the old one: keys in both stay subscribed.
    const previous = this.#release;
    this.#release = this.#request ? blf.watch(this.#request) : undefined;
    previous?.();
  }

  #unfollow(): void {
    this.#offChange?.();
    this.#offChange = undefined;
    this.#release?.();
    this.#release = undefined;
    this.#blf = undefined;
  }
}
