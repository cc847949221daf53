// Property tests (fast-check) of links in message text: the text comes from
// whoever messages us. Whatever it holds, the parts give the text back whole,
// and a link is only ever an http(s) URL.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../../test/fuzz-seed.js';
import { linkify, safeHref } from './links.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const BITS = ['https://', 'http://', 'HTTP://', 'www.', 'javascript:', 'data:', 'vbscript:', 'example.com', '/', '?', '#', '(', ')', '.', ',', '!', '"', "'", '<', '>',
  '`', ' ', '\n', '\u202e', '\u0000', '\ud800', '😀', 'ex%41mple', '@', ':', '[::1]', 'xn--', 'ß', '\t'];
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: codeUnit }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom(...BITS), maxLength: 40 }),
  fc.array(fc.oneof(fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.string({ unit: fc.constantFrom(...BITS), maxLength: 6 })), { maxLength: 8 }).map((a) => a.join(' ')),
  fc.tuple(fc.string({ unit: fc.constantFrom('https://a.b/', '(', ')', '.', 'x', ' '), minLength: 1, maxLength: 8 }), fc.integer({ min: 200, max: 2000 })).map(([s, n]) => s.repeat(n)),
);

describe('links under generated input (fast-check)', () => {
  it('linkify: any text never throws; the parts join back to the text; links are http(s) URLs', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const parts = linkify(text);
        expect(parts.map((p) => p.text).join('')).to.equal(text);
        for (const p of parts) {
          expect(p.text).to.be.a('string').and.not.equal('');
          if (p.href === undefined) continue;
          const url = new URL(p.href);
          expect(['http:', 'https:']).to.include(url.protocol);
          expect(url.hostname).to.not.equal('');
          expect(p.href).to.equal(safeHref(p.text));
        }
      }),
      RUNS,
    );
  });

  it('linkify: a web URL in a sentence becomes one link to itself', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true }).filter((u) => !/[.,;:!?'")\]}>]$/.test(u)), fc.constantFrom('', 'See ', '('), fc.constantFrom('', '.', ' now', ')'), (url, before, after) => {
        const links = linkify(`${before}${url}${after}`).filter((p) => p.href);
        const unbalanced = (url.match(/\(/g)?.length ?? 0) !== (url.match(/\)/g)?.length ?? 0);
        fc.pre(!unbalanced && !/[\s<>"'`]/.test(url));
        expect(links.map((p) => p.text)).to.deep.equal([url]);
        expect(links[0]!.href).to.equal(new URL(url).href);
      }),
      RUNS,
    );
  });

  it('safeHref: any string gives null or an http(s) URL', () => {
    fc.assert(
      fc.property(hostile, (raw) => {
        const href = safeHref(raw);
        if (href !== null) expect(['http:', 'https:']).to.include(new URL(href).protocol);
      }),
      RUNS,
    );
  });
});
