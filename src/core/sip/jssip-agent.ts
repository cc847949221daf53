/**
 * The JsSIP implementation of `SipAgent`. This folder is the only place that
 * imports 'jssip'; nothing of JsSIP (objects, originator strings) leaves it.
 */
// JsSIP is CommonJS: its default export is the module object, the one form
// every bundler and the test server's CommonJS transform agree on.
import JsSIP from 'jssip';
import type { NameAddrHeader } from 'jssip/lib/NameAddrHeader';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import type { RTCSessionEvent, UA } from 'jssip/lib/UA';
import { Emitter } from '../emitter.js';
import type { PhoneConfig } from '../config.js';
import type { CallDirection, CallStats, RemoteParty } from '../types.js';
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
} from './agent.js';
import { readCallStats } from '../media/call-stats.js';
import { autoAnswerAfter } from './auto-answer.js';
import { restartIce, setHold } from './reinvite-hold.js';
import { ConnectionWatch } from './connection-watch.js';
import { guardedSocket } from './guarded-socket.js';
import { instanceId } from '../../storage/instance-id.js';

/**
 * How long to wait for more ICE candidates once the first one exists. JsSIP
 * otherwise waits for gathering to complete, which with a STUN/TURN server
 * that does not answer costs tens of seconds per call. With no STUN/TURN
 * server every candidate is a host candidate and they come together, so the
 * wait is short; with servers it leaves time for their answers.
 */
export const ICE_GATHERING_CAP_MS = { withServers: 300, hostOnly: 50 };

/**
 * With relay forced, how long gathering may run without a single relay
 * candidate before the call is given up: otherwise a TURN server that never
 * answers holds the INVITE back until the browser stops trying (about 40 s)
 * and the call then connects without any media.
 */
export const RELAY_WAIT_MS = 5000;

const MEDIA: MediaStreamConstraints = { audio: true, video: false };

const pcConfig = (iceServers: RTCIceServer[] = [], iceTransportPolicy: RTCIceTransportPolicy = 'all'): RTCConfiguration => ({
  iceServers,
  iceTransportPolicy,
  bundlePolicy: 'max-bundle',
  rtcpMuxPolicy: 'require',
});

/** Turns JsSIP's SIP tracing on or off (`JsSIP:*` to the console, passwords never included). */
export function setSipTrace(on: boolean): void {
  if (on) JsSIP.debug.enable('JsSIP:*');
  else JsSIP.debug.disable();
}

function partyFrom(header: NameAddrHeader | undefined, domain: string): RemoteParty | undefined {
  if (!header?.uri) return undefined;
  const uri = header.uri;
  const host = String(uri.host ?? '').toLowerCase();
  // JsSIP's grammar has already decoded the user part: decoding again would throw on a literal '%'.
  const user = uri.user ? String(uri.user) : '';
  const number = !user ? host : host === domain || /^\d/.test(user) || user.startsWith('+') ? user : `${user}@${host}`;
  const party: RemoteParty = { number, uri: uri.toString() };
  const name = header.display_name?.trim();
  if (name && name !== number) party.name = name;
  return party;
}

/** The caller as the network asserts it: P-Asserted-Identity, then Remote-Party-ID, then From. */
function callerOf(session: RTCSession, request: IncomingRequest | undefined, domain: string): RemoteParty {
  for (const name of ['P-Asserted-Identity', 'Remote-Party-ID']) {
    const value = request?.getHeader(name);
    if (!value) continue;
    const parsed = partyFrom(JsSIP.NameAddrHeader.parse(value.split(',')[0]!) ?? undefined, domain);
    if (parsed) return parsed;
  }
  return partyFrom(session.remote_identity, domain) ?? { number: 'unknown', uri: '' };
}

interface CallContext {
  domain: string;
  pc: RTCConfiguration;
  media: () => MediaStreamConstraints;
}

class JsSipCall extends Emitter<CallEvents> implements SipCall {
  readonly id: string;
  readonly direction: CallDirection;
  readonly remote: RemoteParty;
  readonly autoAnswerAfter?: number;
  #session: RTCSession;
  #ctx: CallContext;
  #iceTimer: ReturnType<typeof setTimeout> | undefined;
  #pc: RTCPeerConnection | undefined;
  #stream: MediaStream | undefined;
  #request: IncomingRequest | undefined;

  constructor(session: RTCSession, direction: CallDirection, remote: RemoteParty, ctx: CallContext, request?: IncomingRequest) {
    super();
    this.#session = session;
    this.#ctx = ctx;
    this.#request = request;
    this.id = session.id;
    this.direction = direction;
    this.remote = remote;
    const after = request ? autoAnswerAfter((name) => request.getHeaders(name)) : undefined;
    if (after !== undefined) this.autoAnswerAfter = after;

    session.on('peerconnection', ({ peerconnection }) => this.#watch(peerconnection));
    if (session.connection) this.#watch(session.connection);
    session.on('icecandidate', ({ ready }) => {
      this.#iceTimer ??= setTimeout(
        ready,
        ctx.pc.iceServers?.length ? ICE_GATHERING_CAP_MS.withServers : ICE_GATHERING_CAP_MS.hostOnly,
      );
    });
    session.on('sdp', () => {
      clearTimeout(this.#iceTimer);
      this.#iceTimer = undefined;
    });
    session.on('progress', (e: { response?: { status_code: number; body?: string } }) => {
      if (direction !== 'outbound') return;
      const response = e.response;
      const code = response?.status_code ?? 180;
      this.emit('ringing', { earlyMedia: code === 183 && Boolean(response?.body), code });
    });
    session.on('accepted', () => this.emit('accepted', undefined));
    session.on('hold', ({ originator }) => {
      if (originator === 'remote') this.emit('remoteHold', { held: true });
    });
    session.on('unhold', ({ originator }) => {
      if (originator === 'remote') this.emit('remoteHold', { held: false });
    });
    session.on('refer', ({ request, accept }) => {
      // The far end transfers us: call the target; the far end learns how it goes by NOTIFY.
      const target = (request as IncomingRequest & { refer_to?: { uri: { toString(): string } } }).refer_to?.uri.toString() ?? '';
      accept(
        (newSession: RTCSession) => {
          const to = partyFrom(newSession.remote_identity, ctx.domain) ?? { number: target, uri: target };
          this.emit('referred', { call: new JsSipCall(newSession, 'outbound', to, ctx), target });
        },
        { mediaConstraints: ctx.media(), pcConfig: ctx.pc },
      );
    });
    session.on('replaces', ({ accept }) => {
      // An attended transfer elsewhere: the new INVITE takes this call's place and is answered at once.
      accept((newSession: RTCSession) => {
        const party = partyFrom(newSession.remote_identity, ctx.domain) ?? this.remote;
        const call = new JsSipCall(newSession, 'inbound', party, ctx);
        this.emit('replaced', { call });
        newSession.answer({ mediaConstraints: ctx.media(), pcConfig: ctx.pc });
      });
    });
    const end = (e: { originator: string; cause: string; message?: unknown }) => {
      clearTimeout(this.#iceTimer);
      clearTimeout(this.#iceWatch);
      clearTimeout(this.#relayTimer);
      const message = e.message as { status_code?: number } | undefined;
      const code = typeof message?.status_code === 'number' && !this.#relayUnreachable ? message.status_code : undefined;
      const by = this.#relayUnreachable ? 'system' : e.originator === 'local' ? 'local' : e.originator === 'remote' ? 'remote' : 'system';
      this.#stream?.getTracks().forEach((t) => t.stop());
      this.emit('ended', { cause: this.#relayUnreachable ? 'Relay Unreachable' : e.cause, ...(code ? { code } : {}), by });
      this.removeAllListeners();
    };
    session.on('ended', end);
    session.on('failed', end);
  }

  header(name: string): string | undefined {
    return this.#request?.getHeader(name) || undefined;
  }

  get remoteTarget(): string {
    return this.#session.remote_identity?.uri?.toString() ?? this.remote.uri;
  }

  #iceWatch: ReturnType<typeof setTimeout> | undefined;
  #restarting = false;

  /**
   * A network change (Wi-Fi to cable, VPN) breaks the media path: when ICE
   * fails, or stays disconnected for a few seconds, renegotiate with an ICE
   * restart so the audio comes back by itself.
   */
  #onIceState(pc: RTCPeerConnection): void {
    clearTimeout(this.#iceWatch);
    const state = pc.iceConnectionState;
    if (state === 'failed') void this.#restartIce();
    else if (state === 'disconnected') this.#iceWatch = setTimeout(() => void this.#restartIce(), 3000);
  }

  async #restartIce(): Promise<void> {
    if (this.#restarting || this.#session.isEnded() || !this.#session.isEstablished()) return;
    // Only the caller restarts first; the callee waits a little longer, so both ends do not collide (glare).
    this.#restarting = true;
    try {
      if (this.direction === 'inbound') await new Promise((r) => setTimeout(r, 1500));
      const state = this.#pc?.iceConnectionState;
      if (state === 'connected' || state === 'completed' || this.#session.isEnded()) return;
      await restartIce(this.#session);
    } finally {
      this.#restarting = false;
    }
  }

  #relayTimer: ReturnType<typeof setTimeout> | undefined;
  #relayUnreachable = false;

  /** Relay forced: gives the call up when gathering finds no relay candidate in time (see `RELAY_WAIT_MS`). */
  #watchRelay(pc: RTCPeerConnection): void {
    pc.addEventListener('icegatheringstatechange', () => {
      if (pc.iceGatheringState !== 'gathering' || this.#relayTimer || this.#session.isEstablished()) return;
      this.#relayTimer = setTimeout(() => {
        if (this.#session.isEstablished() || this.#session.isEnded()) return;
        this.#relayUnreachable = true;
        this.#session.terminate();
      }, RELAY_WAIT_MS);
    });
    pc.addEventListener('icecandidate', (e) => {
      if (e.candidate) clearTimeout(this.#relayTimer);
    });
  }

  #watch(pc: RTCPeerConnection): void {
    if (this.#pc === pc) return;
    this.#pc = pc;
    if (this.#ctx.pc.iceTransportPolicy === 'relay') this.#watchRelay(pc);
    pc.addEventListener('iceconnectionstatechange', () => this.#onIceState(pc));
    pc.addEventListener('track', (e) => {
      const stream = e.streams[0] ?? new MediaStream([e.track]);
      this.#stream = stream;
      this.emit('remoteStream', stream);
    });
  }

  answer(): void {
    if (this.#session.isEnded() || this.#session.isEstablished()) return;
    this.#session.answer({ mediaConstraints: this.#ctx.media(), pcConfig: this.#ctx.pc });
  }

  hangup(): void {
    if (this.#session.isEnded()) return;
    this.#session.terminate();
  }

  reject(code = 480): void {
    if (this.#session.isEnded()) return;
    this.#session.terminate({ status_code: code });
  }

  setMuted(muted: boolean): void {
    if (muted) this.#session.mute({ audio: true });
    else this.#session.unmute({ audio: true });
  }

  setHeld(held: boolean): Promise<HoldResult> {
    return setHold(this.#session, held, this.direction === 'outbound');
  }

  sendDtmf(tone: string, mode: DtmfMode): void {
    if (!this.#session.isEstablished()) return;
    this.#session.sendDTMF(tone, {
      transportType: (mode === 'info' ? 'INFO' : 'RFC2833') as never,
      duration: 160,
      interToneGap: 80,
    });
  }

  refer(target: string, replaces?: SipCall): Promise<ReferResult> {
    return new Promise((resolve) => {
      let settled = false;
      const done = (result: ReferResult) => {
        if (!settled) resolve(result);
        settled = true;
      };
      const other = replaces instanceof JsSipCall ? replaces.#session : undefined;
      try {
        this.#session.refer(target, {
          ...(other ? { replaces: other } : {}),
          eventHandlers: {
            requestFailed: (e: { response?: { status_code: number; reason_phrase: string } }) =>
              done({ ok: false, ...(e.response ? { code: e.response.status_code } : {}), reason: e.response?.reason_phrase ?? 'Transfer refused' }),
            accepted: () => done({ ok: true }),
            failed: (e: { status_line?: { status_code: number; reason_phrase: string } }) =>
              done({ ok: false, ...(e.status_line ? { code: e.status_line.status_code } : {}), reason: e.status_line?.reason_phrase ?? 'Transfer failed' }),
          },
        });
      } catch (error) {
        done({ ok: false, reason: error instanceof Error ? error.message : String(error) });
      }
      // The transferee may hang up before it reports success: that is success too.
      this.on('ended', () => done({ ok: true }));
    });
  }

  stats(): Promise<CallStats | null> {
    return this.#pc ? readCallStats(this.#pc) : Promise.resolve(null);
  }

  #audioSender(): RTCRtpSender | undefined {
    return this.#pc?.getSenders().find((s) => s.track?.kind === 'audio' || (!s.track && s.dtmf));
  }

  audio(): CallAudio {
    const sending = this.#audioSender()?.track ?? undefined;
    return { ...(this.#stream ? { remote: this.#stream } : {}), ...(sending ? { sending } : {}) };
  }

  async sendTrack(track: MediaStreamTrack): Promise<boolean> {
    const sender = this.#audioSender();
    if (!sender || this.#session.isEnded()) return false;
    try {
      await sender.replaceTrack(track);
      return true;
    } catch {
      return false;
    }
  }
}

/** Header values a chat or presence module may need from an incoming MESSAGE. */
const MESSAGE_HEADERS = ['message-id', 'datetime', 'imdn.message-id', 'imdn.disposition-notification', 'disposition-notification', 'x-conversation', 'x-conversation-name', 'x-conversation-members', 'subject', 'content-disposition', 'content-transfer-encoding'];

/** JsSIP's Subscriber as we use it (its own typings need Node's EventEmitter generics). */
interface Subscriber {
  subscribe(): void;
  terminate(): void;
  on(event: 'active', listener: () => void): void;
  on(event: 'notify', listener: (isFinal: boolean, request: unknown, body?: string, contentType?: string) => void): void;
  on(event: 'terminated', listener: (code: number, reason?: string, retryAfter?: number) => void): void;
}

class JsSipSubscription extends Emitter<SubscriptionEvents> implements SipSubscription {
  #subscriber: Subscriber;
  #done = false;

  constructor(ua: UA, target: string, event: string, accept: string, expires: number, headers: string[]) {
    super();
    // jssip 3.13's ua.subscribe() throws without an options object.
    const subscriber = ua.subscribe(target, event, accept, { expires, contentType: accept, extraHeaders: headers }) as unknown as Subscriber;
    this.#subscriber = subscriber;
    subscriber.on('active', () => this.emit('active', undefined));
    subscriber.on('notify', (isFinal, _request, body, contentType) => {
      if (body) this.emit('notify', { body, contentType: contentType ?? '', final: isFinal });
    });
    subscriber.on('terminated', (code, reason, retryAfter) => {
      if (this.#done) return;
      this.#done = true;
      // Codes 2-4 (non-OK response, wrong OK, authentication failed): the subscription was refused.
      const refused = code >= 2 && code <= 4;
      this.emit('terminated', { refused, ...(reason ? { reason } : {}), ...(retryAfter ? { retryAfter } : {}) });
      this.removeAllListeners();
    });
    subscriber.subscribe();
  }

  terminate(): void {
    if (this.#done) return;
    try {
      this.#subscriber.terminate();
    } catch {
      // Already gone with its dialog.
    }
  }
}

class JsSipAgent extends Emitter<AgentEvents> implements SipAgent {
  #ua: UA;
  #ctx: CallContext;
  #watch: ConnectionWatch;
  #calls = new Set<string>();

  constructor(config: PhoneConfig, media: () => MediaStreamConstraints) {
    super();
    this.#ctx = { domain: config.domain, pc: pcConfig(config.iceServers, config.iceTransportPolicy), media };
    this.#ua = new JsSIP.UA({
      // JsSIP picks among equal weights at random; descending weights make it
      // try the servers in the order they were given.
      sockets: config.servers.map((url, i) => ({
        socket: guardedSocket(new JsSIP.WebSocketInterface(url) as never) as never,
        weight: config.servers.length - i,
      })),
      uri: config.identity,
      authorization_user: config.authorization,
      password: config.password,
      ...(config.displayName ? { display_name: config.displayName } : {}),
      register: true,
      register_expires: 300,
      // One stable +sip.instance per account in this browser: reloads replace
      // the registration instead of piling up contacts on the server.
      instance_id: instanceId(config.identity),
      session_timers: false,
      user_agent: 'phone-widget',
      connection_recovery_min_interval: 2,
      connection_recovery_max_interval: 10,
    });
    const ua = this.#ua;
    this.#watch = new ConnectionWatch(ua, config.domain, { busy: () => this.#calls.size > 0 });
    ua.on('connecting', (e) => this.emit('connecting', { attempt: e.attempts }));
    ua.on('connected', (e) => this.emit('connected', { url: e.socket.url }));
    ua.on('disconnected', (e) =>
      this.emit('disconnected', {
        error: e.error,
        ...(e.code ? { code: e.code } : {}),
        ...(e.reason ? { reason: e.reason } : {}),
      }),
    );
    ua.on('registered', () => this.emit('registered', undefined));
    ua.on('unregistered', () => this.emit('unregistered', undefined));
    ua.on('registrationFailed', (e) =>
      this.emit('registrationFailed', {
        ...(e.cause ? { cause: e.cause } : {}),
        ...(e.response?.status_code ? { code: e.response.status_code } : {}),
      }),
    );
    ua.on('newMessage', (e: { originator: string; request: unknown }) => {
      if (e.originator !== 'remote') return;
      const request = e.request as IncomingRequest;
      const from = partyFrom(request.from, this.#ctx.domain) ?? { number: 'unknown', uri: '' };
      const headers: Record<string, string> = {};
      for (const name of MESSAGE_HEADERS) {
        const value = request.getHeader(name);
        if (value) headers[name] = value;
      }
      this.emit('message', {
        from,
        body: request.body ?? '',
        contentType: (request.getHeader('content-type') ?? 'text/plain').toLowerCase(),
        headers,
      });
    });
    ua.on('sipEvent', (e: { event: unknown; request: IncomingRequest }) => {
      const event = (e.event as { event?: string } | undefined)?.event;
      this.emit('notify', {
        event: (event ?? e.request.getHeader('event') ?? '').toLowerCase(),
        body: e.request.body ?? '',
        contentType: (e.request.getHeader('content-type') ?? '').toLowerCase(),
      });
    });
    ua.on('newRTCSession', (e: RTCSessionEvent) => {
      if (e.originator !== 'remote') return;
      const request = e.request as IncomingRequest;
      // An INVITE with Replaces is handled by the call it replaces ('replaced').
      if (request.hasHeader('replaces')) return;
      this.emit('incoming', this.#track(new JsSipCall(e.session, 'inbound', callerOf(e.session, request, this.#ctx.domain), this.#ctx, request)));
    });
  }

  start(): void {
    this.#ua.start();
    this.#watch.start();
  }

  stop(): void {
    this.#watch.stop();
    this.#ua.stop();
    this.removeAllListeners();
  }

  /** Counts live calls (the connection watch does not move servers under a call). */
  #track(call: JsSipCall): JsSipCall {
    this.#calls.add(call.id);
    call.on('ended', () => this.#calls.delete(call.id));
    return call;
  }

  subscribe(target: string, event: string, accept: string, expires: number, headers: string[] = []): SipSubscription {
    return new JsSipSubscription(this.#ua, target, event, accept, expires, headers);
  }

  sendMessage(target: string, body: string, contentType: string, headers: string[] = []): Promise<MessageResult> {
    return new Promise((resolve) => {
      try {
        this.#ua.sendMessage(target, body, {
          contentType,
          extraHeaders: headers,
          eventHandlers: {
            succeeded: (e: { response: { status_code: number } }) => resolve({ ok: true, code: e.response.status_code }),
            failed: (e: { response?: { status_code: number; reason_phrase: string }; cause?: string }) =>
              resolve({
                ok: false,
                ...(e.response ? { code: e.response.status_code } : {}),
                reason: e.response?.reason_phrase ?? e.cause ?? 'Not sent',
              }),
          },
        } as never);
      } catch (error) {
        resolve({ ok: false, reason: error instanceof Error ? error.message : String(error) });
      }
    });
  }

  call(uri: string): SipCall {
    const session = this.#ua.call(uri, { mediaConstraints: this.#ctx.media(), pcConfig: this.#ctx.pc });
    const remote = partyFrom(session.remote_identity, this.#ctx.domain) ?? { number: uri, uri };
    return this.#track(new JsSipCall(session, 'outbound', remote, this.#ctx));
  }
}

/**
 * Creates the JsSIP agent for one account. `media` gives the getUserMedia
 * constraints at each call (the chosen microphone). Throws when JsSIP refuses
 * the configuration.
 */
export function createJsSipAgent(config: PhoneConfig, media: () => MediaStreamConstraints = () => MEDIA): SipAgent {
  return new JsSipAgent(config, media);
}
