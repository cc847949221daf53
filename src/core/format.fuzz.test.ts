// Property tests (fast-check) of the formatters the elements render: names,
// numbers and causes in a call come from the network. Whatever they hold, the
// texts are strings, never "undefined", and say who the call is with.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../test/fuzz-seed.js';
import { callStateText, endedText, formatDuration, remoteLabel } from './format.js';
import type { CallView } from './types.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: codeUnit }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('<script>', '&amp;', '${x}', '\u202e', '\u0000', 'undefined', '%s', ' ', '😀'), maxLength: 8 }),
  fc.tuple(fc.constantFrom('ab', '\u202e', 'Bob '), fc.integer({ min: 1000, max: 5000 })).map(([s, n]) => s.repeat(n)),
);
const nonEmpty = hostile.filter((s) => s !== '');

/** Any call as the session could show it, with the far end's words hostile. */
const call: fc.Arbitrary<CallView> = fc.record(
  {
    id: fc.string(),
    direction: fc.constantFrom('inbound', 'outbound'),
    remote: fc.record({ number: nonEmpty, name: hostile, uri: hostile }, { requiredKeys: ['number', 'uri'] }),
    state: fc.constantFrom('calling', 'ringing', 'connected', 'ended'),
    startedAt: fc.integer({ min: 0 }),
    answeredAt: fc.integer({ min: 0 }),
    endedAt: fc.integer({ min: 0 }),
    cause: fc.record(
      { code: fc.oneof(fc.constantFrom('hangup', 'busy', 'canceled', 'failed', 'declined', 'dnd'), hostile), text: nonEmpty, sipCode: fc.integer({ min: 300, max: 699 }), by: fc.constantFrom('local', 'remote', 'system') },
      { requiredKeys: ['code', 'text', 'by'] },
    ),
    muted: fc.boolean(),
    held: fc.boolean(),
    remoteHeld: fc.boolean(),
    holdPending: fc.boolean(),
    earlyMedia: fc.boolean(),
    silenced: fc.boolean(),
    transfer: fc.record(
      { kind: fc.constantFrom('blind', 'attended', 'voicemail'), target: nonEmpty, state: fc.constantFrom('referring', 'consulting'), consultId: fc.string() },
      { requiredKeys: ['kind', 'target', 'state'] },
    ),
    dtmf: fc.string({ unit: fc.constantFrom(...'0123456789*#') }),
  },
  { requiredKeys: ['id', 'direction', 'remote', 'state', 'startedAt', 'muted', 'held', 'remoteHeld'] },
) as fc.Arbitrary<CallView>;

describe('formatters under generated input (fast-check)', () => {
  it('formatDuration: any finite number of seconds gives m:ss or h:mm:ss', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1e6, max: 1e9 }), fc.double({ min: -1e6, max: 1e9, noNaN: true })), (s) => {
        const text = formatDuration(s);
        expect(text, String(s)).to.match(/^(\d+:\d{2}|\d+:[0-5]\d:[0-5]\d)$/);
        if (s < 3600) expect(text).to.match(/^\d{1,2}:[0-5]\d$/);
      }),
      RUNS,
    );
  });

  it('callStateText, remoteLabel, endedText: strings with words for any call, never "undefined"', () => {
    fc.assert(
      fc.property(call, (c) => {
        const label = remoteLabel(c);
        expect(label).to.be.a('string').and.not.equal('');
        expect([c.remote.name, c.remote.number]).to.include(label);
        for (const text of [callStateText(c), endedText(c)]) {
          expect(text).to.be.a('string').and.not.equal('');
          // Only the far end's own words may say "undefined".
          if (!/undefined/.test(JSON.stringify(c))) expect(text).to.not.include('undefined');
        }
        expect(endedText(c)).to.include(label);
      }),
      RUNS,
    );
  });
});
