// Property tests (fast-check) of received files: the file name, MIME type and
// base64 body come from whoever sends the file. Whatever they hold, reading
// never throws; names are safe to show and save, types are safe in a data:
// URL, and only raster images are previewed.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../../test/fuzz-seed.js';
import { base64FromBytes, bytesFromBase64, cleanFileName, cleanMimeType, contentDisposition, dataUrl, fileNameFromDisposition, isPreviewable } from './attachment.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const BITS = ['attachment', ';', ' filename=', 'filename*=', "UTF-8''", '"', '%', '%2F', '%zz', '%E0%A4', '../', '..\\', '/', '\\', '.', 'a.png', 'image/svg+xml', 'text/html',
  'image/png', ';charset=x', '<', '>', ':', '|', '?', '*', '\u202e', '\u0000', '\ud800', '😀', ' '];
const hostile = fc.oneof(fc.string(), fc.string({ unit: codeUnit }), fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom(...BITS), maxLength: 30 }));
/** Text a sender can put in a file name (valid UTF-16, so it can be percent-encoded). */
const name = fc.oneof(fc.string({ unit: 'binary', maxLength: 150 }), fc.string({ unit: fc.constantFrom(...BITS.filter((b) => b !== '\ud800')), maxLength: 20 }));

describe('attachments under generated input (fast-check)', () => {
  it('fileNameFromDisposition then cleanFileName: any header gives a safe, non-empty name', () => {
    fc.assert(
      fc.property(fc.option(fc.oneof(hostile, name.map(contentDisposition)), { nil: undefined }), fc.oneof(hostile, fc.constantFrom('image/png', 'application/pdf')), (header, type) => {
        const raw = fileNameFromDisposition(header);
        if (raw !== undefined) expect(raw).to.be.a('string');
        const clean = cleanFileName(raw, cleanMimeType(type));
        expect(clean).to.be.a('string').and.not.equal('');
        expect([...clean].length).to.be.at.most(100);
        // eslint-disable-next-line no-control-regex
        expect(clean).to.not.match(/[\\/\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/);
        expect(clean.startsWith('.')).to.equal(false);
      }),
      RUNS,
    );
  });

  it('contentDisposition → fileNameFromDisposition gives the name back', () => {
    fc.assert(
      fc.property(name.filter((n) => n !== ''), (n) => {
        expect(fileNameFromDisposition(contentDisposition(n))).to.equal(n);
      }),
      RUNS,
    );
  });

  it('cleanMimeType and dataUrl: any type gives a plain type/subtype; SVG and HTML are never previewed', () => {
    fc.assert(
      fc.property(fc.option(hostile, { nil: undefined }), (type) => {
        const t = cleanMimeType(type);
        expect(t).to.match(/^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,127}$/);
        expect(dataUrl(type ?? '', 'QQ==').startsWith(`data:${t};base64,`)).to.equal(true);
        if (isPreviewable(t)) expect(['image/png', 'image/jpeg', 'image/gif', 'image/webp']).to.include(t);
      }),
      RUNS,
    );
  });

  it('bytesFromBase64: any body never throws; base64 of any bytes reads back the bytes, with line breaks too', () => {
    fc.assert(
      fc.property(hostile, fc.uint8Array({ maxLength: 3000 }), fc.boolean(), (junk, bytes, wrap) => {
        const decoded = bytesFromBase64(junk);
        if (decoded !== null) expect(decoded).to.be.instanceOf(Uint8Array);
        let b64 = base64FromBytes(bytes);
        if (wrap) b64 = b64.replace(/.{1,76}/g, '$&\r\n');
        const back = bytesFromBase64(b64);
        if (bytes.length === 0) expect(back).to.equal(null);
        else expect([...back!]).to.deep.equal([...bytes]);
      }),
      RUNS,
    );
  });
});
