// Property tests (fast-check) of the words for why a call or a registration
// ended: SIP status codes and causes come from the far end and the server.
// Whatever they are, the words are a non-empty string and the machine code is
// one the elements know.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../../test/fuzz-seed.js';
import { describeEnd, describeRegistrationFailure } from './causes.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };

/** The causes JsSIP 3.13 reports (JsSIP.C.causes). */
const JSSIP_CAUSES = [
  'Connection Error', 'Request Timeout', 'SIP Failure Code', 'Internal Error', 'Busy', 'Rejected', 'Redirected', 'Unavailable', 'Not Found',
  'Address Incomplete', 'Incompatible SDP', 'Missing SDP', 'Authentication Error', 'Terminated', 'WebRTC Error', 'Canceled', 'No Answer', 'Expires',
  'No ACK', 'Dialog Error', 'User Denied Media Access', 'Bad Media Description', 'RTP Timeout',
];
const CODES = ['hangup', 'busy', 'declined', 'not-found', 'unavailable', 'no-answer', 'canceled', 'address-incomplete', 'auth', 'forbidden',
  'incompatible', 'server-error', 'network', 'microphone', 'media', 'failed'];

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const cause = fc.option(fc.oneof(fc.constantFrom(...JSSIP_CAUSES), fc.string(), fc.string({ unit: codeUnit })), { nil: undefined });
/** Object property names that a plain-object lookup would find. */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const anyCause = fc.oneof(cause, fc.constantFrom(...PROTOTYPE_NAMES));
const sipCode = fc.option(
  fc.oneof(fc.integer({ min: 100, max: 699 }), fc.integer(), fc.double(), fc.constantFrom(0, -1, NaN, Infinity, 486, 603, 404, 480, 401)),
  { nil: undefined },
);
const by = fc.constantFrom('local', 'remote', 'system') as fc.Arbitrary<'local' | 'remote' | 'system'>;

describe('call end and registration causes under generated input (fast-check)', () => {
  it('describeEnd: never throws; a known code, words, who, and the SIP code in the words when it failed', () => {
    fc.assert(
      fc.property(anyCause, sipCode, by, (c, code, who) => {
        const d = describeEnd(c, code, who);
        expect(CODES).to.include(d.code);
        expect(d.text).to.be.a('string').and.not.equal('');
        expect(d.by).to.equal(who);
        if (code !== undefined && code >= 300) {
          expect(d.sipCode).to.equal(code);
          expect(d.text).to.include(`(${code})`);
        }
        if (d.sipCode !== undefined) expect(d.sipCode).to.be.a('number');
      }),
      RUNS,
    );
  });

  it('describeRegistrationFailure: never throws; words, and final only for credentials or an unknown account', () => {
    fc.assert(
      fc.property(anyCause, sipCode, (c, code) => {
        const d = describeRegistrationFailure(c, code);
        expect(d.text).to.be.a('string').and.not.equal('');
        const final = [401, 403, 404, 407].includes(code as number) || c === 'Authentication Error' || c === 'Rejected';
        expect(d.final).to.equal(final);
      }),
      RUNS,
    );
  });

  // Found by these properties (fixed in 6bb7bbe): the plain-object lookup took
  // "constructor", "toString"… for known causes and gave { code: undefined, text: undefined }.
  it('describeEnd: causes named like Object.prototype members still give words', () => {
    for (const name of PROTOTYPE_NAMES) {
      const d = describeEnd(name, undefined, 'remote');
      expect(d.code, name).to.equal('failed');
      expect(d.text, name).to.be.a('string').and.not.equal('');
    }
  });
});
