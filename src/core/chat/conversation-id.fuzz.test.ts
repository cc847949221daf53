// Property tests (fast-check) of conversation ids and the group headers
// (X-Conversation, X-Conversation-Name, X-Conversation-Members): they come
// from whoever messages us. Whatever they hold, reading never throws; ids never
// hold the storage separator "|"; names are short and clean; members are few
// and callable.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../../test/fuzz-seed.js';
import { parseDialTarget } from '../dial-target.js';
import { cleanLabel, directId, formatGroupName, formatMembers, groupIdFromHeader, parseGroupName, parseMembers } from './conversation-id.js';

const RUNS = { numRuns: 200, seed: FUZZ_SEED };
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const BITS = ['%', '%25', '%zz', '%E0%A4', '%7C', '|', ';', ';t=', 't=123', ',', '@', 'sip:', '1002', 'phone.test', ' ', '\u202e', '\u0000', '😀', 'A_b-9', 'Sales'];
const hostile = fc.oneof(fc.string(), fc.string({ unit: codeUnit }), fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom(...BITS), maxLength: 30 }));
/** Valid UTF-16 text (what a page, a person or a decoded header can hold). */
const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom(...BITS.filter((b) => b !== '\ud800')), maxLength: 30 }));
const domain = fc.oneof(fc.domain(), fc.constant('phone.test'));

describe('conversation ids under generated input (fast-check)', () => {
  it('directId: any valid text gives d:… without "|" or whitespace, the same whatever the case', () => {
    fc.assert(
      fc.property(text, (number) => {
        const id = directId(number);
        expect(id.startsWith('d:')).to.equal(true);
        expect(id).to.not.match(/[|\s]/);
        expect(directId(number.toLowerCase())).to.equal(id);
        expect(directId(` ${number}\t`)).to.equal(directId(number.trim()));
      }),
      RUNS,
    );
  });

  it('groupIdFromHeader: any header gives nothing or g:<8–64 URL-safe characters>', () => {
    fc.assert(
      fc.property(fc.option(fc.oneof(hostile, fc.stringMatching(/^\s?[A-Za-z0-9_-]{6,70}\s?$/)), { nil: undefined }), (value) => {
        const id = groupIdFromHeader(value);
        if (id !== undefined) expect(id).to.match(/^g:[A-Za-z0-9_-]{8,64}$/);
      }),
      RUNS,
    );
  });

  it('parseGroupName: any header never throws; a name is clean, at most 64 characters, with a whole time', () => {
    fc.assert(
      fc.property(fc.option(fc.oneof(hostile, fc.tuple(text, fc.nat()).map(([n, t]) => formatGroupName(n, t))), { nil: undefined }), (value) => {
        const g = parseGroupName(value);
        if (!g) return;
        expect(g.name).to.be.a('string').and.not.equal('');
        expect([...g.name].length).to.be.at.most(64);
        expect(g.name).to.not.match(UNSAFE);
        expect(Number.isSafeInteger(g.at) && g.at >= 0).to.equal(true);
      }),
      RUNS,
    );
  });

  it('formatGroupName → parseGroupName gives back the cleaned name and the time', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 1e14 }), (name, at) => {
        const clean = cleanLabel(name);
        const g = parseGroupName(formatGroupName(name, at));
        expect(g).to.deep.equal(clean ? { name: clean, at } : undefined);
      }),
      RUNS,
    );
  });

  it('parseMembers: any header never throws; at most 32 distinct, lower-case, callable members', () => {
    fc.assert(
      fc.property(fc.option(fc.oneof(hostile, fc.array(fc.oneof(text, fc.stringMatching(/^[0-9]{3,5}$/)), { maxLength: 50 }).map(formatMembers)), { nil: undefined }), domain, (value, dom) => {
        const members = parseMembers(value, dom);
        expect(members.length).to.be.at.most(32);
        expect(new Set(members).size).to.equal(members.length);
        for (const m of members) {
          expect(m).to.equal(m.toLowerCase());
          expect(m).to.not.include('|');
          expect(parseDialTarget(m, dom), m).to.not.equal(null);
        }
      }),
      RUNS,
    );
  });
});
