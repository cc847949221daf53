// A call survives a SIP server restart: Kamailio is killed and started again
// mid-call; the audio (direct between the two browsers) keeps flowing, the
// call stays up in the phone, and once both ends are registered again
// "Hang up" reaches the far end (the BYE goes out over the new WebSocket and
// Kamailio finds the far end's new connection through its GRUU).
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startBed, waitFor } from './bed.mjs';

const peerRegistered = (peer) => peer.page.evaluate(() => window.peer.ua.isRegistered());

describe('SIP server restart mid-call', () => {
  let bed;
  before(async () => {
    bed = await startBed();
  });
  after(() => bed?.close());
  afterEach(() => bed.closePhones());

  it('keeps the call and its audio through a Kamailio restart, and hangs up over the new connection', async () => {
    const bob = await bed.peer('1002', { autoAnswer: true });
    const alice = await bed.phone('1001');
    await alice.dial('1002');
    await alice.waitText('Connected');
    await alice.waitAudioFlowing();
    await bob.waitAudioFlowing();

    await bed.sip.kill();
    await alice.waitStatus('Disconnected');
    // During the outage: the call is still on screen and both directions still carry audio.
    await alice.waitText('Connected');
    await alice.waitAudioFlowing();
    await bob.waitAudioFlowing();

    await bed.sip.restart();
    await alice.waitStatus('In call', 20000);
    await waitFor(() => peerRegistered(bob), { timeout: 20000, message: 'the peer registered again' });
    await alice.waitAudioFlowing();
    await bob.waitAudioFlowing();
    assert.equal((await bob.events('ended')).length, 0, 'the call is still up at the far end');

    await alice.button('Hang up').click();
    const ended = await bob.waitEvent('ended', () => true, 10000);
    assert.equal(ended.originator, 'remote', 'the far end got our BYE');
    await alice.waitText('Call with 1002 ended');
  });

  it('the far end hangs up after the restart, and the phone hears it', async () => {
    const bob = await bed.peer('1002', { autoAnswer: true });
    const alice = await bed.phone('1001');
    await alice.dial('1002');
    await alice.waitText('Connected');
    await alice.waitAudioFlowing();
    await bed.sip.restart();
    await alice.waitStatus('In call', 20000);
    await waitFor(() => peerRegistered(bob), { timeout: 20000, message: 'the peer registered again' });
    await bob.run((p) => p.hangup());
    await alice.waitText('Call with 1002 ended', 10000);
  });
});
