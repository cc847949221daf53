// Property tests (fast-check) of the TURN settings: they come from the page
// and from activation links, so they are untrusted. Whatever they hold,
// parsing never throws, accepted servers have the documented shape, and the
// credential never shows in a message.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../test/fuzz-seed.js';
import { resolveConfig } from './config.js';
import { hasTurn, isOn, MAX_TURN_URLS, parseTurnServers } from './turn.js';

const RUNS = { numRuns: 300, seed: FUZZ_SEED };
const SECRET = 'S3CRET-credential';

const TOKENS = [
  'turn:', 'turns:', 'stun:', 'stuns:', 'TURN:', 'http://', '//', '@', ':', ';', ',', '?', '&', '=', '#', '%', '?transport=udp', '?transport=tcp',
  '?transport=sctp', '[', ']', '[::1]', '127.0.0.1', 'relay.example.com', '3478', '5349', '443', '99999', '0', '-', '.', ' ', '\n', '\u0000',
  '\u202e', '\ud800', '😀', 'é', 'user:pass@', SECRET,
];
const hostile = fc.oneof(
  { weight: 2, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }) },
  { weight: 5, arbitrary: fc.string({ unit: fc.constantFrom(...TOKENS), maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...TOKENS), maxLength: 3 }).map((s) => (s || 'turn:a').repeat(3000)) },
);

describe('TURN settings (fuzz)', () => {
  it('never throw; accepted servers are turn/stun URLs with the credential on TURN only', () => {
    fc.assert(
      fc.property(hostile, fc.option(hostile, { nil: undefined }), (urls, user) => {
        const r = parseTurnServers(urls, user, SECRET);
        if (!r.ok) {
          expect(r.message).to.be.a('string').and.not.equal('');
          return;
        }
        const all = r.iceServers.flatMap((s) => [s.urls].flat());
        expect(all.length).to.be.at.most(MAX_TURN_URLS);
        for (const s of r.iceServers) {
          const urlsOf = [s.urls].flat();
          const turn = urlsOf.every((u) => /^turns?:/i.test(u));
          const stun = urlsOf.every((u) => /^stuns?:/i.test(u));
          expect(turn || stun, urlsOf.join()).to.equal(true);
          if (turn) expect(s).to.include({ username: user, credential: SECRET });
          else expect(s.credential).to.equal(undefined);
        }
        expect(hasTurn(r.iceServers)).to.equal(r.iceServers.some((s) => s.credential !== undefined));
      }),
      RUNS,
    );
  });

  it('a refusal message never carries the credential', () => {
    fc.assert(
      fc.property(hostile, fc.string({ minLength: 1 }), (urls, credential) => {
        const a = parseTurnServers(urls, 'u', credential);
        const b = parseTurnServers(urls, 'u', `${credential}x`);
        if (!a.ok) expect(!b.ok && b.message).to.equal(a.message);
      }),
      RUNS,
    );
  });

  it('resolveConfig never throws on any TURN input, and refuses bad ones with bad-turn', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (turn, turnUsername, turnCredential, forceRelay) => {
        const r = resolveConfig({ server: 'wss://pbx.example.com/ws', identity: '1001@example.com', password: 'p', turn, turnUsername, turnCredential, forceRelay });
        if (r.ok) {
          expect(r.config.iceTransportPolicy === 'relay').to.equal(isOn(forceRelay));
        } else {
          expect(r.error?.code).to.equal('bad-turn');
          // The credential never shapes the message (so it cannot be echoed in it): another credential, the same words.
          const other = resolveConfig({ server: 'wss://pbx.example.com/ws', identity: '1001@example.com', password: 'p', turn, turnUsername, turnCredential: `${turnCredential}x`, forceRelay });
          expect(!other.ok && other.error?.message).to.equal(r.error?.message);
        }
      }),
      RUNS,
    );
  });
});
