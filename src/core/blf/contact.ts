/**
 * A personal contact, as stored (one record per contact) and shown. Records
 * read back from storage or imported from a file go through
 * `sanitizeContact`, so that nothing a past version or another tool wrote can
 * break the list.
 */
import { cleanText, searchKey } from './text.js';

export type PhoneKind = 'work' | 'mobile' | 'home' | 'other';

export const PHONE_KINDS: readonly PhoneKind[] = ['work', 'mobile', 'home', 'other'];

export interface ContactPhone {
  /** As the user typed it ("+1 555 0100", "1002"); dialled through the session's dial rules. */
  number: string;
  kind: PhoneKind;
}

/** What a person fills in. */
export interface ContactDraft {
  firstName: string;
  lastName: string;
  company: string;
  phones: ContactPhone[];
  emails: string[];
  note: string;
  favorite: boolean;
}

export interface Contact extends ContactDraft {
  id: string;
  /** ms since epoch. */
  updatedAt: number;
}

const MAX_PHONES = 10;
const MAX_EMAILS = 5;

export const emptyDraft = (): ContactDraft => ({ firstName: '', lastName: '', company: '', phones: [], emails: [], note: '', favorite: false });

/** A new random id (randomUUID needs a secure context; plain http pages get the fallback). */
export function newContactId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

function phonesOf(value: unknown): ContactPhone[] {
  if (!Array.isArray(value)) return [];
  const out: ContactPhone[] = [];
  for (const p of value.slice(0, MAX_PHONES * 2)) {
    const number = cleanText((p as ContactPhone | null)?.number, 64);
    if (!number || !/[0-9a-z]/i.test(number)) continue;
    const kind = (p as ContactPhone).kind;
    out.push({ number, kind: PHONE_KINDS.includes(kind) ? kind : 'other' });
    if (out.length === MAX_PHONES) break;
  }
  return out;
}

/** The draft with every field cleaned; null when nothing identifies the contact (no name, company nor number). */
export function sanitizeDraft(value: unknown): ContactDraft | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<Record<keyof ContactDraft, unknown>>;
  const draft: ContactDraft = {
    firstName: cleanText(v.firstName, 60),
    lastName: cleanText(v.lastName, 60),
    company: cleanText(v.company, 80),
    phones: phonesOf(v.phones),
    emails: (Array.isArray(v.emails) ? v.emails : [])
      .map((e) => cleanText(e, 120))
      .filter((e) => /^[^\s@]+@[^\s@]+$/.test(e))
      .slice(0, MAX_EMAILS),
    note: typeof v.note === 'string' ? cleanText(v.note.replace(/\s*\n\s*/g, ' · '), 500) : '',
    favorite: v.favorite === true,
  };
  return draft.firstName || draft.lastName || draft.company || draft.phones.length ? draft : null;
}

/** A stored record made safe; null when it cannot be a contact. */
export function sanitizeContact(value: unknown): Contact | null {
  const draft = sanitizeDraft(value);
  const v = value as Partial<Contact> | null;
  const id = typeof v?.id === 'string' && v.id.length <= 80 ? v.id : '';
  if (!draft || !id) return null;
  const updatedAt = typeof v?.updatedAt === 'number' && Number.isFinite(v.updatedAt) ? v.updatedAt : 0;
  return { ...draft, id, updatedAt };
}

/** The name to show: "First Last", else the company, else the first number. */
export function contactName(c: ContactDraft): string {
  return [c.firstName, c.lastName].filter(Boolean).join(' ') || c.company || c.phones[0]?.number || 'Unnamed';
}

/** What a search matches against. */
export function contactSearchText(c: ContactDraft): string {
  return searchKey([c.firstName, c.lastName, c.company, ...c.phones.map((p) => p.number), ...c.emails].join(' '));
}

/** Plain text for the clipboard. */
export function contactAsText(c: ContactDraft): string {
  const lines = [contactName(c)];
  if (c.company && contactName(c) !== c.company) lines.push(c.company);
  for (const p of c.phones) lines.push(`${p.kind[0]!.toUpperCase()}${p.kind.slice(1)}: ${p.number}`);
  for (const e of c.emails) lines.push(`Email: ${e}`);
  if (c.note) lines.push(c.note);
  return lines.join('\n');
}
