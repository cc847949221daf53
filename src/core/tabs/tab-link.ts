/**
 * The tabs of one account talk over a BroadcastChannel: the elected tab
 * publishes the phone's state and events, the others send it commands and
 * get the results back. Messages are plain data (structured clone).
 */
import type { PhoneState } from '../types.js';

/** The session events a follower replays to its own page. */
export type SharedEventName = 'status' | 'incoming' | 'call-start' | 'call-end' | 'error';

export type TabMessage =
  /** A follower asks the leader for its state. */
  | { type: 'hello' }
  | { type: 'state'; state: PhoneState }
  | { type: 'event'; name: SharedEventName; payload: unknown }
  | { type: 'command'; rid: string; name: string; args: unknown[] }
  | { type: 'result'; rid: string; value: unknown }
  /** A follower's feature subscribes through the elected tab's agent, and ends it. */
  | { type: 'subscribe'; sid: string; target: string; event: string; accept: string; expires: number; headers: string[] }
  | { type: 'unsubscribe'; sid: string }
  /** An event of such a subscription, or an unsolicited NOTIFY of the elected tab's agent. */
  | { type: 'subscription'; sid: string; name: 'active' | 'notify' | 'terminated'; payload: unknown }
  | { type: 'agent-notify'; payload: { event: string; body: string; contentType: string } };

/** How long a follower waits for the leader to carry out a command (a REFER waits for the transferee's report). */
const COMMAND_TIMEOUT_MS = 40_000;

let rids = 0;
const tabId = Math.random().toString(36).slice(2);

export class TabLink {
  #channel: BroadcastChannel | undefined;
  #pending = new Map<string, { resolve: (value: unknown) => void; timer: ReturnType<typeof setTimeout> }>();

  constructor(name: string, onMessage: (message: TabMessage) => void) {
    if (typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(name);
    this.#channel.onmessage = (e: MessageEvent<TabMessage>) => {
      const message = e.data;
      if (!message || typeof message !== 'object') return;
      if (message.type === 'result') {
        const waiting = this.#pending.get(message.rid);
        if (!waiting) return;
        this.#pending.delete(message.rid);
        clearTimeout(waiting.timer);
        waiting.resolve(message.value);
        return;
      }
      onMessage(message);
    };
  }

  post(message: TabMessage): void {
    try {
      this.#channel?.postMessage(message);
    } catch (error) {
      // Something not cloneable must not break the phone that published it.
      console.warn('[phone] could not share with the other tabs', error);
    }
  }

  /** Sends a command to the leader; resolves with its result, or undefined when nobody answers in time. */
  request(name: string, args: unknown[]): Promise<unknown> {
    const rid = `${tabId}-${++rids}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(rid);
        resolve(undefined);
      }, COMMAND_TIMEOUT_MS);
      this.#pending.set(rid, { resolve, timer });
      this.post({ type: 'command', rid, name, args });
    });
  }

  close(): void {
    for (const { resolve, timer } of this.#pending.values()) {
      clearTimeout(timer);
      resolve(undefined);
    }
    this.#pending.clear();
    this.#channel?.close();
    this.#channel = undefined;
  }
}
