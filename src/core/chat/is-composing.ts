/**
 * "Is typing" indications (RFC 3994): the application/im-iscomposing+xml
 * document, and the two state machines with the RFC's timers.
 *
 * Sender: the first keystroke sends `active` with a refresh interval; while
 * the user keeps typing, `active` is sent again every refresh interval; after
 * 15 s without a keystroke, `idle` is sent. Sending the message ends the
 * composing state without an `idle` (the message itself says it).
 *
 * Receiver: `active` shows the indicator until `idle`, a message from the same
 * sender, or the refresh interval (120 s when none was given) runs out.
 */
import { parseXml } from '../xml.js';

export const ISCOMPOSING_TYPE = 'application/im-iscomposing+xml';
/** Seconds between `active` refreshes while the user types. */
export const REFRESH_S = 90;
/** Seconds without a keystroke before the sender says `idle`. */
export const IDLE_S = 15;
/** Seconds the receiver waits for a refresh when `active` gave no interval. */
export const RECEIVER_DEFAULT_S = 120;

export type ComposingState = 'active' | 'idle';

export interface IsComposing {
  state: ComposingState;
  /** Seconds until the sender refreshes `active`. */
  refresh?: number;
  /** What is being composed (`text`, `audio`…). */
  contentType?: string;
}

/** The application/im-iscomposing+xml body. */
export function buildIsComposing(state: ComposingState, refresh?: number): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<isComposing xmlns="urn:ietf:params:xml:ns:im-iscomposing">',
    `<state>${state}</state>`,
    '<contenttype>text/plain</contenttype>',
    state === 'active' && refresh ? `<refresh>${Math.round(refresh)}</refresh>` : '',
    '</isComposing>',
  ].join('');
}

/** Reads an isComposing document; null when it is not one. */
export function parseIsComposing(xml: string): IsComposing | null {
  if (xml.length > 8192) return null;
  // Our own XML reader: DOMParser throws on pages that enforce Trusted Types.
  const root = parseXml(xml);
  if (!root || root.localName !== 'isComposing') return null;
  const text = (name: string) => root.children.find((c) => c.localName === name)?.textContent.trim();
  const state = text('state');
  if (state !== 'active' && state !== 'idle') return null;
  const out: IsComposing = { state };
  const refresh = Number(text('refresh'));
  // RFC 3994 §4: refresh is a positive integer; very short ones are raised to a sane floor.
  if (Number.isInteger(refresh) && refresh > 0) out.refresh = Math.min(Math.max(refresh, 5), 3600);
  const contentType = text('contenttype');
  if (contentType) out.contentType = contentType.slice(0, 64);
  return out;
}

/** setTimeout/clearTimeout, injectable so tests can drive the clock. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The composing side of one conversation: call `keystroke()` as the user types. */
export class ComposingSender {
  #send: (state: ComposingState, refresh?: number) => void;
  #timers: Timers;
  #active = false;
  #idleTimer: unknown;
  #refreshTimer: unknown;

  constructor(send: (state: ComposingState, refresh?: number) => void, timers: Timers = realTimers) {
    this.#send = send;
    this.#timers = timers;
  }

  get active(): boolean {
    return this.#active;
  }

  /** The user typed (and the composer is not empty). */
  keystroke(): void {
    if (!this.#active) {
      this.#active = true;
      this.#send('active', REFRESH_S);
      this.#scheduleRefresh();
    }
    this.#timers.clear(this.#idleTimer);
    this.#idleTimer = this.#timers.set(() => this.cleared(), IDLE_S * 1000);
  }

  /** The composer was emptied, or the user stopped typing: `idle`. */
  cleared(): void {
    if (!this.#active) return;
    this.stop();
    this.#send('idle');
  }

  /** The message was sent: back to idle without saying so. */
  sent(): void {
    this.stop();
  }

  /** Stops the timers (conversation closed, phone offline). */
  stop(): void {
    this.#active = false;
    this.#timers.clear(this.#idleTimer);
    this.#timers.clear(this.#refreshTimer);
    this.#idleTimer = this.#refreshTimer = undefined;
  }

  #scheduleRefresh(): void {
    this.#refreshTimer = this.#timers.set(() => {
      if (!this.#active) return;
      this.#send('active', REFRESH_S);
      this.#scheduleRefresh();
    }, REFRESH_S * 1000);
  }
}

/** Who is typing where: keys are `conversation id` + sender; `onChange` fires on every change. */
export class ComposingReceiver {
  #timers: Timers;
  #active = new Map<string, { conversationId: string; sender: string; timer: unknown }>();
  #onChange: () => void;

  constructor(onChange: () => void, timers: Timers = realTimers) {
    this.#onChange = onChange;
    this.#timers = timers;
  }

  /** The senders typing in each conversation. */
  snapshot(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const { conversationId, sender } of this.#active.values()) (out[conversationId] ??= []).push(sender);
    return out;
  }

  /** An isComposing document arrived from `sender` about `conversationId`. */
  indication(conversationId: string, sender: string, doc: IsComposing): void {
    if (doc.state === 'idle') return this.#drop(conversationId, sender);
    const key = `${conversationId}\n${sender}`;
    const known = this.#active.get(key);
    if (known) this.#timers.clear(known.timer);
    const timer = this.#timers.set(() => this.#drop(conversationId, sender), (doc.refresh ?? RECEIVER_DEFAULT_S) * 1000);
    this.#active.set(key, { conversationId, sender, timer });
    if (!known) this.#onChange();
  }

  /** A message from `sender` arrived: they stopped composing. */
  messageArrived(conversationId: string, sender: string): void {
    this.#drop(conversationId, sender);
  }

  /** Forgets everyone (offline). */
  clear(): void {
    for (const { timer } of this.#active.values()) this.#timers.clear(timer);
    const had = this.#active.size > 0;
    this.#active.clear();
    if (had) this.#onChange();
  }

  #drop(conversationId: string, sender: string): void {
    const key = `${conversationId}\n${sender}`;
    const known = this.#active.get(key);
    if (!known) return;
    this.#timers.clear(known.timer);
    this.#active.delete(key);
    this.#onChange();
  }
}
