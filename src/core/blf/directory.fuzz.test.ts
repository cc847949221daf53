// Property tests (fast-check) of the company directory: a JSON file or an
// inline list the page provides, in whatever shape a PBX exported. Whatever it
// holds, reading it never throws; entries have a usable extension, a short
// clean name, and appear once each.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../../test/fuzz-seed.js';
import { MAX_DIRECTORY, parseDirectory, searchDirectory } from './directory.js';
import { cleanExtension } from './text.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const hostile = fc.oneof(fc.string(), fc.string({ unit: codeUnit }), fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom('1', '0', ':', ' ', '-', '+', '*', '#', 'a', '\u202e', '\u0000', '<b>', '😀'), maxLength: 12 }));
const field = fc.oneof(hostile, fc.stringMatching(/^[0-9]{2,6}$/), fc.integer(), fc.double(), fc.constant(null), fc.boolean(), fc.anything());
/** Entries in the shapes PBX exports have, with hostile values, plus anything at all. */
const entry = fc.oneof(
  fc.record(
    {
      extension: field, ext: field, exten: field, number: field, user: field,
      name: field, label: field, displayName: field, first_name: field, firstName: field, last_name: field, lastName: field, department: field, dept: field,
    },
    { requiredKeys: [] },
  ),
  hostile,
  fc.stringMatching(/^[0-9]{2,5}:[^\n]{0,20}$/),
  fc.integer(),
  fc.anything(),
);
const directory = fc.oneof(
  fc.array(entry, { maxLength: 60 }),
  fc.record({ entries: fc.array(entry, { maxLength: 60 }) }),
  fc.dictionary(fc.constantFrom('directory', 'extensions', 'contacts', 'users', 'items', 'other'), fc.oneof(fc.array(entry, { maxLength: 20 }), entry)),
  fc.anything(),
  fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown),
);

describe('directory under generated input (fast-check)', () => {
  it('any data never throws; entries have a clean extension and name, once each; the rest is counted', () => {
    fc.assert(
      fc.property(directory, (data) => {
        const { entries, skipped } = parseDirectory(data);
        expect(entries.length).to.be.at.most(MAX_DIRECTORY);
        expect(Number.isInteger(skipped) && skipped >= 0).to.equal(true);
        const list = Array.isArray(data) ? data : null;
        if (list) expect(entries.length + skipped).to.equal(list.length);
        const seen = new Set<string>();
        for (const e of entries) {
          expect(e.extension).to.be.a('string');
          expect(cleanExtension(e.extension)).to.equal(e.extension);
          expect(seen.has(e.extension)).to.equal(false);
          seen.add(e.extension);
          for (const text of [e.name, e.firstName, e.lastName, e.department]) {
            if (text === undefined) continue;
            expect(text).to.be.a('string').and.not.equal('');
            expect(text.length).to.be.at.most(121);
            expect(text).to.not.match(UNSAFE);
          }
        }
      }),
      RUNS,
    );
  });

  it('search never throws and returns entries of the directory, in order; an empty query returns them all', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), hostile, (data, query) => {
        const { entries } = parseDirectory(data);
        const found = searchDirectory(entries, query);
        let from = 0;
        for (const e of found) {
          const at = entries.indexOf(e, from);
          expect(at).to.be.at.least(0);
          from = at + 1;
        }
        if (!query.trim()) expect(found).to.deep.equal(entries);
        for (const e of entries) expect(searchDirectory(entries, e.extension)).to.include(e);
      }),
      RUNS,
    );
  });
});
