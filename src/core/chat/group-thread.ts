/**
 * Which conversation an incoming message belongs to, and what it teaches us
 * about it (pure): the sender's direct conversation, or the group named by
 * `X-Conversation`, whose members and name are merged from the message.
 *
 * Members: the union of what we know and what the message lists, except
 * people who left (a stale list does not bring them back); a sender missing
 * from its own list has left. Name: the most recently set one wins.
 */
import type { IncomingMeta } from './chat-headers.js';
import type { ChatParty, Conversation } from './chat-types.js';
import { directId } from './conversation-id.js';

/** A new, empty conversation record. */
export function newConversation(id: string, kind: Conversation['kind'], members: string[], now = Date.now()): Conversation {
  return { id, kind, members, names: {}, createdAt: now, lastAt: now, unread: 0, muted: false, pinned: false, left: false };
}

/**
 * The conversation for a message from `from` (updated, not yet saved), or
 * undefined for a group we left. `known` finds a conversation by id;
 * `isSelf` tells our own number.
 */
export function threadIncoming(
  from: ChatParty,
  meta: Pick<IncomingMeta, 'group'>,
  known: (id: string) => Conversation | undefined,
  isSelf: (number: string) => boolean,
): Conversation | undefined {
  let c: Conversation;
  if (meta.group) {
    const before = known(meta.group.id);
    if (before?.left) return undefined;
    c = before ? { ...before, members: [...before.members] } : newConversation(meta.group.id, 'group', []);
    const listed = meta.group.members.filter((n) => !isSelf(n));
    const senderLeft = meta.group.members.length > 0 && !meta.group.members.includes(from.number);
    const departed = new Set(c.departed ?? []);
    if (senderLeft) {
      departed.add(from.number);
      c.members = c.members.filter((n) => n !== from.number);
    } else {
      departed.delete(from.number);
      if (!c.members.includes(from.number)) c.members.push(from.number);
    }
    for (const n of listed) if (!departed.has(n) && !c.members.includes(n)) c.members.push(n);
    c.departed = [...departed];
    const name = meta.group.name;
    if (name && name.at >= (c.nameAt ?? -1)) Object.assign(c, { name: name.name, nameAt: name.at });
  } else {
    const id = directId(from.number);
    const before = known(id);
    c = before ? { ...before } : newConversation(id, 'direct', [from.number]);
  }
  if (from.name && c.names[from.number] !== from.name) c.names = { ...c.names, [from.number]: from.name };
  return c;
}
