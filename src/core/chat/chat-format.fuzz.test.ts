// Property tests (fast-check) of the words the chat view renders: names,
// numbers, texts and file names come from other people. Whatever they hold,
// the words are strings, never "undefined", and bounded where the layout needs it.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../../test/fuzz-seed.js';
import { advance, conversationTitle, failureText, messageTime, overallState, partyLabel, previewText, stateText, timeLabel, typingText } from './chat-format.js';
import type { ChatMessage, Conversation, DeliveryState } from './chat-types.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };
const STATES: DeliveryState[] = ['sending', 'stored', 'sent', 'delivered', 'read', 'failed'];

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const hostile = fc.oneof(fc.string(), fc.string({ unit: codeUnit }), fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom('<b>', '\u202e', '\n', ' ', 'undefined', '😀', '1002'), maxLength: 20 }));
const number = fc.oneof(fc.stringMatching(/^[0-9]{3,5}$/), hostile.filter((s) => s !== ''));
const state = fc.constantFrom(...STATES);
const conversation: fc.Arbitrary<Conversation> = fc.record({
  id: fc.string(),
  kind: fc.constantFrom('direct', 'group'),
  name: fc.option(hostile, { nil: undefined }),
  members: fc.array(number, { maxLength: 8 }),
  names: fc.dictionary(number, hostile),
  createdAt: fc.nat(),
  lastAt: fc.nat(),
  unread: fc.nat(),
  muted: fc.boolean(),
  pinned: fc.boolean(),
  left: fc.boolean(),
}) as fc.Arbitrary<Conversation>;
const message: fc.Arbitrary<ChatMessage> = fc.record(
  {
    key: fc.string(),
    id: fc.string(),
    conversationId: fc.string(),
    direction: fc.constantFrom('in', 'out'),
    from: fc.record({ number }),
    at: fc.nat(),
    text: hostile,
    file: fc.record({ name: hostile, type: fc.string(), size: fc.nat(), data: fc.string() }),
    state,
    recipients: fc.dictionary(number, state),
    failure: hostile,
  },
  { requiredKeys: ['key', 'id', 'conversationId', 'direction', 'from', 'at', 'text'] },
) as fc.Arbitrary<ChatMessage>;
const time = fc.oneof(fc.integer({ min: 0, max: 4e12 }), fc.integer(), fc.double());

const isWords = (s: unknown) => typeof s === 'string' && s !== '' && !s.includes('undefined');

describe('chat words under generated input (fast-check)', () => {
  it('titles, labels, previews, typing and states are strings with words, for any conversation and message', () => {
    fc.assert(
      fc.property(conversation, message, fc.array(number, { maxLength: 5 }), (c, m, typing) => {
        const ours = JSON.stringify([c, m, typing]).includes('undefined');
        for (const [what, words] of [
          ['title', conversationTitle(c)],
          ['state', stateText(m)],
        ] as const) {
          expect(words, what).to.be.a('string');
          if (!ours && !(what === 'title' && c.name === '')) expect(isWords(words), `${what}: ${JSON.stringify(words)}`).to.equal(true);
        }
        const preview = previewText(m);
        expect(preview).to.be.a('string');
        // File names are cleaned when received (cleanFileName); message text is not.
        if (!m.file) {
          expect(preview.length).to.be.at.most(120);
          expect(preview).to.not.match(/[\n\r\t]/);
        }
        const typingWords = typingText(c, typing);
        expect(typingWords).to.be.a('string');
        if (typing.length) expect(typingWords).to.match(/typing…$/);
        for (const n of typing) expect(partyLabel(c, n)).to.be.a('string');
      }),
      RUNS,
    );
  });

  it('delivery states only move forward; the overall state is one of them', () => {
    fc.assert(
      fc.property(fc.option(state, { nil: undefined }), state, fc.dictionary(number, state), (current, next, recipients) => {
        expect(STATES).to.include(advance(current, next));
        expect(STATES).to.include(overallState(recipients));
      }),
      RUNS,
    );
  });

  it('failure texts and times are strings for any code, reason and time', () => {
    fc.assert(
      fc.property(fc.option(fc.oneof(fc.integer(), fc.constantFrom(404, 486, 503)), { nil: undefined }), hostile, time, time, (code, reason, at, now) => {
        expect(isWords(failureText(code, reason)) || reason.includes('undefined')).to.equal(true);
        expect(timeLabel(at, now)).to.be.a('string').and.not.equal('');
        expect(messageTime(at, now)).to.be.a('string').and.not.equal('');
      }),
      RUNS,
    );
  });
});
