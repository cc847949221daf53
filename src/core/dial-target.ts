/**
 * Turns what a person types or pastes into something to dial.
 *
 * Phone numbers lose their punctuation (spaces, dashes, dots, parentheses) and
 * keep a leading `+`; `tel:` and `sip:` URIs are unwrapped; anything else that
 * looks like `user@host` is kept as a SIP address.
 */

export interface DialTarget {
  /** What the user sees: the number, or user@host for foreign SIP addresses. */
  display: string;
  /** The request URI to call. */
  uri: string;
  /** The user part: the number or extension. */
  user: string;
}

const DIALABLE = /^\+?[0-9*#]+$/;
const SIP_USER = /^[a-z0-9\-_.!~*'()&=+$,;?/%#]+$/i;
const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)(:\d{1,5})?$/i;

/** '%' and '#' travel escaped in the user part ('#' would end the URI). */
const escapeUser = (user: string) => user.replace(/%/g, '%25').replace(/#/g, '%23');

/** Strips what people put around numbers; returns '' when nothing dialable is left. */
export function normalizeNumber(input: string): string {
  const s = input.trim().replace(/[\s\-.()\u00a0\u2010-\u2015]/g, '');
  return DIALABLE.test(s) ? s : '';
}

/**
 * Parses a dial string against the account's domain.
 * Returns null when nothing callable is in it.
 */
export function parseDialTarget(input: string, domain: string): DialTarget | null {
  let s = input.trim();
  if (!s) return null;
  const scheme = /^(tel|sips?):/i.exec(s)?.[1]?.toLowerCase();
  if (scheme === 'tel') {
    s = s.slice(4).split(';')[0]!;
  } else if (scheme) {
    s = s.slice(scheme.length + 1).split(/[;?>]/)[0]!;
  }
  try {
    s = decodeURIComponent(s);
  } catch {
    // Not percent-encoding (a lone "%", as in a target shown as "%@host"): the text means itself.
  }
  if (s.includes('@')) {
    const at = s.lastIndexOf('@');
    const rawUser = s.slice(0, at);
    const host = s.slice(at + 1).toLowerCase();
    const user = normalizeNumber(rawUser) || rawUser;
    if (!user || !SIP_USER.test(user) || !HOST.test(host)) return null;
    const display = host === domain.toLowerCase() ? user : `${user}@${host}`;
    return { display, uri: `sip:${escapeUser(user)}@${host}`, user };
  }
  const number = normalizeNumber(s);
  if (number) return { display: number, uri: `sip:${escapeUser(number)}@${domain}`, user: number };
  // A name-like extension (e.g. "reception") is dialable as a SIP user.
  if (/^[a-z][a-z0-9._-]*$/i.test(s)) return { display: s, uri: `sip:${s}@${domain}`, user: s };
  return null;
}
