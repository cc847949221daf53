/**
 * The boundary between the phone and its SIP stack. `PhoneSession` talks only
 * to these interfaces; `jssip-agent.ts` implements them with JsSIP, and unit
 * tests may implement them with a fake.
 */
import type { Emitter } from '../emitter.js';
import type { PhoneConfig } from '../config.js';
import type { CallDirection, CallEndCause, CallStats, RemoteParty } from '../types.js';

export interface AgentEvents {
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
  /** The URI to reach the far end of this call (for an attended transfer's Refer-To). */
  readonly remoteTarget: string;
  stats(): Promise<CallStats | null>;
}

export interface SipAgent extends Pick<Emitter<AgentEvents>, 'on'> {
  start(): void;
  /** Unregisters, closes the connection and ends every call. */
  stop(): void;
  call(uri: string): SipCall;
}

export type SipAgentFactory = (config: PhoneConfig) => SipAgent;
