/**
 * Conversation identifiers, and the group headers that carry them between
 * widgets (see chat-service.ts for the wire format).
 *
 * - A direct conversation is named after the other party: `d:<number>`
 *   (percent-encoded, lower case), so both sides thread by the sender.
 * - A group has a random token chosen by whoever created it: `g:<token>`. It
 *   travels in `X-Conversation` so every member threads the group's
 *   messages into the same conversation.
 *
 * Ids never contain `|`, the storage key separator.
 */
import { parseDialTarget } from '../dial-target.js';
import { dropLoneSurrogates } from './attachment.js';

/** Group tokens as they may appear on the wire: URL-safe, 8 to 64 characters. */
const GROUP_TOKEN = /^[A-Za-z0-9_-]{8,64}$/;
const MAX_MEMBERS = 32;
const MAX_NAME = 64;

/** The conversation with one party (their number, or user@host). */
export function directId(number: string): string {
  return `d:${encodeURIComponent(number.trim().toLowerCase())}`;
}

export function isGroupId(id: string): boolean {
  return id.startsWith('g:');
}

/** A new random group token (120 bits, base 36). */
export function newGroupToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(15));
  return [...bytes].map((b) => b.toString(36).padStart(2, '0')).join('');
}

/** The conversation id of a group token; undefined for anything that is not a well-formed token. */
export function groupIdFromHeader(value: string | undefined): string | undefined {
  const token = value?.trim();
  return token && GROUP_TOKEN.test(token) ? `g:${token}` : undefined;
}

/** The token to put in `X-Conversation`. */
export function groupToken(id: string): string {
  return id.slice(2);
}

/** Removes control and bidi-override characters and trims to `max` characters. */
export function cleanLabel(value: string, max = MAX_NAME): string {
  // eslint-disable-next-line no-control-regex
  const clean = dropLoneSurrogates(value).replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
  return [...clean].slice(0, max).join('');
}

/** `X-Conversation-Name`: the percent-encoded name and when it was set (`;t=<ms>`), so the latest rename wins. */
export function formatGroupName(name: string, at: number): string {
  return `${encodeURIComponent(cleanLabel(name))};t=${Math.floor(at)}`;
}

export function parseGroupName(value: string | undefined): { name: string; at: number } | undefined {
  if (!value) return undefined;
  const [raw = '', ...params] = value.split(';');
  let name: string;
  try {
    name = cleanLabel(decodeURIComponent(raw.trim()));
  } catch {
    return undefined;
  }
  if (!name) return undefined;
  const t = params.map((p) => /^\s*t=(\d{1,15})\s*$/.exec(p)?.[1]).find(Boolean);
  return { name, at: t ? Number(t) : 0 };
}

/** `X-Conversation-Members`: every member's number (the sender included), comma-separated. */
export function formatMembers(numbers: readonly string[]): string {
  return numbers.map((n) => encodeURIComponent(n)).join(',');
}

/**
 * The members a header lists, as numbers on our domain (user, or user@host for
 * other domains); garbage entries are dropped, at most 32 are kept.
 */
export function parseMembers(value: string | undefined, domain: string): string[] {
  if (!value) return [];
  const out = new Set<string>();
  for (const part of value.split(',')) {
    let raw: string;
    try {
      raw = decodeURIComponent(part.trim());
    } catch {
      continue;
    }
    if (!raw || raw.length > 128) continue;
    const target = parseDialTarget(raw, domain);
    if (target) out.add(target.display.toLowerCase());
    if (out.size >= MAX_MEMBERS) break;
  }
  return [...out];
}

/** True when `number` is the account itself (`1001`, or `1001@domain`). */
export function isSelf(number: string, user: string, domain: string): boolean {
  const n = number.toLowerCase();
  return n === user.toLowerCase() || n === `${user}@${domain}`.toLowerCase();
}
