// Property tests (fast-check) of delivery and read receipts (IMDN, RFC 5438):
// documents and Disposition-Notification headers come from whoever messages
// us. Whatever they hold, reading never throws and gives a known kind and
// status for a clean Message-ID; what we write reads back the same.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../../test/fuzz-seed.js';
import { buildImdn, cleanMessageId, parseDisposition, parseImdn, type ImdnStatus } from './imdn.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };
const STATUSES = { delivery: ['delivered', 'failed', 'forbidden', 'error'], display: ['displayed', 'forbidden', 'error'] } as const;

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const XML_BITS = ['<imdn xmlns="urn:ietf:params:xml:ns:imdn">', '</imdn>', '<message-id>', '</message-id>', '<delivery-notification>', '<display-notification>',
  '<status>', '<delivered/>', '<displayed/>', '<evil/>', '</status>', '<datetime>', '<', '>', '&', '&#0;', '<!DOCTYPE x [<!ENTITY a "b">]>', '&a;', '<![CDATA[', ']]>',
  '|', ' ', '\u0000', '\u202e', '\ud800', '😀'];
const hostile = fc.oneof(fc.string(), fc.string({ unit: codeUnit }), fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom(...XML_BITS), maxLength: 30 }));
const xmlText = fc
  .oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", ' ', '\n', '😀', 'x', '|'), maxLength: 20 }))
  // eslint-disable-next-line no-control-regex
  .map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));
/** Message-IDs as senders write them: printable ASCII, sometimes in <>, sometimes too long or with "|". */
const messageId = fc.oneof(fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 140 }), hostile);
const notification = fc.constantFrom('delivery', 'display').chain((kind) =>
  fc.record({ kind: fc.constant(kind), status: fc.constantFrom(...(STATUSES[kind] as readonly ImdnStatus[])), messageId, datetime: xmlText, recipientUri: fc.option(xmlText, { nil: undefined }) }),
);

function checkShape(n: ReturnType<typeof parseImdn>): void {
  if (!n) return;
  expect(cleanMessageId(n.messageId)).to.equal(n.messageId);
  expect(['delivery', 'display']).to.include(n.kind);
  expect(STATUSES[n.kind] as readonly string[]).to.include(n.status);
  if (n.datetime !== undefined) {
    expect(n.datetime).to.be.a('string').and.not.equal('');
    expect(n.datetime.length).to.be.at.most(64);
  }
}

describe('IMDN under generated input (fast-check)', () => {
  it('parseImdn: any string never throws; null or a clean id with a known kind and status', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, notification.map((n) => buildImdn(n)), notification.chain((n) => fc.tuple(fc.constant(buildImdn(n)), fc.nat(), hostile)).map(([x, at, junk]) => x.slice(0, at % x.length) + junk + x.slice(at % x.length))), (xml) => {
        checkShape(parseImdn(xml));
      }),
      RUNS,
    );
  });

  it('buildImdn → parseImdn gives back the notification, for any clean id and any datetime text', () => {
    fc.assert(
      fc.property(notification, (n) => {
        const id = cleanMessageId(n.messageId);
        fc.pre(id !== undefined);
        const parsed = parseImdn(buildImdn({ ...n, messageId: id! }));
        // The builder writes CR and LF as character references, so they come back as they were.
        const datetime = n.datetime.trim();
        expect(parsed).to.deep.equal({ messageId: id, kind: n.kind, status: n.status, ...(datetime ? { datetime: datetime.slice(0, 64) } : {}) });
      }),
      RUNS,
    );
  });

  it('cleanMessageId: any value gives nothing or printable ASCII without "|", at most 128, and is stable', () => {
    fc.assert(
      fc.property(fc.option(fc.oneof(messageId, hostile), { nil: undefined }), (value) => {
        const id = cleanMessageId(value);
        if (id === undefined) return;
        expect(id).to.match(/^[\x21-\x7e]{1,128}$/);
        expect(id).to.not.include('|');
        expect(cleanMessageId(id)).to.equal(id);
      }),
      RUNS,
    );
  });

  it('parseDisposition: any header never throws and gives two booleans', () => {
    fc.assert(
      fc.property(fc.option(fc.oneof(hostile, fc.array(fc.constantFrom('positive-delivery', 'display', 'negative-delivery', ' DISPLAY ', ',', ''), { maxLength: 5 }).map((a) => a.join(','))), { nil: undefined }), (value) => {
        const d = parseDisposition(value);
        expect(d).to.have.all.keys('delivery', 'display');
        expect(d.delivery).to.be.a('boolean');
        expect(d.display).to.be.a('boolean');
      }),
      RUNS,
    );
  });
});
