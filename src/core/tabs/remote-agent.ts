/**
 * A follower tab's stand-in for the SIP agent, for the phone's features (BLF
 * and voicemail subscriptions, sending chat): each subscription and MESSAGE
 * goes through the elected tab's agent, and what comes back (NOTIFYs, the
 * final response) is relayed here. Calls never go through it: call commands
 * are forwarded as commands (see forwarding.ts). Incoming MESSAGEs reach the
 * elected tab only.
 */
import { Emitter } from '../emitter.js';
import type { AgentEvents, MessageResult, SipAgent, SipCall, SipSubscription, SubscriptionEvents } from '../sip/agent.js';
import type { TabLink } from './tab-link.js';

let sids = 0;
const tabId = Math.random().toString(36).slice(2);

class RemoteSubscription extends Emitter<SubscriptionEvents> implements SipSubscription {
  #end: (sid: string) => void;
  constructor(
    readonly sid: string,
    end: (sid: string) => void,
  ) {
    super();
    this.#end = end;
  }
  terminate(): void {
    this.#end(this.sid);
  }
  /** Relays an event of the elected tab's subscription. */
  relay<K extends keyof SubscriptionEvents>(name: K, payload: SubscriptionEvents[K]): void {
    this.emit(name, payload);
  }
}

export class RemoteAgent extends Emitter<AgentEvents> implements SipAgent {
  #link: TabLink;
  #subscriptions = new Map<string, RemoteSubscription>();

  constructor(link: TabLink) {
    super();
    this.#link = link;
  }

  start(): void {}

  /** Ends this tab's subscriptions in the elected tab. */
  stop(): void {
    for (const sid of [...this.#subscriptions.keys()]) this.#end(sid);
  }

  call(): SipCall {
    throw new Error('Calls are placed by the tab that has the registration.');
  }

  subscribe(target: string, event: string, accept: string, expires: number, headers: string[] = []): SipSubscription {
    const sid = `${tabId}-${++sids}`;
    const subscription = new RemoteSubscription(sid, (s) => this.#end(s));
    this.#subscriptions.set(sid, subscription);
    this.#link.post({ type: 'subscribe', sid, target, event, accept, expires, headers });
    return subscription;
  }

  async sendMessage(target: string, body: string, contentType: string, headers: string[] = []): Promise<MessageResult> {
    const result = (await this.#link.request('agent.sendMessage', [target, body, contentType, headers])) as MessageResult | undefined;
    return result ?? { ok: false, reason: 'The tab that has the registration did not answer.' };
  }

  /** A subscription event from the elected tab (ignored unless the subscription is this tab's). */
  relaySubscription(sid: string, name: keyof SubscriptionEvents, payload: unknown): void {
    const subscription = this.#subscriptions.get(sid);
    if (!subscription) return;
    if (name === 'terminated') this.#subscriptions.delete(sid);
    subscription.relay(name, payload as never);
  }

  /** An unsolicited NOTIFY the elected tab's agent received (e.g. message-summary). */
  relayNotify(payload: AgentEvents['notify']): void {
    this.emit('notify', payload);
  }

  #end(sid: string): void {
    if (!this.#subscriptions.delete(sid)) return;
    this.#link.post({ type: 'unsubscribe', sid });
  }
}
