// Property tests (fast-check) of the dialog event package (RFC 4235): NOTIFY
// bodies come from the server and, through it, from whoever calls. Whatever a
// body holds, reading it never throws, and what comes out can always be
// rendered: states and lamps within their enums, short clean texts.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../../test/fuzz-seed.js';

/** The type of what an arbitrary generates. */
type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;
import { applyDialogInfo, lampOf, parseDialogInfo, DIALOG_INFO_NS, MAX_DIALOGS, type DialogEntry } from './dialog-info.js';
import { cleanText } from './text.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };
const STATES = ['trying', 'proceeding', 'early', 'confirmed', 'terminated'];

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const XML_BITS = ['<', '>', '&', '&amp;', '&lt;', '&#0;', '&#x202e;', '&#xD800;', '&unknown;', '"', "'", '<!--', '-->', '<![CDATA[', ']]>', '<?x?>', '<!DOCTYPE a>',
  '<!ENTITY e "x">', 'xmlns="urn:ietf:params:xml:ns:dialog-info"', '<dialog-info>', '</dialog-info>', '<dialog id="1">', '</dialog>', '<state>', 'confirmed', '</state>',
  '\u0000', '\u202e', '\ud800', '😀', ' ', '\n'];
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: codeUnit }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom(...XML_BITS), maxLength: 20 }),
);

/** Text that XML 1.0 can carry (escaped): no C0 controls but tab/CR/LF, no lone surrogates, no U+FFFE/FFFF. */
const xmlText = fc
  .oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: fc.constantFrom('\u202e', '\u200b', '\u2028', '\t', '\n', ' ', '😀', 'Bob', '<b>', '&', '"', "'"), maxLength: 12 }))
  // eslint-disable-next-line no-control-regex
  .map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

interface GenDialog {
  id: string | null;
  state: string;
  direction: string | null;
  display: string | null;
  uri: string;
  held: boolean;
}
const dialog: fc.Arbitrary<GenDialog> = fc.record({
  id: fc.option(xmlText, { nil: null }),
  state: fc.oneof(
    fc.constantFrom(...STATES).chain((s) => fc.constantFrom(s, s.toUpperCase(), ` ${s}\n`)),
    xmlText,
  ),
  direction: fc.option(fc.oneof(fc.constantFrom('initiator', 'recipient', 'INITIATOR', ' recipient '), xmlText), { nil: null }),
  display: fc.option(xmlText, { nil: null }),
  uri: fc.oneof(fc.constantFrom('sip:1002@phone.test', 'tel:+15550100', 'sips:x@y'), xmlText),
  held: fc.boolean(),
});
const document = fc.record({
  ns: fc.constantFrom(DIALOG_INFO_NS, ''),
  prefix: fc.constantFrom('', 'd:'),
  state: fc.constantFrom('full', 'partial', 'FULL', ' partial ', 'bogus'),
  version: fc.oneof(fc.nat().map(String), xmlText),
  dialogs: fc.array(dialog, { maxLength: 80 }),
});

function toXml(doc: ValueOf<typeof document>): string {
  const p = doc.ns ? doc.prefix : '';
  const xmlns = doc.ns ? ` xmlns${p ? `:${p.slice(0, -1)}` : ''}="${doc.ns}"` : '';
  const dialogs = doc.dialogs.map((d) => {
    const attrs = `${d.id === null ? '' : ` id="${esc(d.id)}"`}${d.direction === null ? '' : ` direction="${esc(d.direction)}"`}`;
    const display = d.display === null ? '' : ` display="${esc(d.display)}"`;
    const hold = d.held ? `<${p}local><${p}target uri="sip:x@y"><${p}param pname="+sip.rendering" pvalue="no"/></${p}target></${p}local>` : '';
    return `<${p}dialog${attrs}><${p}state>${esc(d.state)}</${p}state>${hold}<${p}remote><${p}identity${display}>${esc(d.uri)}</${p}identity></${p}remote></${p}dialog>`;
  });
  return `<?xml version="1.0"?>\n<${p}dialog-info${xmlns} version="${esc(doc.version)}" state="${doc.state}" entity="sip:1003@phone.test">${dialogs.join('\n')}</${p}dialog-info>`;
}

/** Whether a string is valid UTF-16 (no lone surrogates). */
const wellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

function checkShape(dialogs: readonly DialogEntry[]): void {
  expect(dialogs.length).to.be.at.most(MAX_DIALOGS);
  for (const d of dialogs) {
    expect(STATES).to.include(d.state);
    expect(d.id).to.be.a('string');
    expect(d.id.length).to.be.at.most(256);
    expect(d.held).to.be.a('boolean');
    if (d.direction !== undefined) expect(['initiator', 'recipient']).to.include(d.direction);
    if (d.peer !== undefined) {
      expect(d.peer).to.be.a('string');
      expect(d.peer.length).to.be.within(1, 40);
      // eslint-disable-next-line no-control-regex
      expect(d.peer).to.not.match(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/);
    }
  }
}

describe('dialog-info under generated input (fast-check)', () => {
  it('any body (any value, any string, huge) never throws; null or dialogs that render', () => {
    const body = fc.oneof(
      hostile,
      document.map(toXml),
      document.chain((d) => fc.tuple(fc.constant(toXml(d)), fc.nat(), hostile)).map(([xml, at, junk]) => xml.slice(0, at % (xml.length + 1)) + junk + xml.slice(at % (xml.length + 1))),
      fc.anything(),
      fc.constant(`<dialog-info xmlns="${DIALOG_INFO_NS}">${'<dialog><state>early</state></dialog>'.repeat(8000)}</dialog-info>`),
    );
    fc.assert(
      fc.property(body, (b) => {
        const doc = parseDialogInfo(b);
        if (!doc) return;
        expect(doc.full).to.be.a('boolean');
        if (doc.version !== undefined) expect(Number.isSafeInteger(doc.version) && doc.version >= 0).to.equal(true);
        checkShape(doc.dialogs);
        const lamp = lampOf(applyDialogInfo(new Map(), doc).values());
        expect(['idle', 'ringing', 'busy', 'held']).to.include(lamp.state);
      }),
      RUNS,
    );
  });

  it('a well-formed document is read: one entry per dialog with a known state, peers cleaned', () => {
    fc.assert(
      fc.property(document, (d) => {
        const doc = parseDialogInfo(toXml(d));
        expect(doc, 'well-formed documents are read').to.not.equal(null);
        const known = d.dialogs.slice(0, MAX_DIALOGS).filter((x) => STATES.includes(x.state.trim().toLowerCase()));
        expect(doc!.dialogs.map((x) => x.state)).to.deep.equal(known.map((x) => x.state.trim().toLowerCase()));
        expect(doc!.full).to.equal(d.state.trim().toLowerCase() !== 'partial');
        doc!.dialogs.forEach((entry, i) => {
          const source = known[i]!;
          expect(entry.held).to.equal(source.held);
          // XML normalises whitespace in attribute values to spaces.
          const id = source.id?.replace(/\r\n/g, '\n').replace(/[\t\n\r]/g, ' ');
          if (id) expect(entry.id).to.equal(id.slice(0, 256));
          const name = cleanText(source.display, 40);
          if (name) expect(entry.peer).to.equal(name);
          if (entry.peer !== undefined && wellFormed(source.display ?? '') && wellFormed(source.uri)) expect(wellFormed(entry.peer), 'no pair cut in half').to.equal(true);
        });
        checkShape(doc!.dialogs);
      }),
      RUNS,
    );
  });

  it('any sequence of documents keeps at most 64 dialogs, none terminated', () => {
    fc.assert(
      fc.property(fc.array(document, { minLength: 1, maxLength: 6 }), (docs) => {
        let dialogs: ReadonlyMap<string, DialogEntry> = new Map();
        for (const d of docs) {
          const doc = parseDialogInfo(toXml(d));
          if (doc) dialogs = applyDialogInfo(dialogs, doc);
        }
        expect(dialogs.size).to.be.at.most(MAX_DIALOGS);
        for (const entry of dialogs.values()) expect(entry.state).to.not.equal('terminated');
        expect(['idle', 'ringing', 'busy', 'held']).to.include(lampOf(dialogs.values()).state);
      }),
      RUNS,
    );
  });
});
