// Property tests (fast-check) of the headers of an incoming MESSAGE: every
// value comes from the sender. Whatever they hold, reading them never throws
// and drops what is hostile or malformed; what we write reads back the same.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../../test/fuzz-seed.js';
import { cleanMessageId } from './imdn.js';
import { messageHeaders, readIncomingMeta } from './chat-headers.js';
import { cleanFileName } from './attachment.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const BITS = ['<', '>', '|', '%', '%zz', ',', ';', 't=', '@', 'positive-delivery', 'display', 'base64', "UTF-8''", 'filename=', '2026-01-31T14:05:00Z', '1002', ' ',
  '\u202e', '\u0000', '\ud800', '😀'];
const hostile = fc.oneof(fc.string(), fc.string({ unit: codeUnit }), fc.string({ unit: fc.constantFrom(...BITS), maxLength: 30 }));
const NAMES = ['message-id', 'imdn.message-id', 'disposition-notification', 'imdn.disposition-notification', 'datetime', 'x-conversation', 'x-conversation-name',
  'x-conversation-members', 'content-disposition', 'content-transfer-encoding', '__proto__', 'constructor'];
const headers = fc.dictionary(fc.constantFrom(...NAMES), hostile);
const domain = fc.oneof(fc.domain(), fc.constant('phone.test'));
const text = fc.string({ unit: 'binary', maxLength: 30 });

describe('chat headers under generated input (fast-check)', () => {
  it('readIncomingMeta: any headers never throw; the meta has the documented shape', () => {
    fc.assert(
      fc.property(headers, domain, (h, dom) => {
        const meta = readIncomingMeta(h, dom);
        if (meta.messageId !== undefined) expect(cleanMessageId(meta.messageId)).to.equal(meta.messageId);
        if (meta.sentAt !== undefined) expect(Number.isFinite(meta.sentAt)).to.equal(true);
        expect(meta.wantsDelivery).to.be.a('boolean');
        expect(meta.wantsDisplay).to.be.a('boolean');
        expect(meta.base64).to.be.a('boolean');
        if (!meta.messageId) expect(meta.wantsDelivery || meta.wantsDisplay).to.equal(false);
        if (meta.group) {
          expect(meta.group.id).to.match(/^g:[A-Za-z0-9_-]{8,64}$/);
          expect(meta.group.members.length).to.be.at.most(32);
          if (meta.group.name) expect(meta.group.name.name).to.be.a('string').and.not.equal('');
        }
        if (meta.fileName !== undefined) expect(meta.fileName).to.be.a('string');
      }),
      RUNS,
    );
  });

  it('messageHeaders → readIncomingMeta: what we send reads back', () => {
    const outgoing = fc.record({
      messageId: fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 1, maxLength: 24 }),
      sentAt: fc.integer({ min: 0, max: 4e12 }),
      receipts: fc.boolean(),
      group: fc.option(
        fc.record({ token: fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), name: fc.option(text, { nil: undefined }), nameAt: fc.nat(), members: fc.array(fc.stringMatching(/^[0-9]{3,5}$/), { maxLength: 10 }) }),
        { nil: undefined },
      ),
      file: fc.option(fc.record({ name: text.filter((n) => n !== ''), base64: fc.boolean() }), { nil: undefined }),
    });
    fc.assert(
      fc.property(outgoing, (o) => {
        const lines = messageHeaders(o);
        const received = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
        const meta = readIncomingMeta(received, 'phone.test');
        expect(meta.messageId).to.equal(o.messageId);
        expect(meta.sentAt).to.equal(o.sentAt);
        expect(meta.wantsDelivery).to.equal(o.receipts);
        expect(meta.wantsDisplay).to.equal(o.receipts);
        if (o.group) {
          expect(meta.group?.id).to.equal(`g:${o.group.token}`);
          expect(meta.group?.members).to.deep.equal([...new Set(o.group.members)]);
        } else expect(meta.group).to.equal(undefined);
        // File names are cleaned on the way out: no line break or control character reaches a header.
        expect(meta.fileName).to.equal(o.file ? cleanFileName(o.file.name) : undefined);
        expect(meta.attachment).to.equal(o.file !== undefined);
        expect(meta.base64).to.equal(o.file?.base64 ?? false);
      }),
      RUNS,
    );
  });
});
