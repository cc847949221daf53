/**
 * What a message looks like on the wire and back (pure): the body, type and
 * headers of an outgoing MESSAGE, and the text or file an incoming body holds.
 * The format is described in chat-service.ts.
 */
import { base64FromBytes, base64Size, bytesFromBase64, cleanFileName, cleanMimeType, HARD_MAX_ATTACHMENT_KB } from './attachment.js';
import { messageHeaders, type IncomingMeta } from './chat-headers.js';
import type { ChatFile, ChatMessage, Conversation } from './chat-types.js';
import { groupToken } from './conversation-id.js';

export const TEXT_TYPE = 'text/plain;charset=UTF-8';
/** The longest incoming text kept (characters). */
export const MAX_INCOMING_TEXT = 20000;

/** The base type of a Content-Type, lower case: `text/plain`. */
export const baseType = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();

/** The UTF-8 text of base64 data, or undefined when it is not valid UTF-8. */
export function utf8(base64: string): string | undefined {
  const bytes = bytesFromBase64(base64);
  if (!bytes) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export interface Wire {
  body: string;
  contentType: string;
  headers: string[];
}

/**
 * The MESSAGE for one of our messages. `self` is our number, listed among a
 * group's members unless we are `leaving` it. Text files travel as text when
 * they are UTF-8; every other file as base64.
 */
export function outgoingWire(message: ChatMessage, conversation: Conversation, self: string, leaving = false): Wire {
  const file = message.file;
  const asText = file?.type.startsWith('text/') ? utf8(file.data) : undefined;
  const group =
    conversation.kind === 'group'
      ? {
          token: groupToken(conversation.id),
          ...(conversation.name ? { name: conversation.name, nameAt: conversation.nameAt ?? 0 } : {}),
          members: leaving ? conversation.members : [self, ...conversation.members],
        }
      : undefined;
  const headers = messageHeaders({
    messageId: message.id,
    sentAt: message.at,
    receipts: true,
    ...(group ? { group } : {}),
    ...(file ? { file: { name: file.name, base64: asText === undefined } } : {}),
  });
  return file ? { body: asText ?? file.data, contentType: file.type, headers } : { body: message.text, contentType: TEXT_TYPE, headers };
}

/**
 * The text or file an incoming body holds; null for bodies not shown (other
 * phones' formats, empty text, broken base64, files over the hard limit).
 */
export function incomingContent(type: string, body: string, meta: IncomingMeta): { text: string; file?: ChatFile } | null {
  const isText = type.startsWith('text/');
  if (isText && !meta.attachment) {
    const text = body.slice(0, MAX_INCOMING_TEXT);
    return text.trim() ? { text } : null;
  }
  let data: string;
  if (isText && !meta.base64) {
    data = base64FromBytes(new TextEncoder().encode(body));
  } else {
    if (!meta.base64 && !/^[A-Za-z0-9+/=\r\n]+$/.test(body)) return null;
    data = body.replace(/[\r\n\t ]/g, '');
    if (!bytesFromBase64(data)) return null;
  }
  const size = base64Size(data);
  if (size > HARD_MAX_ATTACHMENT_KB * 1024) return null;
  const clean = cleanMimeType(type);
  return { text: '', file: { name: cleanFileName(meta.fileName, clean), type: clean, size, data } };
}
