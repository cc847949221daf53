/**
 * A scripted stand-in for the JsSIP agent, for unit and element tests of the
 * session's logic and the elements' rendering. Never the proof that a phone
 * feature works: the end-to-end tests in test/e2e are.
 */
import { Emitter } from '../../src/core/emitter.js';
import type { PhoneConfig } from '../../src/core/config.js';
import type { AgentEvents, CallEvents, SipAgent, SipCall } from '../../src/core/sip/agent.js';
import type { CallDirection, CallStats, RemoteParty } from '../../src/core/types.js';

let nextId = 1;

export class FakeCall extends Emitter<CallEvents> implements SipCall {
  readonly id = `fake-${nextId++}`;
  /** What the phone asked of this call, in order: 'answer', 'hangup', 'reject:480', 'mute', 'unmute'. */
  readonly log: string[] = [];
  constructor(
    readonly direction: CallDirection,
    readonly remote: RemoteParty,
  ) {
    super();
  }
  answer(): void {
    this.log.push('answer');
    this.emit('accepted', undefined);
  }
  hangup(): void {
    this.log.push('hangup');
    this.emit('ended', { cause: 'Terminated', by: 'local' });
  }
  reject(code = 480): void {
    this.log.push(`reject:${code}`);
    this.emit('ended', { cause: 'Rejected', code, by: 'local' });
  }
  setMuted(muted: boolean): void {
    this.log.push(muted ? 'mute' : 'unmute');
  }
  stats(): Promise<CallStats | null> {
    return Promise.resolve(null);
  }
  /** The far end's doings. */
  remoteRings(): void {
    this.emit('ringing', { earlyMedia: false, code: 180 });
  }
  remoteAnswers(): void {
    this.emit('accepted', undefined);
  }
  remoteEnds(code?: number, cause = 'Terminated'): void {
    this.emit('ended', { cause, ...(code ? { code } : {}), by: 'remote' });
  }
}

export class FakeSipAgent extends Emitter<AgentEvents> implements SipAgent {
  started = false;
  stopped = false;
  readonly calls: FakeCall[] = [];
  constructor(readonly config: PhoneConfig) {
    super();
  }
  start(): void {
    this.started = true;
  }
  stop(): void {
    this.stopped = true;
  }
  call(uri: string): SipCall {
    const call = new FakeCall('outbound', { number: uri.replace(/^sip:|@.*$/g, ''), uri });
    this.calls.push(call);
    return call;
  }
  /** The server's doings. */
  register(): void {
    this.emit('connected', { url: this.config.servers[0]! });
    this.emit('registered', undefined);
  }
  failRegistration(code: number, cause?: string): void {
    this.emit('registrationFailed', { code, ...(cause ? { cause } : {}) });
  }
  drop(): void {
    this.emit('disconnected', { error: true });
  }
  ring(remote: RemoteParty): FakeCall {
    const call = new FakeCall('inbound', remote);
    this.calls.push(call);
    this.emit('incoming', call);
    return call;
  }
}

/** A factory that remembers the agents it made. */
export function fakeAgents(): { factory: (config: PhoneConfig) => FakeSipAgent; agents: FakeSipAgent[] } {
  const agents: FakeSipAgent[] = [];
  return {
    agents,
    factory: (config) => {
      const agent = new FakeSipAgent(config);
      agents.push(agent);
      return agent;
    },
  };
}
