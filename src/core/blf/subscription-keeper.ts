/**
 * Keeps one SIP subscription alive: (re)subscribes through a shared pacer (so
 * 500 keys do not send 500 SUBSCRIBEs in one burst), and after the
 * subscription ends comes back with exponential backoff, honouring the
 * server's retry-after. The agent refreshes a live subscription by itself.
 */
import type { SipSubscription } from '../sip/agent.js';

export interface Timing {
  /** SUBSCRIBEs sent at once, then a pause of `paceMs`. */
  paceBurst: number;
  paceMs: number;
  /** First retry after a refused or ended subscription, doubling up to `maxRetryMs`. */
  retryMs: number;
  maxRetryMs: number;
}

export const DEFAULT_TIMING: Timing = { paceBurst: 25, paceMs: 100, retryMs: 5000, maxRetryMs: 300_000 };

/** Runs queued jobs at most `paceBurst` per `paceMs` window; the first ones at once. */
export class Pacer {
  #queue: Array<() => void> = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Jobs run in the current window. */
  #used = 0;
  constructor(private readonly timing: () => Timing) {}

  /** Queues `job`; returns a function that takes it out again. */
  add(job: () => void): () => void {
    this.#queue.push(job);
    this.#drain();
    return () => {
      const i = this.#queue.indexOf(job);
      if (i >= 0) this.#queue.splice(i, 1);
    };
  }

  #drain(): void {
    const { paceBurst, paceMs } = this.timing();
    while (this.#queue.length && this.#used < Math.max(1, paceBurst)) {
      this.#used++;
      this.#queue.shift()!();
    }
    if (!this.#timer && this.#used > 0) {
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this.#used = 0;
        this.#drain();
      }, paceMs);
    }
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#used = 0;
    this.#queue = [];
  }
}

export interface KeeperEvents {
  /** Subscribed: the notifier said `active`. */
  active(): void;
  notify(body: string, contentType: string): void;
  /** The subscription is gone; a new attempt is scheduled. */
  lost(refused: boolean): void;
}

/** Reasons (RFC 6665 §4.1.3) after which an immediate retry is expected to work. */
const RETRY_SOON = new Set(['deactivated', 'timeout']);

export class SubscriptionKeeper {
  #sub: SipSubscription | undefined;
  #offs: Array<() => void> = [];
  #cancelQueued: (() => void) | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;
  #stopped = true;

  constructor(
    private readonly open: () => SipSubscription,
    private readonly events: KeeperEvents,
    private readonly pacer: Pacer,
    private readonly timing: () => Timing,
  ) {}

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#queue();
  }

  stop(): void {
    this.#stopped = true;
    this.#cancelQueued?.();
    this.#cancelQueued = undefined;
    clearTimeout(this.#retryTimer);
    this.#drop(true);
  }

  #queue(): void {
    let ran = false;
    const cancel = this.pacer.add(() => {
      ran = true;
      this.#cancelQueued = undefined;
      this.#subscribe();
    });
    // The first burst runs at once, inside add().
    if (!ran) this.#cancelQueued = cancel;
  }

  #subscribe(): void {
    if (this.#stopped) return;
    let sub: SipSubscription;
    try {
      sub = this.open();
    } catch (error) {
      console.warn('[phone] subscription could not start', error);
      this.#lost(true);
      return;
    }
    this.#sub = sub;
    this.#offs = [
      sub.on('active', () => {
        this.#attempt = 0;
        this.events.active();
      }),
      sub.on('notify', ({ body, contentType }) => {
        this.#attempt = 0;
        this.events.notify(body, contentType);
      }),
      sub.on('terminated', ({ refused, reason, retryAfter }) => {
        this.#drop(false);
        this.#lost(refused, reason, retryAfter);
      }),
    ];
  }

  #drop(terminate: boolean): void {
    for (const off of this.#offs) off();
    this.#offs = [];
    const sub = this.#sub;
    this.#sub = undefined;
    if (terminate && sub) {
      try {
        sub.terminate();
      } catch {
        // Already gone.
      }
    }
  }

  #lost(refused: boolean, reason?: string, retryAfter?: number): void {
    if (this.#stopped) return;
    this.events.lost(refused);
    const { retryMs, maxRetryMs } = this.timing();
    const soon = !refused && !retryAfter && RETRY_SOON.has(reason ?? '') && this.#attempt === 0;
    const backoff = soon ? retryMs / 5 : Math.min(maxRetryMs, retryMs * 2 ** this.#attempt);
    this.#attempt = Math.min(this.#attempt + 1, 20);
    // Jitter spreads the retries of many keys that failed together.
    const delay = Math.max(backoff * (0.75 + Math.random() * 0.5), (retryAfter ?? 0) * 1000);
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => this.#queue(), delay);
  }
}
