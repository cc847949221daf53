// Registration and one-click activation, end to end through the local Kamailio.
import { after, before, afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startBed, activationUrl } from './bed.mjs';

describe('registration and activation', () => {
  let bed;
  before(async () => {
    bed = await startBed();
  });
  after(() => bed?.close());
  afterEach(() => bed.closePhones());

  it('registers with digest auth from an any-server link and takes the credentials out of the address bar', async () => {
    const phone = await bed.phone('1001');
    const href = await phone.page.evaluate(() => location.href);
    assert.ok(!href.includes('pass1001'), href);
    assert.ok(!/[?&](password|identity|server|authentication|display)=/.test(href), href);
    assert.ok(href.includes('keep=me'), 'other parameters are kept');
    assert.ok((await phone.text()).includes('Alice · 1001'));
    const statuses = (await phone.events('phone-status')).map((e) => e.detail.text);
    assert.deepEqual(statuses.slice(-2), ['Connecting…', 'Ready']);
  });

  it('registers from a fixed-server link (username + password against the page domain)', async () => {
    const phone = await bed.phone('1002', { form: 'fixed' });
    assert.ok(!(await phone.page.evaluate(() => location.href)).includes('pass1002'));
    assert.ok((await phone.text()).includes('1002'));
  });

  it('registers over wss with the self-signed certificate', async () => {
    await bed.phone('1003', { server: 'wss://127.0.0.1:8443' });
  });

  it('says Disconnected: wrong user name or password, and fires phone-error', async () => {
    const phone = await bed.phone('1004', { password: 'not-the-password', ready: false });
    await phone.waitStatus('Disconnected');
    await phone.waitText('Wrong user name or password');
    const errors = await phone.events('phone-error');
    assert.equal(errors.at(-1).detail.code, 'registration');
    const everything = JSON.stringify(await phone.events()) + phone.console.join('\n') + (await phone.page.content());
    assert.ok(!everything.includes('not-the-password'), 'the password is in no event, log or DOM');
  });

  it('says the server is unreachable, in words', async () => {
    const phone = await bed.phone('1005', { server: 'ws://127.0.0.1:9', ready: false });
    await phone.waitStatus('Disconnected');
    await phone.waitText('Server unreachable');
  });

  it('fails over to the next server when the first one is down', async () => {
    const phone = await bed.phone('1006', { server: 'ws://127.0.0.1:9,ws://127.0.0.1:8080', ready: false });
    await phone.waitStatus('Ready', 15000);
  });

  it('traces SIP when asked, and the password appears in no log', async () => {
    const phone = await bed.phone('1006', { page: 'trace.html' });
    assert.ok(phone.console.some((line) => line.includes('JsSIP:Transport')), 'SIP tracing is on');
    assert.ok(phone.console.some((line) => line.includes('REGISTER sip:phone.test')), 'the REGISTER is traced');
    assert.ok(!phone.console.some((line) => line.includes('pass1006')), 'no password in the trace');
  });

  it('refuses a javascript: server with a visible message, throwing nothing into the page', async () => {
    const phone = await bed.phone('1005', { server: 'javascript:alert(1)', ready: false });
    await phone.waitText('is not a server address');
    const errors = await phone.events('phone-error');
    assert.equal(errors[0].detail.code, 'bad-server');
    assert.ok(!phone.console.some((l) => l.startsWith('pageerror')), phone.console.join('\n'));
  });

  it('mounts a floating phone by itself on a page that has none', async () => {
    const phone = await bed.open(activationUrl(bed.http.url, '1006', { page: 'blank.html' }));
    await phone.waitStatus('Ready');
    assert.equal(await phone.page.locator('phone-widget').getAttribute('floating'), '');
    assert.equal(await phone.page.evaluate(() => document.querySelectorAll('phone-widget').length), 1);
    const globals = await phone.page.evaluate(() => {
      // Compare with a clean window of the same page origin.
      const frame = document.createElement('iframe');
      document.body.append(frame);
      const clean = new Set(Object.getOwnPropertyNames(frame.contentWindow));
      frame.remove();
      return Object.getOwnPropertyNames(window).filter((k) => !clean.has(k));
    });
    assert.deepEqual(globals.filter((k) => k !== 'phoneEvents'), [], 'no globals beyond the element definitions');
  });

  it('goes Disconnected and back to Ready by itself when Kamailio is killed and restarted', async () => {
    const phone = await bed.phone('1007');
    await bed.sip.kill();
    await phone.waitStatus('Disconnected');
    await phone.waitText('Connection to the server lost');
    await bed.sip.restart();
    await phone.waitStatus('Ready', 20000);
    const statuses = (await phone.events('phone-status')).map((e) => e.detail.status);
    assert.deepEqual(statuses.slice(-2), ['disconnected', 'ready']);
  });
});
