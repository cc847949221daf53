/**
 * vCard import and export for personal contacts: 3.0 (RFC 2426) and 4.0
 * (RFC 6350) both ways; 2.1 files are read too (bare TYPE parameters,
 * quoted-printable). Files come from anywhere: line folding, escapes, groups
 * (`item1.TEL`), `tel:` URIs, missing fields and junk lines are all taken in
 * stride, and each card becomes a contact or is counted as skipped.
 */
import { contactName, sanitizeDraft, type ContactDraft, type ContactPhone, type PhoneKind } from './contact.js';

export type VcardVersion = '3.0' | '4.0';

/** Files larger than this are refused by the importer. */
export const MAX_VCARD_CHARS = 2 * 1024 * 1024;
export const MAX_VCARDS = 5000;

interface Property {
  name: string;
  params: Map<string, string[]>;
  value: string;
}

/** Splits on `sep` where it is not escaped by a backslash. */
function splitEscaped(value: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && i + 1 < value.length) {
      cur += ch + value[++i];
    } else if (ch === sep) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const unescape = (s: string) => s.replace(/\\([\\,;nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r?\n/g, '\\n');

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9a-f]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(s.charCodeAt(i) & 0xff);
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** `NAME;P=a,b;Q="x;y":value` → a property; null for junk. */
function parseLine(line: string): Property | null {
  let i = 0;
  let quoted = false;
  for (; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) break;
  }
  if (i >= line.length) return null;
  const head = line.slice(0, i);
  const value = line.slice(i + 1);
  const parts = head.match(/(?:[^;"]|"[^"]*")+/g) ?? [];
  const name = (parts.shift() ?? '').replace(/^[^.]*\./, '').trim().toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return null;
  const params = new Map<string, string[]>();
  for (const part of parts) {
    const eq = part.indexOf('=');
    // vCard 2.1: a bare parameter is a TYPE ("TEL;WORK;VOICE:").
    const key = (eq < 0 ? 'TYPE' : part.slice(0, eq)).trim().toUpperCase();
    const raw = eq < 0 ? part : part.slice(eq + 1);
    const values = raw
      .split(',')
      .map((v) => v.trim().replace(/^"|"$/g, '').toLowerCase())
      .filter(Boolean);
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return { name, params, value };
}

/**
 * Physical lines → logical lines: unfolds continuation lines and
 * quoted-printable soft breaks. Linear in the file's length: the pieces of a
 * line are joined once, and whether it is quoted-printable is read once.
 */
function logicalLines(text: string): string[] {
  const out: string[] = [];
  let parts: string[] = [];
  let qp = false;
  for (const raw of text.split(/\r\n|\n|\r/)) {
    const last = parts.length - 1;
    if (last >= 0 && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      parts.push(raw.slice(1));
    } else if (last >= 0 && qp && parts[last]!.endsWith('=')) {
      parts[last] = parts[last]!.slice(0, -1);
      parts.push(raw);
    } else {
      if (parts.length) out.push(parts.join(''));
      parts = [raw];
      const colon = raw.indexOf(':');
      qp = /QUOTED-PRINTABLE/i.test(colon < 0 ? raw : raw.slice(0, colon));
    }
  }
  if (parts.length) out.push(parts.join(''));
  return out;
}

function kindOf(types: string[]): PhoneKind {
  if (types.some((t) => t === 'cell' || t === 'mobile' || t === 'iphone')) return 'mobile';
  if (types.includes('home')) return 'home';
  if (types.includes('work')) return 'work';
  return 'other';
}

/** `tel:+1-555-0100;ext=12` → `+1-555-0100`; plain text as is. */
const telValue = (value: string) => value.replace(/^tel:/i, '').split(';')[0]!.replace(/%23/g, '#').trim();

function cardToDraft(props: Property[]): ContactDraft | null {
  let first = '';
  let last = '';
  let full = '';
  let company = '';
  let note = '';
  let favorite = false;
  let hasN = false;
  const phones: ContactPhone[] = [];
  const emails: string[] = [];
  for (const p of props) {
    const qp = (p.params.get('ENCODING') ?? []).includes('quoted-printable');
    const value = qp ? decodeQuotedPrintable(p.value) : p.value;
    switch (p.name) {
      case 'N': {
        const [l = '', f = ''] = splitEscaped(value, ';');
        last = unescape(l);
        first = unescape(f);
        hasN = true;
        break;
      }
      case 'FN':
        full = unescape(value);
        break;
      case 'ORG':
        company = unescape(splitEscaped(value, ';')[0] ?? '');
        break;
      case 'NOTE':
        note = unescape(value);
        break;
      case 'TEL':
        phones.push({ number: telValue(unescape(value)), kind: kindOf(p.params.get('TYPE') ?? []) });
        break;
      case 'EMAIL':
        emails.push(unescape(value).replace(/^mailto:/i, '').trim());
        break;
      case 'CATEGORIES':
        if (splitEscaped(value, ',').some((c) => /^(favou?rites?|starred)$/i.test(unescape(c).trim()))) favorite = true;
        break;
      case 'X-FAVORITE':
        if (/^(1|true|yes)$/i.test(value.trim())) favorite = true;
        break;
    }
  }
  // FN splits into names only for cards without N (which 3.0 and 4.0 require, but some tools omit).
  if (!hasN && full) {
    const space = full.trim().lastIndexOf(' ');
    first = space > 0 ? full.trim().slice(0, space) : full.trim();
    last = space > 0 ? full.trim().slice(space + 1) : '';
  }
  return sanitizeDraft({ firstName: first, lastName: last, company, phones, emails, note, favorite });
}

/** Reads every card in a vCard file. Cards that name nobody are counted in `skipped`. */
export function parseVcards(text: unknown): { contacts: ContactDraft[]; skipped: number } {
  const contacts: ContactDraft[] = [];
  let skipped = 0;
  if (typeof text !== 'string' || text.length > MAX_VCARD_CHARS) return { contacts, skipped: 1 };
  let card: Property[] | null = null;
  for (const line of logicalLines(text)) {
    const upper = line.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      if (card) skipped++;
      card = [];
    } else if (upper === 'END:VCARD') {
      if (!card) continue;
      const draft = cardToDraft(card);
      if (draft && contacts.length < MAX_VCARDS) contacts.push(draft);
      else skipped++;
      card = null;
    } else if (card && card.length < 200) {
      const prop = parseLine(line);
      if (prop) card.push(prop);
    }
  }
  if (card) skipped++;
  return { contacts, skipped };
}

/** Folds a content line at 75 characters (RFC 6350 §3.2), never inside a surrogate pair. */
function fold(line: string): string {
  const parts: string[] = [];
  let rest = line;
  let width = 75;
  while (rest.length > width) {
    let cut = width;
    if (/[\ud800-\udbff]/.test(rest[cut - 1]!)) cut--;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
    width = 74;
  }
  parts.push(rest);
  return parts.join('\r\n ');
}

const TYPE_30: Record<PhoneKind, string> = { work: 'WORK,VOICE', mobile: 'CELL', home: 'HOME,VOICE', other: 'VOICE' };
const TYPE_40: Record<PhoneKind, string> = { work: '"work,voice"', mobile: 'cell', home: '"home,voice"', other: 'voice' };

/** One card per contact, CRLF line ends, in the version asked for. */
export function toVcards(contacts: readonly ContactDraft[], version: VcardVersion): string {
  const lines: string[] = [];
  for (const c of contacts) {
    lines.push('BEGIN:VCARD', `VERSION:${version}`);
    lines.push(`FN:${escape(contactName(c))}`);
    lines.push(`N:${escape(c.lastName)};${escape(c.firstName)};;;`);
    if (c.company) lines.push(`ORG:${escape(c.company)}`);
    for (const p of c.phones) {
      if (version === '3.0') lines.push(`TEL;TYPE=${TYPE_30[p.kind]}:${escape(p.number)}`);
      else lines.push(`TEL;VALUE=uri;TYPE=${TYPE_40[p.kind]}:tel:${p.number.trim().replace(/\s+/g, '-').replace(/[^0-9+*#a-z().-]/gi, '').replace(/#/g, '%23')}`);
    }
    for (const e of c.emails) lines.push(version === '3.0' ? `EMAIL;TYPE=INTERNET:${escape(e)}` : `EMAIL:${escape(e)}`);
    if (c.note) lines.push(`NOTE:${escape(c.note)}`);
    if (c.favorite) lines.push('CATEGORIES:Favorites');
    lines.push('END:VCARD');
  }
  return lines.map(fold).join('\r\n') + (lines.length ? '\r\n' : '');
}
