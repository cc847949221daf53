// The BLF panel end to end, through the real Kamailio: lamps that follow real
// calls between other phones (presence_dialoginfo + pua_dialoginfo), keys that
// call and transfer, the voicemail badge from a real message-summary PUBLISH
// (presence_mwi), DND from the panel, and contacts kept per account across
// reloads. Peers are bare JsSIP pages; Alice (1001) is the widget with the
// panel (test/e2e/pages/blf-panel.html).
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { activationUrl, startBed, waitFor } from './bed.mjs';
import { publishPresence, publishVoicemail } from './blf-publish.mjs';

const PAGE = 'blf-panel.html';

describe('BLF panel', () => {
  let bed;
  before(async () => {
    bed = await startBed();
  });
  after(() => bed?.close());
  // Kamailio keeps a dialog whose page just closed until it times out, and the
  // lamps of later tests would show it: every call ends with a BYE first.
  const opened = [];
  afterEach(async () => {
    await Promise.all(
      opened.splice(0).map((p) =>
        p.page
          .evaluate(() => {
            window.peer?.ua?.stop();
            document.querySelector('phone-widget')?.session.stop();
          })
          .catch(() => undefined),
      ),
    );
    await new Promise((r) => setTimeout(r, 300));
    await bed.closePhones();
  });
  const track = async (p) => (opened.push(await p), opened.at(-1));
  const peer = (user, options) => track(bed.peer(user, options));
  const alice = (extra = {}) => track(bed.phone('1001', { page: PAGE, extra }));
  const panelOf = (phone) => phone.page.locator('phone-blf-panel');
  /** The key of an extension, found by its accessible name ("Carol, 1003, idle"). */
  const key = (phone, label, ext) => panelOf(phone).getByRole('button', { name: new RegExp(`^${label}, ${ext}, `) });

  async function waitLamp(phone, label, ext, state, timeout = 25000) {
    const k = key(phone, label, ext);
    await waitFor(async () => (await k.getAttribute('state')) === state, {
      timeout,
      message: `${label}'s lamp ${state} (now ${await k.getAttribute('state').catch(() => '?')})`,
    });
    const name = await k.getAttribute('aria-label');
    assert.match(name, new RegExp(`^${label}, ${ext}, ${state === 'held' ? 'on hold' : state}`), 'the state is in the accessible name');
    assert.match(await k.innerText(), new RegExp(state === 'held' ? 'on hold' : state), 'and in the text');
  }

  it('a lamp goes idle → ringing → busy → idle as two other phones call and hang up', async () => {
    const [bob, carol, a] = await Promise.all([peer('1002'), peer('1003'), alice()]);
    await waitLamp(a, 'Carol', '1003', 'idle');
    await waitLamp(a, 'Bob', '1002', 'idle');
    await bob.run((p) => p.call('1003'));
    await waitLamp(a, 'Carol', '1003', 'ringing');
    // Bob places the call: his own lamp says busy, not ringing.
    await waitLamp(a, 'Bob', '1002', 'busy');
    await carol.waitEvent('incoming');
    await carol.run((p) => p.answer());
    await waitLamp(a, 'Carol', '1003', 'busy');
    await bob.run((p) => p.hangup());
    await waitLamp(a, 'Carol', '1003', 'idle');
    await waitLamp(a, 'Bob', '1002', 'idle');
  });

  it('a click on a key calls its extension', async () => {
    const [carol, a] = await Promise.all([peer('1003', { autoAnswer: true }), alice()]);
    await waitLamp(a, 'Carol', '1003', 'idle');
    await key(a, 'Carol', '1003').click();
    const incoming = await carol.waitEvent('incoming');
    assert.equal(incoming.from, '1001');
    await a.waitStatus('In call');
    await carol.waitAudioFlowing();
  });

  it('a click during a call transfers it (blind): the far end ends up with the key’s extension', async () => {
    const [bob, carol, a] = await Promise.all([peer('1002', { autoAnswer: true }), peer('1003', { autoAnswer: true }), alice()]);
    await a.dial('1002');
    await bob.waitEvent('accepted');
    await a.waitStatus('In call');
    await waitLamp(a, 'Carol', '1003', 'idle');
    await key(a, 'Carol', '1003').click();
    const refer = await bob.waitEvent('refer');
    assert.match(refer.target, /^sip:1003@phone\.test/);
    assert.equal(refer.replaces, false);
    const incoming = await carol.waitEvent('incoming');
    assert.equal(incoming.from, '1002', 'Carol gets Bob');
    await carol.waitAudioFlowing();
    await bob.waitAudioFlowing();
    await a.waitStatus('Ready');
    await waitLamp(a, 'Bob', '1002', 'busy');
    await waitLamp(a, 'Carol', '1003', 'busy');
  });

  it('the directory shows who is on the phone and calls the one clicked', async () => {
    const [bob, carol, dave, a] = await Promise.all([peer('1002'), peer('1003', { autoAnswer: true }), peer('1004', { autoAnswer: true }), alice({ 'blf-view': 'directory' })]);
    await a.page.evaluate(() => {
      document.querySelector('phone-blf-panel').directory = [
        { extension: '1002', name: 'Bob Stone', department: 'Support' },
        { extension: '1003', name: 'Carol Ng', department: 'Sales' },
        { extension: '1004', name: 'Dave Jones', department: 'Sales' },
      ];
    });
    const row = (name) => panelOf(a).getByRole('button', { name: new RegExp(`^${name}, `) });
    await waitFor(async () => (await row('Carol Ng').getAttribute('aria-label')) === 'Carol Ng, 1003, Sales, available', { message: 'Carol available' });
    await bob.run((p) => p.call('1003'));
    await waitFor(async () => (await row('Carol Ng').getAttribute('aria-label')) === 'Carol Ng, 1003, Sales, busy', { message: 'Carol busy' });
    await panelOf(a).getByRole('searchbox', { name: 'Search the directory' }).fill('dave');
    assert.equal(await row('Carol Ng').count(), 0);
    await row('Dave Jones').click();
    const incoming = await dave.waitEvent('incoming');
    assert.equal(incoming.from, '1001');
    await carol.waitAudioFlowing();
  });

  it('with presence, shows what a PIDF PUBLISH says, and a call beats it', async () => {
    const [bob, carol, a] = await Promise.all([peer('1002'), peer('1003', { autoAnswer: true }), alice({ 'blf-view': 'directory', 'blf-presence': '' })]);
    await a.page.evaluate(() => {
      document.querySelector('phone-blf-panel').directory = [{ extension: '1003', name: 'Carol Ng', department: 'Sales' }];
    });
    const carolRow = panelOf(a).getByRole('button', { name: /^Carol Ng, / });
    const says = (words) => waitFor(async () => (await carolRow.getAttribute('aria-label')) === `Carol Ng, 1003, Sales, ${words}`, { timeout: 25000, message: `Carol ${words}` });
    await says('available');
    // Presence subscriptions are in place once the lamp is: give Kamailio a moment, then publish.
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await publishPresence(bed.sip.wsUrl, '1003', 'closed'), 200);
    await says('offline');
    assert.equal(await carol.run((p) => p.ua.isRegistered()), true, 'Carol is still registered: offline comes from her presence');
    // A second publication (another device of Carol's) is open and away: Kamailio aggregates both, open wins.
    assert.equal(await publishPresence(bed.sip.wsUrl, '1003', 'open', 'away'), 200);
    await says('away');
    assert.match(await carolRow.innerText(), /away/);
    await bob.run((p) => p.call('1003'));
    await says('busy');
    await bob.run((p) => p.hangup());
    await says('away');
  });

  it('shows the voicemail count a message-summary PUBLISH sets, and a click dials the voicemail code', async () => {
    const a = await alice();
    const vm = panelOf(a).locator('[part="voicemail"]');
    await waitFor(async () => (await vm.getAttribute('aria-label')) === 'Voicemail', { message: 'voicemail button' });
    // The panel's SUBSCRIBE must be in place before the PUBLISH for the NOTIFY to reach it.
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await publishVoicemail(bed.sip.wsUrl, '1001', 2), 200);
    await waitFor(async () => (await vm.getAttribute('aria-label')) === 'Voicemail, 2 new messages', { message: 'badge 2' });
    assert.equal(await vm.locator('[part="badge"]').innerText(), '2');
    assert.equal(await publishVoicemail(bed.sip.wsUrl, '1001', 0, 2), 200);
    await waitFor(async () => (await vm.getAttribute('aria-label')) === 'Voicemail, no new messages', { message: 'badge cleared' });
    assert.equal(await vm.locator('[part="badge"]').count(), 0);
    // The host page heard the same counts, once per change.
    const heard = await a.page.evaluate(() => window.phoneEvents.filter((e) => e.type === 'phone-voicemail').map((e) => [e.detail.waiting, e.detail.newMessages, e.detail.oldMessages]));
    assert.deepEqual(heard.slice(-2), [
      [true, 2, 0],
      [false, 0, 2],
    ]);

    await vm.click();
    // No mailbox here: Kamailio answers 404 for *97, and the call card says so.
    const ended = a.page.locator('phone-call-card [part="ended"]');
    await waitFor(async () => /Call to \*97 failed: Not found \(404\)/.test(await ended.innerText()), { message: 'Not found (404) for *97' });
    const recent = await a.page.evaluate(() => document.querySelector('phone-widget').session.state.recent[0]);
    assert.equal(recent.number, '*97');
    assert.equal(recent.cause.sipCode, 404);
  });

  it('dials the voicemail code to the mailbox when one answers there', async () => {
    // A peer registered as the code (1008 stands in for a voicemail server).
    const [mailbox, a] = await Promise.all([peer('1008', { autoAnswer: true }), alice({ 'blf-voicemail-code': '1008' })]);
    await panelOf(a).getByRole('button', { name: /^Voicemail/ }).click();
    const incoming = await mailbox.waitEvent('incoming');
    assert.equal(incoming.from, '1001');
    await mailbox.waitAudioFlowing();
  });

  it('DND toggled in the panel rejects calls with 486', async () => {
    const [bob, a] = await Promise.all([peer('1002'), alice()]);
    const dnd = panelOf(a).getByRole('button', { name: 'Do not disturb' });
    await dnd.click();
    assert.equal(await dnd.getAttribute('aria-pressed'), 'true');
    await bob.run((p) => p.call('1001'));
    const failed = await bob.waitEvent('failed');
    assert.equal(failed.code, 486);
    await dnd.click();
    assert.equal(await dnd.getAttribute('aria-pressed'), 'false');
    await bob.run((p) => p.call('1001'));
    await a.page.getByRole('button', { name: 'Answer', exact: true }).waitFor();
  });

  it('keeps contacts across a reload, and apart per account', async () => {
    const a = await alice({ 'blf-view': 'contacts' });
    const panel = panelOf(a);
    await panel.getByRole('button', { name: 'New contact' }).click();
    await panel.getByLabel('First name').fill('Zoe');
    await panel.getByLabel('Last name').fill('Adams');
    await panel.getByLabel('Number 1', { exact: true }).fill('+1 555 0100');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByText('Contact created.').waitFor();
    const zoe = () => panel.getByRole('button', { name: /^Zoe Adams/ });

    const url = (user) => activationUrl(bed.http.url, user, { page: PAGE, extra: { 'blf-view': 'contacts' } });
    await a.page.goto(url('1001'));
    await a.waitStatus('Ready');
    await zoe().click();
    await panel.getByRole('heading', { name: 'Zoe Adams' }).waitFor();

    await a.page.goto(url('1002'));
    await a.waitStatus('Ready');
    await panel.getByText('No contacts yet.').waitFor();
    assert.equal(await zoe().count(), 0, "1002 does not see 1001's contacts");

    await a.page.goto(url('1001'));
    await a.waitStatus('Ready');
    await zoe().waitFor();
  });

  it('lamps come back after the server restarts', async () => {
    const [bob, carol, a] = await Promise.all([peer('1002'), peer('1003', { autoAnswer: true }), alice()]);
    await waitLamp(a, 'Carol', '1003', 'idle');
    await bed.sip.restart();
    await waitLamp(a, 'Carol', '1003', 'unknown', 15000);
    await a.waitStatus('Ready', 30000);
    // The peers register again by themselves too; then a call lights the lamp once more.
    await waitFor(async () => (await bob.run((p) => p.ua.isRegistered())) && (await carol.run((p) => p.ua.isRegistered())), {
      timeout: 30000,
      message: 'peers registered again',
    });
    await waitLamp(a, 'Carol', '1003', 'idle', 15000);
    await bob.run((p) => p.call('1003'));
    await waitLamp(a, 'Carol', '1003', 'busy');
  });
});
