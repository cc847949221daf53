// In-call control end to end: hold/resume with media, a refused hold that
// never drops the call, DTMF both ways of sending, DND, auto-answer, call
// waiting and the keyboard. The far ends are bare JsSIP peers (no widget code).
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startBed, waitFor } from './bed.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('call control', () => {
  let bed;
  before(async () => {
    bed = await startBed();
  });
  after(() => bed?.close());
  afterEach(() => bed.closePhones());

  /** The widget 1001 in a connected call with the peer 1002 (auto-answering). */
  async function connected(peerOptions = {}) {
    const peer = await bed.peer('1002', { autoAnswer: true, ...peerOptions });
    const alice = await bed.phone('1001');
    await alice.dial('1002');
    await alice.waitText('Connected');
    await alice.waitAudioFlowing();
    return { alice, peer };
  }

  const received = async (phone, ms) => {
    const before = (await phone.stats()).bytesReceived;
    await sleep(ms);
    return (await phone.stats()).bytesReceived - before;
  };

  it('holds and resumes by re-INVITE: the peer sees the hold and the audio stops and comes back', async () => {
    const { alice, peer } = await connected();
    await alice.button('Hold').click();
    await alice.waitText('On hold');
    await peer.waitEvent('hold', (e) => e.originator === 'remote');
    await sleep(500);
    assert.ok((await received(alice, 1500)) < 500, 'nothing comes back while on hold (the peer sends nothing)');
    assert.equal(await alice.button('Resume').getAttribute('aria-pressed'), 'true');
    await alice.button('Resume').click();
    await alice.waitText('Connected');
    await peer.waitEvent('unhold', (e) => e.originator === 'remote');
    await waitFor(async () => (await received(alice, 1000)) > 2000, { message: 'audio back after Resume' });
  });

  it('retries a hold refused with 491 (glare) and gets there', async () => {
    const { alice, peer } = await connected({ reinviteReplies: [491] });
    await alice.button('Hold').click();
    await alice.waitText('On hold', 10000);
    const reinvites = await peer.events('reinvite');
    assert.deepEqual(reinvites.map((e) => e.replied), [491, 200]);
  });

  it('keeps the call when the far end refuses the hold (488), and says so', async () => {
    const { alice, peer } = await connected({ reinviteReplies: [488] });
    await alice.button('Hold').click();
    await alice.waitText('Could not hold the call (488)');
    await alice.waitText('Connected');
    assert.equal((await peer.events('ended')).length, 0, 'the peer saw no BYE');
    await waitFor(async () => (await received(alice, 1000)) > 2000, { message: 'audio still flowing' });
    await alice.button('Hold').click();
    await alice.waitText('On hold');
  });

  it('sends DTMF by RFC 4733 in the audio: the sender plays each tone out', async () => {
    const { alice } = await connected();
    await alice.page.evaluate(() => {
      window.tonesPlayed = [];
      const insert = RTCDTMFSender.prototype.insertDTMF;
      RTCDTMFSender.prototype.insertDTMF = function (...args) {
        if (!this.__watched) {
          this.__watched = true;
          this.addEventListener('tonechange', (e) => e.tone && window.tonesPlayed.push(e.tone));
        }
        return insert.apply(this, args);
      };
    });
    await alice.button('Keypad').click();
    for (const key of ['5', '#', '1']) {
      await alice.page.getByRole('group', { name: /^Keypad for/ }).getByRole('button', { name: key, exact: true }).click();
    }
    await waitFor(async () => (await alice.page.evaluate(() => window.tonesPlayed.join(''))) === '5#1', { message: 'tones 5#1 played out' });
    await alice.waitText('5#1');
  });

  it('sends DTMF by SIP INFO when set so: the peer receives each digit', async () => {
    const { alice, peer } = await connected();
    await alice.set({ dtmfMode: 'info' });
    await alice.page.keyboard.press('7');
    await alice.page.keyboard.press('*');
    await waitFor(async () => (await peer.events('dtmf')).map((e) => e.tone).join('') === '7*', { message: 'INFO DTMF 7* at the peer' });
  });

  it('the keyboard answers (Enter), mutes (M), holds (H) and hangs up (Escape)', async () => {
    const peer = await bed.peer('1002');
    const alice = await bed.phone('1001');
    await peer.run((p) => p.call('1001'));
    await alice.waitText('Incoming call');
    await alice.page.locator('body').click({ position: { x: 1, y: 1 } });
    await alice.page.keyboard.press('Enter');
    await alice.waitText('Connected');
    await alice.page.keyboard.press('m');
    await alice.button('Unmute').waitFor();
    await alice.page.keyboard.press('h');
    await alice.waitText('On hold');
    await peer.waitEvent('hold');
    await alice.page.keyboard.press('Escape');
    await peer.waitEvent('ended', (e) => e.originator === 'remote');
  });

  it('rejects calls with 486 under Do Not Disturb and shows the missed call', async () => {
    const alice = await bed.phone('1001');
    await alice.button('DND').click();
    assert.equal(await alice.button('DND').getAttribute('aria-pressed'), 'true');
    const peer = await bed.peer('1002');
    await peer.run((p) => p.call('1001'));
    const failed = await peer.waitEvent('failed');
    assert.equal(failed.code, 486);
    await alice.waitText('Missed call from Bob');
  });

  it('answers by itself when auto-answer is on, and audio flows', async () => {
    const alice = await bed.phone('1001');
    await alice.set({ autoAnswer: true });
    const peer = await bed.peer('1002');
    await peer.run((p) => p.call('1001'));
    await alice.waitText('Connected');
    await peer.waitAudioFlowing();
  });

  it('answers by itself when the INVITE asks (Call-Info answer-after) only if allowed', async () => {
    const alice = await bed.phone('1001');
    const peer = await bed.peer('1002');
    await peer.run((p) => p.call('1001', ['Call-Info: <sip:phone.test>;answer-after=0']));
    await alice.waitText('Incoming call');
    await sleep(1000);
    assert.ok((await alice.text()).includes('Incoming call'), 'not allowed: it just rings');
    await alice.button('Reject').click();
    await alice.set({ allowRemoteAutoAnswer: true });
    await peer.run((p) => p.call('1001', ['Call-Info: <sip:phone.test>;answer-after=0']));
    await alice.waitText('Connected');
  });

  it('shows a waiting call during a call; answering it holds the first', async () => {
    const { alice, peer } = await connected();
    const carol = await bed.peer('1003');
    await carol.run((p) => p.call('1001'));
    await alice.waitText('Incoming call');
    const cards = alice.page.locator('phone-call-card [part=card]');
    assert.equal(await cards.count(), 2);
    await alice.button('Answer').click();
    await peer.waitEvent('hold', (e) => e.originator === 'remote');
    await carol.waitAudioFlowing();
    await alice.button('Swap calls').first().click();
    await peer.waitEvent('unhold', (e) => e.originator === 'remote');
    await carol.waitEvent('hold', (e) => e.originator === 'remote');
  });
});

describe('sounds and leaving', () => {
  let bed;
  before(async () => {
    bed = await startBed();
  });
  after(() => bed?.close());
  afterEach(() => bed.closePhones());

  const playing = (phone) => phone.page.evaluate(() => document.querySelector('phone-widget').session.audio.tones.playing);
  const level = (phone, output) => phone.page.evaluate((o) => document.querySelector('phone-widget').session.audio.tones.outputLevel(o), output);

  it('plays ringback to the caller and the ringtone to the callee, for real, and stops on answer', async () => {
    const [alice, bob] = await Promise.all([bed.phone('1001'), bed.phone('1002')]);
    await alice.dial('1002');
    await bob.waitText('Incoming call');
    await waitFor(async () => (await playing(alice)) === 'ringback', { message: 'ringback' });
    await waitFor(async () => (await playing(bob)) === 'ringtone', { message: 'ringtone' });
    await waitFor(async () => (await level(alice, 'speaker')) > 0.001, { message: 'ringback audible', timeout: 5000 });
    await waitFor(async () => (await level(bob, 'ringer')) > 0.001, { message: 'ringtone audible', timeout: 5000 });
    await bob.button('Ignore').click();
    await waitFor(async () => (await playing(bob)) === null, { message: 'Ignore silences our ringing' });
    await bob.waitText('Incoming call (silenced)');
    await bob.button('Answer').click();
    await alice.waitText('Connected');
    await waitFor(async () => (await playing(alice)) === null, { message: 'ringback stops on answer' });
  });

  it('plays the call-waiting tone for a second call during a call', async () => {
    const bob = await bed.peer('1002', { autoAnswer: true });
    const alice = await bed.phone('1001');
    await alice.dial('1002');
    await alice.waitText('Connected');
    const carol = await bed.peer('1003');
    await carol.run((p) => p.call('1001'));
    await alice.waitText('Incoming call');
    await waitFor(async () => (await playing(alice)) === 'call-waiting', { message: 'call-waiting tone' });
    await bob.waitAudioFlowing();
  });

  it('asks before leaving the page during a call, and leaving anyway hangs up (BYE)', async () => {
    const bob = await bed.peer('1002', { autoAnswer: true });
    const alice = await bed.phone('1001');
    await alice.dial('1002');
    await alice.waitText('Connected');
    let asked = false;
    alice.page.on('dialog', async (dialog) => {
      asked = dialog.type() === 'beforeunload';
      await dialog.accept();
    });
    await alice.page.close({ runBeforeUnload: true });
    await waitFor(() => asked, { message: 'the beforeunload question' });
    const ended = await bob.waitEvent('ended');
    assert.equal(ended.originator, 'remote');
  });
});
