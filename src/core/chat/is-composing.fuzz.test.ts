// Property tests (fast-check) of "is typing" documents (RFC 3994): they come
// from whoever messages us. Whatever they hold, reading never throws and a
// result has a known state, a bounded refresh and a short content type.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../../test/fuzz-seed.js';
import { buildIsComposing, parseIsComposing } from './is-composing.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const XML_BITS = ['<isComposing xmlns="urn:ietf:params:xml:ns:im-iscomposing">', '</isComposing>', '<state>', 'active', 'idle', '</state>', '<refresh>', '</refresh>',
  '0', '-5', '1e9', '60', 'NaN', '<contenttype>', 'text/plain', '</contenttype>', '<', '&', '<!DOCTYPE x>', '\u0000', '\ud800', '😀', ' '];
const hostile = fc.oneof(fc.string(), fc.string({ unit: codeUnit }), fc.string({ unit: fc.constantFrom(...XML_BITS), maxLength: 30 }));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const xmlText = fc
  .oneof(fc.string({ unit: 'binary', maxLength: 100 }), fc.constantFrom('active', ' idle ', 'ACTIVE', '60', ' 90 ', '0', '-1', '3.5', '99999999', '1e3'))
  // eslint-disable-next-line no-control-regex
  .map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));
const doc = fc
  .record({ state: xmlText, refresh: fc.option(xmlText, { nil: undefined }), contenttype: fc.option(xmlText, { nil: undefined }) })
  .map(
    (d) =>
      `<?xml version="1.0"?><isComposing xmlns="urn:ietf:params:xml:ns:im-iscomposing"><state>${esc(d.state)}</state>` +
      (d.refresh === undefined ? '' : `<refresh>${esc(d.refresh)}</refresh>`) +
      (d.contenttype === undefined ? '' : `<contenttype>${esc(d.contenttype)}</contenttype>`) +
      '</isComposing>',
  );

describe('isComposing under generated input (fast-check)', () => {
  it('parseIsComposing: any string never throws; null or a known state, refresh 5–3600 s, short content type', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, doc, doc.chain((x) => fc.tuple(fc.constant(x), fc.nat())).map(([x, n]) => x.slice(0, n % x.length))), (xml) => {
        const c = parseIsComposing(xml);
        if (!c) return;
        expect(['active', 'idle']).to.include(c.state);
        if (c.refresh !== undefined) {
          expect(Number.isInteger(c.refresh)).to.equal(true);
          expect(c.refresh).to.be.within(5, 3600);
        }
        if (c.contentType !== undefined) {
          expect(c.contentType).to.be.a('string').and.not.equal('');
          expect(c.contentType.length).to.be.at.most(64);
        }
      }),
      RUNS,
    );
  });

  it('buildIsComposing → parseIsComposing keeps the state and a sane refresh', () => {
    fc.assert(
      fc.property(fc.constantFrom('active', 'idle') as fc.Arbitrary<'active' | 'idle'>, fc.option(fc.double({ min: 0.5, max: 1e6, noNaN: true }), { nil: undefined }), (state, refresh) => {
        const c = parseIsComposing(buildIsComposing(state, refresh));
        expect(c?.state).to.equal(state);
        if (state === 'active' && refresh) expect(c?.refresh).to.equal(Math.min(Math.max(Math.round(refresh), 5), 3600));
        else expect(c?.refresh).to.equal(undefined);
      }),
      RUNS,
    );
  });
});
