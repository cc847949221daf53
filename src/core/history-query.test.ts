import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FUZZ_SEED } from '../../test/fuzz-seed.js';
import { CSV_HEADER, csvField, historyCsv, historyMatcher } from './history-query.js';
import type { CallHistoryRecord } from './types.js';

const rec = (number: string, patch: Partial<CallHistoryRecord> = {}): CallHistoryRecord => ({
  id: number + Math.random(),
  direction: 'inbound',
  number,
  startedAt: 1_700_000_000_000,
  duration: 0,
  open: false,
  outcome: 'answered',
  ...patch,
});

describe('history-query', () => {
  it('matches by direction and missed; "recent" keeps the first call of each number', () => {
    expect(historyMatcher('all')).to.equal(undefined);
    expect(historyMatcher('outbound')!(rec('1', { direction: 'outbound' }))).to.equal(true);
    expect(historyMatcher('inbound')!(rec('1', { direction: 'outbound' }))).to.equal(false);
    expect(historyMatcher('missed')!(rec('1', { outcome: 'missed' }))).to.equal(true);
    expect(historyMatcher('missed')!(rec('1', { outcome: 'rejected' }))).to.equal(false);
    const recent = historyMatcher('recent')!;
    expect(['1', '2', '1', '3', '2'].map((n) => recent(rec(n)))).to.deep.equal([true, true, false, true, false]);
  });

  it('quotes fields and neutralises spreadsheet formulas', () => {
    expect(csvField('Bob')).to.equal('Bob');
    expect(csvField('Chen, Bob')).to.equal('"Chen, Bob"');
    expect(csvField('say "hi"')).to.equal('"say ""hi"""');
    expect(csvField('=1+1')).to.equal("'=1+1");
    expect(csvField('+1 555 0100')).to.equal("'+1 555 0100");
    expect(csvField(-3)).to.equal('-3');
    expect(csvField(undefined)).to.equal('');
  });

  it('never lets a field start a formula or break a row, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const f = csvField(s);
        const inner = f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f;
        expect(/^[=+\-@\t\r]/.test(inner)).to.equal(false);
        if (/[\r\n,]/.test(s)) expect(f.startsWith('"') && f.endsWith('"')).to.equal(true);
      }),
      { seed: FUZZ_SEED },
    );
  });

  it('reads the history page by page into one CSV', async () => {
    const pages = [[rec('1001', { name: 'Ann' })], [rec('1002')], [rec('1003', { cause: { code: 'busy', text: 'Busy (486)', sipCode: 486, by: 'remote' } })]];
    const froms: Array<string | undefined> = [];
    const csv = await historyCsv(async (from) => {
      froms.push(from);
      const i = from === undefined ? 0 : Number(from);
      return i + 1 < pages.length ? { records: pages[i]!, next: String(i + 1) } : { records: pages[i]! };
    });
    expect(froms).to.deep.equal([undefined, '1', '2']);
    const lines = csv.split('\r\n');
    expect(csv.startsWith(CSV_HEADER)).to.equal(true);
    expect(lines[1]).to.equal('2023-11-14T22:13:20.000Z,inbound,answered,Ann,1001,0,,');
    expect(lines[3]).to.equal('2023-11-14T22:13:20.000Z,inbound,answered,,1003,0,Busy (486),486');
  });
});
