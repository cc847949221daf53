// Property tests (fast-check) of what the SIP agent reads from requests that
// arrive from the network: the caller's display name and URI (From,
// P-Asserted-Identity) on an INVITE, the sender of a MESSAGE. The agent runs
// with real JsSIP against a scripted server behind a fake WebSocket: it
// registers, then receives generated requests. Whatever they hold, nothing
// may throw out of the agent, every request gets an answer, and what reaches
// the phone is strings it can render.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../../test/fuzz-seed.js';
import JsSIP from 'jssip';
import { parseDialTarget } from '../dial-target.js';
import type { PhoneConfig } from '../config.js';
import type { IncomingMessage, SipAgent, SipCall } from './agent.js';
import { createJsSipAgent } from './jssip-agent.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };
const CONFIG: PhoneConfig = {
  servers: ['wss://fuzz.invalid/ws'],
  identity: 'sip:1001@phone.test',
  authorization: '1001',
  password: 'fuzz-password',
  domain: 'phone.test',
  user: '1001',
};

/** A SIP message split into its start line, headers (lower-case names, in order) and body. */
function parseSip(raw: string): { start: string; headers: Array<[string, string]>; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const [start = '', ...lines] = head.split('\r\n');
  const headers = lines.map((l): [string, string] => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]);
  return { start, headers, body: end < 0 ? '' : raw.slice(end + 4) };
}

/**
 * A WebSocket stand-in with a scripted SIP server behind it: REGISTER gets a
 * 200, everything the phone sends is recorded, and `deliver` hands the phone a
 * request as the server would.
 */
class FakeSipSocket {
  static last: FakeSipSocket | undefined;
  static sent: string[] = [];
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  binaryType = 'blob';
  protocol = 'sip';
  onopen: ((e: unknown) => void) | null = null;
  onclose: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;

  constructor(readonly url: string) {
    FakeSipSocket.last = this;
    setTimeout(() => {
      this.readyState = 1;
      this.onopen?.({});
    });
  }

  send(data: string): void {
    FakeSipSocket.sent.push(data);
    const m = parseSip(data);
    if (!m.start.startsWith('REGISTER ')) return;
    const get = (n: string) => m.headers.filter(([k]) => k === n).map(([, v]) => v);
    const reply = [
      'SIP/2.0 200 OK',
      ...get('via').map((v) => `Via: ${v}`),
      `From: ${get('from')[0]}`,
      `To: ${get('to')[0]};tag=fuzzserver`,
      `Call-ID: ${get('call-id')[0]}`,
      `CSeq: ${get('cseq')[0]}`,
      ...get('contact').map((c) => `Contact: ${c}`),
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');
    setTimeout(() => this.onmessage?.({ data: reply }));
  }

  close(): void {
    this.readyState = 3;
    this.onclose?.({ wasClean: true, code: 1000, reason: '' });
  }

  /** Hands `raw` to the phone as the server would; returns what it threw, if anything. */
  deliver(raw: string): unknown {
    try {
      this.onmessage?.({ data: raw });
      return undefined;
    } catch (error) {
      return error;
    }
  }
}

const SDP = [
  'v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', 'm=audio 9 UDP/TLS/RTP/SAVPF 111', 'a=rtpmap:111 opus/48000/2',
  'a=ice-ufrag:abcd', 'a=ice-pwd:abcdefghijklmnopqrstuv', 'a=fingerprint:sha-256 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF',
  'a=setup:actpass', 'a=mid:0', 'a=sendrecv', 'a=rtcp-mux', '',
].join('\r\n');

let seq = 0;
function request(method: 'INVITE' | 'MESSAGE', from: string, extra: string[] = [], body = ''): { raw: string; callId: string } {
  const n = ++seq;
  const callId = `fuzz-${n}-${Math.random().toString(36).slice(2)}`;
  const raw = [
    `${method} sip:1001@phone.test SIP/2.0`,
    `Via: SIP/2.0/WSS 127.0.0.1:8080;branch=z9hG4bKfuzz${n}x${Math.random().toString(36).slice(2)}`,
    'Max-Forwards: 70',
    `From: ${from};tag=f${n}`,
    'To: <sip:1001@phone.test>',
    `Call-ID: ${callId}`,
    `CSeq: 1 ${method}`,
    ...(method === 'INVITE' ? ['Contact: <sip:caller@127.0.0.1:8080;transport=ws>'] : []),
    ...extra,
    `Content-Type: ${method === 'INVITE' ? 'application/sdp' : 'text/plain'}`,
    `Content-Length: ${new TextEncoder().encode(body).length}`,
    '',
    body,
  ].join('\r\n');
  return { raw, callId };
}

/** The responses the phone sent to the request with `callId`. */
const responsesTo = (callId: string) =>
  FakeSipSocket.sent.filter((s) => s.startsWith('SIP/2.0 ') && parseSip(s).headers.some(([k, v]) => k === 'call-id' && v === callId)).map((s) => Number(s.slice(8, 11)));

// ---- what callers put in From and P-Asserted-Identity ----
const hex = fc.integer({ min: 0, max: 255 }).map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`);
/** RFC 3261 user characters, escapes included (any byte: valid UTF-8 or not). */
const sipUser = fc.string({ unit: fc.oneof(fc.constantFrom(...'abcxyz0123456789-_.!~*\'()&=+$,;?/'), hex), minLength: 1, maxLength: 16 });
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
/** Display names: any valid text (UTF-8 on the wire), control and bidi characters, markup. */
const displayName = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.string({ unit: fc.constantFrom('<b>', '\u202e', '\u200b', '"', '\\', ' ', 'undefined', '😀', 'Bob', '%', '\t'), maxLength: 10 }),
  fc.string({ unit: codeUnit, maxLength: 10 }).map((s) => s.replace(/[\ud800-\udfff\r\n]/g, '')),
);
const quoted = (name: string) => `"${name.replace(/[\r\n]/g, ' ').replace(/(["\\])/g, '\\$1')}"`;
const host = fc.constantFrom('phone.test', 'PHONE.test', 'elsewhere.example', '127.0.0.1', '[::1]');
const nameAddr = fc.tuple(fc.option(displayName, { nil: undefined }), sipUser, host).map(([name, user, h]) => `${name === undefined ? '' : `${quoted(name)} `}<sip:${user}@${h}>`);

/**
 * Whether JsSIP itself parses `value` as a name-addr. JsSIP's grammar throws
 * URIError for an escape that is not UTF-8 ("%80"): see the skipped test.
 */
const jssipAccepts = (value: string) => {
  try {
    return JsSIP.NameAddrHeader.parse(value) !== undefined;
  } catch {
    return false;
  }
};

/** The user part as JsSIP decodes it ('' when it cannot). */
const decodedUser = (value: string): string => {
  try {
    return String(JsSIP.NameAddrHeader.parse(value)?.uri.user ?? '');
  } catch {
    return '';
  }
};

function checkParty(party: { number: string; name?: string; uri: string }): void {
  expect(party.number).to.be.a('string').and.not.equal('');
  expect(party.uri).to.be.a('string');
  if (party.name !== undefined) expect(party.name).to.be.a('string').and.not.equal('');
}

describe('SIP agent under generated requests (fast-check, fake server)', () => {
  let agent: SipAgent;
  let realWebSocket: typeof WebSocket;
  const incoming: SipCall[] = [];
  const messages: IncomingMessage[] = [];

  before(async () => {
    realWebSocket = globalThis.WebSocket;
    (globalThis as { WebSocket: unknown }).WebSocket = FakeSipSocket;
    agent = createJsSipAgent(CONFIG);
    agent.on('incoming', (call) => incoming.push(call));
    agent.on('message', (m) => messages.push(m));
    const registered = new Promise<void>((resolve) => agent.on('registered', () => resolve()));
    agent.start();
    await registered;
  });

  after(() => {
    for (const call of incoming) call.hangup();
    agent.stop();
    globalThis.WebSocket = realWebSocket;
  });

  it('INVITE: any caller name and URI JsSIP accepts rings, with strings to show (users without "%")', () => {
    fc.assert(
      fc.property(nameAddr, fc.option(nameAddr, { nil: undefined }), (from, pai) => {
        fc.pre(jssipAccepts(from) && !decodedUser(from).includes('%') && (pai === undefined || (jssipAccepts(pai) && !decodedUser(pai).includes('%'))));
        const before = incoming.length;
        const { raw, callId } = request('INVITE', from, pai === undefined ? [] : [`P-Asserted-Identity: ${pai}`], SDP);
        const thrown = FakeSipSocket.last!.deliver(raw);
        expect(thrown, String(thrown)).to.equal(undefined);
        expect(responsesTo(callId), 'the INVITE is answered').to.include(180);
        expect(incoming.length).to.equal(before + 1);
        const call = incoming[incoming.length - 1]!;
        checkParty(call.remote);
        call.reject(486);
        expect(responsesTo(callId)).to.include(486);
      }),
      RUNS,
    );
  });

  it('MESSAGE: any sender name and URI JsSIP accepts is delivered and answered 200 (users without "%")', () => {
    fc.assert(
      fc.property(nameAddr, fc.string({ unit: 'binary', maxLength: 40 }), (from, body) => {
        fc.pre(jssipAccepts(from) && !decodedUser(from).includes('%'));
        const before = messages.length;
        const { raw, callId } = request('MESSAGE', from, [], body);
        const thrown = FakeSipSocket.last!.deliver(raw);
        expect(thrown, String(thrown)).to.equal(undefined);
        expect(responsesTo(callId)).to.deep.equal([200]);
        expect(messages.length).to.equal(before + 1);
        const m = messages[messages.length - 1]!;
        checkParty(m.from);
        expect(m.body).to.equal(body);
      }),
      RUNS,
    );
  });

  // (Hosts the dialler accepts but JsSIP does not, such as "0@0", are refused
  // by ua.call before anything is sent, and the phone says so: not checked here.)
  it('every target the dialler accepts on the account domain is a URI JsSIP can call, to the same user', () => {
    const typed = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...'0123456789+*#-() @.abcsiptel:;%'), maxLength: 20 }), fc.string().map((u) => `${u}@phone.test`));
    fc.assert(
      fc.property(typed, (text) => {
        const target = parseDialTarget(text, 'phone.test');
        fc.pre(target !== null && target.uri.endsWith('@phone.test'));
        const uri = JsSIP.URI.parse(target!.uri);
        expect(uri, target!.uri).to.not.equal(undefined);
        expect(uri!.user).to.equal(target!.user);
      }),
      RUNS,
    );
  });

  // BUG (upstream, JsSIP 3.13.8, but it reaches the page): JsSIP's grammar
  // decodes the user part with decodeURIComponent inside the parser and does
  // not catch URIError, so a request whose From (or To, or Request-URI) user
  // holds an escape that is not UTF-8 ("sip:%80@x", "sip:%E0%A4@x") makes
  // Parser.parseMessage throw out of the WebSocket onmessage handler: an
  // uncaught URIError in the host page, and the request is never answered
  // (an INVITE rings nowhere and the caller waits for its timer). Any caller
  // can send this. Workaround in our code: wrap the socket's ondata (a
  // JsSIP.Socket wrapper around WebSocketInterface) in try/catch; report upstream.
  it('a request whose From user is not UTF-8 escaped throws nothing into the page', () => {
    for (const from of ['<sip:%80@phone.test>', '"X" <sip:%E0%A4@elsewhere.example>']) {
      const invite = request('INVITE', from, [], SDP);
      expect(FakeSipSocket.last!.deliver(invite.raw), from).to.equal(undefined);
      const message = request('MESSAGE', from, [], 'hi');
      expect(FakeSipSocket.last!.deliver(message.raw), from).to.equal(undefined);
    }
  });

  // BUG: partyFrom in src/core/sip/jssip-agent.ts decodes the user part a
  // second time (decodeURIComponent(uri.user)) although JsSIP's grammar has
  // already decoded it. A user with an escaped "%" ("sip:100%25@host", which
  // JsSIP decodes to "100%") makes decodeURIComponent throw URIError:
  // - incoming INVITE (From or P-Asserted-Identity): the error escapes the
  //   'newRTCSession' handler, out of JsSIP's receive path; no 180 is sent and
  //   the phone never rings (the caller hears nothing until its timer fires);
  // - incoming MESSAGE: no 200 is sent and the message is lost;
  // - outgoing: agent.call('sip:%25@phone.test') throws after JsSIP has
  //   created the session (PhoneSession#dial reports "The call could not
  //   start: URI malformed", but the INVITE still goes out, untracked).
  // Fix: use uri.user as is (JsSIP gives it decoded).
  // partyFrom no longer decodes twice (fixed); what remains is inside JsSIP:
  // it still does not answer such a request (no 180), now without throwing
  // into the page (the guarded socket drops it with a warning). Upstream.
  it.skip('INVITE and MESSAGE from a user with an escaped "%" are answered', () => {
    for (const from of ['<sip:100%25@phone.test>', '"Bob" <sip:a%25b@elsewhere.example>']) {
      const invite = request('INVITE', from, [], SDP);
      expect(FakeSipSocket.last!.deliver(invite.raw), from).to.equal(undefined);
      expect(responsesTo(invite.callId), from).to.include(180);
      const message = request('MESSAGE', from, [], 'hi');
      expect(FakeSipSocket.last!.deliver(message.raw), from).to.equal(undefined);
      expect(responsesTo(message.callId), from).to.deep.equal([200]);
    }
    const pai = request('INVITE', '<sip:1002@phone.test>', ['P-Asserted-Identity: <sip:100%25@phone.test>'], SDP);
    expect(FakeSipSocket.last!.deliver(pai.raw)).to.equal(undefined);
    expect(responsesTo(pai.callId)).to.include(180);
    expect(() => agent.call('sip:%25@phone.test').hangup()).to.not.throw();
  });
});
