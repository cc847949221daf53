// Property tests (fast-check) of BLF keys as the page configures them (an
// attribute list, JSON, or an array property). Whatever the page gives, reading
// never throws; each key has a usable extension and a short clean label, once.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../../test/fuzz-seed.js';
import { MAX_KEYS, parseKeys } from './keys.js';
import { cleanExtension } from './text.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const BITS = ['1002', '1003', ':', ',', ';', '\n', ' ', 'Bob', '[', ']', '{', '}', '"', 'extension', 'label', '\u202e', '\u0000', '<b>', '😀'];
const hostile = fc.oneof(fc.string(), fc.string({ unit: codeUnit }), fc.string({ unit: fc.constantFrom(...BITS), maxLength: 30 }));
const key = fc.oneof(
  fc.record({ extension: fc.oneof(hostile, fc.stringMatching(/^[0-9]{3,5}$/), fc.integer()), label: hostile, name: hostile, ext: fc.anything() }, { requiredKeys: [] }),
  hostile,
  fc.integer(),
  fc.anything(),
);
const input = fc.oneof(
  hostile,
  fc.array(key, { maxLength: 30 }),
  fc.array(key, { maxLength: 30 }).map((k) => JSON.stringify(k) ?? ''),
  fc.array(fc.tuple(fc.stringMatching(/^[0-9]{3,5}$/), hostile), { maxLength: 20 }).map((pairs) => pairs.map(([e, l]) => `${e}:${l}`).join(',')),
  fc.anything(),
);

describe('BLF keys under generated input (fast-check)', () => {
  it('any attribute or property never throws; keys have a clean extension and label, once each', () => {
    fc.assert(
      fc.property(input, (value) => {
        const keys = parseKeys(value);
        expect(keys.length).to.be.at.most(MAX_KEYS);
        const seen = new Set<string>();
        for (const k of keys) {
          expect(cleanExtension(k.extension)).to.equal(k.extension);
          expect(seen.has(k.extension)).to.equal(false);
          seen.add(k.extension);
          expect(k.label).to.be.a('string').and.not.equal('');
          expect(k.label.length).to.be.at.most(40);
          expect(k.label).to.not.match(UNSAFE);
        }
      }),
      RUNS,
    );
  });
});
