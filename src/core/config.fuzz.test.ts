// Property tests (fast-check) of configuration parsing: URL parameters, the
// page's attributes and data-* are untrusted input. Whatever they hold, the
// parsers never throw, and what they return has the documented shape.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../test/fuzz-seed.js';
import {
  ACTIVATION_PARAMS,
  hasActivation,
  mergeInputs,
  parseIdentity,
  parseServer,
  readUrlParams,
  resolveConfig,
  stripActivationParams,
  type ConfigInput,
  type PageOrigin,
} from './config.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };

/** Pieces that matter to these parsers: schemes, separators, escapes, hostile characters. */
const TOKENS = [
  'sip:', 'sips:', 'ws://', 'wss://', 'tel:', 'javascript:', 'http://', '//', '@', ':', ';', ',', '?', '&', '=', '#', '%', '%25', '%40',
  '%zz', '%E0%A4', '+', ' ', '\t', '\n', '\u00a0', '\u3000', '[', ']', '[::1]', '127.0.0.1', 'localhost', 'example.com', 'pbx.example.com',
  '1001', '8089', '99999', '/ws', '.', '-', '<', '>', '"', "'", '\u0000', '\u202e', '\ud800', '\udc00', '😀', 'é', 'ı', 'K',
  'user:pass@', 'password', 'server', 'identity',
];

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Any string a hostile page or link could carry, up to huge ones. */
const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.string() },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme' }) },
  { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...TOKENS), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ unit: fc.constantFrom(...TOKENS), maxLength: 4 }), fc.integer({ min: 1000, max: 10000 })).map(([s, n]) => (s || 'a').repeat(n)) },
);

const host = fc.oneof(
  fc.domain(),
  fc.ipV4(),
  fc.ipV6().map((ip) => `[${ip}]`),
  fc.constantFrom('localhost', '127.0.0.1', '[::1]', 'LOCALHOST', 'pbx.example.com', '999.1.1.1', '[1]', 'pbx:70000'),
  hostile,
);
/** Server entries shaped like the real forms, with hostile parts mixed in. */
const serverEntry = fc.oneof(
  hostile,
  fc
    .tuple(
      fc.constantFrom('', 'ws://', 'wss://', 'WSS://', 'sip:', 'sips:', 'sip://', 'http://', 'javascript:'),
      fc.option(fc.constantFrom('user@', 'u:p@', '1001@'), { nil: '' }),
      host,
      fc.option(fc.integer({ min: 0, max: 99999 }).map((p) => `:${p}`), { nil: '' }),
      fc.option(fc.constantFrom('/ws', '/', ';transport=ws', '?x=1', '/a b'), { nil: '' }),
    )
    .map((parts) => parts.join('')),
);

const page: fc.Arbitrary<PageOrigin | undefined> = fc.option(
  fc.record({ protocol: fc.constantFrom('https:', 'http:', 'file:', ''), hostname: fc.oneof(fc.domain(), fc.constant('localhost')) }),
  { nil: undefined },
);

/** A password no other field happens to contain, so that it can be looked for in messages. */
const password = fc.string({ unit: fc.constantFrom(...'abcdefXYZ0123456789!$'), minLength: 6, maxLength: 24 }).map((s) => `Pw${s}`);

const input: fc.Arbitrary<ConfigInput> = fc.record(
  {
    server: fc.oneof(serverEntry, fc.array(serverEntry, { maxLength: 4 }).map((a) => a.join(','))),
    domain: fc.oneof(fc.domain(), hostile),
    identity: fc.oneof(
      hostile,
      fc.tuple(fc.constantFrom('', 'sip:', 'sips:', 'SIP:', 'tel:'), fc.oneof(fc.stringMatching(/^[0-9a-z._-]{1,8}$/), hostile), fc.constantFrom('@', '@@', ''), host).map((p) => p.join('')),
    ),
    authentication: hostile,
    username: fc.oneof(fc.stringMatching(/^[0-9]{3,5}$/), hostile),
    password: fc.oneof(password, fc.constantFrom('', '  ')),
    display: hostile,
    destination: hostile,
  },
  { requiredKeys: [] },
);

const CODES = ['missing-server', 'bad-server', 'insecure-server', 'missing-identity', 'bad-identity', 'missing-domain', 'missing-password'];

const isLoopback = (h: string) => ['localhost', '[::1]'].includes(h) || /^127(\.\d{1,3}){3}$/.test(h);

describe('config under generated input (fast-check)', () => {
  it('readUrlParams: any query string gives only activation keys with trimmed, non-empty values', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.webQueryParameters(), fc.webUrl({ withQueryParameters: true }).map((u) => new URL(u).search)), (search) => {
        const read = readUrlParams(search);
        for (const [key, value] of Object.entries(read)) {
          expect(ACTIVATION_PARAMS as readonly string[]).to.include(key);
          expect(value).to.be.a('string');
          expect(value).to.equal(value.trim());
          expect(value).to.not.equal('');
        }
      }),
      RUNS,
    );
  });

  it('readUrlParams: values written by URLSearchParams come back trimmed', () => {
    const value = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...TOKENS.filter((t) => !/[\ud800-\udfff]/.test(t))) }));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...ACTIVATION_PARAMS, 'keep', 'utm_source'), value), (params) => {
        const read = readUrlParams(`?${new URLSearchParams(params).toString()}`);
        for (const key of ACTIVATION_PARAMS) {
          const expected = params[key]?.trim();
          expect(read[key], key).to.equal(expected ? expected : undefined);
        }
      }),
      RUNS,
    );
  });

  it('parseServer: never throws; a URL is ws:// or wss:// without credentials, an error has a code and words', () => {
    fc.assert(
      fc.property(serverEntry, page, (entry, origin) => {
        const parsed = parseServer(entry, origin);
        if ('url' in parsed) {
          const url = new URL(parsed.url);
          expect(['ws:', 'wss:']).to.include(url.protocol);
          expect(url.hostname).to.not.equal('');
          expect(url.username + url.password).to.equal('');
          expect(parsed.url).to.not.match(/\s/);
          if (origin?.protocol === 'https:' && url.protocol === 'ws:') expect(isLoopback(url.hostname.toLowerCase()), parsed.url).to.equal(true);
        } else {
          expect(['bad-server', 'insecure-server']).to.include(parsed.error.code);
          expect(parsed.error.message).to.be.a('string').and.not.equal('');
        }
      }),
      RUNS,
    );
  });

  // Found by these properties (fixed in 6bb7bbe): hosts the patterns accept
  // but the URL parser refuses (a port over 65535, "[1]", "999.1.1.1") made
  // parseServer, resolveConfig and the element's update throw "Invalid URL".
  it('parseServer and resolveConfig never throw, whatever the server entry', () => {
    for (const entry of ['pbx.example.com:99999', '[::]:65536', 'sip:pbx:70000', '[1]', 'sip:[.]', '999.1.1.1']) {
      expect(() => parseServer(entry), entry).to.not.throw();
      expect(parseServer(entry), entry).to.have.nested.property('error.code', 'bad-server');
    }
    fc.assert(
      fc.property(input, page, (raw, origin) => {
        resolveConfig(mergeInputs(raw), origin);
      }),
      RUNS,
    );
  });

  it('parseIdentity: never throws; a result is a user without separators on a lower-case domain, and reads back the same', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, input.map((i) => i.identity ?? '')), (value) => {
        const id = parseIdentity(value);
        if (!id) return;
        expect(id.user).to.not.match(/[\s@:]/);
        expect(id.user).to.not.equal('');
        expect(id.domain).to.equal(id.domain.toLowerCase());
        expect(id.domain).to.not.match(/[\s@;?>]/);
        expect(parseIdentity(`sip:${id.user}@${id.domain}`)).to.deep.equal(id);
      }),
      RUNS,
    );
  });

  it('resolveConfig: never throws; errors have words and never show the password; configs are usable', () => {
    fc.assert(
      fc.property(input, page, (raw, origin) => {
        const merged = mergeInputs(raw);
        const result = resolveConfig(merged, origin);
        if (!result.ok) {
          if (result.error === null) {
            expect(hasActivation(merged)).to.equal(false);
            return;
          }
          expect(CODES).to.include(result.error.code);
          expect(result.error.message).to.be.a('string').and.not.equal('');
          const secret = merged.password;
          // Only a password that no other field contains can be looked for.
          const elsewhere = Object.entries(merged).some(([k, v]) => k !== 'password' && secret && v.includes(secret));
          if (secret && !elsewhere) expect(result.error.message).to.not.include(secret);
          return;
        }
        const { config } = result;
        expect(config.servers.length).to.be.greaterThan(0);
        for (const server of config.servers) {
          const url = new URL(server);
          expect(['ws:', 'wss:']).to.include(url.protocol);
          if (origin?.protocol === 'https:' && url.protocol === 'ws:') expect(isLoopback(url.hostname.toLowerCase()), server).to.equal(true);
        }
        expect(config.identity).to.equal(`sip:${config.user}@${config.domain}`);
        expect(parseIdentity(config.identity)).to.deep.equal({ user: config.user, domain: config.domain });
        expect(config.password).to.equal(merged.password);
        expect(config.authorization).to.be.a('string').and.not.equal('');
        for (const text of [config.displayName, config.destination]) if (text !== undefined) expect(text).to.be.a('string');
      }),
      RUNS,
    );
  });

  it('stripActivationParams: any URL loses exactly the activation parameters, keeps the rest and the hash', () => {
    const extra = fc.array(fc.tuple(fc.constantFrom(...ACTIVATION_PARAMS, 'keep', 'q', 'Password', 'server '), fc.oneof(fc.string({ unit: 'binary' }), fc.constant(''))), {
      maxLength: 8,
    });
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), extra, (base, pairs) => {
        const url = new URL(base);
        for (const [k, v] of pairs) url.searchParams.append(k, v);
        const before = [...url.searchParams].filter(([k]) => !(ACTIVATION_PARAMS as readonly string[]).includes(k));
        const had = [...url.searchParams.keys()].some((k) => (ACTIVATION_PARAMS as readonly string[]).includes(k));
        const stripped = stripActivationParams(url.href);
        if (!had) {
          expect(stripped).to.equal(null);
          return;
        }
        expect(stripped).to.be.a('string');
        const after = new URL(stripped!);
        expect([...after.searchParams]).to.deep.equal(before);
        expect(after.hash).to.equal(url.hash);
        expect(after.origin + after.pathname).to.equal(url.origin + url.pathname);
      }),
      RUNS,
    );
  });

  it('stripActivationParams: throws only for what is not a URL at all (its caller passes location.href)', () => {
    fc.assert(
      fc.property(hostile, (href) => {
        let threw = false;
        try {
          stripActivationParams(href);
        } catch {
          threw = true;
        }
        expect(threw).to.equal(!URL.canParse(href));
      }),
      RUNS,
    );
  });
});
