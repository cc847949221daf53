// The host page's side: two independent phones on one page, driven only by
// the public methods (dial, answer, hangup) and heard through the public events.
import { after, afterEach, before, describe, it } from 'node:test';
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

describe('host page API: CRM and iframe', () => {
  let bed;
  let others = [];
  before(async () => {
    bed = await startBed();
    const { startStaticServer } = await import('../../demo/static-server.mjs');
    others = await Promise.all([startStaticServer({ port: 8002 }), startStaticServer({ port: 8003 })]);
  });
  after(async () => {
    await Promise.all(others.map((s) => s.close()));
    await bed?.close();
  });
  afterEach(() => bed.closePhones());

  it('lets the page veto or rewrite a dial, dials tel:/sip: links, and passes asked-for headers on incoming calls', async () => {
    const bob = await bed.peer('1002', { autoAnswer: true });
    const alice = await bed.open(`${bed.http.url}/test/e2e/pages/crm.html?username=1001&password=pass1001`);
    await alice.waitStatus('Ready');
    const vetoed = await alice.page.evaluate(() => document.querySelector('phone-widget').dial('1999'));
    assert.deepEqual(vetoed, { ok: false, message: 'The call to 1999 was stopped by the page.' });
    await alice.page.click('#tel');
    await bob.waitEvent('incoming', (e) => e.from === '1001');
    assert.equal(new URL(alice.page.url()).pathname, '/test/e2e/pages/crm.html', 'the page did not navigate');
    const requests = (await alice.events('phone-dial-request')).map((e) => e.detail.target);
    assert.deepEqual(requests, ['1999', 'tel:+1 (002) 1002']);
    await alice.waitText('Connected');
    await alice.page.evaluate(() => document.querySelector('phone-widget').hangup());
    await alice.waitStatus('Ready');

    // Typing in the page's own input does not reach the phone's shortcuts.
    await alice.page.fill('#notes', '123');
    assert.equal(await alice.page.getByRole('combobox', { name: 'Number to call' }).inputValue(), '');

    await bob.run((p) => p.call('1001', ['X-Customer-Id: 4711-<b>vip</b>']));
    await alice.waitText('Incoming call');
    const incoming = (await alice.events('phone-incoming')).at(-1).detail;
    assert.deepEqual(incoming.headers, { 'X-Customer-Id': '4711-<b>vip</b>' });
  });

  it('runs in an iframe: commands and events pass for the allowed origin only', async () => {
    const bob = await bed.peer('1002', { autoAnswer: true });
    const framed = `http://127.0.0.1:8002/test/e2e/pages/framed.html?username=1001&password=pass1001`;
    const good = await bed.open(`${bed.http.url}/test/e2e/pages/parent.html?src=${encodeURIComponent(framed)}`);
    await waitFor(() => good.page.evaluate(() => window.received.some((m) => m.data.type === 'phone-status' && m.data.detail.status === 'ready')), {
      message: 'phone-status ready posted to the allowed parent',
    });
    await good.page.evaluate(() => window.command('dial', ['1002'], 'c1'));
    await bob.waitEvent('incoming', (e) => e.from === '1001');
    const result = await waitFor(() => good.page.evaluate(() => window.received.find((m) => m.data.type === 'phone-command-result' && m.data.id === 'c1')), {
      message: 'command result',
    });
    assert.equal(result.data.result.ok, true);
    assert.equal(result.origin, 'http://127.0.0.1:8002');
    await waitFor(() => good.page.evaluate(() => window.received.some((m) => m.data.type === 'phone-call-start')), { message: 'phone-call-start posted' });
    await good.page.evaluate(() => window.command('hangup', [], 'c2'));
    await bob.waitEvent('ended');

    // A parent on another origin: its commands are refused and it hears nothing.
    const bad = await bed.open(`http://127.0.0.1:8003/test/e2e/pages/parent.html?src=${encodeURIComponent(framed.replace('1001', '1004').replace('pass1001', 'pass1004'))}`);
    const status = bad.page.frameLocator('#phone').locator('phone-widget [part=status]');
    await waitFor(async () => (await status.innerText({ timeout: 1000 })) === 'Ready', { message: 'framed phone Ready' });
    await bad.page.evaluate(() => window.command('dial', ['1002'], 'evil'));
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal((await bob.events('incoming')).filter((e) => e.from === '1004').length, 0, 'no call placed');
    assert.deepEqual(await bad.page.evaluate(() => window.received), [], 'no events or results delivered');
  });
});
