// The host page's side: two independent phones on one page, driven only by
// the public methods (dial, answer, hangup) and heard through the public events.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startBed, waitFor } from './bed.mjs';

describe('host page API', () => {
  let bed;
  before(async () => {
    bed = await startBed();
  });
  after(() => bed?.close());

  it('runs two phones with different accounts on one page, calling each other through the public methods', async () => {
    const phone = await bed.open(`${bed.http.url}/test/e2e/pages/two-phones.html`);
    const { page } = phone;
    const status = (id) => page.locator(`#${id} [part=status]`).innerText();
    await waitFor(async () => (await status('alice')) === 'Ready' && (await status('bob')) === 'Ready', { message: 'both Ready' });
    assert.equal(await page.evaluate(() => document.querySelectorAll('[password]').length), 0, 'password attributes removed');

    const dial = await page.evaluate(() => document.getElementById('alice').dial('1002'));
    assert.equal(dial.ok, true);
    await waitFor(() => page.evaluate(() => window.phoneEvents.some((e) => e.type === 'phone-incoming')), { message: 'phone-incoming' });
    const incoming = await page.evaluate(() => window.phoneEvents.find((e) => e.type === 'phone-incoming').detail);
    assert.equal(incoming.remote.number, '1001');
    assert.equal(incoming.remote.name, 'Alice');

    await page.evaluate(() => document.getElementById('bob').answer());
    const stats = (id) => page.evaluate((i) => document.getElementById(i).session.stats(), id);
    await waitFor(async () => (await stats('alice'))?.bytesReceived > 2000 && (await stats('bob'))?.bytesReceived > 2000, { message: 'audio both ways' });
    assert.equal(await status('alice'), 'In call');

    await page.evaluate(() => document.getElementById('bob').hangup());
    await waitFor(async () => (await status('alice')) === 'Ready' && (await status('bob')) === 'Ready', { message: 'both back to Ready' });
    const ends = await page.evaluate(() => window.phoneEvents.filter((e) => e.type === 'phone-call-end').map((e) => e.detail));
    assert.deepEqual(ends.map((e) => [e.direction, e.remote.number, e.cause.by]).sort(), [['inbound', '1001', 'local'], ['outbound', '1002', 'remote']]);

    const refused = await page.evaluate(() => document.getElementById('alice').dial('not a number!'));
    assert.equal(refused.ok, false);
    assert.match(refused.message, /cannot be called|not a number/);
  });
});
