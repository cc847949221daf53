// Property tests (fast-check) of message waiting (RFC 3842) bodies: they come
// from the voicemail server, or from anyone who can send an unsolicited NOTIFY.
// Whatever a body holds, reading it never throws and the counts fit a badge.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../../test/fuzz-seed.js';
import { MAX_COUNT, parseMessageSummary } from './message-summary.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const BITS = ['Messages-Waiting', 'messages-waiting', 'Voice-Message', 'Message-Account', ':', ': ', 'yes', 'no', 'YES', '/', '(', ')', ' ', '\r\n', '\n', '\r',
  '0', '1', '12', '999999999', '1e3', '-1', '０', 'sip:*97@pbx', '\u0000', '\ud800', '😀'];
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: codeUnit }),
  fc.string({ unit: fc.constantFrom(...BITS), maxLength: 30 }),
  fc.tuple(fc.string({ unit: fc.constantFrom(...BITS), minLength: 1, maxLength: 8 }), fc.integer({ min: 500, max: 3000 })).map(([s, n]) => s.repeat(n)),
);

const count = fc.oneof(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 0, max: 999_999_999 }));
const eol = fc.constantFrom('\r\n', '\n', '\r');
const summary = fc.record({
  waiting: fc.boolean(),
  name: fc.constantFrom('Messages-Waiting', 'messages-waiting', 'MESSAGES-WAITING'),
  voice: fc.option(fc.tuple(count, count, fc.option(fc.tuple(count, count), { nil: undefined })), { nil: undefined }),
  junk: fc.array(fc.string({ unit: fc.constantFrom('Fax-Message: 1/2', 'X: y', '', 'garbage') }), { maxLength: 3 }),
  eol,
});

describe('message-summary under generated input (fast-check)', () => {
  it('any body never throws; null, or waiting yes/no with whole counts from 0 to 9999', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.anything()), (body) => {
        const s = parseMessageSummary(body);
        if (!s) return;
        expect(s.waiting).to.be.a('boolean');
        if (s.voice) {
          expect(Object.keys(s.voice).sort()).to.deep.equal(['new', 'old', 'urgentNew', 'urgentOld']);
          for (const n of Object.values(s.voice)) {
            expect(Number.isInteger(n), String(n)).to.equal(true);
            expect(n).to.be.within(0, MAX_COUNT);
          }
        }
      }),
      RUNS,
    );
  });

  it('a well-formed body reads back its flag and its counts, capped at 9999', () => {
    fc.assert(
      fc.property(summary, (m) => {
        const lines = [...m.junk, `${m.name}: ${m.waiting ? 'yes' : 'no'}`, 'Message-Account: sip:*97@pbx.example.com'];
        if (m.voice) {
          const [n, o, urgent] = m.voice;
          lines.push(`Voice-Message: ${n}/${o}${urgent ? ` (${urgent[0]}/${urgent[1]})` : ''}`);
        }
        const s = parseMessageSummary(lines.join(m.eol) + m.eol);
        expect(s).to.not.equal(null);
        expect(s!.waiting).to.equal(m.waiting);
        if (!m.voice) {
          expect(s!.voice).to.equal(undefined);
          return;
        }
        const cap = (x: number) => Math.min(MAX_COUNT, x);
        const [n, o, urgent] = m.voice;
        expect(s!.voice).to.deep.equal({ new: cap(n), old: cap(o), urgentNew: cap(urgent?.[0] ?? 0), urgentOld: cap(urgent?.[1] ?? 0) });
      }),
      RUNS,
    );
  });
});
