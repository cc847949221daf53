// Transfers end to end: blind, attended (complete, cancel, target fails),
// voicemail, and being transferred by the far end. The parties are widgets
// and bare JsSIP peers; audio is checked where the parties end up.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startBed, waitFor } from './bed.mjs';

describe('transfers', () => {
  let bed;
  before(async () => {
    bed = await startBed();
  });
  after(() => bed?.close());
  afterEach(() => bed.closePhones());

  /** Alice (widget 1001) talking to Bob (peer 1002), and Carol (widget 1003) ready. */
  async function scene(aliceProps = {}) {
    const bob = await bed.peer('1002', { autoAnswer: true });
    const [alice, carol] = await Promise.all([bed.phone('1001'), bed.phone('1003')]);
    if (Object.keys(aliceProps).length) await alice.set(aliceProps);
    await alice.dial('1002');
    await alice.waitText('Connected');
    await bob.waitAudioFlowing();
    return { alice, bob, carol };
  }

  async function openTransfer(alice, target) {
    await alice.button('Transfer').click();
    await alice.page.getByRole('combobox', { name: 'Transfer to' }).fill(target);
  }

  it('blind transfer: Bob is sent to Carol, Alice leaves with a confirmation', async () => {
    const { alice, bob, carol } = await scene();
    await openTransfer(alice, '1003');
    await alice.button('Blind transfer').click();
    await carol.waitText('Incoming call');
    await carol.waitText('Bob');
    await carol.button('Answer').click();
    await carol.waitAudioFlowing();
    await bob.waitAudioFlowing();
    await alice.waitText('Call transferred to 1003');
    await alice.waitStatus('Ready');
    const refer = (await bob.events('refer'))[0];
    assert.match(refer.target, /^sip:1003@phone\.test/);
    assert.equal(refer.replaces, false);
  });

  it('attended transfer: consult Carol, then join Bob and Carol', async () => {
    const { alice, bob, carol } = await scene();
    await openTransfer(alice, '1003');
    await alice.button('Attended transfer').click();
    await bob.waitEvent('hold', (e) => e.originator === 'remote');
    await carol.waitText('Alice');
    await carol.button('Answer').click();
    await alice.waitText('Consulting before transferring 1002');
    await alice.button('Complete transfer').click();
    const refer = await bob.waitEvent('refer');
    assert.equal(refer.replaces, true, 'REFER carries Replaces');
    await carol.waitText('Bob');
    await waitFor(async () => !(await carol.text()).includes('Alice'), { message: "Carol's call with Alice replaced" });
    await carol.waitAudioFlowing();
    await bob.waitAudioFlowing();
    await alice.waitText('Transfer complete');
    await alice.waitStatus('Ready');
  });

  it('attended transfer cancelled: back with Bob', async () => {
    const { alice, bob, carol } = await scene();
    await openTransfer(alice, '1003');
    await alice.button('Attended transfer').click();
    await carol.button('Answer').click();
    await alice.button('Cancel transfer').click();
    await bob.waitEvent('unhold', (e) => e.originator === 'remote');
    await alice.waitText('Transfer cancelled. Back with 1002.');
    await waitFor(async () => (await alice.page.locator('phone-call-card [part=card]').count()) === 1, { message: 'one call left' });
    await alice.waitAudioFlowing();
  });

  it('attended transfer whose target refuses: back with Bob by itself', async () => {
    const { alice, bob, carol } = await scene();
    await openTransfer(alice, '1003');
    await alice.button('Attended transfer').click();
    await carol.button('Reject').click();
    await alice.waitText('1003 did not answer: Unavailable (480). Back with 1002.');
    await bob.waitEvent('unhold', (e) => e.originator === 'remote');
  });

  it('voicemail transfer sends Bob to the prefix + extension', async () => {
    const { alice, bob } = await scene({ voicemailPrefix: '03' });
    await openTransfer(alice, '1003');
    await alice.button('To voicemail').click();
    const refer = await bob.waitEvent('refer');
    assert.match(refer.target, /^sip:031003@phone\.test/);
    // No mailbox server here: Kamailio answers 404 and the call with Bob goes on.
    await alice.waitText('Transfer to 1003 failed: Not found (404)');
    await alice.waitText('Connected');
  });

  it('follows a transfer by the far end (incoming REFER) and shows the new party', async () => {
    const bob = await bed.peer('1002');
    const [alice, carol] = await Promise.all([bed.phone('1001'), bed.phone('1003')]);
    await bob.run((p) => p.call('1001'));
    await alice.button('Answer').click();
    await alice.waitText('Connected');
    await bob.run((p) => p.refer('1003'));
    await carol.waitText('Incoming call');
    await carol.waitText('Alice');
    await carol.button('Answer').click();
    await alice.waitText('1003');
    await alice.waitText('Connected');
    await waitFor(async () => !(await alice.text()).includes('Bob'), { message: "Alice's call with Bob gone" });
    await alice.waitAudioFlowing();
    await carol.waitAudioFlowing();
    await bob.waitEvent('ended');
  });
});
