/**
 * The public events a `<phone-widget>` fires for its host page. All bubble and
 * are composed; none carries a JsSIP object or a password.
 */
import type { CallDirection, CallEndCause, PhoneStatus, RemoteParty } from '../core/types.js';
import type { ChatMessageEvent } from '../core/chat/chat-types.js';

export interface PhoneStatusDetail {
  /** `idle`, `connecting`, `ready`, `disconnected` or `in-call`. */
  status: PhoneStatus;
  /** The status in words: "Ready". */
  text: string;
  /** Why, in words, when disconnected. */
  reason?: string;
}

export interface PhoneCallDetail {
  id: string;
  direction: CallDirection;
  remote: RemoteParty;
  /** For `phone-incoming`: the INVITE headers named in `incoming-headers`, for screen pops. */
  headers?: Record<string, string>;
}

export interface PhoneCallEndDetail extends PhoneCallDetail {
  /** Seconds between answer and end; 0 for calls never answered. */
  duration: number;
  cause: CallEndCause;
}

export interface PhoneErrorDetail {
  code: string;
  message: string;
}

export interface PhoneVoicemailDetail {
  /** The server says messages are waiting. */
  waiting: boolean;
  /** New (unheard) and old voice messages, and the urgent new ones; 0 when the server does not count. */
  newMessages: number;
  oldMessages: number;
  urgentMessages: number;
}

abstract class PhoneEvent<T> extends CustomEvent<T> {
  constructor(type: string, detail: T) {
    super(type, { detail, bubbles: true, composed: true });
  }
}

/** The registration status changed. */
export class PhoneStatusEvent extends PhoneEvent<PhoneStatusDetail> {
  constructor(detail: PhoneStatusDetail) {
    super('phone-status', detail);
  }
}

/** The voicemail count changed (message-summary, RFC 3842). */
export class PhoneVoicemailEvent extends PhoneEvent<PhoneVoicemailDetail> {
  constructor(detail: PhoneVoicemailDetail) {
    super('phone-voicemail', detail);
  }
}

/** A call is ringing in. */
export class PhoneIncomingEvent extends PhoneEvent<PhoneCallDetail> {
  constructor(detail: PhoneCallDetail) {
    super('phone-incoming', detail);
  }
}

/** A call was answered (either side). */
export class PhoneCallStartEvent extends PhoneEvent<PhoneCallDetail> {
  constructor(detail: PhoneCallDetail) {
    super('phone-call-start', detail);
  }
}

/** A call ended, answered or not. */
export class PhoneCallEndEvent extends PhoneEvent<PhoneCallEndDetail> {
  constructor(detail: PhoneCallEndDetail) {
    super('phone-call-end', detail);
  }
}

/** Something went wrong that the user was told about (bad configuration, wrong password, undialable number…). */
export class PhoneErrorEvent extends PhoneEvent<PhoneErrorDetail> {
  constructor(detail: PhoneErrorDetail) {
    super('phone-error', detail);
  }
}

/** A chat message arrived: `{ conversationId, from: { number, name? }, text, file?, group? }`. */
export class PhoneMessageEvent extends PhoneEvent<ChatMessageEvent> {
  constructor(detail: ChatMessageEvent) {
    super('phone-message', detail);
  }
}

export interface PhoneDialRequestDetail {
  /** What is about to be dialled; the page may rewrite it (e.g. add a prefix). */
  target: string;
}

/** A call is about to be placed. Cancel it to veto the call, or set `detail.target` to rewrite the number. */
export class PhoneDialRequestEvent extends CustomEvent<PhoneDialRequestDetail> {
  constructor(target: string) {
    super('phone-dial-request', { detail: { target }, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'phone-status': PhoneStatusEvent;
    'phone-incoming': PhoneIncomingEvent;
    'phone-call-start': PhoneCallStartEvent;
    'phone-call-end': PhoneCallEndEvent;
    'phone-error': PhoneErrorEvent;
    'phone-dial-request': PhoneDialRequestEvent;
    'phone-message': PhoneMessageEvent;
    'phone-voicemail': PhoneVoicemailEvent;
  }
}
