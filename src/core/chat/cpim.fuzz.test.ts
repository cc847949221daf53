// Property tests (fast-check) of message/cpim (RFC 3862) unwrapping: the body
// comes from whoever messages us. Whatever it holds, unwrapping never throws;
// a result has string headers, a lower-case content type and the inner body
// exactly as sent.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../../test/fuzz-seed.js';
import { parseCpim } from './cpim.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const BITS = ['From: <sip:bob@x>', 'NS: im <urn:ietf:params:imdn>', 'im.Message-ID: a1', 'Content-Type: text/plain', ':', ': ', '\r\n', '\n', '\r\n\r\n', '\n\n',
  '__proto__', 'constructor', 'toString', ' ', '\u0000', '\ud800', '😀'];
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: codeUnit }),
  fc.string({ unit: fc.constantFrom(...BITS), maxLength: 30 }),
  fc.tuple(fc.string({ unit: fc.constantFrom(...BITS), minLength: 1, maxLength: 8 }), fc.integer({ min: 1000, max: 20000 })).map(([s, n]) => s.repeat(n)),
);
const headerName = fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9.-]{0,15}$/), fc.constantFrom('Message-ID', 'im.Message-ID', 'imdn.Disposition-Notification', 'DateTime', 'NS'));
const headerValue = fc.string({ unit: 'binary', maxLength: 40 }).map((v) => v.replace(/[\r\n]/g, ' '));
const cpim = fc.record({
  headers: fc.array(fc.tuple(headerName, headerValue), { minLength: 1, maxLength: 8 }),
  contentType: fc.constantFrom('text/plain', 'Text/Plain; charset=UTF-8', 'message/imdn+xml', 'application/octet-stream'),
  body: fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...BITS), maxLength: 30 })),
  eol: fc.constantFrom('\r\n', '\n'),
});

describe('message/cpim under generated input (fast-check)', () => {
  it('any body never throws; null or string headers, a lower-case content type and a body from the input', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, cpim.map((c) => [...c.headers.map(([n, v]) => `${n}: ${v}`), '', `Content-Type: ${c.contentType}`, '', c.body].join(c.eol))), (body) => {
        const c = parseCpim(body);
        if (!c) return;
        for (const value of Object.values(c.headers)) expect(value).to.be.a('string');
        expect(c.contentType).to.equal(c.contentType.toLowerCase());
        expect(c.contentType).to.not.equal('');
        expect(body.endsWith(c.body)).to.equal(true);
      }),
      RUNS,
    );
  });

  it('a well-formed CPIM message gives back its headers (first of each), content type and exact body', () => {
    fc.assert(
      fc.property(cpim, (c) => {
        // A header value ending in a blank line would end the header block early.
        const text = [...c.headers.map(([n, v]) => `${n}: ${v}`), '', `Content-Type: ${c.contentType}`, '', c.body].join(c.eol);
        const parsed = parseCpim(text);
        expect(parsed).to.not.equal(null);
        expect(parsed!.body).to.equal(c.body);
        expect(parsed!.contentType).to.equal(c.contentType.toLowerCase());
        const prefix = c.headers.some(([n, v]) => n.toLowerCase() === 'ns' && /^\s*im\s*<urn:ietf:params:imdn>/i.test(v)) ? 'im' : 'imdn';
        for (const [name] of c.headers) {
          const lower = name.toLowerCase();
          const key = lower.startsWith(`${prefix}.`) ? `imdn.${lower.slice(prefix.length + 1)}` : lower;
          expect(Object.hasOwn(parsed!.headers, key) || key in Object.prototype, key).to.equal(true);
        }
      }),
      RUNS,
    );
  });
});
