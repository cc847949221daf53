// Local conference end to end: the widget and three bare JsSIP peers through
// Kamailio. Every party speaks a sine of its own (the widget 300 Hz, the
// peers 500, 700 and 900 Hz), and each peer measures which of them it
// receives: that tells the mix sent to each party apart from the widget's
// own microphone.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startBed, waitFor } from './bed.mjs';
import { inSession, toneMicrophone } from './tones.mjs';

const WIDGET_HZ = 300;
const HEARD = -50;
const SILENT = -70;

const session = inSession;

/** Waits until `peer` hears every frequency of `heard` and none of `silent`. */
async function hears(peer, heard, silent, message) {
  const freqs = [...heard, ...silent];
  let last;
  try {
    await waitFor(
      async () => {
        const dB = await peer.run((p, f) => p.levels(f), freqs);
        if (!dB) return false;
        last = Object.fromEntries(freqs.map((f, i) => [f, Math.round(dB[i])]));
        return heard.every((f) => last[f] > HEARD) && silent.every((f) => last[f] < SILENT);
      },
      { timeout: 15000, interval: 300, message },
    );
  } catch (error) {
    throw new Error(`${error.message}; levels in dB: ${JSON.stringify(last)}`);
  }
}

describe('local conference', () => {
  let bed;
  before(async () => {
    bed = await startBed();
  });
  after(() => bed?.close());
  afterEach(() => bed.closePhones());

  it('mixes in the browser: peers hear each other with the widget muted, one leaving keeps the others, End conference holds all', async () => {
    const bob = await bed.peer('1002', { autoAnswer: true, tone: 500 });
    const carol = await bed.peer('1003', { autoAnswer: true, tone: 700 });
    const dave = await bed.peer('1004', { autoAnswer: true, tone: 900 });
    const alice = await bed.phone('1001');
    await toneMicrophone(alice, WIDGET_HZ);
    for (const [i, number] of ['1002', '1003', '1004'].entries()) {
      assert.equal((await session(alice, (s, n) => s.dial(n), number)).ok, true);
      await waitFor(async () => (await session(alice, (s) => s.state.calls.filter((c) => c.state === 'connected').length)) === i + 1, {
        message: `call ${i + 1} connected`,
      });
    }
    await waitFor(async () => (await session(alice, (s) => s.state.calls.filter((c) => c.held).length)) === 2, { message: 'two calls held' });
    await hears(bob, [], [WIDGET_HZ, 700, 900], 'a held peer hears nobody');

    await alice.button('Merge calls').click();
    await waitFor(async () => (await session(alice, (s) => s.state.conference?.ids.length ?? 0)) === 3 && !(await session(alice, (s) => s.state.conference.pending)), {
      message: 'three in the conference',
    });
    assert.equal(await session(alice, (s) => s.state.calls.some((c) => c.held)), false, 'the held calls were resumed');
    await bob.waitEvent('unhold', (e) => e.originator === 'remote');
    await hears(bob, [WIDGET_HZ, 700, 900], [500], 'Bob hears the widget, Carol and Dave, not himself');
    await hears(carol, [WIDGET_HZ, 500, 900], [700], 'Carol hears the widget, Bob and Dave');
    await hears(dave, [WIDGET_HZ, 500, 700], [900], 'Dave hears the widget, Bob and Carol');

    // The user's own mute: the microphone leaves every mix, the others still hear each other.
    await alice.button('Mute').click();
    await alice.button('Unmute').waitFor();
    await hears(bob, [700, 900], [WIDGET_HZ], 'Bob still hears Carol and Dave with the widget muted');
    await hears(carol, [500, 900], [WIDGET_HZ], 'Carol still hears Bob and Dave with the widget muted');

    // A participant muted for everyone.
    await alice.button('Mute 1004').click();
    await hears(bob, [700], [900], 'Bob no longer hears Dave');
    await alice.button('Mute 1004').click();
    await hears(bob, [700, 900], [], 'Bob hears Dave again');
    await alice.button('Unmute').click();

    // Dave leaves: Bob and Carol go on together.
    await dave.run((p) => p.hangup());
    await waitFor(async () => (await session(alice, (s) => s.state.conference?.ids.length ?? 0)) === 2, { message: 'two left in the conference' });
    await hears(bob, [WIDGET_HZ, 700], [900], 'Bob still hears the widget and Carol');
    await hears(carol, [WIDGET_HZ, 500], [900], 'Carol still hears the widget and Bob');

    await alice.button('End conference').click();
    await waitFor(async () => (await session(alice, (s) => !s.state.conference && s.state.calls.length === 2 && s.state.calls.every((c) => c.held))), {
      message: 'every participant held',
    });
    await bob.waitEvent('hold', (e) => e.originator === 'remote');
    await carol.waitEvent('hold', (e) => e.originator === 'remote');
    assert.equal(await alice.button('Resume').count(), 2, 'each call can be resumed on its own');
    // Resumed on its own, Bob hears the widget's own microphone again, and nobody else.
    await alice.page.getByRole('region', { name: 'Call with 1002' }).getByRole('button', { name: 'Resume', exact: true }).click();
    await hears(bob, [WIDGET_HZ], [700, 900], 'Bob alone with the widget again');
    assert.equal(await session(alice, (s) => s.state.calls.length), 2);
    assert.equal((await dave.events('ended')).length, 1);
  });
});
