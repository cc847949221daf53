// Calls between two real browser phones through Kamailio, with audio flowing.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startBed, waitFor } from './bed.mjs';

describe('calls', () => {
  let bed;
  before(async () => {
    bed = await startBed();
  });
  after(() => bed?.close());
  afterEach(() => bed.closePhones());

  it('calls out by typing and Enter, the callee answers, audio flows both ways, the caller hangs up', async () => {
    const [alice, bob] = await Promise.all([bed.phone('1001'), bed.phone('1002')]);
    await alice.dial('1002');
    await bob.waitText('Incoming call');
    await bob.waitText('Alice');
    await alice.waitText('Ringing…');
    await alice.waitStatus('In call');
    const incoming = (await bob.events('phone-incoming'))[0].detail;
    assert.equal(incoming.remote.number, '1001');
    assert.equal(incoming.remote.name, 'Alice');
    assert.equal(incoming.direction, 'inbound');

    await bob.button('Answer').click();
    await bob.waitText('Connected');
    await alice.waitText('Connected');
    await bob.waitStatus('In call');
    const [a, b] = await Promise.all([alice.waitAudioFlowing(), bob.waitAudioFlowing()]);
    assert.ok(a.bytesSent > 0 && b.bytesSent > 0);
    assert.equal(a.codec, 'opus');

    await new Promise((r) => setTimeout(r, 1100));
    await alice.button('Hang up').click();
    await bob.waitText('Call with Alice ended');
    await alice.waitText('Call with 1002 ended');
    await alice.waitStatus('Ready');
    await bob.waitStatus('Ready');

    const start = (await alice.events('phone-call-start'))[0].detail;
    assert.equal(start.direction, 'outbound');
    assert.equal(start.remote.number, '1002');
    const aliceEnd = (await alice.events('phone-call-end'))[0].detail;
    assert.equal(aliceEnd.direction, 'outbound');
    assert.equal(aliceEnd.remote.number, '1002');
    assert.ok(aliceEnd.duration >= 1, `duration ${aliceEnd.duration}`);
    assert.deepEqual(aliceEnd.cause, { code: 'hangup', text: 'Call ended', by: 'local' });
    const bobEnd = (await bob.events('phone-call-end'))[0].detail;
    assert.equal(bobEnd.cause.by, 'remote');
    assert.equal(bobEnd.remote.name, 'Alice');
    assert.ok(!JSON.stringify(await alice.events()).includes('pass1001'));
  });

  it('rings in with the caller shown, is rejected with 480, and the caller sees why', async () => {
    const [alice, bob] = await Promise.all([bed.phone('1001'), bed.phone('1002')]);
    await bob.dial('1001');
    await alice.waitText('Incoming call');
    await alice.waitText('Bob');
    await alice.button('Reject').click();
    await bob.waitText('Call to 1001 failed: Unavailable (480)');
    await alice.waitText('Missed call from Bob');
    const end = (await bob.events('phone-call-end'))[0].detail;
    assert.equal(end.cause.sipCode, 480);
    assert.equal(end.duration, 0);
  });

  it('the callee hangs up', async () => {
    const [alice, bob] = await Promise.all([bed.phone('1001'), bed.phone('1002')]);
    await alice.dial('1002');
    await bob.button('Answer').click();
    await alice.waitText('Connected');
    await bob.waitAudioFlowing();
    await bob.button('Hang up').click();
    await alice.waitText('Call with 1002 ended');
    const end = (await alice.events('phone-call-end'))[0].detail;
    assert.equal(end.cause.by, 'remote');
  });

  it('the caller cancels while it rings; the callee stops ringing', async () => {
    const [alice, bob] = await Promise.all([bed.phone('1001'), bed.phone('1002')]);
    await alice.dial('1002');
    await bob.waitText('Incoming call');
    await alice.button('Hang up').click();
    await bob.waitText('Missed call from Alice');
    assert.equal(await bob.page.getByRole('button', { name: 'Answer' }).count(), 0);
    await alice.waitStatus('Ready');
  });

  it('says Not found (404) for an unknown number and Unavailable for an offline one', async () => {
    const alice = await bed.phone('1001');
    await alice.dial('1999');
    await alice.waitText('Call to 1999 failed: Not found (404)');
    await alice.dial('1008');
    await alice.waitText('Call to 1008 failed: Unavailable (480)');
  });

  it('dials destination= as soon as it is ready; Mute silences the microphone at the far end', async () => {
    const bob = await bed.phone('1002');
    const alice = await bed.phone('1001', { extra: { destination: '1002' }, ready: false });
    await alice.waitStatus('In call');
    assert.ok(!(await alice.page.evaluate(() => location.href)).includes('destination='));
    await bob.waitText('Incoming call');
    await bob.button('Answer').click();
    await alice.waitText('Connected');
    await bob.waitAudioFlowing();
    const energyGain = async (ms) => {
      const before = (await bob.stats()).audioEnergy;
      await new Promise((r) => setTimeout(r, ms));
      return (await bob.stats()).audioEnergy - before;
    };
    const heard = await waitFor(async () => {
      const gain = await energyGain(2000);
      return gain > 1e-4 ? gain : null;
    }, { message: "Alice's voice heard by Bob" });
    await alice.button('Mute').click();
    assert.equal(await alice.button('Unmute').getAttribute('aria-pressed'), 'true');
    await new Promise((r) => setTimeout(r, 500));
    const muted = await energyGain(2000);
    assert.ok(muted < heard / 1000, `Bob hears nothing while Alice is muted (${muted} vs ${heard})`);
    assert.ok((await bob.waitAudioFlowing()).bytesReceived > 0, 'the call itself goes on');
    await alice.button('Unmute').click();
    await waitFor(async () => (await energyGain(2000)) > heard / 10, { message: "Alice's voice back after Unmute" });
  });
});

describe('ICE gathering', () => {
  let bed;
  let silent;
  before(async () => {
    bed = await startBed();
    // A TURN server that accepts the connection and never answers.
    const { createServer } = await import('node:net');
    silent = createServer(() => undefined);
    await new Promise((r) => silent.listen(3479, '127.0.0.1', r));
  });
  after(async () => {
    await bed?.close();
    silent?.close();
  });

  it('does not wait for a TURN server that never answers: the call rings and connects at once', async () => {
    const [alice, bob] = await Promise.all([bed.phone('1001'), bed.phone('1002')]);
    const dead = [{ urls: 'turn:127.0.0.1:3479?transport=tcp', username: 'u', credential: 'c' }];
    for (const p of [alice, bob]) {
      await p.page.evaluate((servers) => {
        document.querySelector('phone-widget').iceServers = servers;
      }, dead);
      await p.waitStatus('Ready');
    }
    const t0 = Date.now();
    await alice.dial('1002');
    await bob.waitText('Incoming call');
    const ring = Date.now() - t0;
    const t1 = Date.now();
    await bob.button('Answer').click();
    await alice.waitText('Connected');
    const answer = Date.now() - t1;
    assert.ok(ring < 2000, `INVITE sent after ${ring} ms`);
    assert.ok(answer < 2000, `answer sent after ${answer} ms`);
    await bob.waitAudioFlowing();
  });
});

describe('call statistics', () => {
  let bed;
  before(async () => {
    bed = await startBed();
  });
  after(() => bed?.close());

  it('shows live statistics during a call (direct path, codec, MOS) and keeps a summary in the history', async () => {
    const [alice, bob] = await Promise.all([bed.phone('1001'), bed.phone('1002')]);
    await alice.dial('1002');
    await bob.button('Answer').click();
    await alice.waitText('Connected');
    const toggle = alice.page.getByRole('button', { name: /connection: call statistics/ });
    await toggle.waitFor({ timeout: 5000 });
    assert.match(await toggle.innerText(), /Direct/);
    await toggle.click();
    const stats = alice.page.getByRole('definition');
    await waitFor(async () => (await alice.text()).includes('Quality (MOS)'), { message: 'statistics shown' });
    const text = await alice.text();
    assert.match(text, /Codec opus/);
    assert.match(text, /Path Direct/);
    const mos = Number(/Quality \(MOS\) ([\d.]+)/.exec(text)[1]);
    assert.ok(mos > 4, `MOS ${mos} on loopback`);
    assert.ok((await stats.count()) >= 4);
    await alice.button('Hang up').click();
    await alice.waitStatus('Ready');
    const record = await alice.page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('phone-widget:history:sip:1001@phone.test');
          open.onsuccess = () => {
            const all = open.result.transaction('records').objectStore('records').getAll();
            all.onsuccess = () => resolve(all.result[0]);
          };
        }),
    );
    assert.ok(record.quality.avgMos > 4, JSON.stringify(record.quality));
    assert.equal(record.quality.path, 'direct');
  });
});
