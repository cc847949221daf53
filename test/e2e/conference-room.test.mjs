// Server conference room end to end: a bare JsSIP peer registered as 1008
// plays the PBX's room (it answers every call, several at once). "Conference"
// on a call REFERs the other party into the room and dials the room;
// "Add participant" REFERs a further call there; after the user leaves, the
// room's dialog state (Kamailio's presence server) keeps "Your conference"
// on screen, and it dials the room again; once the room empties, it goes.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startBed, waitFor } from './bed.mjs';

const room = (phone) => phone.page.evaluate(() => document.querySelector('phone-widget').session.state.room);

describe('server conference room', () => {
  let bed;
  before(async () => {
    bed = await startBed();
  });
  after(() => bed?.close());
  afterEach(() => bed.closePhones());

  it('Conference, Add participant, then Your conference rejoins the room', async () => {
    const conf = await bed.peer('1008', { autoAnswer: true });
    const bob = await bed.peer('1002', { autoAnswer: true });
    const carol = await bed.peer('1003', { autoAnswer: true });
    const alice = await bed.phone('1001');
    await alice.set({ conferenceRoom: '1008' });
    await waitFor(async () => (await room(alice))?.target === '1008', { message: 'the room configured' });

    // A two-party call becomes a conference in the room.
    await alice.dial('1002');
    await alice.waitText('Connected');
    await alice.button('More').click();
    await alice.button('Conference').click();
    const refer = await bob.waitEvent('refer');
    assert.match(refer.target, /^sip:1008@/);
    await conf.waitEvent('incoming', (e) => e.from === '1002');
    await conf.waitEvent('incoming', (e) => e.from === '1001');
    await alice.waitText('In your conference');
    await alice.waitText('1002 was sent to your conference');
    await alice.waitAudioFlowing();
    assert.equal((await alice.page.evaluate(() => document.querySelector('phone-widget').session.state.calls.length)), 1, 'only the room call is left');

    // A second call joins the room with Add participant.
    await alice.button('Add call').click();
    await alice.dial('1003');
    await waitFor(async () => (await carol.events('confirmed')).length > 0 || (await carol.events('accepted')).length > 0, { message: 'Carol answered' });
    await alice.button('Add participant').click();
    const referCarol = await carol.waitEvent('refer');
    assert.match(referCarol.target, /^sip:1008@/);
    await conf.waitEvent('incoming', (e) => e.from === '1003');
    await alice.waitText('1003 was sent to your conference');
    // Carol was the only other call: the user is back in the room (its call resumed).
    await conf.waitEvent('unhold');
    await alice.waitText('In your conference');
    // The room now holds Bob, Carol and the user: three live calls at the room peer.
    await waitFor(async () => conf.run((p) => p.sessions.filter((s) => s.isEstablished()).length === 3), { message: 'three calls in the room' });

    // The user leaves; Bob and Carol stay, the room's dialog state says so: Your conference rejoins.
    await alice.button('Hang up').click();
    await alice.waitStatus('Ready');
    const rejoin = alice.page.getByRole('button', { name: /^Your conference/ });
    await rejoin.waitFor({ timeout: 15000 });
    assert.equal((await room(alice)).active, true);
    const lamp = await alice.page.evaluate(() => document.querySelector('phone-widget').session.blf.state.lamps.get('1008')?.state);
    assert.equal(lamp, 'busy', 'active because the room says so');
    await rejoin.click();
    await waitFor(async () => (await conf.events('incoming')).filter((e) => e.from === '1001').length === 2, { message: 'the room called again' });
    await alice.waitText('In your conference');
    await alice.waitAudioFlowing();

    // Everyone leaves: the room's dialog state says it is empty and the chip goes.
    await alice.button('Hang up').click();
    await alice.waitStatus('Ready');
    await rejoin.waitFor({ timeout: 15000 });
    await conf.run((p) => p.sessions.filter((s) => !s.isEnded()).forEach((s) => s.terminate()));
    await rejoin.waitFor({ state: 'detached', timeout: 15000 });
    assert.equal((await room(alice)).active, false);
  });
});
