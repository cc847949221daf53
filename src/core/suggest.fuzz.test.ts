// Property tests (fast-check) of dialler suggestions: what is typed and the
// names and numbers in the call history (from the network) are untrusted.
// Whatever they hold, suggesting never throws, offers each number once, in
// history order, at most `limit`, and only what matches.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../test/fuzz-seed.js';
import { normalizeNumber } from './dial-target.js';
import { suggest } from './suggest.js';
import type { RecentCall } from './types.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const TOKENS = ['1', '0', '2', '+', '*', '#', ' ', '-', '(', ')', 'a', 'B', 'é', 'İ', 'ß', '\u0000', '\ud800', '😀', '@', 'example.com'];
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: codeUnit }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom(...TOKENS), maxLength: 8 }),
);

const recentCall: fc.Arbitrary<RecentCall> = fc.record(
  {
    id: fc.string(),
    direction: fc.constantFrom('inbound', 'outbound'),
    number: fc.oneof(fc.stringMatching(/^\+?[0-9]{1,6}$/), hostile),
    name: hostile,
    startedAt: fc.integer({ min: 0 }),
    duration: fc.nat(),
    answered: fc.boolean(),
    cause: fc.constant({ code: 'hangup', text: 'Call ended', by: 'local' as const }),
  },
  { requiredKeys: ['id', 'direction', 'number', 'startedAt', 'duration', 'answered', 'cause'] },
) as fc.Arbitrary<RecentCall>;

describe('suggest under generated input (fast-check)', () => {
  it('never throws; each number once, in history order, at most limit, each one matching', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.stringMatching(/^[0-9]{1,3}$/)), fc.array(recentCall, { maxLength: 40 }), fc.integer({ min: 0, max: 10 }), (typed, recent, limit) => {
        const out = suggest(typed, recent, limit);
        expect(out.length).to.be.at.most(Math.max(limit, typed.trim() ? 1 : 0));
        const numbers = out.map((s) => s.number);
        expect(new Set(numbers).size).to.equal(numbers.length);
        let from = 0;
        const text = typed.trim().toLowerCase();
        const digits = normalizeNumber(typed);
        for (const s of out) {
          const at = recent.findIndex((r, i) => i >= from && r.number === s.number);
          expect(at, `${s.number} comes from the history, in order`).to.be.at.least(0);
          from = at + 1;
          expect(s.source).to.equal('Recent');
          expect(s.number).to.be.a('string');
          if (s.name !== undefined) expect(s.name).to.be.a('string').and.not.equal('');
          const byNumber = digits ? s.number.includes(digits) : s.number.toLowerCase().includes(text);
          const byName = recent.some((r) => r.number === s.number && r.name?.toLowerCase().includes(text));
          expect(byNumber || byName, `${s.number} matches "${typed}"`).to.equal(true);
          expect(s.number).to.not.equal(typed.trim());
        }
        if (!typed.trim()) expect(out).to.deep.equal([]);
      }),
      RUNS,
    );
  });
});
