import { expect } from '@open-wc/testing';
import { CallHistoryStore } from './call-history-store.js';
import type { CallHistoryRecord } from '../core/types.js';

let n = 0;
const account = () => `sip:s${Date.now().toString(36)}${n++}@phone.test`;
const rec = (i: number): CallHistoryRecord => ({
  id: `c${i}`,
  direction: i % 3 ? 'outbound' : 'inbound',
  number: String(1000 + i),
  startedAt: 1_700_000_000_000 + i * 1000,
  duration: 0,
  open: false,
  outcome: 'answered',
});

async function filled(count: number): Promise<CallHistoryStore> {
  const store = new CallHistoryStore(account());
  await Promise.all(Array.from({ length: count }, (_, i) => store.put(rec(i))));
  return store;
}

describe('CallHistoryStore', () => {
  it('keeps only the newest calls when pruned, whatever the count', async () => {
    const store = await filled(50);
    await store.prune(10);
    expect(await store.count()).to.equal(10);
    expect((await store.latest(20)).map((r) => r.id)).to.deep.equal(Array.from({ length: 10 }, (_, i) => `c${49 - i}`));
    await store.prune(100);
    expect(await store.count()).to.equal(10);
  });

  it('scans newest first with a filter, stopping after maxScan records and going on from `next`', async () => {
    const store = await filled(30);
    const inbound = (r: CallHistoryRecord) => r.direction === 'inbound';
    const first = await store.scan(100, { match: inbound, maxScan: 12 });
    expect(first.records.map((r) => r.id)).to.deep.equal(['c27', 'c24', 'c21', 'c18']);
    expect(first.next).to.be.a('string');
    const rest = await store.scan(100, { match: inbound, from: first.next! });
    expect(rest.records.map((r) => r.id)).to.deep.equal(['c15', 'c12', 'c9', 'c6', 'c3', 'c0']);
    expect(rest.next).to.equal(undefined);
    const page = await store.scan(5);
    expect(page.records).to.have.length(5);
    expect((await store.scan(100, { from: page.next! })).records[0]!.id).to.equal('c24');
  });
});
