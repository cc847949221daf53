/**
 * The boundary between the phone and its SIP stack. `PhoneSession` talks only
 * to these interfaces; `jssip-agent.ts` implements them with JsSIP, and unit
 * tests may implement them with a fake.
 */
import type { Emitter } from '../emitter.js';
import type { PhoneConfig } from '../config.js';
import type { CallDirection, CallEndCause, CallStats, RemoteParty } from '../types.js';

/** A MESSAGE that arrived (RFC 3428). Headers are lower-cased names; only the ones chat needs. */
export interface IncomingMessage {
  from: RemoteParty;
  body: string;
  contentType: string;
  headers: Record<string, string>;
}

/** A NOTIFY outside any subscription we made (e.g. unsolicited message-summary). */
export interface UnsolicitedNotify {
  event: string;
  body: string;
  contentType: string;
}

export interface AgentEvents {
  message: IncomingMessage;
  notify: UnsolicitedNotify;
  connecting: { attempt: number };
  connected: { url: string };
  disconnected: { error: boolean; code?: number; reason?: string };
  registered: undefined;
  unregistered: undefined;
  registrationFailed: { cause?: string; code?: number };
  incoming: SipCall;
}

export interface CallEvents {
  /** The far end rings (180) or sends early media (183 with SDP). */
  ringing: { earlyMedia: boolean; code: number };
  /** Answered (2xx sent or received). */
  accepted: undefined;
  /** The far end's audio arrived. */
  remoteStream: MediaStream;
  /** The far end put us on hold, or took us off it. */
  remoteHold: { held: boolean };
  /** The far end transferred us (REFER): `call` is the new call to the transfer target. */
  referred: { call: SipCall; target: string };
  /** Another call replaced this one (INVITE with Replaces, after an attended transfer). */
  replaced: { call: SipCall };
  ended: { cause?: string; code?: number; by: CallEndCause['by'] };
}

/** How a transfer (REFER) ended, as the transferee reported it (NOTIFY sipfrag). */
export type ReferResult = { ok: true } | { ok: false; code?: number; reason: string };

export type HoldResult = { ok: true } | { ok: false; code?: number };

export type DtmfMode = 'rfc4733' | 'info';

/** A call's audio as Web Audio needs it (local conference, local recording). */
export interface CallAudio {
  /** The far end's audio, once it arrived. */
  remote?: MediaStream;
  /** The track sent to the far end now: the microphone, or a conference mix. */
  sending?: MediaStreamTrack;
}

export interface SipCall extends Pick<Emitter<CallEvents>, 'on'> {
  readonly id: string;
  readonly direction: CallDirection;
  readonly remote: RemoteParty;
  /** Seconds after which the caller asked us to answer by ourselves (Call-Info answer-after, Alert-Info auto answer). */
  readonly autoAnswerAfter?: number;
  answer(): void;
  /** Hangs up, cancels or rejects, whatever the call's state. */
  hangup(): void;
  /** Rejects a ringing incoming call with a SIP code (default 480). */
  reject(code?: number): void;
  setMuted(muted: boolean): void;
  /** Holds or resumes by re-INVITE. Never ends the call when the far end refuses. */
  setHeld(held: boolean): Promise<HoldResult>;
  sendDtmf(tone: string, mode: DtmfMode): void;
  /** Transfers the far end to `target` (a SIP URI); with `replaces`, attended: the target's call with us is replaced. */
  refer(target: string, replaces?: SipCall): Promise<ReferResult>;
  /** A header of the INVITE that started an incoming call (for screen pops), if present. */
  header(name: string): string | undefined;
  /** The URI to reach the far end of this call (for an attended transfer's Refer-To). */
  readonly remoteTarget: string;
  stats(): Promise<CallStats | null>;
  /** The audio streams of the call, for mixing in the browser. */
  audio(): CallAudio;
  /** Sends `track` to the far end instead of the current one (RTCRtpSender.replaceTrack, no renegotiation). */
  sendTrack(track: MediaStreamTrack): Promise<boolean>;
}

export interface SubscriptionEvents {
  /** The subscription is accepted and the notifier said `active`. */
  active: undefined;
  /** A NOTIFY with a body. */
  notify: { body: string; contentType: string; final: boolean };
  /** Over: refused, expired, or ended by the notifier; `retryAfter` in seconds when given. */
  terminated: { reason?: string; retryAfter?: number; refused: boolean };
}

export interface SipSubscription extends Pick<Emitter<SubscriptionEvents>, 'on'> {
  /** Ends the subscription (SUBSCRIBE with Expires: 0). */
  terminate(): void;
}

export type MessageResult = { ok: true; code: number } | { ok: false; code?: number; reason: string };

export interface SipAgent extends Pick<Emitter<AgentEvents>, 'on'> {
  start(): void;
  /** Unregisters, closes the connection and ends every call. */
  stop(): void;
  call(uri: string): SipCall;
  /** Subscribes to an event package at `target` (a SIP URI); refreshes by itself until terminated. */
  subscribe(target: string, event: string, accept: string, expires: number, headers?: string[]): SipSubscription;
  /** Sends a MESSAGE; resolves with the final response. */
  sendMessage(target: string, body: string, contentType: string, headers?: string[]): Promise<MessageResult>;
}

export type SipAgentFactory = (config: PhoneConfig) => SipAgent;
