/**
 * Presence documents (PIDF, RFC 3863, with the RPID activities of RFC 4480)
 * read into one of three colours: available (green), busy (red), offline
 * (grey), with `away` kept apart for the words. Null when the body is not a
 * PIDF document or says nothing usable (then the BLF lamp decides).
 */
import { cleanText } from './text.js';
import { childNamed, childrenNamed, parseXml, textOf, type XmlElement } from '../xml.js';

export const PIDF_NS = 'urn:ietf:params:xml:ns:pidf';
const DM_NS = 'urn:ietf:params:xml:ns:pidf:data-model';
const RPID_NS = 'urn:ietf:params:xml:ns:pidf:rpid';

export type PresenceStatus = 'available' | 'busy' | 'away' | 'offline';

export interface Presence {
  status: PresenceStatus;
  /** The person's note ("In a meeting until 3"), cleaned for display. */
  note?: string;
}

const BUSY = new Set(['busy', 'on-the-phone', 'meeting', 'performance', 'presentation', 'in-transit', 'worship']);
const AWAY = new Set(['away', 'vacation', 'sleeping', 'appointment', 'holiday', 'lunch', 'meal', 'absent', 'travel']);

/** The RPID activity names of `<person>` elements (any namespace prefix). */
function activities(root: XmlElement): string[] {
  const out: string[] = [];
  const persons = [...childrenNamed(root, DM_NS, 'person'), ...childrenNamed(root, PIDF_NS, 'person')];
  for (const person of persons) {
    const list = childNamed(person, RPID_NS, 'activities');
    if (!list) continue;
    for (const a of list.children.slice(0, 16)) {
      if (a.namespaceURI === RPID_NS) out.push(a.localName.toLowerCase());
    }
  }
  return out;
}

/** The first note: the document's, else a person's, else a tuple's. */
function noteOf(root: XmlElement): XmlElement | undefined {
  const person = childNamed(root, DM_NS, 'person');
  const tuple = childNamed(root, PIDF_NS, 'tuple');
  return childNamed(root, PIDF_NS, 'note') ?? (person && childNamed(person, DM_NS, 'note')) ?? (tuple && childNamed(tuple, PIDF_NS, 'note'));
}

/** Reads a PIDF body; null when it is not one or tells nothing. */
export function parsePidf(body: unknown): Presence | null {
  const root = parseXml(body);
  if (!root || root.localName !== 'presence' || root.namespaceURI !== PIDF_NS) return null;
  const basics = childrenNamed(root, PIDF_NS, 'tuple')
    .slice(0, 32)
    .map((t) => {
      const status = childNamed(t, PIDF_NS, 'status');
      return textOf(status && childNamed(status, PIDF_NS, 'basic')).toLowerCase();
    });
  const acts = activities(root);
  const open = basics.includes('open');
  const closed = basics.length > 0 && basics.every((b) => b === 'closed');
  let status: PresenceStatus | undefined;
  if (acts.some((a) => BUSY.has(a))) status = closed ? 'offline' : 'busy';
  else if (acts.some((a) => AWAY.has(a))) status = closed ? 'offline' : 'away';
  else if (open) status = 'available';
  else if (closed) status = 'offline';
  if (!status) return null;
  const note = cleanText(textOf(noteOf(root)), 80);
  return { status, ...(note ? { note } : {}) };
}
