/**
 * TURN (and STUN) servers from configuration: the `turn` setting holds one or
 * more `turn:`/`turns:`/`stun:` URLs, comma-separated
 * (`turn:relay.example.com:3478?transport=udp, turns:relay.example.com:443?transport=tcp`),
 * with one user name and credential for all of them (`turnUsername`,
 * `turnCredential`). `forceRelay` sends all media through the relay
 * (`iceTransportPolicy: 'relay'`), for networks that open only port 443.
 *
 * The credential is a secret like the password: it is never logged and never
 * put in a message, and activation links lose it from the address bar.
 */
import { msg, str } from '@lit/localize';

export type TurnResult = { ok: true; iceServers: RTCIceServer[] } | { ok: false; message: string };

/** RFC 7065 (turn:, turns:) and RFC 7064 (stun:, stuns:) URIs: host or [IPv6], optional port, optional transport. */
const ICE_URL = /^(turns?|stuns?):(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)(:(\d{1,5}))?(\?transport=(udp|tcp))?$/i;

/** At most this many URLs are used (each one costs a gathering round per call). */
export const MAX_TURN_URLS = 8;

/** True for `true`, `1`, `yes`, `on` and the empty value of a boolean attribute. */
export function isOn(value: string | undefined): boolean {
  return value !== undefined && /^(|true|1|yes|on|force|relay)$/i.test(value.trim());
}

/**
 * Reads the configured TURN/STUN URLs into `RTCIceServer`s. The URL itself
 * never carries credentials; the message of a refusal names the URL without them.
 */
export function parseTurnServers(urls: string | undefined, username?: string, credential?: string): TurnResult {
  const list = (urls ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (!list.length) return { ok: true, iceServers: [] };
  if (list.length > MAX_TURN_URLS) return { ok: false, message: msg(str`At most ${MAX_TURN_URLS} TURN servers can be used.`) };
  const turn: string[] = [];
  const stun: string[] = [];
  for (const url of list) {
    const m = ICE_URL.exec(url);
    const port = m?.[7] ? Number(m[7]) : undefined;
    if (!m || (port !== undefined && (port < 1 || port > 65535))) {
      const shown = url.slice(0, 80).replace(/[^\x20-\x7e]/g, '?');
      return { ok: false, message: msg(str`"${shown}" is not a TURN server address. Use turn:host:3478?transport=udp or turns:host:443?transport=tcp.`) };
    }
    const scheme = m[1]!.toLowerCase();
    if (scheme.startsWith('stun')) {
      if (m[8]) return { ok: false, message: msg(str`"${url}": a STUN address takes no transport.`) };
      stun.push(url);
    } else turn.push(url);
  }
  if (turn.length && (!username || !credential)) {
    return { ok: false, message: msg('A TURN server needs a user name and a credential (turnUsername and turnCredential).') };
  }
  const iceServers: RTCIceServer[] = [];
  if (turn.length) iceServers.push({ urls: turn, username: username!, credential: credential! });
  if (stun.length) iceServers.push({ urls: stun });
  return { ok: true, iceServers };
}

/** True when `iceServers` has a TURN server: forcing the relay without one would leave every call silent. */
export function hasTurn(iceServers: readonly RTCIceServer[] | undefined): boolean {
  return Boolean(iceServers?.some((s) => [s.urls].flat().some((u) => /^turns?:/i.test(u))));
}

/** The refusal when relay is forced with no TURN server. */
export const noTurnMessage = (): string => msg('Relay is forced but no TURN server is set. Add turn=turn:host:3478 (with a user name and credential).');
