// One registration across the tabs of one browser, end to end: three tabs of
// one account leave one contact in Kamailio's location table, all three ring,
// answering in one stops the ringing in all, a follower hangs up, and when the
// elected tab closes another one registers within 5 s and takes calls.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startBed, waitFor } from './bed.mjs';

/** The contacts Kamailio has for `user` (what the server itself says). */
const contacts = (sip, user) => {
  try {
    const out = execFileSync('kamcmd', ['-s', `unix:${join(sip.dir, 'kamailio_ctl')}`, 'ul.dump'], { encoding: 'utf8', stdio: 'pipe' });
    const record = out.split(/\bAoR: /).find((part) => new RegExp(`^(sip:)?${user}\\b`).test(part));
    return record?.match(/Address:/g)?.length ?? 0;
  } catch {
    return 0;
  }
};

const role = (phone) => phone.page.evaluate(() => document.querySelector('phone-widget').session.tabRole);
const answerButtons = (phone) => phone.page.getByRole('button', { name: 'Answer', exact: true }).count();

describe('one registration across tabs', () => {
  let bed;
  before(async () => {
    bed = await startBed();
  });
  after(() => bed?.close());
  afterEach(() => bed.closePhones());

  it('three tabs register once, ring together, answer in one, hang up from another, and fail over when the elected tab closes', async () => {
    const context = await bed.browser.newContext();
    const tabs = [];
    for (let i = 0; i < 3; i++) tabs.push(await bed.phone('1001', { context }));
    const roles = await Promise.all(tabs.map(role));
    assert.deepEqual([...roles].sort(), ['follower', 'follower', 'leader']);
    await waitFor(() => contacts(bed.sip, '1001') === 1, { message: 'one contact for 1001' });
    // Stays one: the followers never register.
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(contacts(bed.sip, '1001'), 1);

    const leader = tabs[roles.indexOf('leader')];
    const second = tabs[1] === leader ? tabs[2] : tabs[1];
    const peer = await bed.peer('1002');
    await peer.run((p) => p.call('1001'));
    for (const tab of tabs) await tab.waitText('Incoming call');
    for (const tab of tabs) assert.equal(await answerButtons(tab), 1);

    await second.button('Answer').click();
    await peer.waitEvent('accepted');
    for (const tab of tabs) await tab.waitText('Connected');
    for (const tab of tabs) await waitFor(async () => (await answerButtons(tab)) === 0, { message: 'ringing stopped' });
    // The elected tab carries the media.
    await leader.waitAudioFlowing();
    await peer.waitAudioFlowing();
    for (const tab of tabs) {
      const events = (await tab.events('phone-incoming')).length;
      assert.equal(events, 1, 'every tab tells its page about the call');
    }

    const follower = tabs.find((t) => t !== leader && t !== second);
    await follower.button('Hang up').click();
    await peer.waitEvent('ended');
    for (const tab of tabs) await tab.waitText('Call with Bob ended');

    // The elected tab closes: another one registers within 5 s and takes a call.
    const closedAt = Date.now();
    await leader.page.close({ runBeforeUnload: true });
    const rest = tabs.filter((t) => t !== leader);
    const next = await waitFor(async () => {
      const now = await Promise.all(rest.map(role));
      return now.includes('leader') ? rest[now.indexOf('leader')] : null;
    }, { timeout: 5000, message: 'a new elected tab' });
    // Registered again by the new elected tab itself (it goes Connecting… when elected, Ready once registered).
    const status = () => next.page.evaluate(() => document.querySelector('phone-widget').session.state.status);
    await waitFor(async () => (await status()) === 'ready', { timeout: Math.max(500, 5000 - (Date.now() - closedAt)), interval: 50, message: 'registered again within 5 s' });
    assert.ok(Date.now() - closedAt < 5000);
    assert.equal(contacts(bed.sip, '1001'), 1);
    for (const tab of rest) await tab.waitStatus('Ready');

    await peer.run((p) => p.call('1001'));
    for (const tab of rest) await tab.waitText('Incoming call');
    const other = rest.find((t) => t !== next);
    await other.button('Answer').click();
    await next.waitText('Connected');
    await next.waitAudioFlowing();
    await peer.waitAudioFlowing();
    await next.button('Hang up').click();
    for (const tab of rest) await tab.waitText('Call with Bob ended');
  });

  it('another tab registers within 5 s when the elected tab crashes', async () => {
    const context = await bed.browser.newContext();
    const first = await bed.phone('1004', { context });
    const second = await bed.phone('1004', { context });
    assert.deepEqual([await role(first), await role(second)], ['leader', 'follower']);
    const cdp = await context.newCDPSession(first.page);
    const crashedAt = Date.now();
    // The crash never answers: do not wait for it.
    void cdp.send('Page.crash').catch(() => undefined);
    const status = () => second.page.evaluate(() => document.querySelector('phone-widget').session.state.status);
    await waitFor(async () => (await role(second)) === 'leader' && (await status()) === 'ready', { timeout: 5000, interval: 50, message: 'the other tab registered' });
    assert.ok(Date.now() - crashedAt < 5000);
    // The crashed tab's contact goes with its connection.
    await waitFor(() => contacts(bed.sip, '1004') === 1, { message: 'one contact for 1004' });
  });

  it("a follower tab's BLF lamps work through the elected tab's registration", async () => {
    const context = await bed.browser.newContext();
    const [bob, carol] = await Promise.all([bed.peer('1002'), bed.peer('1003', { autoAnswer: true })]);
    const first = await bed.phone('1005', { context, page: 'blf-panel.html' });
    const second = await bed.phone('1005', { context, page: 'blf-panel.html' });
    assert.equal(await role(second), 'follower');
    const lamp = (phone, label) =>
      phone.page.locator('phone-blf-panel').getByRole('button', { name: new RegExp(`^${label}, `) }).getAttribute('state');
    const waitLamp = (phone, label, state) => waitFor(async () => (await lamp(phone, label)) === state, { timeout: 20000, message: `${label} ${state}` });
    await waitLamp(second, 'Carol', 'idle');
    await bob.run((p) => p.call('1003'));
    await waitLamp(second, 'Carol', 'busy');
    await waitLamp(first, 'Carol', 'busy');
    await bob.run((p) => p.hangup());
    await waitLamp(second, 'Carol', 'idle');
    assert.equal(contacts(bed.sip, '1005'), 1);
    await Promise.all([bob, carol].map((p) => p.page.evaluate(() => window.peer.ua.stop())));
  });

  it('two phones of one account on one page: the second follows the first', async () => {
    const context = await bed.browser.newContext();
    const phone = await bed.phone('1003', { context });
    const counts = await phone.page.evaluate(async () => {
      const first = document.querySelector('phone-widget');
      const second = document.createElement('phone-widget');
      second.noUrlActivation = true;
      second.setAttribute('identity', first.session.state.account.identity);
      second.setAttribute('server', 'ws://127.0.0.1:8080');
      second.password = 'pass1003';
      document.body.append(second);
      for (let i = 0; i < 50 && second.session.tabRole !== 'follower'; i++) await new Promise((r) => setTimeout(r, 100));
      for (let i = 0; i < 50 && second.session.state.status !== 'ready'; i++) await new Promise((r) => setTimeout(r, 100));
      return [first.session.tabRole, second.session.tabRole, second.session.state.status];
    });
    assert.deepEqual(counts, ['leader', 'follower', 'ready']);
    assert.equal(contacts(bed.sip, '1003'), 1);
  });
});
