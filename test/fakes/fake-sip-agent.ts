/**
 * A scripted stand-in for the JsSIP agent, for unit and element tests of the
 * session's logic and the elements' rendering. Never the proof that a phone
 * feature works: the end-to-end tests in test/e2e are.
 */
import { Emitter } from '../../src/core/emitter.js';
import type { PhoneConfig } from '../../src/core/config.js';
import type {
  AgentEvents,
  CallAudio,
  CallEvents,
  DtmfMode,
  HoldResult,
  MessageResult,
  ReferResult,
  SipAgent,
  SipCall,
  SipSubscription,
  SubscriptionEvents,
} from '../../src/core/sip/agent.js';
import type { CallDirection, CallStats, RemoteParty } from '../../src/core/types.js';

let nextId = 1;

export class FakeCall extends Emitter<CallEvents> implements SipCall {
  readonly id = `fake-${nextId++}`;
  /** What the phone asked of this call, in order: 'answer', 'hangup', 'reject:480', 'mute', 'hold', 'dtmf:5/rfc4733', 'refer:sip:…'. */
  readonly log: string[] = [];
  autoAnswerAfter?: number;
  /** What the next hold/resume and transfer will answer. */
  holdReply: HoldResult = { ok: true };
  referReply: ReferResult = { ok: true };
  constructor(
    readonly direction: CallDirection,
    readonly remote: RemoteParty,
  ) {
    super();
  }
  /** INVITE headers of an incoming call, by lower-case name. */
  headers: Record<string, string> = {};
  header(name: string): string | undefined {
    return this.headers[name.toLowerCase()];
  }
  get remoteTarget(): string {
    return this.remote.uri;
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
  setHeld(held: boolean): Promise<HoldResult> {
    this.log.push(held ? 'hold' : 'resume');
    return Promise.resolve(this.holdReply);
  }
  sendDtmf(tone: string, mode: DtmfMode): void {
    this.log.push(`dtmf:${tone}/${mode}`);
  }
  refer(target: string, replaces?: SipCall): Promise<ReferResult> {
    this.log.push(`refer:${target}${replaces ? `;replaces=${replaces.id}` : ''}`);
    return Promise.resolve(this.referReply);
  }
  stats(): Promise<CallStats | null> {
    return Promise.resolve(null);
  }
  /** What `audio()` answers: no media unless a test gives some. */
  media: CallAudio = {};
  audio(): CallAudio {
    return this.media;
  }
  sendTrack(track: MediaStreamTrack): Promise<boolean> {
    this.log.push(`send-track:${track.kind}`);
    this.media = { ...this.media, sending: track };
    return Promise.resolve(true);
  }
  /** The far end's doings. */
  remoteRings(earlyMedia = false): void {
    this.emit('ringing', { earlyMedia, code: earlyMedia ? 183 : 180 });
  }
  remoteAnswers(): void {
    this.emit('accepted', undefined);
  }
  remoteHolds(held = true): void {
    this.emit('remoteHold', { held });
  }
  remoteEnds(code?: number, cause = 'Terminated'): void {
    this.emit('ended', { cause, ...(code ? { code } : {}), by: 'remote' });
  }
}

export class FakeSubscription extends Emitter<SubscriptionEvents> implements SipSubscription {
  terminated = false;
  constructor(
    readonly target: string,
    readonly event: string,
    readonly accept: string,
    readonly expires: number,
    readonly headers: string[],
  ) {
    super();
  }
  terminate(): void {
    this.terminated = true;
  }
  /** The notifier's doings. */
  activate(): void {
    this.emit('active', undefined);
  }
  notify(body: string, contentType: string, final = false): void {
    this.emit('notify', { body, contentType, final });
  }
  end(refused = false, retryAfter?: number): void {
    this.emit('terminated', { refused, ...(retryAfter ? { retryAfter } : {}) });
  }
}

export interface SentMessage {
  target: string;
  body: string;
  contentType: string;
  headers: string[];
}

export class FakeSipAgent extends Emitter<AgentEvents> implements SipAgent {
  started = false;
  stopped = false;
  readonly calls: FakeCall[] = [];
  readonly subscriptions: FakeSubscription[] = [];
  readonly messages: SentMessage[] = [];
  /** What the next sendMessage answers. */
  messageReply: MessageResult = { ok: true, code: 200 };
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
  subscribe(target: string, event: string, accept: string, expires: number, headers: string[] = []): SipSubscription {
    const sub = new FakeSubscription(target, event, accept, expires, headers);
    this.subscriptions.push(sub);
    return sub;
  }
  sendMessage(target: string, body: string, contentType: string, headers: string[] = []): Promise<MessageResult> {
    this.messages.push({ target, body, contentType, headers });
    return Promise.resolve(this.messageReply);
  }
  /** The server's doings. */
  receiveMessage(from: RemoteParty, body: string, contentType = 'text/plain', headers: Record<string, string> = {}): void {
    this.emit('message', { from, body, contentType, headers });
  }
  receiveNotify(event: string, body: string, contentType: string): void {
    this.emit('notify', { event, body, contentType });
  }
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
  ring(remote: RemoteParty, autoAnswerAfter?: number): FakeCall {
    const call = new FakeCall('inbound', remote);
    if (autoAnswerAfter !== undefined) call.autoAnswerAfter = autoAnswerAfter;
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
