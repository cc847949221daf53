// Property tests (fast-check) of the auto-answer headers: Call-Info and
// Alert-Info come from whoever calls. Whatever they hold, reading them never
// throws and gives either nothing or a whole number of seconds, at most an hour.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../../test/fuzz-seed.js';
import { autoAnswerAfter } from './auto-answer.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };

const TOKENS = [
  '<sip:pbx.example.com>', '<http://x/a.wav>', ';', ' ', '\t', '=', 'answer-after', 'ANSWER-AFTER', 'delay', 'info', 'alert-autoanswer', 'auto answer',
  'Auto_Answer', 'intercom', 'ring-answer', 'purpose=icon', '0', '7', '999', '1000', '3600', '3601', '99999999999999999999', '-1', '1e3', '0x10', '９', ',', '"', '\u0000', '\ud800', '😀',
];
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const hostile = fc.oneof(
  { weight: 2, arbitrary: fc.string() },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit }) },
  { weight: 5, arbitrary: fc.string({ unit: fc.constantFrom(...TOKENS), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ unit: fc.constantFrom(...TOKENS), maxLength: 3 }), fc.integer({ min: 1000, max: 20000 })).map(([s, n]) => (s || ';').repeat(n)) },
);
/** A header lookup as JsSIP's request.getHeaders gives it, for any headers. */
const headers = fc
  .dictionary(fc.constantFrom('Call-Info', 'Alert-Info', 'call-info', 'X-Other'), fc.array(hostile, { maxLength: 4 }))
  .map((map) => ({ map, get: (name: string) => map[name] ?? [] }));

describe('autoAnswerAfter under generated input (fast-check)', () => {
  it('never throws; gives nothing or whole seconds from 0 to 3600', () => {
    fc.assert(
      fc.property(headers, ({ get }) => {
        const after = autoAnswerAfter(get);
        if (after === undefined) return;
        expect(Number.isInteger(after), String(after)).to.equal(true);
        expect(after).to.be.within(0, 3600);
      }),
      RUNS,
    );
  });

  it('reads answer-after=N from Call-Info wherever the parameter sits; over an hour is refused', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 3600 }), fc.integer({ min: 3601, max: Number.MAX_SAFE_INTEGER }), fc.constant(0)), fc.array(fc.constantFrom(';purpose=info', ';x=1', ' ;y'), { maxLength: 3 }), fc.constantFrom('answer-after', 'Answer-After'), (n, params, name) => {
        const value = `<sip:pbx.example.com>${params.join('')};${name}=${n}`;
        expect(autoAnswerAfter((h) => (h === 'Call-Info' ? [value] : []))).to.equal(n <= 3600 ? n : undefined);
      }),
      RUNS,
    );
  });
});
