/**
 * Message waiting indication (RFC 3842, `application/simple-message-summary`):
 *
 *     Messages-Waiting: yes
 *     Message-Account: sip:*97@pbx.example.com
 *     Voice-Message: 2/8 (1/0)
 *
 * Header names are case-insensitive, lines may end in CRLF or LF, counts may
 * be missing (then only "waiting" is known). Anything unreadable is null.
 */

export interface MessageSummary {
  /** The server says messages are waiting. */
  waiting: boolean;
  /** New and old voice messages, and the urgent ones among them, when the server counts them. */
  voice?: { new: number; old: number; urgentNew: number; urgentOld: number };
}

/** Counts are capped: a badge never needs more, and no value can overflow the layout. */
export const MAX_COUNT = 9999;

const MAX_CHARS = 16 * 1024;

const count = (s: string | undefined): number => Math.min(MAX_COUNT, Number(s ?? 0));

/** Reads a message-summary body; null when it is not one. */
export function parseMessageSummary(body: unknown): MessageSummary | null {
  if (typeof body !== 'string' || body.length > MAX_CHARS) return null;
  let waiting: boolean | undefined;
  let voice: MessageSummary['voice'];
  for (const line of body.split(/\r?\n|\r/)) {
    const colon = line.indexOf(':');
    if (colon < 1) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'messages-waiting') {
      const v = value.toLowerCase();
      if (v === 'yes' || v === 'no') waiting = v === 'yes';
    } else if (name === 'voice-message' && !voice) {
      const m = /^(\d{1,9})\s*\/\s*(\d{1,9})(?:\s*\(\s*(\d{1,9})\s*\/\s*(\d{1,9})\s*\))?/.exec(value);
      if (m) voice = { new: count(m[1]), old: count(m[2]), urgentNew: count(m[3]), urgentOld: count(m[4]) };
    }
  }
  if (waiting === undefined) return null;
  return { waiting, ...(voice ? { voice } : {}) };
}
