/**
 * One registration for all the tabs of one account: the tab elected by
 * `elect` runs the SIP agent and publishes the phone's state and events on a
 * `TabLink`; the others mirror them and send it their commands. Two accounts
 * never share (the lock and the channel are named for the account), and two
 * phones of one account on one page share like two tabs.
 */
import type { Emitter } from '../emitter.js';
import type { SessionEvents } from '../phone-session.js';
import type { PhoneState } from '../types.js';
import type { SipAgent, SipSubscription } from '../sip/agent.js';
import { elect } from './tab-election.js';
import { RemoteAgent } from './remote-agent.js';
import { TabLink, type SharedEventName, type TabMessage } from './tab-link.js';

export type TabRole = 'waiting' | 'leader' | 'follower';

export interface TabShareHooks {
  /** This tab is elected (first, or after the elected one went away): start the SIP agent here. */
  lead(): void;
  /** Following: the elected tab's state. */
  mirror(state: PhoneState): void;
  /** Following: an event of the elected tab, to tell this tab's page too. */
  replay(name: SharedEventName, payload: unknown): void;
  /** Elected: carries out a follower's command; may return a promise. */
  execute(name: string, args: unknown[]): unknown;
  /** Elected: the current state, for a follower that asks. */
  snapshot(): PhoneState;
}

const SHARED_EVENTS: readonly SharedEventName[] = ['status', 'incoming', 'call-start', 'call-end', 'error'];

/** The lock and channel name of an account (user@domain, lower case). */
export function tabShareName(user: string, domain: string, scope = 'phone-widget'): string {
  return `${scope}:${user}@${domain}`.toLowerCase();
}

export class TabShare {
  #role: TabRole = 'waiting';
  #hooks: TabShareHooks;
  #link: TabLink;
  #offs: Array<() => void>;
  #leave: () => void = () => undefined;
  /** Elected: the agent that serves the followers' subscriptions and MESSAGEs, and those subscriptions. */
  #agent: SipAgent | undefined;
  #offAgent: (() => void) | undefined;
  #served = new Map<string, SipSubscription>();
  /** Following: the features' stand-in agent. */
  #remote: RemoteAgent | undefined;

  constructor(name: string, source: Pick<Emitter<SessionEvents>, 'on'>, hooks: TabShareHooks) {
    this.#hooks = hooks;
    this.#link = new TabLink(name, (message) => this.#receive(message));
    this.#offs = [
      source.on('change', (state) => this.#publish({ type: 'state', state })),
      ...SHARED_EVENTS.map((eventName) => source.on(eventName, (payload) => this.#publish({ type: 'event', name: eventName, payload }))),
    ];
    this.#leave = elect(name, {
      lead: () => {
        this.#role = 'leader';
        hooks.lead();
      },
      follow: () => {
        this.#role = 'follower';
        this.#link.post({ type: 'hello' });
      },
    });
  }

  /** `leader`: this tab registers; `follower`: another tab does; `waiting`: not known yet. */
  get role(): TabRole {
    return this.#role;
  }

  get following(): boolean {
    return this.#role === 'follower';
  }

  /** Following: an agent for the features that works through the elected tab's agent. */
  remoteAgent(): RemoteAgent {
    return (this.#remote ??= new RemoteAgent(this.#link));
  }

  /** Elected: serves the followers' subscriptions and MESSAGEs with `agent`, and relays its unsolicited NOTIFYs. */
  serve(agent: SipAgent): void {
    this.#unserve();
    this.#agent = agent;
    this.#offAgent = agent.on('notify', (payload) => this.#publish({ type: 'agent-notify', payload }));
  }

  /** Following: sends a command to the elected tab; resolves with its result (undefined if it did not answer). */
  forward(name: string, args: unknown[]): Promise<unknown> {
    return this.#link.request(name, args);
  }

  /** Leaves: releases the registration to another tab, or stops waiting for it. */
  close(): void {
    for (const off of this.#offs) off();
    this.#offs = [];
    this.#unserve();
    this.#remote?.stop();
    this.#remote = undefined;
    this.#leave();
    this.#link.close();
    this.#role = 'waiting';
  }

  #publish(message: TabMessage): void {
    if (this.#role === 'leader') this.#link.post(message);
  }

  #receive(message: TabMessage): void {
    if (this.#role === 'leader') {
      if (message.type === 'hello') this.#link.post({ type: 'state', state: this.#hooks.snapshot() });
      else if (message.type === 'command') void this.#execute(message.rid, message.name, message.args);
      else if (message.type === 'subscribe') this.#subscribe(message);
      else if (message.type === 'unsubscribe') {
        this.#served.get(message.sid)?.terminate();
        this.#served.delete(message.sid);
      }
    } else if (this.#role === 'follower') {
      if (message.type === 'state') this.#hooks.mirror(message.state);
      else if (message.type === 'event') this.#hooks.replay(message.name, message.payload);
      else if (message.type === 'subscription') this.#remote?.relaySubscription(message.sid, message.name, message.payload);
      else if (message.type === 'agent-notify') this.#remote?.relayNotify(message.payload);
    }
  }

  #subscribe({ sid, target, event, accept, expires, headers }: Extract<TabMessage, { type: 'subscribe' }>): void {
    if (!this.#agent || this.#served.has(sid)) return;
    let subscription: SipSubscription;
    try {
      subscription = this.#agent.subscribe(target, event, accept, expires, Array.isArray(headers) ? headers : []);
    } catch {
      this.#link.post({ type: 'subscription', sid, name: 'terminated', payload: { refused: true, reason: 'failed' } });
      return;
    }
    this.#served.set(sid, subscription);
    for (const name of ['active', 'notify', 'terminated'] as const) {
      subscription.on(name, (payload) => {
        if (name === 'terminated') this.#served.delete(sid);
        this.#link.post({ type: 'subscription', sid, name, payload });
      });
    }
  }

  #unserve(): void {
    this.#offAgent?.();
    this.#offAgent = undefined;
    for (const subscription of this.#served.values()) {
      try {
        subscription.terminate();
      } catch {
        // Already gone with its agent.
      }
    }
    this.#served.clear();
    this.#agent = undefined;
  }

  async #execute(rid: string, name: string, args: unknown[]): Promise<void> {
    let value: unknown;
    try {
      const list = Array.isArray(args) ? args : [];
      value =
        name === 'agent.sendMessage'
          ? await this.#agent?.sendMessage(String(list[0]), String(list[1]), String(list[2]), Array.isArray(list[3]) ? (list[3] as string[]) : [])
          : await this.#hooks.execute(name, list);
    } catch (error) {
      console.warn('[phone] a command from another tab failed', error);
    }
    this.#link.post({ type: 'result', rid, value });
  }
}

/** What stays this tab's own when it mirrors the elected tab's state. */
const OWN_KEYS: ReadonlySet<keyof PhoneState> = new Set(['account', 'configError']);

/**
 * The patch that makes `own` show the elected tab's state: every key of the
 * elected tab's state but this tab's account and configuration error, and
 * the keys the elected tab no longer has removed (undefined).
 */
export function mirrorPatch(own: PhoneState, leader: PhoneState): Partial<PhoneState> {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(own) as Array<keyof PhoneState>) if (!OWN_KEYS.has(key)) patch[key] = undefined;
  for (const key of Object.keys(leader) as Array<keyof PhoneState>) if (!OWN_KEYS.has(key)) patch[key] = leader[key];
  return patch as Partial<PhoneState>;
}
