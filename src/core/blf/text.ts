/**
 * Text that comes from the network or the page (display names, labels, notes)
 * made safe to show: no control or bidirectional-override characters (which
 * could make a name read backwards or hide part of it), whitespace collapsed,
 * and a length limit so that one hostile value cannot swamp the layout.
 * The result is always rendered as text, never as HTML.
 */

// C0/C1 controls, zero-width and bidi controls, line/paragraph separators, BOM.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

/** Half of a surrogate pair with no other half: the first cut below may make one, bad input may hold some. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Cleans `value` for display; returns '' for anything that is not a string. */
export function cleanText(value: unknown, max = 80): string {
  if (typeof value !== 'string') return '';
  const s = value.slice(0, max * 4).replace(LONE_SURROGATE, '').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  // Do not cut a surrogate pair in half.
  const cut = /[\ud800-\udbff]/.test(s[max - 2] ?? '') ? max - 2 : max - 1;
  return `${s.slice(0, cut)}…`;
}

/** Lower case, accents removed: for searching names ("José" matches "jose"). */
export function searchKey(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** An extension or number as a key: digits, `*`, `#`, `+` and SIP user characters only; '' if unusable. */
export function cleanExtension(value: unknown): string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value !== 'string') return '';
  const raw = value.trim();
  const number = raw.replace(/[\s\-.()\u00a0]/g, '');
  if (/^\+?[0-9*#]{1,64}$/.test(number)) return number;
  return raw.length <= 64 && /^[a-z0-9_.!~*+-]+$/i.test(raw) ? raw : '';
}
