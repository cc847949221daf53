/**
 * The contacts list as shown: personal contacts and coworkers (the directory)
 * in one list, with presence, filtered, searched and sorted.
 */
import { msg } from '@lit/localize';
import { contactName, contactSearchText, type Contact } from './contact.js';
import type { DirectoryEntry } from './directory.js';
import { presenceOf, type KeyLamp, type PresenceView } from './lamp.js';
import { searchKey } from './text.js';

export type ContactFilter = 'all' | 'favorites' | 'personal' | 'coworkers' | 'available' | 'busy' | 'offline';
export type ContactSort = 'first' | 'last' | 'extension';

/** The list's filters with their names, in the active language. */
export const contactFilters = (): ReadonlyArray<[ContactFilter, string]> => [
  ['all', msg('All contacts')],
  ['favorites', msg('Favorites')],
  ['personal', msg('My contacts')],
  ['coworkers', msg('Coworkers')],
  ['available', msg('Available')],
  ['busy', msg('Busy')],
  ['offline', msg('Offline')],
];

/** The list's orders with their names, in the active language. */
export const contactSorts = (): ReadonlyArray<[ContactSort, string]> => [
  ['first', msg('First name')],
  ['last', msg('Last name')],
  ['extension', msg('Extension')],
];

export interface ContactRow {
  /** `c:<id>` for personal contacts, `x:<extension>` for coworkers. */
  key: string;
  kind: 'personal' | 'coworker';
  name: string;
  firstName: string;
  lastName: string;
  /** The extension (coworkers) or first number (personal contacts). */
  number: string;
  favorite: boolean;
  presence: PresenceView;
  contact?: Contact;
  entry?: DirectoryEntry;
}

/** Splits "Carol Ng" when the directory gives only a name. */
function names(entry: DirectoryEntry): [string, string] {
  if (entry.firstName || entry.lastName) return [entry.firstName ?? '', entry.lastName ?? ''];
  const space = entry.name.lastIndexOf(' ');
  return space > 0 ? [entry.name.slice(0, space), entry.name.slice(space + 1)] : [entry.name, ''];
}

export function contactRows(
  contacts: readonly Contact[],
  directory: readonly DirectoryEntry[],
  favorites: ReadonlySet<string>,
  lamps: ReadonlyMap<string, KeyLamp>,
): ContactRow[] {
  const rows: ContactRow[] = directory.map((entry) => {
    const [firstName, lastName] = names(entry);
    return {
      key: `x:${entry.extension}`,
      kind: 'coworker',
      name: entry.name,
      firstName,
      lastName,
      number: entry.extension,
      favorite: favorites.has(entry.extension),
      presence: presenceOf(lamps.get(entry.extension)),
      entry,
    };
  });
  for (const contact of contacts) {
    // A personal contact that is also an extension shows that extension's presence.
    const ext = contact.phones.map((p) => p.number.replace(/[\s\-.()]/g, '')).find((n) => lamps.has(n));
    rows.push({
      key: `c:${contact.id}`,
      kind: 'personal',
      name: contactName(contact),
      firstName: contact.firstName || contact.company,
      lastName: contact.lastName,
      number: contact.phones[0]?.number ?? '',
      favorite: contact.favorite,
      presence: ext ? presenceOf(lamps.get(ext)) : 'unknown',
      contact,
    });
  }
  return rows;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function keep(row: ContactRow, filter: ContactFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'favorites':
      return row.favorite;
    case 'personal':
      return row.kind === 'personal';
    case 'coworkers':
      return row.kind === 'coworker';
    case 'offline':
      return row.presence === 'offline' || row.presence === 'unknown' || row.presence === 'away';
    default:
      return row.presence === filter;
  }
}

/** Rows that pass the filter and contain every word of the search, in the order asked. */
export function viewContacts(rows: readonly ContactRow[], filter: ContactFilter, sort: ContactSort, query: string): ContactRow[] {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  const out = rows.filter((row) => {
    if (!keep(row, filter)) return false;
    if (!words.length) return true;
    const hay = row.contact ? contactSearchText(row.contact) : searchKey(`${row.name} ${row.number} ${row.entry?.department ?? ''}`);
    return words.every((w) => hay.includes(w));
  });
  const by = (row: ContactRow): string[] =>
    sort === 'extension' ? [row.number, row.name] : sort === 'last' ? [row.lastName || row.firstName, row.firstName] : [row.firstName || row.lastName, row.lastName];
  return out.sort((a, b) => {
    const [a1, a2] = by(a);
    const [b1, b2] = by(b);
    // Rows without the sort field go last.
    if (!a1 !== !b1) return a1 ? -1 : 1;
    return collator.compare(a1!, b1!) || collator.compare(a2!, b2!);
  });
}
