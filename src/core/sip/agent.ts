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
  ended: { cause?: string; code?: number; by: CallEndCause['by'] };
}

export interface SipCall extends Pick<Emitter<CallEvents>, 'on'> {
  readonly id: string;
  readonly direction: CallDirection;
  readonly remote: RemoteParty;
  answer(): void;
  /** Hangs up, cancels or rejects, whatever the call's state. */
  hangup(): void;
  /** Rejects a ringing incoming call with a SIP code (default 480). */
  reject(code?: number): void;
  setMuted(muted: boolean): void;
  stats(): Promise<CallStats | null>;
}

export interface SipAgent extends Pick<Emitter<AgentEvents>, 'on'> {
  start(): void;
  /** Unregisters, closes the connection and ends every call. */
  stop(): void;
  call(uri: string): SipCall;
}

export type SipAgentFactory = (config: PhoneConfig) => SipAgent;
