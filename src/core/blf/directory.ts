/**
 * The company directory: the extensions a page provides (inline or as a JSON
 * file), read leniently from the shapes PBX exports tend to have:
 *
 *     [{ "extension": "1002", "name": "Bob" }, …]
 *     { "entries": [{ "ext": 1003, "first_name": "Carol", "last_name": "Ng", "department": "Sales" }] }
 *
 * and searched by name, extension or department.
 */
import { cleanExtension, cleanText, searchKey } from './text.js';

export interface DirectoryEntry {
  extension: string;
  /** The name to show ("Carol Ng"); the extension when the file gives none. */
  name: string;
  firstName?: string;
  lastName?: string;
  department?: string;
}

export const MAX_DIRECTORY = 5000;

type Raw = Record<string, unknown>;

const pick = (o: Raw, names: string[]): unknown => names.map((n) => o[n]).find((v) => v !== undefined && v !== null && v !== '');

/** The list inside whatever wraps it. */
function listOf(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') {
    const inner = pick(data as Raw, ['entries', 'directory', 'extensions', 'contacts', 'users', 'items']);
    if (Array.isArray(inner)) return inner;
  }
  return [];
}

function entryOf(item: unknown): DirectoryEntry | null {
  if (typeof item === 'string' || typeof item === 'number') {
    const [ext, ...label] = String(item).split(':');
    const extension = cleanExtension(ext);
    return extension ? { extension, name: cleanText(label.join(':'), 60) || extension } : null;
  }
  if (!item || typeof item !== 'object') return null;
  const o = item as Raw;
  const extension = cleanExtension(pick(o, ['extension', 'ext', 'exten', 'number', 'user', 'username']));
  if (!extension) return null;
  const firstName = cleanText(pick(o, ['firstName', 'first_name', 'firstname', 'givenName']), 60);
  const lastName = cleanText(pick(o, ['lastName', 'last_name', 'lastname', 'familyName']), 60);
  const name = cleanText(pick(o, ['name', 'label', 'displayName', 'display_name', 'fullName', 'full_name']), 60) || [firstName, lastName].filter(Boolean).join(' ') || extension;
  const department = cleanText(pick(o, ['department', 'dept', 'group', 'team']), 60);
  return { extension, name, ...(firstName ? { firstName } : {}), ...(lastName ? { lastName } : {}), ...(department ? { department } : {}) };
}

/** Reads a directory; entries without a usable extension, and repeated extensions, are skipped. */
export function parseDirectory(data: unknown): { entries: DirectoryEntry[]; skipped: number } {
  const list = listOf(data);
  const seen = new Set<string>();
  const entries: DirectoryEntry[] = [];
  let skipped = 0;
  for (const item of list) {
    const entry = entries.length < MAX_DIRECTORY ? entryOf(item) : null;
    if (!entry || seen.has(entry.extension)) {
      skipped++;
      continue;
    }
    seen.add(entry.extension);
    entries.push(entry);
  }
  return { entries, skipped };
}

/** Entries whose name, extension or department contains every word of `query` (accents and case ignored). */
export function searchDirectory(entries: readonly DirectoryEntry[], query: string): DirectoryEntry[] {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...entries];
  return entries.filter((e) => {
    const hay = searchKey(`${e.name} ${e.extension} ${e.department ?? ''}`);
    return words.every((w) => hay.includes(w));
  });
}
