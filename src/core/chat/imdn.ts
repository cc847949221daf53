/**
 * Instant Message Disposition Notification (RFC 5438), the parts we use:
 * the `Disposition-Notification` request on a message, and the
 * message/imdn+xml document that answers it ("delivered", "displayed").
 */
import { parseXml, type XmlElement } from '../xml.js';

export const IMDN_TYPE = 'message/imdn+xml';
const NS = 'urn:ietf:params:xml:ns:imdn';

/** What the sender of a message asked to be told about. */
export interface DispositionRequest {
  delivery: boolean;
  display: boolean;
}

/** Parses `Disposition-Notification: positive-delivery, display`. */
export function parseDisposition(value: string | undefined): DispositionRequest {
  const tokens = new Set((value ?? '').toLowerCase().split(',').map((t) => t.trim()));
  return { delivery: tokens.has('positive-delivery'), display: tokens.has('display') };
}

export type ImdnKind = 'delivery' | 'display';

/** delivered / displayed, or one of the failures RFC 5438 defines. */
export type ImdnStatus = 'delivered' | 'displayed' | 'failed' | 'forbidden' | 'error';

export interface Imdn {
  messageId: string;
  kind: ImdnKind;
  status: ImdnStatus;
  /** When the disposition happened (ISO 8601), as the recipient said. */
  datetime?: string;
}

const MESSAGE_ID = /^[\x21-\x7e]{1,128}$/;

/** A Message-ID we accept from the wire: printable ASCII, no `|`, at most 128 characters. */
export function cleanMessageId(value: string | undefined): string | undefined {
  const id = value?.trim().replace(/^<(.*)>$/, '$1');
  return id && MESSAGE_ID.test(id) && !id.includes('|') ? id : undefined;
}

// Line breaks go as character references: XML parsers normalise raw ones.
const escapeXml = (s: string) =>
  s.replace(/[<>&'"\r\n\t]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' })[c]!);

/** The message/imdn+xml body that tells the sender of `messageId` what happened to it. */
export function buildImdn(n: Imdn & { recipientUri?: string }): string {
  const element = n.kind === 'delivery' ? 'delivery-notification' : 'display-notification';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<imdn xmlns="${NS}">`,
    `<message-id>${escapeXml(n.messageId)}</message-id>`,
    `<datetime>${escapeXml(n.datetime ?? new Date().toISOString())}</datetime>`,
    n.recipientUri ? `<recipient-uri>${escapeXml(n.recipientUri)}</recipient-uri>` : '',
    `<${element}><status><${n.status}/></status></${element}>`,
    '</imdn>',
  ].join('');
}

const STATUSES: Record<ImdnKind, readonly ImdnStatus[]> = {
  delivery: ['delivered', 'failed', 'forbidden', 'error'],
  display: ['displayed', 'forbidden', 'error'],
};

/** Reads a message/imdn+xml document; null when it is not one we understand. */
export function parseImdn(xml: string): Imdn | null {
  if (xml.length > 16384) return null;
  // Our own XML reader: DOMParser throws on pages that enforce Trusted Types.
  const root = parseXml(xml);
  if (!root || root.localName !== 'imdn') return null;
  const child = (parent: XmlElement, name: string) => parent.children.find((c) => c.localName === name);
  const messageId = cleanMessageId(child(root, 'message-id')?.textContent ?? undefined);
  if (!messageId) return null;
  for (const kind of ['delivery', 'display'] as const) {
    const notification = child(root, `${kind}-notification`);
    const status = notification && child(notification, 'status')?.children[0]?.localName;
    if (!status) continue;
    if (!STATUSES[kind].includes(status as ImdnStatus)) return null;
    const datetime = child(root, 'datetime')?.textContent?.trim();
    return { messageId, kind, status: status as ImdnStatus, ...(datetime ? { datetime: datetime.slice(0, 64) } : {}) };
  }
  return null;
}
