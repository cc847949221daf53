import { msg, str } from '@lit/localize';
import type { CallEndCause } from '../types.js';

/**
 * Words for why a call ended, from the SIP status code first and JsSIP's cause
 * string second. Pure: no JsSIP import, so it is unit-tested on its own.
 * The words are in the active language (`msg()`) when the call ends.
 */
const BY_CODE: Array<[number[], string, () => string]> = [
  [[486, 600], 'busy', () => msg('Busy')],
  [[603], 'declined', () => msg('Declined')],
  [[404, 604], 'not-found', () => msg('Not found')],
  [[480, 410, 430], 'unavailable', () => msg('Unavailable')],
  [[408], 'no-answer', () => msg('No answer')],
  [[484, 424], 'address-incomplete', () => msg('Address incomplete')],
  [[401, 407], 'auth', () => msg('Authentication failed')],
  [[403], 'forbidden', () => msg('Forbidden')],
  [[487], 'canceled', () => msg('Canceled')],
  [[488, 606], 'incompatible', () => msg('No common audio format')],
  [[500, 502, 503, 504], 'server-error', () => msg('Server error')],
];

const BY_JSSIP_CAUSE: Record<string, [string, () => string]> = {
  Terminated: ['hangup', () => msg('Call ended')],
  Canceled: ['canceled', () => msg('Canceled')],
  'No Answer': ['no-answer', () => msg('No answer')],
  Expires: ['no-answer', () => msg('No answer')],
  'Request Timeout': ['no-answer', () => msg('No answer')],
  'Connection Error': ['network', () => msg('Network error')],
  'User Denied Media Access': ['microphone', () => msg('Microphone blocked')],
  'WebRTC Error': ['media', () => msg('Audio could not start')],
  'Bad Media Description': ['media', () => msg('Audio could not start')],
  'Incompatible SDP': ['incompatible', () => msg('No common audio format')],
  'Missing SDP': ['incompatible', () => msg('No common audio format')],
  'RTP Timeout': ['network', () => msg('Audio connection lost')],
  'Authentication Error': ['auth', () => msg('Authentication failed')],
  Busy: ['busy', () => msg('Busy')],
  Rejected: ['declined', () => msg('Declined')],
  'Not Found': ['not-found', () => msg('Not found')],
  Unavailable: ['unavailable', () => msg('Unavailable')],
  'Address Incomplete': ['address-incomplete', () => msg('Address incomplete')],
  'Dialog Error': ['failed', () => msg('Call failed')],
  'No ACK': ['network', () => msg('Network error')],
  // Ours (jssip-agent): relay forced, and no TURN server gave a relay address in time.
  'Relay Unreachable': ['network', () => msg('The media relay (TURN) did not answer')],
};

export function describeEnd(
  jssipCause: string | undefined,
  sipCode: number | undefined,
  by: CallEndCause['by'],
): CallEndCause {
  if (sipCode && sipCode >= 300) {
    const hit = BY_CODE.find(([codes]) => codes.includes(sipCode));
    const [code, words] = hit ? [hit[1], hit[2]()] : ['failed', msg('Call failed')];
    return { code, text: `${words} (${sipCode})`, sipCode, by };
  }
  const known = jssipCause && Object.hasOwn(BY_JSSIP_CAUSE, jssipCause) ? BY_JSSIP_CAUSE[jssipCause] : undefined;
  if (known) return { code: known[0], text: known[1](), by, ...(sipCode ? { sipCode } : {}) };
  return { code: 'failed', text: jssipCause ? msg(str`Call failed: ${jssipCause}`) : msg('Call failed'), by };
}

/** Words for a failed registration. */
export function describeRegistrationFailure(jssipCause: string | undefined, sipCode: number | undefined): {
  text: string;
  /** Retrying cannot help (wrong credentials): the phone stops trying. */
  final: boolean;
} {
  if (sipCode === 401 || sipCode === 407 || sipCode === 403 || jssipCause === 'Authentication Error' || jssipCause === 'Rejected') {
    return { text: sipCode ? msg(str`Wrong user name or password (${sipCode})`) : msg('Wrong user name or password'), final: true };
  }
  if (sipCode === 404) return { text: msg('Unknown account (404)'), final: true };
  if (jssipCause === 'Request Timeout') return { text: msg('The server did not answer'), final: false };
  if (jssipCause === 'Connection Error') return { text: msg('Server unreachable'), final: false };
  if (sipCode) return { text: msg(str`Registration refused (${sipCode})`), final: false };
  return { text: jssipCause ? msg(str`Registration failed: ${jssipCause}`) : msg('Registration failed'), final: false };
}
