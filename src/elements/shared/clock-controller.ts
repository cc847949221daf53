import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Re-renders its host once a second while `running` says so; stops with the element. */
export class ClockController implements ReactiveController {
  #host: ReactiveControllerHost;
  #timer: ReturnType<typeof setInterval> | undefined;
  #running: () => boolean;

  constructor(host: ReactiveControllerHost, running: () => boolean) {
    this.#host = host;
    this.#running = running;
    host.addController(this);
  }

  /** The current time, read during render. */
  get now(): number {
    return Date.now();
  }

  hostUpdated(): void {
    const want = this.#running();
    if (want && !this.#timer) this.#timer = setInterval(() => this.#host.requestUpdate(), 1000);
    if (!want) this.hostDisconnected();
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
