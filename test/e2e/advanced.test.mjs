// Business-phone extras end to end: park (a REFER to a slot), switch phone,
// server recording by its code, and supervisor monitoring codes, as the far
// ends receive them. Bare JsSIP peers play the slot, the other device and the
// monitored agent.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startBed, waitFor } from './bed.mjs';

describe('park, switch phone, recording, monitoring', () => {
  let bed;
  before(async () => {
    bed = await startBed();
  });
  after(() => bed?.close());
  afterEach(() => bed.closePhones());

  async function talking(props) {
    const bob = await bed.peer('1002', { autoAnswer: true });
    const alice = await bed.phone('1001');
    await alice.set(props);
    await alice.dial('1002');
    await alice.waitText('Connected');
    return { alice, bob };
  }

  it('parks a call on a slot: the slot receives the parked caller', async () => {
    const slot = await bed.peer('1007', { autoAnswer: true });
    const { alice, bob } = await talking({ parkSlots: '1007' });
    await alice.button('More').click();
    await alice.button('Park on 1007').click();
    const refer = await bob.waitEvent('refer');
    assert.match(refer.target, /^sip:1007@/);
    await slot.waitEvent('incoming', (e) => e.from === '1002');
    await alice.waitText('Call parked on 1007');
    await alice.waitStatus('Ready');
  });

  it('switches the call to another of the user’s devices', async () => {
    const desk = await bed.peer('1005', { autoAnswer: true });
    const { alice } = await talking({ switchTargets: '1005:Desk phone' });
    await alice.button('More').click();
    await alice.button('Switch to Desk phone').click();
    await desk.waitEvent('incoming', (e) => e.from === '1002');
    await desk.waitAudioFlowing();
    await alice.waitStatus('Ready');
  });

  it('starts and stops server recording by sending its code', async () => {
    const { alice, bob } = await talking({ recordCode: '*1', dtmfMode: 'info' });
    await alice.button('More').click();
    await alice.button('Record').click();
    await alice.waitText('Recording');
    await waitFor(async () => (await bob.events('dtmf')).map((e) => e.tone).join('') === '*1', { message: '*1 at the far end' });
    await alice.button('Stop recording').click();
    await waitFor(async () => (await bob.events('dtmf')).map((e) => e.tone).join('') === '*1*1', { message: '*1 again' });
    assert.ok(!(await alice.text()).includes('Recording'));
  });

  it('monitors with the listen code, and whisper/barge/listen-only send their codes', async () => {
    // The listen code "10" + extension "03" reaches 1003, which plays the PBX's monitoring service.
    const pbx = await bed.peer('1003', { autoAnswer: true });
    const alice = await bed.phone('1001');
    await alice.set({ listenCode: '10', dtmfMode: 'info' });
    const dialed = await alice.page.evaluate(() => document.querySelector('phone-widget').session.monitor('03'));
    assert.equal(dialed.ok, true);
    await alice.waitText('Connected');
    assert.equal(await alice.button('Listen only').getAttribute('aria-pressed'), 'true');
    await alice.button('Whisper').click();
    await alice.button('Barge').click();
    await alice.button('Listen only').click();
    await waitFor(async () => (await pbx.events('dtmf')).map((e) => e.tone).join('') === '*81*82*80', { message: 'monitoring codes at the far end' });
    assert.equal(await alice.button('Listen only').getAttribute('aria-pressed'), 'true');
  });
});
