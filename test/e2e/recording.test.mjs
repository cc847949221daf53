// Local recording end to end: the widget (its microphone a 300 Hz sine) in a
// call with a bare JsSIP peer (a 700 Hz sine) through Kamailio. Record, stop,
// record, stop: two parts are stored in IndexedDB with the call's history
// entry, and each decodes in the page to audio holding both voices.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startBed, waitFor } from './bed.mjs';
import { inSession, toneMicrophone } from './tones.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('local recording', () => {
  let bed;
  before(async () => {
    bed = await startBed();
  });
  after(() => bed?.close());
  afterEach(() => bed.closePhones());

  it('records two parts of a call, both sides mixed, stored with the call and decodable', async () => {
    const bob = await bed.peer('1002', { autoAnswer: true, tone: 700 });
    const alice = await bed.phone('1001');
    await alice.set({ localRecording: true, recordingConsent: 'This call is recorded: tell the caller.' });
    await toneMicrophone(alice, 300);
    await alice.dial('1002');
    await alice.waitText('Connected');
    await alice.waitAudioFlowing();
    await bob.waitAudioFlowing();
    const id = await inSession(alice, (s) => s.state.calls[0].id);

    await alice.button('More').click();
    for (const part of [1, 2]) {
      await alice.button('Record').click();
      await alice.page.getByRole('status').filter({ hasText: `Recording · part ${part}` }).waitFor();
      await alice.waitText('This call is recorded: tell the caller.');
      await sleep(2500);
      assert.match(await alice.page.getByRole('timer', { name: 'Time recorded' }).innerText(), /^0:0[1-9]$/);
      await alice.button('Stop recording').click();
      await alice.button('Record').waitFor();
    }
    const segments = await waitFor(
      async () => {
        const list = await inSession(alice, (s, callId) => s.recordings.listSegments(callId), id);
        return list.length === 2 ? list : null;
      },
      { message: 'two parts stored' },
    );
    assert.deepEqual(
      segments.map((s) => s.segment),
      [1, 2],
    );
    for (const s of segments) {
      assert.equal(s.historyId, id);
      assert.match(s.mimeType, /^audio\/webm/);
      assert.ok(s.duration >= 2 && s.duration < 5, `duration ${s.duration}`);
      assert.ok(s.size > 2000, `size ${s.size}`);
    }

    // Decoded in the page: the amplitude of each voice (Goertzel), beside a frequency nobody speaks.
    for (const part of [1, 2]) {
      const heard = await inSession(
        alice,
        async (s, [callId, n]) => {
          const blob = await s.recordings.getSegmentBlob(callId, n);
          const ctx = new AudioContext();
          const buffer = await ctx.decodeAudioData(await blob.arrayBuffer());
          await ctx.close();
          const data = buffer.getChannelData(0);
          // The middle second, away from the start and the end.
          const rate = buffer.sampleRate;
          const start = Math.max(0, Math.floor(data.length / 2 - rate / 2));
          const x = data.subarray(start, start + rate);
          const amplitude = (hz) => {
            const w = (2 * Math.PI * hz) / rate;
            let re = 0;
            let im = 0;
            for (let i = 0; i < x.length; i++) {
              re += x[i] * Math.cos(w * i);
              im -= x[i] * Math.sin(w * i);
            }
            return (2 * Math.hypot(re, im)) / x.length;
          };
          let sum = 0;
          for (const v of x) sum += v * v;
          return { seconds: buffer.duration, rms: Math.sqrt(sum / x.length), widget: amplitude(300), peer: amplitude(700), nobody: amplitude(1100) };
        },
        [id, part],
      );
      assert.ok(heard.rms > 0.05, `part ${part} is not silent: ${JSON.stringify(heard)}`);
      assert.ok(heard.widget > 0.05, `part ${part} holds the widget's microphone: ${JSON.stringify(heard)}`);
      assert.ok(heard.peer > 0.05, `part ${part} holds the peer's voice: ${JSON.stringify(heard)}`);
      assert.ok(heard.nobody < heard.widget / 10 && heard.nobody < heard.peer / 10, `part ${part}: ${JSON.stringify(heard)}`);
    }
    await alice.button('Hang up').click();
    await bob.waitEvent('ended');
  });
});
