// Property tests (fast-check) of presence documents (PIDF, RFC 3863, with
// RPID): they come from whoever publishes presence. Whatever a body holds,
// reading it never throws; a result is one of four statuses with a short,
// clean note.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../../test/fuzz-seed.js';

/** The type of what an arbitrary generates. */
type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;
import { parsePidf, PIDF_NS } from './pidf.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };
const DM = 'urn:ietf:params:xml:ns:pidf:data-model';
const RPID = 'urn:ietf:params:xml:ns:pidf:rpid';

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const XML_BITS = ['<', '>', '&', '&amp;', '&#0;', '"', '<!--', '<![CDATA[', ']]>', '<!DOCTYPE x>', `<presence xmlns="${PIDF_NS}">`, '</presence>', '<tuple>', '<status>',
  '<basic>', 'open', 'closed', '</basic>', '\u0000', '\u202e', '\ud800', '😀'];
const hostile = fc.oneof(fc.string(), fc.string({ unit: codeUnit }), fc.string({ unit: fc.constantFrom(...XML_BITS), maxLength: 24 }));
const xmlText = fc
  .oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: fc.constantFrom('\u202e', '\u200b', '\n', ' ', '😀', 'In a meeting', '<', '&'), maxLength: 30 }))
  // eslint-disable-next-line no-control-regex
  .map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const ACTIVITIES = ['busy', 'on-the-phone', 'meeting', 'away', 'vacation', 'lunch', 'unknown', 'other', 'Busy'];
const presence = fc.record({
  basics: fc.array(fc.oneof(fc.constantFrom('open', 'closed', 'OPEN', ' closed '), xmlText), { maxLength: 40 }),
  activities: fc.array(fc.constantFrom(...ACTIVITIES), { maxLength: 20 }),
  note: fc.option(xmlText, { nil: undefined }),
});
const toXml = (p: ValueOf<typeof presence>) =>
  `<?xml version="1.0"?><presence xmlns="${PIDF_NS}" xmlns:dm="${DM}" xmlns:rpid="${RPID}" entity="sip:1003@phone.test">` +
  p.basics.map((b, i) => `<tuple id="t${i}"><status><basic>${esc(b)}</basic></status></tuple>`).join('') +
  `<dm:person id="p"><rpid:activities>${p.activities.map((a) => `<rpid:${a}/>`).join('')}</rpid:activities>` +
  (p.note === undefined ? '' : `<dm:note>${esc(p.note)}</dm:note>`) +
  '</dm:person></presence>';

function checkShape(p: ReturnType<typeof parsePidf>): void {
  if (!p) return;
  expect(['available', 'busy', 'away', 'offline']).to.include(p.status);
  if (p.note !== undefined) {
    expect(p.note).to.be.a('string');
    expect(p.note.length).to.be.within(1, 80);
    // eslint-disable-next-line no-control-regex
    expect(p.note).to.not.match(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/);
  }
}

describe('PIDF under generated input (fast-check)', () => {
  it('any body (any value, any string) never throws; null or a status that renders', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.anything(), presence.map(toXml), presence.chain((p) => fc.tuple(fc.constant(toXml(p)), fc.nat())).map(([x, n]) => x.slice(0, n % x.length))), (body) => {
        checkShape(parsePidf(body));
      }),
      RUNS,
    );
  });

  it('a well-formed document gives the status the RFC 4480 activities and basic say', () => {
    fc.assert(
      fc.property(presence, (p) => {
        const result = parsePidf(toXml(p));
        checkShape(result);
        const basics = p.basics.slice(0, 32).map((b) => b.trim().toLowerCase());
        const acts = p.activities.slice(0, 16).map((a) => a.toLowerCase());
        const closed = basics.length > 0 && basics.every((b) => b === 'closed');
        const busy = acts.some((a) => ['busy', 'on-the-phone', 'meeting'].includes(a));
        const away = acts.some((a) => ['away', 'vacation', 'lunch'].includes(a));
        const expected = busy ? (closed ? 'offline' : 'busy') : away ? (closed ? 'offline' : 'away') : basics.includes('open') ? 'available' : closed ? 'offline' : null;
        expect(result?.status ?? null).to.equal(expected);
      }),
      RUNS,
    );
  });
});
