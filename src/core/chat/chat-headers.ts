/**
 * The SIP headers a chat message carries between our widgets, written and
 * read in one place (the wire format is described in chat-service.ts).
 */
import { cleanMessageId, parseDisposition } from './imdn.js';
import { formatGroupName, formatMembers, groupIdFromHeader, parseGroupName, parseMembers } from './conversation-id.js';
import { cleanFileName, contentDisposition, fileNameFromDisposition } from './attachment.js';

export interface OutgoingHeaders {
  messageId: string;
  sentAt: number;
  /** Ask for delivery and display notifications (never on receipts or notices). */
  receipts: boolean;
  group?: { token: string; name?: string; nameAt?: number; members: readonly string[] };
  /** For attachments: the file name, and whether the body is base64 (text files travel as text). */
  file?: { name: string; base64: boolean };
}

export function messageHeaders(h: OutgoingHeaders): string[] {
  const out = [`Message-ID: ${h.messageId}`, `DateTime: ${new Date(h.sentAt).toISOString()}`];
  if (h.receipts) out.push('Disposition-Notification: positive-delivery, display');
  if (h.group) {
    out.push(`X-Conversation: ${h.group.token}`);
    if (h.group.name) out.push(`X-Conversation-Name: ${formatGroupName(h.group.name, h.group.nameAt ?? 0)}`);
    out.push(`X-Conversation-Members: ${formatMembers(h.group.members)}`);
  }
  if (h.file) {
    // Cleaned here too: no line break or control character can reach a header.
    const name = cleanFileName(h.file.name);
    if (h.file.base64) out.push('Content-Transfer-Encoding: base64');
    out.push(`Content-Disposition: ${contentDisposition(name)}`);
    // The name again where every SIP stack passes it on (Content-Disposition may be dropped).
    out.push(`Subject: ${name}`);
  }
  return out;
}

export interface IncomingMeta {
  messageId?: string;
  /** The sender's clock when it sent the message (ms), when it said. */
  sentAt?: number;
  wantsDelivery: boolean;
  wantsDisplay: boolean;
  group?: { id: string; name?: { name: string; at: number }; members: string[] };
  /** Content-Disposition says attachment: a file, even with a text/* type. */
  attachment: boolean;
  /** The file name (Content-Disposition, else Subject). */
  fileName?: string;
  base64: boolean;
}

/** What the headers of an incoming MESSAGE say; hostile or malformed values are dropped. */
export function readIncomingMeta(headers: Record<string, string>, domain: string): IncomingMeta {
  const messageId = cleanMessageId(headers['message-id'] ?? headers['imdn.message-id']);
  const disposition = parseDisposition(headers['disposition-notification'] ?? headers['imdn.disposition-notification']);
  const datetime = headers['datetime'] ? Date.parse(headers['datetime']) : NaN;
  const groupId = groupIdFromHeader(headers['x-conversation']);
  const name = parseGroupName(headers['x-conversation-name']);
  const contentDisp = headers['content-disposition'] ?? '';
  const fileName = fileNameFromDisposition(contentDisp) ?? headers['subject']?.trim();
  return {
    ...(messageId ? { messageId } : {}),
    ...(Number.isFinite(datetime) ? { sentAt: datetime } : {}),
    wantsDelivery: Boolean(messageId) && disposition.delivery,
    wantsDisplay: Boolean(messageId) && disposition.display,
    ...(groupId
      ? { group: { id: groupId, ...(name ? { name } : {}), members: parseMembers(headers['x-conversation-members'], domain) } }
      : {}),
    attachment: /^\s*attachment\b/i.test(contentDisp),
    ...(fileName ? { fileName } : {}),
    base64: (headers['content-transfer-encoding'] ?? '').trim().toLowerCase() === 'base64',
  };
}

/** A new Message-ID: time plus 64 random bits, base 36. */
export function newMessageId(now = Date.now()): string {
  const random = crypto.getRandomValues(new Uint32Array(2));
  return `${now.toString(36)}${random[0]!.toString(36)}${random[1]!.toString(36)}`;
}
