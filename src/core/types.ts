/** The state of a phone, as elements and the host page see it. */
import type { CallQuality, QualitySummary } from './media/quality.js';

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

/** A transfer this call is part of. */
export interface TransferView {
  kind: 'blind' | 'attended' | 'voicemail';
  /** What the user typed or picked: "1003". */
  target: string;
  /**
   * - `referring`: REFER sent, waiting for the transferee's report
   * - `consulting`: attended: this call is held while the consult call (`consultId`) runs
   */
  state: 'referring' | 'consulting';
  consultId?: string;
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
  /** We put the call on hold. */
  held: boolean;
  /** The far end put us on hold. */
  remoteHeld: boolean;
  /** A hold or resume is under way. */
  holdPending?: boolean;
  /** The far end plays its own ringing or announcements (183 with SDP). */
  earlyMedia?: boolean;
  /** Our ringing was silenced ("Ignore"); the call still rings elsewhere. */
  silenced?: boolean;
  /** This call is being transferred. */
  transfer?: TransferView;
  /** This is the consult call of an attended transfer of call `consultFor`. */
  consultFor?: string;
  /** DTMF digits sent during this call. */
  dtmf?: string;
  /** Live quality, sampled every second while connected. */
  quality?: CallQuality;
  /** Server recording is on (as far as we told the server). */
  recording?: boolean;
  /** Local recording (in the browser) is on: since when, and which segment of this call it is (1, 2…). */
  localRecording?: { since: number; segment: number };
  /** Why the last local recording failed (storage full…), until the next one starts. */
  recordingError?: string;
  /** A supervisor's monitoring call, and its current mode. */
  monitor?: 'listen' | 'whisper' | 'barge';
}

/** One call in the history, as stored: written at the start, completed at the end. */
export interface CallHistoryRecord {
  id: string;
  direction: CallDirection;
  number: string;
  name?: string;
  startedAt: number;
  answeredAt?: number;
  endedAt?: number;
  /** Seconds talked. */
  duration: number;
  /** Still going on (or the tab closed during it). */
  open: boolean;
  /** answered, missed (incoming not answered), rejected (by us), failed (outgoing not answered), transferred. */
  outcome: 'answered' | 'missed' | 'rejected' | 'failed' | 'transferred' | 'in-progress';
  cause?: CallEndCause;
  /** Average and worst quality of the call. */
  quality?: QualitySummary;
}

/** A finished call, newest first, for redial and suggestions. */
export interface RecentCall {
  id: string;
  direction: CallDirection;
  number: string;
  name?: string;
  startedAt: number;
  duration: number;
  /** Missed or rejected incoming calls, and failed outgoing ones. */
  answered: boolean;
  cause: CallEndCause;
}

/** How the phone handles calls. Pages set these by attributes; users in settings. */
export interface CallSettings {
  /** Do Not Disturb: incoming calls are rejected with `dndCode` and logged as missed. */
  dnd: boolean;
  /** SIP code for calls rejected under DND (486 Busy Here by default). */
  dndCode: number;
  /** Feature codes dialled silently to set DND on the server too (e.g. `*78` / `*79`). */
  dndOnCode?: string;
  dndOffCode?: string;
  /** SIP code for "Reject" (480 Temporarily Unavailable, as the seed phones). */
  rejectCode: number;
  /** Answer every incoming call by itself (kiosks, intercom). */
  autoAnswer: boolean;
  /** Seconds before auto-answer. */
  autoAnswerDelay: number;
  /** Honour INVITEs that ask to be answered (Call-Info answer-after, Alert-Info auto-answer). */
  allowRemoteAutoAnswer: boolean;
  /** The tone for a second incoming call during a call: repeat, once, or none. */
  callWaiting: 'enable' | 'once' | 'disabled';
  /** DTMF by RFC 4733 (in the audio) or by SIP INFO. */
  dtmfMode: 'rfc4733' | 'info';
  /** Prefix that makes a blind transfer reach an extension's mailbox (the Stratus convention is `03`). */
  voicemailPrefix?: string;
  /** Dynamic parking: the code the server parks a call on (it chooses the slot). */
  parkCode?: string;
  /** Static parking: the slots a call can be parked on. */
  parkSlots?: readonly string[];
  /** "Switch phone": the user's other devices a call can be moved to. */
  switchTargets?: ReadonlyArray<{ target: string; label: string }>;
  /** Server on-demand recording: the DTMF code that starts and stops it (seed 003: `*1`). */
  recordCode?: string;
  /** Local recording: "Record" records both sides in the browser, kept per call in IndexedDB. */
  localRecording?: boolean;
  /** The reminder shown while recording (local or server), e.g. to tell the other party. */
  recordingConsent?: string;
  /** Supervisor monitoring: the spy code (seed 001: `007`) and the in-call DTMF codes. */
  monitor?: { listenCode: string; whisper: string; barge: string; listenOnly: string };
  /** Server conference room (seeds 002, 003): the user's room, an extension or SIP URI ("800", "sip:conf-1001@pbx"). */
  conferenceRoom?: string;
}

export const DEFAULT_CALL_SETTINGS: CallSettings = {
  dnd: false,
  dndCode: 486,
  rejectCode: 480,
  autoAnswer: false,
  autoAnswerDelay: 0,
  allowRemoteAutoAnswer: false,
  callWaiting: 'enable',
  dtmfMode: 'rfc4733',
};

/** The user's local conference: calls mixed together in the browser. */
export interface ConferenceView {
  /** The calls in the conference, in the order they joined. */
  ids: readonly string[];
  /** The user's microphone is muted for every participant. */
  muted: boolean;
  /** Participants the others (and the user) do not hear. */
  mutedIds: readonly string[];
  /** Merging is under way (held calls are being resumed). */
  pending?: boolean;
}

/** The user's server conference room, where one is configured (`settings.conferenceRoom`). */
export interface ConferenceRoomView {
  /** The room as dialled ("800", "conf-1001@pbx"). */
  target: string;
  /** The user's own call to the room, while there is one. */
  callId?: string;
  /**
   * Somebody is in the room: its dialog state (watched like a BLF key) says
   * so, or, where the server does not say, a party was sent there recently.
   */
  active: boolean;
}

/** A short message for the user: "Call transferred to 1003", "Could not hold the call (488)". */
export interface Notice {
  kind: 'info' | 'error';
  text: string;
  /** Changes with every notice, so the same text twice is announced twice. */
  id: number;
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
  /** Finished calls, newest first (at most 50). */
  recent: readonly RecentCall[];
  settings: CallSettings;
  notice?: Notice;
  /** The local conference, while there is one. */
  conference?: ConferenceView;
  /** The server conference room, where one is configured. */
  room?: ConferenceRoomView;
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
  /** Media goes direct between the two ends, or through a TURN relay. */
  path?: 'direct' | 'relay';
  /** Through our relay: how we reach the TURN server (`udp`, `tcp`, or `tls` for turns:). */
  relayProtocol?: 'udp' | 'tcp' | 'tls';
}
