/** The state of a phone, as elements and the host page see it. */

/** Registration status, in the words business phones use (see `STATUS_TEXT`). */
export type PhoneStatus = 'idle' | 'connecting' | 'ready' | 'disconnected' | 'in-call';

export const STATUS_TEXT: Record<PhoneStatus, string> = {
  idle: 'Not set up',
  connecting: 'Connecting…',
  ready: 'Ready',
  disconnected: 'Disconnected',
  'in-call': 'In call',
};

export type CallDirection = 'inbound' | 'outbound';

/**
 * - `calling`: our INVITE is out, nothing heard back yet
 * - `ringing`: the callee rings (outbound) or we ring (inbound)
 * - `connected`: answered, media flows
 * - `ended`: over; `cause` says why
 */
export type CallState = 'calling' | 'ringing' | 'connected' | 'ended';

export interface RemoteParty {
  /** The number or extension (the SIP user part), or user@host for foreign domains. */
  number: string;
  /** The display name, when the network gave one. */
  name?: string;
  uri: string;
}

/** Why a call ended, in words, with the SIP code when there was one. */
export interface CallEndCause {
  /** A stable machine code: `hangup`, `busy`, `declined`, `not-found`, `unavailable`, `no-answer`, `canceled`, `rejected`, `auth`, `microphone`, `network`, `failed`. */
  code: string;
  /** Shown to the user: "Busy (486)". */
  text: string;
  /** The SIP status code, when a response carried one. */
  sipCode?: number;
  /** Who ended the call. */
  by: 'local' | 'remote' | 'system';
}

export interface CallView {
  id: string;
  direction: CallDirection;
  remote: RemoteParty;
  state: CallState;
  /** When the call was placed or first rang (ms since epoch). */
  startedAt: number;
  answeredAt?: number;
  endedAt?: number;
  cause?: CallEndCause;
  muted: boolean;
  held: boolean;
}

export interface AccountView {
  user: string;
  identity: string;
  displayName?: string;
}

export interface PhoneState {
  status: PhoneStatus;
  /** The status in words, e.g. "Disconnected". */
  statusText: string;
  /** Why, in words, when disconnected: "Wrong user name or password". */
  reason?: string;
  account?: AccountView;
  /** Live calls, oldest first. Ended calls leave this list. */
  calls: readonly CallView[];
  /** The last call that ended, for "Call ended: Busy (486)" messages. */
  lastEnded?: CallView;
  /** A configuration error, shown until the configuration changes. */
  configError?: string;
}

export interface CallStats {
  bytesSent: number;
  bytesReceived: number;
  packetsReceived: number;
  packetsLost: number;
  /** Round-trip time in seconds, when known. */
  roundTripTime?: number;
  jitter?: number;
  codec?: string;
  /** Cumulative energy of the received audio (grows while the far end is heard, flat while it is silent or muted). */
  audioEnergy: number;
}
