// A longer fuzz run of every parser of untrusted input in src/core: the same
// kinds of generated input as the fast-check property tests
// (src/**/*.fuzz.test.ts), many more of them.
//
//   node bench/fuzz.mjs [--runs N] [--seed S] [--only name[,name…]] [--list]
//
//   --runs N    inputs per parser (default 20000)
//   --seed S    fast-check seed (default: random; printed, so a run can be repeated)
//   --only …    run only these parsers (names as printed by --list)
//
// The parsers run in Node: the TypeScript sources are bundled on the fly by
// esbuild into a temporary module. A parser that turns out to need the DOM
// (a ReferenceError such as "DOMParser is not defined": the XML parsers used
// DOMParser until src/core/xml.ts) is run again in Debian's Chromium
// (/usr/bin/chromium, through playwright-core) on a blank page with the same
// bundle; without Chromium it is skipped with a note.
//
// For each input the parser must not throw, and its result must have the
// documented shape (the same invariants as the property tests: states within
// their enums, texts short and clean, URIs well formed, passwords never in
// messages…). It prints, per parser, how many inputs it tried, how many
// failed (with the first failing inputs), and how many were slow (over
// 250 ms plus 0.5 ms per kilobyte of input, measured twice: a frozen page, as
// the parsers run on the main thread; a linear parser stays far below), with
// the slowest time.
// Failures and slow inputs should be 0; the exit code is 0 either way (it is
// a report), unless the bench itself cannot run.
//
// Not covered here: the caller's name and URI as the SIP agent reads them from
// JsSIP (partyFrom is private to src/core/sip/jssip-agent.ts); that runs in
// src/core/sip/jssip-agent.fuzz.test.ts against a scripted SIP server.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
};
const RUNS = Number(option('--runs', 20000));
const SEED = Number(option('--seed', Math.floor(Math.random() * 2 ** 31)));
const ONLY = option('--only', '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

/** Every parser the bench knows, with the module that exports it. */
const ENTRY = `
export * from './src/core/config.ts';
export * from './src/core/dial-target.ts';
export * from './src/core/sip/auto-answer.ts';
export * from './src/core/sip/causes.ts';
export * from './src/core/format.ts';
export * from './src/core/suggest.ts';
export * from './src/core/blf/message-summary.ts';
export * from './src/core/blf/vcard.ts';
export * from './src/core/blf/contact.ts';
export * from './src/core/blf/directory.ts';
export * from './src/core/blf/keys.ts';
export * from './src/core/blf/text.ts';
export { parseXml } from './src/core/xml.ts';
export * from './src/core/blf/dialog-info.ts';
export * from './src/core/blf/pidf.ts';
export { parseDisposition, cleanMessageId, parseImdn, buildImdn } from './src/core/chat/imdn.ts';
export { parseIsComposing, buildIsComposing } from './src/core/chat/is-composing.ts';
export * from './src/core/chat/conversation-id.ts';
export * from './src/core/chat/links.ts';
export * from './src/core/chat/cpim.ts';
export * from './src/core/chat/attachment.ts';
export * from './src/core/chat/chat-headers.ts';
export * from './src/core/chat/chat-format.ts';
`;

/**
 * The generators and the checks, for every parser. Self-contained (no outer
 * variables): it is also sent to the browser as source text and run there
 * with the page's copy of fast-check and the parsers.
 */
function suite(fc, p) {
  const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
  const tokens = (list, maxLength = 16) => fc.string({ unit: fc.constantFrom(...list), maxLength });
  const huge = (list) => fc.tuple(fc.string({ unit: fc.constantFrom(...list), minLength: 1, maxLength: 6 }), fc.integer({ min: 500, max: 20000 })).map(([s, n]) => s.repeat(n));
  /** Any string, weighted towards the pieces that matter to `list`'s parser, now and then huge. */
  const hostile = (list) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.string() },
      { weight: 2, arbitrary: fc.string({ unit: codeUnit }) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme' }) },
      { weight: 4, arbitrary: tokens(list, 24) },
      { weight: 1, arbitrary: huge(list) },
    );
  const ok = (cond, what) => {
    if (!cond) throw new Error(`shape: ${what}`);
  };
  // eslint-disable-next-line no-control-regex
  const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
  const cleanShort = (s, max, what) => {
    ok(typeof s === 'string' && s.length >= 1 && s.length <= max, `${what} is a string of 1–${max}`);
    ok(!UNSAFE.test(s), `${what} has no control or bidi characters`);
  };
  const xmlText = fc
    .oneof(fc.string({ unit: 'binary', maxLength: 60 }), tokens(['\u202e', '\u200b', '\t', '\n', ' ', '😀', 'Bob', '<b>', '&', '"', "'"], 12))
    // eslint-disable-next-line no-control-regex
    .map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  /** A well-formed document broken: cut, or with junk spliced in. */
  const broken = (doc, junk) =>
    fc.tuple(doc, fc.nat(), fc.oneof(fc.constant(''), junk), fc.boolean()).map(([x, at, j, cut]) => {
      const i = at % (x.length + 1);
      return cut ? x.slice(0, i) : x.slice(0, i) + j + x.slice(i);
    });

  // ---- config ----
  const CFG = ['sip:', 'sips:', 'ws://', 'wss://', 'javascript:', '//', '@', ':', ';', ',', '?', '&', '=', '#', '%', '%25', '%zz', '+', ' ', '\n', '[', ']', '[::1]', '127.0.0.1',
    'localhost', 'example.com', '1001', '8089', '99999', '65536', '/ws', '.', '-', '"', '\u0000', '\u202e', '\ud800', '😀', 'user:pass@', 'password', 'server', 'identity'];
  const host = fc.oneof(fc.domain(), fc.ipV4(), fc.ipV6().map((ip) => `[${ip}]`), fc.constantFrom('localhost', '127.0.0.1', '[::1]', '999.1.1.1', '[1]'), hostile(CFG));
  const serverEntry = fc.oneof(
    hostile(CFG),
    fc
      .tuple(
        fc.constantFrom('', 'ws://', 'wss://', 'sip:', 'sips:', 'sip://', 'http://', 'javascript:'),
        fc.constantFrom('', 'user@', 'u:p@'),
        host,
        fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 99999 }).map((n) => `:${n}`)),
        fc.constantFrom('', '/ws', '/', ';transport=ws', '?x=1'),
      )
      .map((a) => a.join('')),
  );
  const page = fc.option(fc.record({ protocol: fc.constantFrom('https:', 'http:', 'file:'), hostname: fc.domain() }), { nil: undefined });
  const password = tokens([...'abcdefXYZ0123456789!$'], 20).map((s) => `Pw${s}x`);
  const configInput = fc.record(
    {
      server: fc.oneof(serverEntry, fc.array(serverEntry, { maxLength: 4 }).map((a) => a.join(','))),
      domain: fc.oneof(fc.domain(), hostile(CFG)),
      identity: fc.oneof(hostile(CFG), fc.tuple(fc.constantFrom('', 'sip:', 'SIP:', 'sips:'), fc.stringMatching(/^[0-9a-z._-]{1,8}$/), fc.constantFrom('@', '@@', ''), host).map((a) => a.join(''))),
      authentication: hostile(CFG),
      username: fc.oneof(fc.stringMatching(/^[0-9]{3,5}$/), hostile(CFG)),
      password: fc.oneof(password, fc.constantFrom('', ' ')),
      display: hostile(CFG),
      destination: hostile(CFG),
    },
    { requiredKeys: [] },
  );
  const isLoopback = (h) => ['localhost', '[::1]'].includes(h) || /^127(\.\d{1,3}){3}$/.test(h);
  const checkServerUrl = (text, origin) => {
    const url = new URL(text);
    ok(url.protocol === 'ws:' || url.protocol === 'wss:', 'server is ws/wss');
    ok(url.hostname && !url.username && !url.password, 'server has a host, no credentials');
    if (origin?.protocol === 'https:' && url.protocol === 'ws:') ok(isLoopback(url.hostname.toLowerCase()), 'no plain ws:// from https');
  };

  // ---- dial targets ----
  const DIAL = ['sip:', 'tel:', 'SIP:', '@', '@@', ':', ';', '?', '>', '<', '#', '*', '+', '%', '%23', '%25', '%40', '%zz', '(', ')', '-', '.', ' ', '\u00a0', '\u2011', '0', '1', '9',
    '1002', 'a', 'reception', 'example.com', 'phone.test', '[::1]', '"', '\u0000', '\u202e', '\ud800', '😀'];
  const SIP_URI = /^sip:(?:[A-Za-z0-9\-_.!~*'()&=+$,;?/]|%[0-9A-Fa-f]{2})+@[^\s@<>"]+$/;

  // ---- XML documents ----
  const STATES = ['trying', 'proceeding', 'early', 'confirmed', 'terminated'];
  const dialogDoc = fc
    .record({
      ns: fc.constantFrom('urn:ietf:params:xml:ns:dialog-info', ''),
      state: fc.constantFrom('full', 'partial', 'bogus'),
      version: fc.oneof(fc.nat().map(String), xmlText),
      dialogs: fc.array(
        fc.record({
          id: fc.option(xmlText, { nil: null }),
          state: fc.oneof(fc.constantFrom(...STATES, 'CONFIRMED', ' early '), xmlText),
          direction: fc.option(fc.oneof(fc.constantFrom('initiator', 'recipient'), xmlText), { nil: null }),
          display: fc.option(xmlText, { nil: null }),
          uri: fc.oneof(fc.constantFrom('sip:1002@phone.test', 'tel:+1555'), xmlText),
          held: fc.boolean(),
        }),
        { maxLength: 80 },
      ),
    })
    .map(
      (d) =>
        `<?xml version="1.0"?><dialog-info${d.ns ? ` xmlns="${d.ns}"` : ''} version="${esc(d.version)}" state="${d.state}" entity="sip:1003@phone.test">` +
        d.dialogs
          .map(
            (x) =>
              `<dialog${x.id === null ? '' : ` id="${esc(x.id)}"`}${x.direction === null ? '' : ` direction="${esc(x.direction)}"`}><state>${esc(x.state)}</state>` +
              (x.held ? '<local><target uri="sip:x@y"><param pname="+sip.rendering" pvalue="no"/></target></local>' : '') +
              `<remote><identity${x.display === null ? '' : ` display="${esc(x.display)}"`}>${esc(x.uri)}</identity></remote></dialog>`,
          )
          .join('') +
        '</dialog-info>',
    );
  const XML = ['<', '>', '&', '&amp;', '&#0;', '&unknown;', '"', '<!--', '<![CDATA[', ']]>', '<!DOCTYPE a>', '<!ENTITY e "x">', '<dialog>', '</dialog>', '<state>', 'confirmed',
    '\u0000', '\u202e', '\ud800', '😀'];
  const pidfDoc = fc
    .record({
      basics: fc.array(fc.oneof(fc.constantFrom('open', 'closed'), xmlText), { maxLength: 40 }),
      acts: fc.array(fc.constantFrom('busy', 'on-the-phone', 'away', 'vacation', 'other', 'Busy'), { maxLength: 20 }),
      note: fc.option(xmlText, { nil: undefined }),
    })
    .map(
      (d) =>
        '<presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" entity="sip:1@x">' +
        d.basics.map((b, i) => `<tuple id="t${i}"><status><basic>${esc(b)}</basic></status></tuple>`).join('') +
        `<dm:person id="p"><rpid:activities>${d.acts.map((a) => `<rpid:${a}/>`).join('')}</rpid:activities>${d.note === undefined ? '' : `<dm:note>${esc(d.note)}</dm:note>`}</dm:person></presence>`,
    );
  const imdnDoc = fc
    .record({
      kind: fc.constantFrom('delivery', 'display'),
      status: fc.constantFrom('delivered', 'displayed', 'failed', 'forbidden', 'error', 'evil'),
      id: fc.oneof(tokens([...'abc123<>|-'], 140), xmlText),
      datetime: xmlText,
    })
    .map(
      (d) =>
        `<?xml version="1.0"?><imdn xmlns="urn:ietf:params:xml:ns:imdn"><message-id>${esc(d.id)}</message-id><datetime>${esc(d.datetime)}</datetime>` +
        `<${d.kind}-notification><status><${d.status}/></status></${d.kind}-notification></imdn>`,
    );
  const composingDoc = fc
    .record({ state: fc.oneof(fc.constantFrom('active', 'idle', ' active '), xmlText), refresh: fc.option(fc.oneof(fc.constantFrom('0', '60', '-1', '1e9', '3.5'), xmlText), { nil: undefined }), ct: fc.option(xmlText, { nil: undefined }) })
    .map(
      (d) =>
        `<isComposing xmlns="urn:ietf:params:xml:ns:im-iscomposing"><state>${esc(d.state)}</state>` +
        (d.refresh === undefined ? '' : `<refresh>${esc(d.refresh)}</refresh>`) +
        (d.ct === undefined ? '' : `<contenttype>${esc(d.ct)}</contenttype>`) +
        '</isComposing>',
    );

  // ---- vCard ----
  const VCF = ['BEGIN:VCARD', 'END:VCARD', 'VERSION:3.0', 'N:', 'FN:', 'TEL;TYPE=CELL:', 'EMAIL:', 'ORG:', 'NOTE:', 'CATEGORIES:Favorites', 'item1.', ';', ':', ',', '\\', '\\n', '"', '=',
    '=0D=0A', 'ENCODING=QUOTED-PRINTABLE', 'tel:', '%23', '\r\n', '\n', '\r\n ', ' ', 'Ann', '1002', '\u0000', '\u202e', '\ud800', '😀'];
  const vcardLine = fc.oneof(
    fc.tuple(fc.constantFrom('N', 'FN', 'ORG', 'NOTE', 'TEL', 'EMAIL', 'CATEGORIES', 'X-FAVORITE', 'item1.TEL'), fc.constantFrom('', ';TYPE=CELL', ';WORK;VOICE', ';ENCODING=QUOTED-PRINTABLE'), hostile(VCF)).map(
      ([n, prm, v]) => `${n}${prm}:${v}`,
    ),
    hostile(VCF),
  );
  const vcardFile = fc.tuple(fc.array(fc.array(vcardLine, { maxLength: 10 }), { maxLength: 6 }), fc.constantFrom('\r\n', '\n')).map(([cards, eol]) =>
    cards.map((c) => ['BEGIN:VCARD', 'VERSION:3.0', ...c, 'END:VCARD'].join(eol)).join(eol),
  );

  // ---- chat ----
  const CHAT = ['%', '%25', '%zz', '%E0%A4', '|', ';', ';t=', 't=1', ',', '@', 'sip:', '1002', ' ', '<', '>', 'positive-delivery', 'display', "UTF-8''", 'filename=', '\u202e',
    '\u0000', '\ud800', '😀', 'https://', 'www.', 'javascript:', '(', ')', '.'];
  const domain = fc.oneof(fc.domain(), fc.constant('phone.test'));
  const number = fc.oneof(fc.stringMatching(/^[0-9]{3,5}$/), hostile(CHAT).filter((s) => s !== ''));
  const DELIVERY = ['sending', 'stored', 'sent', 'delivered', 'read', 'failed'];

  const entries = {
    // config
    readUrlParams: {
      arb: fc.oneof(hostile(CFG), fc.webQueryParameters(), fc.dictionary(fc.constantFrom(...p.ACTIVATION_PARAMS, 'x'), hostile(CFG)).map((d) => `?${new URLSearchParams(d)}`)),
      check(search) {
        for (const [k, v] of Object.entries(p.readUrlParams(search))) {
          ok(p.ACTIVATION_PARAMS.includes(k), 'only activation keys');
          ok(typeof v === 'string' && v !== '' && v === v.trim(), 'values trimmed, non-empty');
        }
      },
    },
    parseServer: {
      arb: fc.tuple(serverEntry, page),
      check([entry, origin]) {
        const r = p.parseServer(entry, origin);
        if ('url' in r) checkServerUrl(r.url, origin);
        else ok(['bad-server', 'insecure-server'].includes(r.error.code) && r.error.message, 'error code and words');
      },
    },
    parseIdentity: {
      arb: fc.oneof(hostile(CFG), configInput.map((i) => i.identity ?? '')),
      check(value) {
        const id = p.parseIdentity(value);
        if (!id) return;
        ok(id.user && !/[\s@:]/.test(id.user), 'user without separators');
        ok(id.domain === id.domain.toLowerCase() && !/[\s@;?>]/.test(id.domain), 'domain lower case');
        ok(JSON.stringify(p.parseIdentity(`sip:${id.user}@${id.domain}`)) === JSON.stringify(id), 'reads back the same');
      },
    },
    resolveConfig: {
      arb: fc.tuple(configInput, page),
      check([raw, origin]) {
        const merged = p.mergeInputs(raw);
        const r = p.resolveConfig(merged, origin);
        if (!r.ok) {
          if (r.error === null) return ok(!p.hasActivation(merged), 'null error only without activation');
          ok(typeof r.error.message === 'string' && r.error.message !== '', 'error has words');
          const secret = merged.password;
          const elsewhere = Object.entries(merged).some(([k, v]) => k !== 'password' && secret && v.includes(secret));
          if (secret && !elsewhere) ok(!r.error.message.includes(secret), 'the password never shows');
          return;
        }
        ok(r.config.servers.length > 0, 'servers');
        for (const s of r.config.servers) checkServerUrl(s, origin);
        ok(r.config.identity === `sip:${r.config.user}@${r.config.domain}`, 'identity');
        ok(r.config.password === merged.password, 'password kept');
      },
    },
    stripActivationParams: {
      arb: fc.tuple(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.array(fc.tuple(fc.constantFrom(...p.ACTIVATION_PARAMS, 'keep'), fc.string({ unit: 'binary' })), { maxLength: 6 })),
      check([base, pairs]) {
        const url = new URL(base);
        for (const [k, v] of pairs) url.searchParams.append(k, v);
        const out = p.stripActivationParams(url.href);
        if (out === null) return ok(![...url.searchParams.keys()].some((k) => p.ACTIVATION_PARAMS.includes(k)), 'null only without activation parameters');
        ok(![...new URL(out).searchParams.keys()].some((k) => p.ACTIVATION_PARAMS.includes(k)), 'no activation parameter left');
      },
    },
    // dial targets
    normalizeNumber: {
      arb: hostile(DIAL),
      check(s) {
        const n = p.normalizeNumber(s);
        ok(n === '' || /^\+?[0-9*#]+$/.test(n), 'dialable or empty');
        ok(p.normalizeNumber(n) === n, 'idempotent');
      },
    },
    parseDialTarget: {
      arb: fc.tuple(hostile(DIAL), domain),
      check([s, dom]) {
        const t = p.parseDialTarget(s, dom);
        if (!t) return;
        ok(SIP_URI.test(t.uri), `a valid sip: URI (${t.uri.slice(0, 80)})`);
        ok(t.user && t.display && !/\s/.test(t.user + t.display), 'user and display without whitespace');
      },
    },
    // sip
    autoAnswerAfter: {
      arb: fc.dictionary(fc.constantFrom('Call-Info', 'Alert-Info'), fc.array(hostile([';', ' ', '=', 'answer-after', 'delay', 'info', 'alert-autoanswer', 'intercom', '0', '7', '3601', '99999999999999999999', '<sip:x>']), { maxLength: 3 })),
      check(map) {
        const a = p.autoAnswerAfter((n) => map[n] ?? []);
        ok(a === undefined || (Number.isInteger(a) && a >= 0 && a <= 3600), 'undefined or 0–3600 s');
      },
    },
    describeEnd: {
      arb: fc.tuple(fc.option(fc.oneof(fc.string(), fc.constantFrom('Busy', 'Terminated', 'constructor', 'toString', '__proto__')), { nil: undefined }), fc.option(fc.oneof(fc.integer(), fc.double()), { nil: undefined }), fc.constantFrom('local', 'remote', 'system')),
      check([cause, code, by]) {
        const d = p.describeEnd(cause, code, by);
        ok(typeof d.code === 'string' && d.code !== '' && typeof d.text === 'string' && d.text !== '' && d.by === by, 'code, words and who');
      },
    },
    describeRegistrationFailure: {
      arb: fc.tuple(fc.option(fc.string(), { nil: undefined }), fc.option(fc.oneof(fc.integer(), fc.double()), { nil: undefined })),
      check([cause, code]) {
        const d = p.describeRegistrationFailure(cause, code);
        ok(typeof d.text === 'string' && d.text !== '' && typeof d.final === 'boolean', 'words and final');
      },
    },
    // formatting for the elements
    callTexts: {
      arb: fc.record({
        id: fc.string(),
        direction: fc.constantFrom('inbound', 'outbound'),
        remote: fc.record({ number: hostile(DIAL).filter((s) => s !== ''), name: fc.option(hostile(DIAL), { nil: undefined }), uri: fc.string() }),
        state: fc.constantFrom('calling', 'ringing', 'connected', 'ended'),
        startedAt: fc.nat(),
        answeredAt: fc.option(fc.nat(), { nil: undefined }),
        cause: fc.option(fc.record({ code: fc.string(), text: hostile(DIAL).filter((s) => s !== ''), by: fc.constantFrom('local', 'remote', 'system') }), { nil: undefined }),
        muted: fc.boolean(),
        held: fc.boolean(),
        remoteHeld: fc.boolean(),
        transfer: fc.option(fc.record({ kind: fc.constantFrom('blind', 'attended'), target: fc.string({ minLength: 1 }), state: fc.constantFrom('referring', 'consulting') }), { nil: undefined }),
        duration: fc.oneof(fc.integer({ min: -1e6, max: 1e9 }), fc.double({ min: -1e6, max: 1e9, noNaN: true })),
      }),
      check(call) {
        for (const t of [p.callStateText(call), p.endedText(call), p.remoteLabel(call)]) ok(typeof t === 'string' && t !== '', 'words');
        ok(/^(\d+:\d{2}|\d+:\d{2}:\d{2})$/.test(p.formatDuration(call.duration)), 'm:ss or h:mm:ss');
      },
    },
    suggest: {
      arb: fc.tuple(hostile(DIAL), fc.array(fc.record({ id: fc.string(), direction: fc.constantFrom('inbound', 'outbound'), number: fc.oneof(fc.stringMatching(/^[0-9]{1,6}$/), hostile(DIAL)), name: fc.option(hostile(DIAL), { nil: undefined }), startedAt: fc.nat(), duration: fc.nat(), answered: fc.boolean(), cause: fc.constant({ code: 'hangup', text: 'Call ended', by: 'local' }) }), { maxLength: 30 }), fc.integer({ min: 1, max: 10 })),
      check([typed, recent, limit]) {
        const out = p.suggest(typed, recent, limit);
        ok(out.length <= limit, 'at most limit');
        ok(new Set(out.map((s) => s.number)).size === out.length, 'each number once');
        for (const s of out) ok(recent.some((r) => r.number === s.number) && s.source === 'Recent', 'from the history');
      },
    },
    // BLF
    parseXml: {
      arb: fc.oneof(
        fc.oneof(dialogDoc, pidfDoc, imdnDoc, composingDoc).map((doc) => [doc, true]),
        fc.oneof(hostile(XML), broken(fc.oneof(dialogDoc, pidfDoc), hostile(XML)), fc.anything()).map((doc) => [doc, false]),
      ),
      check([body, wellFormed]) {
        const root = p.parseXml(body);
        if (wellFormed) ok(root !== null, 'a well-formed document is read');
        if (!root) return;
        const walk = (e, depth) => {
          ok(typeof e.localName === 'string' && e.localName !== '' && (e.namespaceURI === null || typeof e.namespaceURI === 'string'), 'element names');
          ok(typeof e.textContent === 'string' && depth <= 64, 'text, depth');
          for (const c of e.children) walk(c, depth + 1);
        };
        walk(root, 1);
      },
    },
    parseDialogInfo: {
      arb: fc.oneof(hostile(XML), dialogDoc, broken(dialogDoc, hostile(XML)), fc.anything()),
      check(body) {
        const doc = p.parseDialogInfo(body);
        if (!doc) return;
        ok(typeof doc.full === 'boolean' && doc.dialogs.length <= 64, 'full flag, at most 64 dialogs');
        for (const d of doc.dialogs) {
          ok(STATES.includes(d.state) && typeof d.held === 'boolean' && d.id.length <= 256, 'state in enum');
          ok(d.direction === undefined || d.direction === 'initiator' || d.direction === 'recipient', 'direction');
          if (d.peer !== undefined) cleanShort(d.peer, 40, 'peer');
        }
        ok(['idle', 'ringing', 'busy', 'held'].includes(p.lampOf(p.applyDialogInfo(new Map(), doc).values()).state), 'lamp in enum');
      },
    },
    parsePidf: {
      arb: fc.oneof(hostile(XML), pidfDoc, broken(pidfDoc, hostile(XML)), fc.anything()),
      check(body) {
        const r = p.parsePidf(body);
        if (!r) return;
        ok(['available', 'busy', 'away', 'offline'].includes(r.status), 'status in enum');
        if (r.note !== undefined) cleanShort(r.note, 80, 'note');
      },
    },
    parseMessageSummary: {
      arb: fc.oneof(
        hostile(['Messages-Waiting', 'Voice-Message', ':', 'yes', 'no', '/', '(', ')', ' ', '\r\n', '\n', '0', '12', '999999999', '-1']),
        fc.tuple(fc.boolean(), fc.nat(), fc.nat(), fc.nat(), fc.nat()).map(([w, a, b, c, d]) => `Messages-Waiting: ${w ? 'yes' : 'no'}\r\nVoice-Message: ${a}/${b} (${c}/${d})\r\n`),
        fc.anything(),
      ),
      check(body) {
        const s = p.parseMessageSummary(body);
        if (!s) return;
        ok(typeof s.waiting === 'boolean', 'waiting flag');
        if (s.voice) for (const n of Object.values(s.voice)) ok(Number.isInteger(n) && n >= 0 && n <= 9999, 'counts 0–9999');
      },
    },
    parseVcards: {
      arb: fc.oneof(
        { weight: 400, arbitrary: hostile(VCF) },
        { weight: 400, arbitrary: vcardFile },
        { weight: 200, arbitrary: fc.anything() },
        // Now and then, a long quoted-printable value folded with soft line breaks ("=" at line ends).
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.integer({ min: 4000, max: 16000 }), fc.string({ unit: fc.constantFrom('a', 'b', '=41', ' '), minLength: 15, maxLength: 25 }))
            .map(([n, piece]) => `BEGIN:VCARD\r\nNOTE;ENCODING=QUOTED-PRINTABLE:x=\r\n${`${piece}=\r\n`.repeat(n)}y\r\nFN:x\r\nEND:VCARD\r\n`),
        },
      ),
      check(text) {
        const { contacts, skipped } = p.parseVcards(text);
        ok(Number.isInteger(skipped) && skipped >= 0, 'skipped count');
        for (const c of contacts) ok(JSON.stringify(p.sanitizeDraft(c)) === JSON.stringify(c), 'contacts already clean');
      },
    },
    parseDirectory: {
      arb: fc.tuple(
        fc.oneof(fc.array(fc.oneof(fc.record({ extension: fc.anything(), ext: fc.anything(), name: fc.anything(), first_name: fc.anything(), department: fc.anything() }, { requiredKeys: [] }), hostile(CHAT), fc.anything()), { maxLength: 40 }), fc.record({ entries: fc.array(fc.anything(), { maxLength: 20 }) }), fc.anything()),
        hostile(CHAT),
      ),
      check([data, query]) {
        const { entries, skipped } = p.parseDirectory(data);
        ok(Number.isInteger(skipped) && skipped >= 0, 'skipped count');
        const seen = new Set();
        for (const e of entries) {
          ok(p.cleanExtension(e.extension) === e.extension && !seen.has(e.extension), 'clean extension, once');
          seen.add(e.extension);
          cleanShort(e.name, 121, 'name');
        }
        for (const e of p.searchDirectory(entries, query)) ok(entries.includes(e), 'search returns entries');
      },
    },
    parseKeys: {
      arb: fc.oneof(hostile(['1002', ':', ',', ';', '\n', 'Bob', '[', ']', '{', '"', '\u202e']), fc.array(fc.anything(), { maxLength: 20 }), fc.array(fc.anything(), { maxLength: 20 }).map((a) => JSON.stringify(a) ?? ''), fc.anything()),
      check(input) {
        const keys = p.parseKeys(input);
        const seen = new Set();
        for (const k of keys) {
          ok(p.cleanExtension(k.extension) === k.extension && !seen.has(k.extension), 'clean extension, once');
          seen.add(k.extension);
          cleanShort(k.label, 40, 'label');
        }
      },
    },
    cleanText: {
      arb: fc.tuple(fc.oneof(hostile([' ', '\t', '\u202e', '\u200b', '\u0000', '😀', 'a', '\ud800']), fc.anything()), fc.integer({ min: 2, max: 120 })),
      check([value, max]) {
        const s = p.cleanText(value, max);
        ok(typeof s === 'string' && s.length <= max && !UNSAFE.test(s) && s === s.trim(), 'short, clean, trimmed');
        ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s) || typeof value !== 'string' || /[\ud800-\udfff]/.test(value), 'no half pairs from valid text');
      },
    },
    // chat
    parseImdn: {
      arb: fc.oneof(hostile(XML), imdnDoc, broken(imdnDoc, hostile(XML))),
      check(xml) {
        const n = p.parseImdn(xml);
        if (!n) return;
        ok(p.cleanMessageId(n.messageId) === n.messageId, 'clean id');
        ok({ delivery: ['delivered', 'failed', 'forbidden', 'error'], display: ['displayed', 'forbidden', 'error'] }[n.kind]?.includes(n.status), 'kind and status');
        ok(n.datetime === undefined || (n.datetime !== '' && n.datetime.length <= 64), 'datetime');
      },
    },
    parseIsComposing: {
      arb: fc.oneof(hostile(XML), composingDoc, broken(composingDoc, hostile(XML))),
      check(xml) {
        const c = p.parseIsComposing(xml);
        if (!c) return;
        ok(c.state === 'active' || c.state === 'idle', 'state');
        ok(c.refresh === undefined || (Number.isInteger(c.refresh) && c.refresh >= 5 && c.refresh <= 3600), 'refresh 5–3600');
        ok(c.contentType === undefined || (c.contentType !== '' && c.contentType.length <= 64), 'content type');
      },
    },
    chatHeaders: {
      arb: fc.tuple(fc.dictionary(fc.constantFrom('message-id', 'imdn.message-id', 'disposition-notification', 'datetime', 'x-conversation', 'x-conversation-name', 'x-conversation-members', 'content-disposition', 'content-transfer-encoding', '__proto__'), hostile(CHAT)), domain),
      check([headers, dom]) {
        const m = p.readIncomingMeta(headers, dom);
        ok(m.messageId === undefined || p.cleanMessageId(m.messageId) === m.messageId, 'clean id');
        ok(typeof m.wantsDelivery === 'boolean' && typeof m.wantsDisplay === 'boolean' && typeof m.base64 === 'boolean', 'flags');
        if (m.group) {
          ok(/^g:[A-Za-z0-9_-]{8,64}$/.test(m.group.id) && m.group.members.length <= 32, 'group id, members');
          for (const member of m.group.members) ok(p.parseDialTarget(member, dom) !== null && !member.includes('|'), 'members callable');
          if (m.group.name) ok(m.group.name.name !== '' && [...m.group.name.name].length <= 64 && Number.isSafeInteger(m.group.name.at), 'group name');
        }
        if (m.fileName !== undefined) {
          const clean = p.cleanFileName(m.fileName);
          ok(clean !== '' && [...clean].length <= 100 && !/[\\/<>:"|?*]/.test(clean) && !clean.startsWith('.'), 'safe file name');
        }
      },
    },
    conversationIds: {
      arb: fc.tuple(fc.string({ unit: 'binary' }), hostile(CHAT), hostile(CHAT)),
      check([text, token, name]) {
        const id = p.directId(text);
        ok(id.startsWith('d:') && !/[|\s]/.test(id), 'direct id');
        const g = p.groupIdFromHeader(token);
        ok(g === undefined || /^g:[A-Za-z0-9_-]{8,64}$/.test(g), 'group id');
        const n = p.parseGroupName(name);
        ok(n === undefined || (n.name !== '' && [...n.name].length <= 64), 'group name');
      },
    },
    linkify: {
      arb: fc.oneof(hostile(CHAT), fc.array(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), tokens(CHAT, 6)), { maxLength: 8 }).map((a) => a.join(' '))),
      check(text) {
        const parts = p.linkify(text);
        ok(parts.map((x) => x.text).join('') === text, 'parts give the text back');
        for (const x of parts) if (x.href !== undefined) ok(/^https?:$/.test(new URL(x.href).protocol), 'only http(s) links');
      },
    },
    parseCpim: {
      arb: fc.oneof(hostile(['From: <sip:b@x>', 'NS: im <urn:ietf:params:imdn>', 'im.Message-ID: a', 'Content-Type: text/plain', ':', '\r\n', '\n', '\r\n\r\n', '__proto__', 'constructor'])),
      check(body) {
        const c = p.parseCpim(body);
        if (!c) return;
        for (const v of Object.values(c.headers)) ok(typeof v === 'string', 'string headers');
        ok(c.contentType !== '' && c.contentType === c.contentType.toLowerCase() && body.endsWith(c.body), 'content type, body');
      },
    },
    attachments: {
      arb: fc.tuple(fc.option(hostile(CHAT), { nil: undefined }), fc.option(hostile(['image/png', 'image/svg+xml', 'text/html', ';', '/', '+']), { nil: undefined }), hostile(['QQ==', 'A', '=', '\n', '!'])),
      check([disposition, type, body]) {
        const t = p.cleanMimeType(type);
        ok(/^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,127}$/.test(t), 'plain MIME type');
        ok(!p.isPreviewable(t) || /^image\/(png|jpeg|gif|webp)$/.test(t), 'only raster previews');
        const name = p.cleanFileName(p.fileNameFromDisposition(disposition), t);
        ok(name !== '' && [...name].length <= 100 && !/[\\/<>:"|?*]/.test(name), 'safe file name');
        const bytes = p.bytesFromBase64(body);
        ok(bytes === null || bytes instanceof Uint8Array, 'bytes or null');
      },
    },
    chatWords: {
      arb: fc.tuple(
        fc.record({ id: fc.string(), kind: fc.constantFrom('direct', 'group'), name: fc.option(hostile(CHAT), { nil: undefined }), members: fc.array(number, { maxLength: 6 }), names: fc.dictionary(number, hostile(CHAT)), createdAt: fc.nat(), lastAt: fc.nat(), unread: fc.nat(), muted: fc.boolean(), pinned: fc.boolean(), left: fc.boolean() }),
        fc.record({ text: hostile(CHAT), state: fc.constantFrom(...DELIVERY), recipients: fc.dictionary(number, fc.constantFrom(...DELIVERY)), failure: fc.option(hostile(CHAT), { nil: undefined }) }),
        fc.array(number, { maxLength: 4 }),
        fc.oneof(fc.integer(), fc.double()),
      ),
      check([conversation, message, typing, at]) {
        ok(typeof p.conversationTitle(conversation) === 'string', 'title');
        ok(typeof p.stateText(message) === 'string' && p.stateText(message) !== '', 'state words');
        ok(p.previewText(message).length <= 120, 'short preview');
        ok(typeof p.typingText(conversation, typing) === 'string', 'typing words');
        ok(typeof p.timeLabel(at, 0) === 'string' && typeof p.messageTime(at, 0) === 'string', 'times');
      },
    },
  };

  /**
   * Runs `runs` generated inputs through one parser; counts failures (throws or
   * wrong shape) and slow inputs (a frozen page: over 250 ms plus 0.5 ms per
   * kilobyte of input, twice in a row), keeps the first few.
   */
  function run(name, runs, seed) {
    const entry = entries[name];
    let tried = 0;
    let failed = 0;
    let slow = 0;
    let slowest = 0;
    const examples = [];
    const slowExamples = [];
    const show = (input) => {
      let shown;
      try {
        shown = JSON.stringify(input);
      } catch {
        shown = String(input);
      }
      return `${String(shown).slice(0, 200)}${String(shown).length > 200 ? ` … (${String(shown).length} characters)` : ''}`;
    };
    /** A parser that reads a few hundred kilobytes per 100 ms is linear enough; much slower, twice in a row, is not. */
    const budget = (input) => {
      let size;
      try {
        size = typeof input === 'string' ? input.length : (JSON.stringify(input) ?? '').length;
      } catch {
        size = 0;
      }
      return 250 + size / 2000;
    };
    const timed = (input) => {
      const t = performance.now();
      try {
        entry.check(input);
      } catch {
        // counted once, below
      }
      return performance.now() - t;
    };
    const started = Date.now();
    fc.check(
      fc.property(entry.arb, (input) => {
        tried++;
        const t = performance.now();
        try {
          entry.check(input);
        } catch (error) {
          failed++;
          if (examples.length < 3) examples.push({ input: show(input), error: String(error?.stack ?? error).split('\n').slice(0, 3).join(' | ').slice(0, 300) });
        }
        let ms = performance.now() - t;
        if (ms > 250 && ms > budget(input)) {
          // Once more, so that a garbage collection or a busy machine is not taken for a slow parser.
          ms = Math.min(ms, timed(input));
          if (ms > budget(input)) {
            slow++;
            if (slowExamples.length < 2) slowExamples.push({ ms: Math.round(ms), input: show(input) });
          }
        }
        slowest = Math.max(slowest, ms);
        return true;
      }),
      { numRuns: runs, seed },
    );
    // A parser that needs the DOM fails in Node with a ReferenceError: it is run again in Chromium.
    const needsDom = failed > 0 && examples.every((e) => /ReferenceError: \w+ is not defined/.test(e.error));
    return { tried, failed, slow, slowest: Math.round(slowest), examples, slowExamples, needsDom, ms: Date.now() - started };
  }

  return { names: Object.keys(entries), run };
}

// ---- bundles ----
const dir = mkdtempSync(join(tmpdir(), 'phone-fuzz-'));
const cleanup = () => rmSync(dir, { recursive: true, force: true });
process.on('exit', cleanup);

async function bundle(format) {
  const out = join(dir, format === 'esm' ? 'parsers.mjs' : 'parsers.js');
  await build({
    stdin: {
      contents: format === 'esm' ? ENTRY : `${ENTRY}\nexport { default as fc } from 'fast-check';\n`,
      resolveDir: ROOT,
      loader: 'ts',
      sourcefile: 'fuzz-entry.ts',
    },
    bundle: true,
    format,
    ...(format === 'iife' ? { globalName: 'fuzzLib' } : {}),
    platform: format === 'esm' ? 'node' : 'browser',
    target: 'es2022',
    outfile: out,
    logLevel: 'error',
  });
  return out;
}

const fc = (await import(pathToFileURL(join(ROOT, 'node_modules/fast-check/lib/fast-check.js')).href)).default;
const parsers = await import(pathToFileURL(await bundle('esm')).href);
const local = suite(fc, parsers);

if (process.argv.includes('--list')) {
  for (const name of local.names) console.log(name);
  process.exit(0);
}
const selected = local.names.filter((n) => !ONLY.length || ONLY.includes(n));
for (const n of ONLY) if (!local.names.includes(n)) console.log(`unknown parser "${n}" (see --list)`);

console.log(`Fuzzing ${selected.length} parsers, ${RUNS} inputs each, seed ${SEED} (repeat with --seed ${SEED})\n`);
const pad = (s, n) => String(s).padEnd(n);
const padl = (s, n) => String(s).padStart(n);
console.log(`${pad('parser', 28)} ${pad('where', 9)} ${padl('tried', 8)} ${padl('failed', 7)} ${padl('slow', 5)} ${padl('slowest', 9)} ${padl('time', 8)}`);
const results = [];
const report = (name, where, r) => {
  results.push({ name, where, ...r });
  console.log(`${pad(name, 28)} ${pad(where, 9)} ${padl(r.tried, 8)} ${padl(r.failed, 7)} ${padl(r.slow, 5)} ${padl(`${r.slowest} ms`, 9)} ${padl(`${(r.ms / 1000).toFixed(1)} s`, 8)}`);
};

// Parsers may warn about what they skip (e.g. keys that are not JSON): counted, not printed.
let warnings = 0;
const warn = console.warn;
console.warn = () => void warnings++;
const browserSelected = [];
for (const name of selected) {
  const r = local.run(name, RUNS, SEED);
  if (r.needsDom) browserSelected.push(name);
  else report(name, 'node', r);
}
console.warn = warn;

if (browserSelected.length) {
  if (!existsSync('/usr/bin/chromium')) {
    for (const name of browserSelected) console.log(`${pad(name, 28)} skipped: needs the DOM, and /usr/bin/chromium is not installed`);
  } else {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless=new'] });
    try {
      const page = await browser.newPage();
      page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
      await page.addScriptTag({ path: await bundle('iife') });
      for (const name of browserSelected) {
        const r = await page.evaluate(
          ([source, n, runs, seed]) => (0, eval)(`(${source})`)(window.fuzzLib.fc, window.fuzzLib).run(n, runs, seed),
          [suite.toString(), name, RUNS, SEED],
        );
        report(name, 'chromium', r);
      }
    } finally {
      await browser.close();
    }
  }
}

const tried = results.reduce((a, r) => a + r.tried, 0);
const failed = results.reduce((a, r) => a + r.failed, 0);
const slow = results.reduce((a, r) => a + r.slow, 0);
console.log(`\n${pad('total', 28)} ${pad('', 9)} ${padl(tried, 8)} ${padl(failed, 7)} ${padl(slow, 5)}`);
if (warnings) console.log(`(${warnings} console warnings from the parsers in Node, not printed)`);
for (const r of results.filter((x) => x.failed)) {
  console.log(`\n${r.name}: ${r.failed} of ${r.tried} inputs failed; first ones:`);
  for (const e of r.examples) console.log(`  input ${e.input}\n  error ${e.error}`);
}
for (const r of results.filter((x) => x.slow)) {
  console.log(`\n${r.name}: ${r.slow} of ${r.tried} inputs were slow (slowest ${r.slowest} ms); first ones:`);
  for (const e of r.slowExamples) console.log(`  ${e.ms} ms for ${e.input}`);
}
console.log(failed ? `\n${failed} failing inputs (should be 0).` : '\nNo failures.');
if (slow) console.log(`${slow} slow inputs (should be 0: the parsers run on the page's main thread).`);
