/**
 * Finds web links in message text so the view can make them clickable.
 * Only http and https are ever links; everything else stays plain text.
 */

export type TextPart = { text: string; href?: undefined } | { text: string; href: string };

const CANDIDATE = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?'"’”)\]}>]+$/;

/** Trailing punctuation is the sentence's, except a `)` that closes one inside the link. */
function trimTrailing(raw: string): string {
  let s = raw;
  for (;;) {
    const m = TRAILING.exec(s);
    if (!m) return s;
    const last = s[s.length - 1]!;
    if (last === ')' && (s.match(/\(/g)?.length ?? 0) >= (s.match(/\)/g)?.length ?? 0)) return s;
    s = s.slice(0, -1);
  }
}

/** The safe http(s) URL a candidate stands for, or null. */
export function safeHref(raw: string): string | null {
  const withScheme = /^www\./i.test(raw) ? `https://${raw}` : raw;
  try {
    const url = new URL(withScheme);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** Splits text into plain parts and link parts, in order; joined, the parts give the text back. */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index!;
    const raw = trimTrailing(match[0]);
    const href = raw.length > 4 ? safeHref(raw) : null;
    if (!href) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
