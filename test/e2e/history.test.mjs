// Call history in IndexedDB, end to end: kept across a reload, per account,
// and a tab closed mid-call still leaves its call.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startBed, activationUrl, waitFor } from './bed.mjs';

const recent = (phone) => phone.page.evaluate(() => document.querySelector('phone-widget').session.state.recent);
const stored = (page, account) =>
  page.evaluate(
    (db) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(db);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('records', 'readonly');
          const all = tx.objectStore('records').getAll();
          all.onsuccess = () => resolve(all.result);
        };
      }),
    `phone-widget:history:${account}`,
  );

describe('call history', () => {
  let bed;
  before(async () => {
    bed = await startBed();
  });
  after(() => bed?.close());
  afterEach(() => bed.closePhones());

  it('keeps calls of every kind across a reload, per account', async () => {
    const bob = await bed.peer('1002', { autoAnswer: true });
    const alice = await bed.phone('1001');
    await alice.dial('1002');
    await alice.waitText('Connected');
    await alice.button('Hang up').click();
    await alice.waitStatus('Ready');
    await alice.dial('1999');
    await alice.waitText('Not found (404)');
    await bob.run((p) => {
      p.options.autoAnswer = false;
      p.call('1001');
    });
    await alice.waitText('Incoming call');
    await alice.button('Reject').click();
    await alice.waitText('Missed call from Bob');

    // Reload with the same activation link: the history comes back from IndexedDB.
    await alice.page.goto(activationUrl(bed.http.url, '1001'));
    await alice.waitStatus('Ready');
    const calls = await waitFor(async () => {
      const r = await recent(alice);
      return r.length === 3 ? r : null;
    }, { message: 'three calls after reload' });
    assert.deepEqual(
      calls.map((c) => [c.direction, c.number, c.answered, c.cause.sipCode ?? null]),
      [
        ['inbound', '1002', false, null],
        ['outbound', '1999', false, 404],
        ['outbound', '1002', true, null],
      ],
    );
    const records = await stored(alice.page, 'sip:1001@phone.test');
    assert.deepEqual(records.map((r) => r.outcome).sort(), ['answered', 'failed', 'rejected']);

    // Another account on the same origin sees none of them.
    const other = await alice.context.newPage();
    await other.goto(activationUrl(bed.http.url, '1003'));
    await waitFor(async () => (await other.locator('phone-widget [part=status]').innerText()) === 'Ready', { message: '1003 Ready' });
    assert.deepEqual(await other.evaluate(() => document.querySelector('phone-widget').session.state.recent), []);
  });

  it('shows the calls in the History tab, filters missed calls, and calls back from a row', async () => {
    const bob = await bed.peer('1002');
    const alice = await bed.phone('1001');
    // A missed call: Bob rings, then gives up.
    await bob.run((p) => p.call('1001'));
    await alice.waitText('Incoming call');
    await bob.run((p) => p.hangup());
    await alice.waitText('Missed call from Bob');
    // An answered one.
    await bob.run((p) => (p.options.autoAnswer = true));
    await alice.dial('1002');
    await alice.waitText('Connected');
    await alice.button('Hang up').click();
    await alice.waitStatus('Ready');

    await alice.page.getByRole('tab', { name: 'History' }).click();
    const rows = alice.page.locator('phone-history li');
    await waitFor(async () => (await rows.count()) === 2, { message: 'two rows' });
    const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    assert.match(texts[0], /1002.*Outgoing/);
    assert.match(texts[1], /Bob.*Missed/);
    await alice.page.getByRole('button', { name: 'Missed', exact: true }).click();
    await waitFor(async () => (await rows.count()) === 1, { message: 'one missed row' });
    await alice.button('Call back Bob').click();
    await alice.waitText('Connected');
    assert.equal((await bob.run((p) => p.sessions.filter((s) => s.isEstablished()).length)), 1);
    await alice.button('Hang up').click();
  });

  it('a tab closed mid-call leaves its call in the history', async () => {
    await bed.peer('1002', { autoAnswer: true });
    const alice = await bed.phone('1001');
    await alice.dial('1002');
    await alice.waitText('Connected');
    const probe = await alice.context.newPage();
    await probe.goto(`${bed.http.url}/test/e2e/pages/blank.html`);
    await alice.page.close();
    const records = await stored(probe, 'sip:1001@phone.test');
    assert.equal(records.length, 1);
    assert.equal(records[0].number, '1002');
    assert.equal(records[0].direction, 'outbound');
  });
});
