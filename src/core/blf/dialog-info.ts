/**
 * The dialog event package (RFC 4235, `application/dialog-info+xml`) read into
 * the dialogs of one watched extension, and those dialogs into a lamp.
 *
 * Servers differ: Asterisk advertises hold with `+sip.rendering=no` on the
 * local target, FreeSWITCH and Kamailio send the direction of each dialog,
 * Kamailio keeps finished dialogs (state `terminated`) in the document until
 * their publication expires, and idle users get an empty body or a dummy
 * terminated dialog. A body that cannot be read is `null`: the caller keeps
 * the lamp as it was.
 */
import { cleanText } from './text.js';
import { childNamed, childrenNamed, parseXml, textOf, type XmlElement } from '../xml.js';

export const DIALOG_INFO_NS = 'urn:ietf:params:xml:ns:dialog-info';

export type DialogState = 'trying' | 'proceeding' | 'early' | 'confirmed' | 'terminated';

export interface DialogEntry {
  /** The dialog's id in the document (matched across partial updates). */
  id: string;
  state: DialogState;
  /** `initiator`: the watched user placed the call; `recipient`: it rings or rang in. */
  direction?: 'initiator' | 'recipient';
  /** The watched user's side does not render media: the call is on hold there. */
  held: boolean;
  /** The other party, as the server names it (cleaned for display). */
  peer?: string;
}

export interface DialogInfoDocument {
  /** `full`: the document lists every dialog; `partial`: only those that changed. */
  full: boolean;
  version?: number;
  dialogs: DialogEntry[];
}

/** A document lists at most this many dialogs; the rest are ignored. */
export const MAX_DIALOGS = 64;

const STATES = new Set<DialogState>(['trying', 'proceeding', 'early', 'confirmed', 'terminated']);

/** `sip:1002@pbx` or a display name: what to show for the other party. */
function peerOf(dialog: XmlElement, ns: string | null): string | undefined {
  const remote = childNamed(dialog, ns, 'remote');
  const identity = remote && childNamed(remote, ns, 'identity');
  if (!identity) return undefined;
  const name = cleanText(identity.getAttribute('display'), 40);
  if (name) return name;
  const uri = textOf(identity);
  const user = /^(?:sips?|tel):([^@;>]+)/i.exec(uri)?.[1];
  return cleanText(user ?? uri, 40) || undefined;
}

/** True when the local target says `+sip.rendering` = `no` (RFC 4235 §4.1.6.2; Asterisk's hold). */
function heldOf(dialog: XmlElement, ns: string | null): boolean {
  const local = childNamed(dialog, ns, 'local');
  const target = local && childNamed(local, ns, 'target');
  if (!target) return false;
  return childrenNamed(target, ns, 'param').some(
    (p) => p.getAttribute('pname')?.toLowerCase() === '+sip.rendering' && p.getAttribute('pvalue')?.trim().toLowerCase() === 'no',
  );
}

/**
 * Reads a dialog-info document. Returns null when the body is not one (not
 * XML, wrong root or namespace, too big). Dialogs without a usable state are
 * skipped; a dialog without an id gets its call-id or its position.
 */
export function parseDialogInfo(body: unknown): DialogInfoDocument | null {
  const root = parseXml(body);
  if (!root || root.localName !== 'dialog-info') return null;
  // Namespace-less documents come from hand-made server scripts: accepted. Any other namespace is not ours.
  const ns = root.namespaceURI;
  if (ns !== DIALOG_INFO_NS && ns !== null) return null;
  const versionText = root.getAttribute('version')?.trim() ?? '';
  const version = /^\d{1,15}$/.test(versionText) ? Number(versionText) : undefined;
  const dialogs: DialogEntry[] = [];
  const elements = childrenNamed(root, ns, 'dialog').slice(0, MAX_DIALOGS);
  elements.forEach((el, i) => {
    const state = textOf(childNamed(el, ns, 'state')).toLowerCase() as DialogState;
    if (!STATES.has(state)) return;
    const direction = el.getAttribute('direction')?.trim().toLowerCase();
    const id = (el.getAttribute('id') || el.getAttribute('call-id') || `#${i}`).slice(0, 256);
    const peer = peerOf(el, ns);
    dialogs.push({
      id,
      state,
      ...(direction === 'initiator' || direction === 'recipient' ? { direction } : {}),
      held: heldOf(el, ns),
      ...(peer ? { peer } : {}),
    });
  });
  return {
    full: root.getAttribute('state')?.trim().toLowerCase() !== 'partial',
    ...(version !== undefined ? { version } : {}),
    dialogs,
  };
}

/**
 * The dialogs after applying `doc` to `current` (never mutated): a full
 * document replaces them all, a partial one updates those it names. Finished
 * dialogs are dropped either way.
 */
export function applyDialogInfo(current: ReadonlyMap<string, DialogEntry>, doc: DialogInfoDocument): Map<string, DialogEntry> {
  const next = doc.full ? new Map<string, DialogEntry>() : new Map(current);
  for (const dialog of doc.dialogs) {
    if (dialog.state === 'terminated') next.delete(dialog.id);
    else next.set(dialog.id, dialog);
  }
  // A partial document could grow the set without bound over time.
  while (next.size > MAX_DIALOGS) next.delete(next.keys().next().value!);
  return next;
}

/** What a key's lamp shows. `unknown`: not known yet; `offline`: no subscription (refused, ended, not connected). */
export type LampState = 'idle' | 'ringing' | 'busy' | 'held' | 'unknown' | 'offline';

/** The lamp for a set of live dialogs, with the dialog it comes from. Ringing wins: it can be picked up. */
export function lampOf(dialogs: Iterable<DialogEntry>): { state: 'idle' | 'ringing' | 'busy' | 'held'; dialog?: DialogEntry } {
  let best: { state: 'ringing' | 'busy' | 'held'; dialog: DialogEntry } | undefined;
  const rank = { ringing: 3, busy: 2, held: 1 } as const;
  for (const dialog of dialogs) {
    let state: 'ringing' | 'busy' | 'held';
    if (dialog.state === 'terminated') continue;
    if (dialog.state === 'confirmed') state = dialog.held ? 'held' : 'busy';
    // Trying, proceeding, early: ringing in, or the watched user calling out.
    else state = dialog.direction === 'initiator' ? 'busy' : 'ringing';
    if (!best || rank[state] > rank[best.state]) best = { state, dialog };
  }
  return best ?? { state: 'idle' };
}
