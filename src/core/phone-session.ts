/**
 * One phone: the single SIP agent of one `<phone-widget>`, its registration
 * and the state of every call. Plain TypeScript, no Lit, no DOM rendering.
 *
 * Elements read `state` and listen for `change`; they send commands through
 * the public methods. The session never throws into its callers: failures
 * become state (`reason`, `configError`, a call's `cause`) and `error` events.
 */
import { Emitter } from './emitter.js';
import type { ConfigError, ConfigResult, PhoneConfig } from './config.js';
import { parseDialTarget } from './dial-target.js';
import type { SipAgent, SipAgentFactory, SipCall } from './sip/agent.js';
import { describeEnd, describeRegistrationFailure } from './sip/causes.js';
import { RemoteAudio } from './media/remote-audio.js';
import { STATUS_TEXT, type CallStats, type CallView, type PhoneState, type PhoneStatus } from './types.js';

export interface PhoneErrorInfo {
  /** A stable code: a `ConfigError` code, `dial`, `registration`, `agent`. */
  code: string;
  message: string;
}

export interface SessionEvents {
  change: PhoneState;
  status: { status: PhoneStatus; text: string; reason?: string };
  incoming: CallView;
  'call-start': CallView;
  'call-end': CallView & { duration: number };
  error: PhoneErrorInfo;
}

export type DialResult = { ok: true; id: string } | { ok: false; message: string };

interface Line {
  call: SipCall;
  view: CallView;
  audio: RemoteAudio;
}

export class PhoneSession extends Emitter<SessionEvents> {
  #createAgent: SipAgentFactory;
  #agent: SipAgent | undefined;
  #config: PhoneConfig | undefined;
  #lines = new Map<string, Line>();
  #registered = false;
  #state: PhoneState = { status: 'idle', statusText: STATUS_TEXT.idle, calls: [] };
  #pendingDestination: string | undefined;
  #stopped = false;

  constructor(createAgent: SipAgentFactory) {
    super();
    this.#createAgent = createAgent;
  }

  /** The current state; a new object after every change, never mutated. */
  get state(): PhoneState {
    return this.#state;
  }

  /** The account's SIP domain, once configured. */
  get domain(): string | undefined {
    return this.#config?.domain;
  }

  /**
   * Applies a configuration. The same account again is a no-op; another
   * account replaces the agent (ending its calls).
   */
  configure(result: ConfigResult): void {
    if (!result.ok) {
      if (result.error) this.#configFailed(result.error);
      return;
    }
    const next = result.config;
    const same =
      this.#config &&
      this.#config.identity === next.identity &&
      this.#config.password === next.password &&
      this.#config.authorization === next.authorization &&
      this.#config.servers.join() === next.servers.join() &&
      this.#config.displayName === next.displayName &&
      JSON.stringify(this.#config.iceServers) === JSON.stringify(next.iceServers);
    if (same) return;
    this.#teardown();
    this.#config = next;
    this.#pendingDestination = next.destination;
    this.#stopped = false;
    const account = {
      user: next.user,
      identity: next.identity,
      ...(next.displayName ? { displayName: next.displayName } : {}),
    };
    this.#update({ account, configError: undefined });
    try {
      this.#agent = this.#createAgent(next);
    } catch (error) {
      this.#agent = undefined;
      const message = `The phone could not start: ${error instanceof Error ? error.message : String(error)}`;
      this.#update({ configError: message });
      this.#setStatus('disconnected', message);
      this.emit('error', { code: 'agent', message });
      return;
    }
    this.#wire(this.#agent);
    this.#setStatus('connecting');
    this.#agent.start();
  }

  /**
   * Calls a number, extension or SIP URI. Says why when the target is not
   * dialable or the phone is not ready (an `error` event says it too).
   */
  dial(target: string): DialResult {
    const agent = this.#agent;
    if (!agent || !this.#config) return this.#dialError('The phone is not set up yet.');
    if (!this.#registered) return this.#dialError('The phone is not connected yet.');
    const parsed = parseDialTarget(target, this.#config.domain);
    if (!parsed) return this.#dialError(`"${target}" is not a number or address that can be called.`);
    let call: SipCall;
    try {
      call = agent.call(parsed.uri);
    } catch (error) {
      return this.#dialError(`The call could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
    const view: CallView = {
      id: call.id,
      direction: 'outbound',
      remote: { ...call.remote, number: parsed.display },
      state: 'calling',
      startedAt: Date.now(),
      muted: false,
      held: false,
    };
    this.#addLine(call, view);
    return { ok: true, id: call.id };
  }

  /** Answers the given ringing call, or the oldest one. */
  answer(id?: string): void {
    const line = this.#line(id, (v) => v.direction === 'inbound' && v.state === 'ringing');
    line?.call.answer();
  }

  /** Ends the given call, or the newest one: hangs up, cancels or rejects. */
  hangup(id?: string): void {
    this.#line(id)?.call.hangup();
  }

  /** Rejects a ringing incoming call (480 Temporarily Unavailable by default). */
  reject(id?: string, code = 480): void {
    this.#line(id, (v) => v.direction === 'inbound' && v.state === 'ringing')?.call.reject(code);
  }

  /** Mutes or unmutes the microphone on a call (toggles without `muted`). */
  mute(id?: string, muted?: boolean): void {
    const line = this.#line(id, (v) => v.state === 'connected');
    if (!line) return;
    const next = muted ?? !line.view.muted;
    line.call.setMuted(next);
    this.#patchCall(line, { muted: next });
  }

  /** Live media figures of a call (bytes, packets, jitter, RTT, codec). */
  stats(id?: string): Promise<CallStats | null> {
    return this.#line(id)?.call.stats() ?? Promise.resolve(null);
  }

  /** Ends every call, unregisters and disconnects. The session can be configured again later. */
  stop(): void {
    this.#teardown();
    this.#config = undefined;
    this.#update({ account: undefined });
    this.#setStatus('idle');
  }

  #line(id?: string, match?: (view: CallView) => boolean): Line | undefined {
    if (id) return this.#lines.get(id);
    const lines = [...this.#lines.values()].filter((l) => !match || match(l.view));
    return match ? lines[0] : lines[lines.length - 1];
  }

  #dialError(message: string): DialResult {
    this.emit('error', { code: 'dial', message });
    return { ok: false, message };
  }

  #configFailed(error: ConfigError): void {
    this.#teardown();
    this.#config = undefined;
    this.#update({ configError: error.message, account: undefined });
    this.#setStatus('disconnected', error.message);
    this.emit('error', { code: error.code, message: error.message });
  }

  #wire(agent: SipAgent): void {
    agent.on('connecting', () => {
      if (!this.#registered && this.#state.status !== 'disconnected') this.#setStatus('connecting');
    });
    let connected = false;
    agent.on('connected', () => {
      connected = true;
    });
    agent.on('disconnected', () => {
      if (this.#stopped) return;
      this.#registered = false;
      // Once this agent has been connected, a drop is a lost connection until it is back.
      const reason = connected ? 'Connection to the server lost, reconnecting…' : 'Server unreachable, retrying…';
      this.#setStatus('disconnected', reason);
    });
    agent.on('registered', () => {
      this.#registered = true;
      this.#refreshStatus();
      const destination = this.#pendingDestination;
      this.#pendingDestination = undefined;
      if (destination) this.dial(destination);
    });
    agent.on('unregistered', () => {
      this.#registered = false;
      if (!this.#stopped) this.#setStatus('disconnected', 'Not registered');
    });
    agent.on('registrationFailed', ({ cause, code }) => {
      this.#registered = false;
      const { text, final } = describeRegistrationFailure(cause, code);
      if (final) {
        // Retrying wrong credentials only locks the account on many servers.
        this.#stopped = true;
        agent.stop();
      }
      this.#setStatus('disconnected', text);
      this.emit('error', { code: 'registration', message: text });
    });
    agent.on('incoming', (call) => {
      const view: CallView = {
        id: call.id,
        direction: 'inbound',
        remote: call.remote,
        state: 'ringing',
        startedAt: Date.now(),
        muted: false,
        held: false,
      };
      this.#addLine(call, view);
      this.emit('incoming', view);
    });
  }

  #addLine(call: SipCall, view: CallView): void {
    const line: Line = { call, view, audio: new RemoteAudio() };
    this.#lines.set(call.id, line);
    call.on('ringing', () => {
      if (line.view.state === 'calling') this.#patchCall(line, { state: 'ringing' });
    });
    call.on('remoteStream', (stream) => line.audio.play(stream));
    call.on('accepted', () => {
      this.#patchCall(line, { state: 'connected', answeredAt: Date.now() });
      this.emit('call-start', line.view);
    });
    call.on('ended', ({ cause, code, by }) => {
      line.audio.stop();
      this.#lines.delete(call.id);
      const endedAt = Date.now();
      const ended: CallView = {
        ...line.view,
        state: 'ended',
        endedAt,
        cause: describeEnd(cause, code, by),
      };
      this.#update({ calls: this.#callViews(), lastEnded: ended });
      this.#refreshStatus();
      const duration = ended.answeredAt ? Math.round((endedAt - ended.answeredAt) / 1000) : 0;
      this.emit('call-end', { ...ended, duration });
    });
    this.#update({ calls: this.#callViews() });
    this.#refreshStatus();
  }

  #patchCall(line: Line, patch: Partial<CallView>): void {
    line.view = { ...line.view, ...patch };
    this.#update({ calls: this.#callViews() });
    this.#refreshStatus();
  }

  #callViews(): CallView[] {
    return [...this.#lines.values()].map((l) => l.view);
  }

  #refreshStatus(): void {
    if (!this.#registered) return;
    const busy = [...this.#lines.values()].some((l) => l.view.direction === 'outbound' || l.view.state === 'connected');
    this.#setStatus(busy ? 'in-call' : 'ready');
  }

  #setStatus(status: PhoneStatus, reason?: string): void {
    if (this.#state.status === status && this.#state.reason === reason) return;
    this.#update({ status, statusText: STATUS_TEXT[status], reason });
    this.emit('status', { status, text: STATUS_TEXT[status], ...(reason ? { reason } : {}) });
  }

  #update(patch: Partial<PhoneState>): void {
    const next = { ...this.#state, ...patch };
    for (const key of Object.keys(next) as Array<keyof PhoneState>) {
      if (next[key] === undefined) delete next[key];
    }
    this.#state = next;
    this.emit('change', next);
  }

  #teardown(): void {
    this.#stopped = true;
    this.#registered = false;
    for (const line of this.#lines.values()) {
      line.call.hangup();
      line.audio.stop();
    }
    this.#lines.clear();
    this.#agent?.stop();
    this.#agent = undefined;
    this.#pendingDestination = undefined;
    this.#update({ calls: [] });
  }
}
