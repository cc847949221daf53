/**
 * Every way to configure a phone, parsed and validated in one place.
 *
 * Layers, in increasing precedence: the script tag's `data-*`, the element's
 * attributes/properties, the page URL's one-click activation parameters.
 *
 * Two activation forms are understood:
 * - any-server: `server=`, `identity=`, `authentication=`, `password=`,
 *   optional `destination=` and `display=`;
 * - fixed-server: `username=`, `password=`, optional `destination=`, with the
 *   server and domain fixed by the page.
 *
 * A `server` value may be a `ws://`/`wss://` URL (used as is), a `sip:`/`sips:`
 * URI or a bare `host[:port]` (both become `wss://host[:port]`), or several of
 * these separated by commas (tried in order).
 *
 * Any form may add a media relay: `turn=` (TURN/STUN URLs), `turnUsername=`,
 * `turnCredential=` (a secret, like the password) and `forceRelay=true`.
 */

import { msg, str } from '@lit/localize';
import { isOn, parseTurnServers } from './turn.js';

/** The raw settings, as strings, that any layer may carry. */
export interface ConfigInput {
  server?: string;
  domain?: string;
  identity?: string;
  authentication?: string;
  username?: string;
  password?: string;
  display?: string;
  destination?: string;
  /** TURN/STUN URLs, comma-separated (`turn:host:3478?transport=udp,turns:host:443?transport=tcp`). */
  turn?: string;
  turnUsername?: string;
  /** A secret, like the password. */
  turnCredential?: string;
  /** `true`: media only through the TURN relay. */
  forceRelay?: string;
}

/** A validated account, ready for the SIP agent. */
export interface PhoneConfig {
  /** WebSocket URLs, tried in order. */
  servers: string[];
  /** The account's SIP URI, `sip:user@domain`. */
  identity: string;
  /** The digest authentication user. */
  authorization: string;
  password: string;
  /** The caller name the callee sees. */
  displayName?: string;
  /** Dialled once, as soon as the phone is ready. */
  destination?: string;
  /** The SIP domain, used to complete bare numbers. */
  domain: string;
  /** The user part of the identity (the extension). */
  user: string;
  /** STUN/TURN servers for the media path; none by default. */
  iceServers?: RTCIceServer[];
  /** `relay`: media only through a TURN relay (`forceRelay`). */
  iceTransportPolicy?: RTCIceTransportPolicy;
}

/** Why a configuration was refused; `message` is shown to the user as is. */
export interface ConfigError {
  code:
    | 'missing-server'
    | 'bad-server'
    | 'insecure-server'
    | 'missing-identity'
    | 'bad-identity'
    | 'missing-domain'
    | 'missing-password'
    | 'bad-turn';
  message: string;
}

export type ConfigResult =
  | { ok: true; config: PhoneConfig }
  | { ok: false; error: ConfigError }
  /** Nothing was configured yet: not an error, the phone just waits. */
  | { ok: false; error: null };

/** The URL parameters one-click activation reads; all are removed from the address bar. */
export const ACTIVATION_PARAMS = [
  'server',
  'identity',
  'authentication',
  'username',
  'password',
  'destination',
  'display',
  'turn',
  'turnUsername',
  'turnCredential',
  'forceRelay',
] as const;

/** Where the page itself is served from; decides whether plain ws:// is allowed. */
export interface PageOrigin {
  protocol: string;
  hostname: string;
}

const fail = (code: ConfigError['code'], message: string): ConfigResult => ({
  ok: false,
  error: { code, message },
});

const clean = (value: string | null | undefined): string | undefined => {
  const v = value?.trim();
  return v ? v : undefined;
};

/** Reads the activation parameters out of a URL query string. */
export function readUrlParams(search: string): ConfigInput {
  const params = new URLSearchParams(search);
  const input: ConfigInput = {};
  for (const key of ACTIVATION_PARAMS) {
    const value = clean(params.get(key));
    if (value !== undefined) input[key] = value;
  }
  return input;
}

/** True when the input carries anything a phone could start from. */
export function hasActivation(input: ConfigInput): boolean {
  return Boolean(input.password || input.username || input.identity || input.server);
}

/**
 * Returns `href` without the activation parameters (other parameters and the
 * hash kept), or `null` when it carries none.
 */
export function stripActivationParams(href: string): string | null {
  const url = new URL(href);
  let changed = false;
  for (const key of ACTIVATION_PARAMS) {
    if (url.searchParams.has(key)) {
      url.searchParams.delete(key);
      changed = true;
    }
  }
  return changed ? url.toString() : null;
}

/** Merges layers; later layers win, empty values never override. */
export function mergeInputs(...layers: Array<ConfigInput | undefined>): ConfigInput {
  const merged: ConfigInput = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer) as Array<[keyof ConfigInput, string | undefined]>) {
      const v = clean(value);
      if (v !== undefined) merged[key] = v;
    }
  }
  return merged;
}

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

const HOST_PORT = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)(:\d{1,5})?$/i;

/** Turns one server entry into a WebSocket URL, or explains why it cannot. */
export function parseServer(entry: string, page?: PageOrigin): { url: string } | { error: ConfigError } {
  const raw = entry.trim();
  const bad = (): { error: ConfigError } => ({
    error: {
      code: 'bad-server',
      message: msg(str`"${raw}" is not a server address. Use a wss:// URL, a sip: URI or a host name.`),
    },
  });
  let url: URL;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]?.toLowerCase();
  if (scheme === 'ws' || scheme === 'wss') {
    try {
      url = new URL(raw);
    } catch {
      return bad();
    }
    if (!url.hostname || url.username || url.password) return bad();
  } else {
    let host: string | undefined;
    if (scheme === 'sip' || scheme === 'sips') {
      const rest = raw.slice(scheme.length + 1).replace(/^\/\//, '');
      host = rest.split(/[;?]/)[0]!.split('@').pop()!;
      if (!HOST_PORT.test(host)) return bad();
    } else if ((HOST_PORT.test(raw) && !/^\d+$/.test(raw.split(':')[0]!)) || /^\d{1,3}(\.\d{1,3}){3}(:\d{1,5})?$/.test(raw)) {
      host = raw;
    } else {
      return bad();
    }
    // Our patterns are loose; the URL parser has the last word (ports, IP forms).
    try {
      url = new URL(`wss://${host}`);
    } catch {
      return bad();
    }
  }
  if (url.protocol === 'ws:' && page?.protocol === 'https:' && !isLoopback(url.hostname)) {
    return {
      error: {
        code: 'insecure-server',
        message: msg(str`This page is served over https, so the phone can only use a secure server (wss://), not ${url.host}.`),
      },
    };
  }
  // URL adds a trailing slash to bare hosts; keep the address as written.
  const text = url.pathname === '/' && !raw.endsWith('/') ? url.toString().replace(/\/$/, '') : url.toString();
  return { url: text };
}

const SIP_USER = /^[a-z0-9\-_.!~*'()&=+$,;?/%]+$/i;

/** Parses `sip:user@domain`, `user@domain`; returns null when malformed. */
export function parseIdentity(value: string): { user: string; domain: string } | null {
  const m = /^(?:sips?:)?([^@\s:;]+)@([^@\s;?>]+)$/i.exec(value.trim());
  if (!m) return null;
  const [, user, domain] = m as unknown as [string, string, string];
  if (!SIP_USER.test(user) || !HOST_PORT.test(domain)) return null;
  return { user, domain: domain.toLowerCase() };
}

/** Validates merged input into a phone configuration. Never throws. */
export function resolveConfig(input: ConfigInput, page?: PageOrigin): ConfigResult {
  try {
    return resolve(input, page);
  } catch {
    return fail('bad-server', msg('This phone configuration cannot be used. Check the server and account.'));
  }
}

function resolve(input: ConfigInput, page?: PageOrigin): ConfigResult {
  if (!hasActivation(input)) return { ok: false, error: null };

  if (!input.server) {
    return fail('missing-server', msg('No SIP server is set. Add a server address (wss://…) to the link or the page.'));
  }
  const servers: string[] = [];
  for (const entry of input.server.split(',').map((s) => s.trim()).filter(Boolean)) {
    const parsed = parseServer(entry, page);
    if ('error' in parsed) return { ok: false, error: parsed.error };
    servers.push(parsed.url);
  }
  if (servers.length === 0) {
    return fail('missing-server', msg('No SIP server is set. Add a server address (wss://…) to the link or the page.'));
  }

  let user: string;
  let domain: string;
  if (input.identity) {
    const id = parseIdentity(input.identity.includes('@') || !input.domain ? input.identity : `${input.identity}@${input.domain}`);
    if (!id) return fail('bad-identity', msg(str`"${input.identity}" is not a SIP address. Use the form sip:1001@pbx.example.com.`));
    ({ user, domain } = id);
  } else if (input.username) {
    if (!SIP_USER.test(input.username)) return fail('bad-identity', msg(str`"${input.username}" is not a valid user name.`));
    if (!input.domain) return fail('missing-domain', msg('This page sets no SIP domain, so a user name alone is not enough.'));
    const id = parseIdentity(`${input.username}@${input.domain}`);
    if (!id) return fail('bad-identity', msg(str`"${input.domain}" is not a valid SIP domain.`));
    ({ user, domain } = id);
  } else {
    return fail('missing-identity', msg('No account is set. Add identity= (or username=) to the link.'));
  }

  if (!input.password) return fail('missing-password', msg('No password is set for this account.'));

  const config: PhoneConfig = {
    servers,
    identity: `sip:${user}@${domain}`,
    authorization: input.authentication ?? input.username ?? user,
    password: input.password,
    domain,
    user,
  };
  if (input.display) config.displayName = input.display;
  if (input.destination) config.destination = input.destination;
  const turn = parseTurnServers(input.turn, input.turnUsername, input.turnCredential);
  if (!turn.ok) return fail('bad-turn', turn.message);
  if (turn.iceServers.length) config.iceServers = turn.iceServers;
  // Whether a TURN server exists is checked where every source of servers is known (see `hasTurn`).
  if (isOn(input.forceRelay)) config.iceTransportPolicy = 'relay';
  return { ok: true, config };
}
