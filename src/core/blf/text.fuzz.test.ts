// Property tests (fast-check) of the text cleaning every network or page
// string goes through before it is shown (names, labels, notes) and of the
// extension check.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../../test/fuzz-seed.js';
import { cleanExtension, cleanText, searchKey } from './text.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/;
const wellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const BITS = [' ', '\t', '\n', '\u00a0', '\u2028', '\u202e', '\u2066', '\u200b', '\ufeff', '\u0000', '\u0085', 'a', 'é', '😀', '👩‍👩‍👧', 'Bob'];
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: codeUnit }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom(...BITS), maxLength: 200 }),
  fc.tuple(fc.string({ unit: fc.constantFrom(...BITS), minLength: 1, maxLength: 8 }), fc.integer({ min: 200, max: 2000 })).map(([s, n]) => s.repeat(n)),
);
/** Valid UTF-16: the text a well-behaved server sends. */
const valid = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom(...BITS), maxLength: 400 }));
const max = fc.integer({ min: 2, max: 120 });

describe('text cleaning under generated input (fast-check)', () => {
  it('cleanText: any value never throws; at most max characters, no controls, no bidi overrides, trimmed', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.anything()), max, (value, m) => {
        const s = cleanText(value, m);
        expect(s).to.be.a('string');
        expect(s.length).to.be.at.most(m);
        expect(s).to.not.match(UNSAFE);
        expect(s).to.equal(s.trim());
        expect(s).to.not.match(/\s{2}/);
        if (typeof value !== 'string') expect(s).to.equal('');
      }),
      RUNS,
    );
  });

  it('cleanText: valid text stays valid (no surrogate pair cut in half) and cleaning twice changes nothing', () => {
    fc.assert(
      fc.property(valid, max, (value, m) => {
        const s = cleanText(value, m);
        expect(wellFormed(s), JSON.stringify(s)).to.equal(true);
        if (!s.endsWith('…')) expect(cleanText(s, m)).to.equal(s);
      }),
      RUNS,
    );
  });

  // Was a bug: the first cut (max * 4 code units) could split a surrogate pair
  // and leave half of it once padding was removed. Lone halves are dropped now.
  it('cleanText: valid text stays valid even when padding puts a pair at the first cut', () => {
    const pad = fc.string({ unit: fc.constantFrom(' ', '\u200b', '\u202e', '\u0000', '\t'), minLength: 1, maxLength: 1 });
    fc.assert(
      fc.property(max, pad, fc.constantFrom('😀', '𝄞', '👩‍👩‍👧'), (m, p, emoji) => {
        const value = p.repeat(m * 4 - 1) + emoji;
        expect(wellFormed(cleanText(value, m)), JSON.stringify(value)).to.equal(true);
      }),
      RUNS,
    );
  });

  it('cleanExtension: any value never throws; gives "" or a short extension without separators, stable', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.integer(), fc.double(), fc.anything()), (value) => {
        const e = cleanExtension(value);
        expect(e).to.be.a('string');
        if (!e) return;
        expect(e.length).to.be.at.most(64);
        expect(e).to.match(/^(\+?[0-9*#]+|[a-z0-9_.!~*+-]+)$/i);
        expect(cleanExtension(e)).to.equal(e);
      }),
      RUNS,
    );
  });

  it('searchKey: any string never throws and is lower case without combining accents', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const k = searchKey(value);
        expect(k).to.equal(k.toLowerCase());
        expect(k).to.not.match(/[\u0300-\u036f]/);
      }),
      RUNS,
    );
  });
});
