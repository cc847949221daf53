// Property tests (fast-check) of vCard import and export: files come from
// anywhere (phones, CRMs, mail programs). Whatever a file holds, importing
// never throws and gives only clean contacts; what we export reads back the same.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../../test/fuzz-seed.js';
import { PHONE_KINDS, sanitizeDraft, type ContactDraft } from './contact.js';
import { MAX_VCARDS, parseVcards, toVcards } from './vcard.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const BITS = ['BEGIN:VCARD', 'END:VCARD', 'VERSION:3.0', 'N:', 'FN:', 'TEL;TYPE=CELL:', 'EMAIL:', 'ORG:', 'NOTE:', 'CATEGORIES:Favorites', 'item1.', ';', ':', ',', '\\',
  '\\n', '\\,', '"', '=', '=0D=0A', 'ENCODING=QUOTED-PRINTABLE', 'CHARSET=UTF-8', 'tel:', '%23', '\r\n', '\n', '\r', '\r\n ', '\r\n\t', ' ', 'a', 'Ann', '1002',
  '\u0000', '\u202e', '\ud800', '😀', 'é'];
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: codeUnit }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom(...BITS), maxLength: 60 }),
);

/** Cards as tools write them, with hostile values, random case, groups, folding and 2.1 quoted-printable. */
const line = fc.oneof(
  fc.tuple(fc.constantFrom('N', 'FN', 'ORG', 'NOTE', 'TEL', 'EMAIL', 'CATEGORIES', 'X-FAVORITE', 'tel', 'item1.TEL', 'PHOTO', 'ADR'), fc.constantFrom('', ';TYPE=CELL', ';TYPE="work,voice"', ';WORK;VOICE', ';ENCODING=QUOTED-PRINTABLE', ';VALUE=uri'), hostile).map(
    ([name, params, value]) => `${name}${params}:${value}`,
  ),
  hostile,
);
const card = fc.array(line, { maxLength: 12 }).map((lines) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD']);
const file = fc.tuple(fc.array(card, { maxLength: 6 }), fc.constantFrom('\r\n', '\n', '\r'), fc.boolean()).map(([cards, eol, fold]) => {
  const lines = cards.flat().map((l) => (fold && l.length > 20 ? `${l.slice(0, 20)}${eol} ${l.slice(20)}` : l));
  return lines.join(eol);
});

/** What a person can put in a contact: any text (the draft is cleaned as the app would). */
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: fc.constantFrom(...'abc XYZ éü,;:\\"\'-.=😀\t\n'), maxLength: 30 }));
const number = fc.stringMatching(/^\+?[0-9][0-9 ()*#-]{0,20}$/);
const draft = fc
  .record({
    firstName: text,
    lastName: text,
    company: text,
    phones: fc.array(fc.record({ number, kind: fc.constantFrom(...PHONE_KINDS) }), { maxLength: 4 }),
    emails: fc.array(fc.emailAddress(), { maxLength: 3 }),
    note: text,
    favorite: fc.boolean(),
  })
  .map((d) => sanitizeDraft(d))
  .filter((d): d is ContactDraft => d !== null);

/** What must survive any export: the characters that are dialled. (4.0 tel: URIs rewrite the visual separators.) */
const dialled = (c: ContactDraft) => ({ ...c, phones: c.phones.map((p) => ({ ...p, number: p.number.replace(/[^0-9+*#]/g, '') })) });

describe('vCard under generated input (fast-check)', () => {
  it('any file (any value, any string, broken cards) never throws; every contact is already clean', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, file, fc.anything()), (input) => {
        const { contacts, skipped } = parseVcards(input);
        expect(Number.isInteger(skipped) && skipped >= 0).to.equal(true);
        expect(contacts.length).to.be.at.most(MAX_VCARDS);
        for (const c of contacts) expect(sanitizeDraft(c)).to.deep.equal(c);
      }),
      RUNS,
    );
  });

  it('every card of a file is either a contact or counted as skipped', () => {
    // Cards here hold one physical line per property and no BEGIN/END lines of their own (those start and end cards).
    const single = (lines: string[]) => [
      lines[0]!,
      ...lines.slice(1, -1).map((l) => l.replace(/[\r\n]/g, ' ')).filter((l) => !/^\s*(BEGIN|END):VCARD\s*$/i.test(l)),
      lines[lines.length - 1]!,
    ];
    fc.assert(
      fc.property(fc.array(card.map(single), { maxLength: 8 }), fc.constantFrom('\r\n', '\n'), (cards, eol) => {
        const { contacts, skipped } = parseVcards(cards.flat().join(eol));
        expect(contacts.length + skipped).to.equal(cards.length);
      }),
      RUNS,
    );
  });

  for (const version of ['3.0', '4.0'] as const) {
    it(`any contact exported as vCard ${version} imports back the same`, () => {
      fc.assert(
        fc.property(fc.array(draft, { minLength: 1, maxLength: 4 }), (drafts) => {
          const exported = toVcards(drafts, version);
          for (const l of exported.split('\r\n')) expect(l.length, 'folded at 75').to.be.at.most(75);
          const imported = parseVcards(exported);
          expect(imported.skipped).to.equal(0);
          if (version === '3.0') expect(imported.contacts).to.deep.equal(drafts);
          else expect(imported.contacts.map(dialled)).to.deep.equal(drafts.map(dialled));
        }),
        RUNS,
      );
    });
  }

  // Was a bug: reading took time quadratic in the number of quoted-printable
  // soft line breaks (the growing logical line was scanned again for each
  // piece). logicalLines now reads each line's encoding once and joins once.
  it('reading a file is linear in its length, even with many soft line breaks', () => {
    const file = (lines: number) =>
      `BEGIN:VCARD\r\nNOTE;ENCODING=QUOTED-PRINTABLE:${'a'.repeat(20)}=\r\n${`${'b'.repeat(20)}=\r\n`.repeat(lines)}c\r\nFN:x\r\nEND:VCARD\r\n`;
    const time = (text: string) => {
      const t = performance.now();
      expect(parseVcards(text).contacts).to.have.length(1);
      return performance.now() - t;
    };
    time(file(1000));
    // The fastest of three runs each, so a busy machine does not decide the verdict.
    const best = (lines: number) => Math.min(time(file(lines)), time(file(lines)), time(file(lines)));
    const small = Math.max(best(4000), 1);
    const big = best(32000);
    // Linear: about 8 times longer for 8 times the lines; quadratic: about 64.
    expect(big / small, `${small.toFixed(0)} ms for 4000 lines, ${big.toFixed(0)} ms for 32000`).to.be.below(30);
    expect(big).to.be.below(500);
  });
});
