import type { CallEndCause } from '../types.js';

/**
 * Words for why a call ended, from the SIP status code first and JsSIP's cause
 * string second. Pure: no JsSIP import, so it is unit-tested on its own.
 */
const BY_CODE: Array<[number[], string, string]> = [
  [[486, 600], 'busy', 'Busy'],
  [[603], 'declined', 'Declined'],
  [[404, 604], 'not-found', 'Not found'],
  [[480, 410, 430], 'unavailable', 'Unavailable'],
  [[408], 'no-answer', 'No answer'],
  [[484, 424], 'address-incomplete', 'Address incomplete'],
  [[401, 407], 'auth', 'Authentication failed'],
  [[403], 'forbidden', 'Forbidden'],
  [[487], 'canceled', 'Canceled'],
  [[488, 606], 'incompatible', 'No common audio format'],
  [[500, 502, 503, 504], 'server-error', 'Server error'],
];

const BY_JSSIP_CAUSE: Record<string, [string, string]> = {
  Terminated: ['hangup', 'Call ended'],
  Canceled: ['canceled', 'Canceled'],
  'No Answer': ['no-answer', 'No answer'],
  Expires: ['no-answer', 'No answer'],
  'Request Timeout': ['no-answer', 'No answer'],
  'Connection Error': ['network', 'Network error'],
  'User Denied Media Access': ['microphone', 'Microphone blocked'],
  'WebRTC Error': ['media', 'Audio could not start'],
  'Bad Media Description': ['media', 'Audio could not start'],
  'Incompatible SDP': ['incompatible', 'No common audio format'],
  'Missing SDP': ['incompatible', 'No common audio format'],
  'RTP Timeout': ['network', 'Audio connection lost'],
  'Authentication Error': ['auth', 'Authentication failed'],
  Busy: ['busy', 'Busy'],
  Rejected: ['declined', 'Declined'],
  'Not Found': ['not-found', 'Not found'],
  Unavailable: ['unavailable', 'Unavailable'],
  'Address Incomplete': ['address-incomplete', 'Address incomplete'],
  'Dialog Error': ['failed', 'Call failed'],
  'No ACK': ['network', 'Network error'],
};

export function describeEnd(
  jssipCause: string | undefined,
  sipCode: number | undefined,
  by: CallEndCause['by'],
): CallEndCause {
  if (sipCode && sipCode >= 300) {
    const hit = BY_CODE.find(([codes]) => codes.includes(sipCode));
    const [code, words] = hit ? [hit[1], hit[2]] : ['failed', 'Call failed'];
    return { code, text: `${words} (${sipCode})`, sipCode, by };
  }
  const known = jssipCause && Object.hasOwn(BY_JSSIP_CAUSE, jssipCause) ? BY_JSSIP_CAUSE[jssipCause] : undefined;
  if (known) return { code: known[0], text: known[1], by, ...(sipCode ? { sipCode } : {}) };
  return { code: 'failed', text: jssipCause ? `Call failed: ${jssipCause}` : 'Call failed', by };
}

/** Words for a failed registration. */
export function describeRegistrationFailure(jssipCause: string | undefined, sipCode: number | undefined): {
  text: string;
  /** Retrying cannot help (wrong credentials): the phone stops trying. */
  final: boolean;
} {
  if (sipCode === 401 || sipCode === 407 || sipCode === 403 || jssipCause === 'Authentication Error' || jssipCause === 'Rejected') {
    return { text: `Wrong user name or password${sipCode ? ` (${sipCode})` : ''}`, final: true };
  }
  if (sipCode === 404) return { text: 'Unknown account (404)', final: true };
  if (jssipCause === 'Request Timeout') return { text: 'The server did not answer', final: false };
  if (jssipCause === 'Connection Error') return { text: 'Server unreachable', final: false };
  if (sipCode) return { text: `Registration refused (${sipCode})`, final: false };
  return { text: `Registration failed${jssipCause ? `: ${jssipCause}` : ''}`, final: false };
}
