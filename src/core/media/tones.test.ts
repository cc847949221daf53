import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { RINGTONES, TonePlayer, type ToneOutput, type TonePlayerOptions } from './tones.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The loudest level an output reaches within `ms`. */
async function peak(player: TonePlayer, output: ToneOutput, ms = 800): Promise<number> {
  let max = 0;
  for (const end = performance.now() + ms; performance.now() < end; await sleep(15)) max = Math.max(max, player.outputLevel(output));
  return max;
}

/** The first level above `threshold` within `ms` (returns early, so a test can stop mid-tone), or the loudest seen. */
async function heard(player: TonePlayer, output: ToneOutput, threshold = 0.01, ms = 800): Promise<number> {
  let max = 0;
  for (const end = performance.now() + ms; performance.now() < end && max <= threshold; await sleep(10)) max = Math.max(max, player.outputLevel(output));
  return max;
}

/** Resolves with the next `lock` event's value. */
const nextLock = (player: TonePlayer) =>
  new Promise<boolean>((resolve) => {
    const off = player.on('lock', ({ locked }) => {
      off();
      resolve(locked);
    });
  });

/**
 * A context held suspended as the autoplay policy holds one: `resume()`
 * stays pending until the test `allow()`s it, then really resumes. Everything
 * else is a real AudioContext (real nodes, real sound).
 */
function policyBlockedContext() {
  const real = new AudioContext();
  void real.suspend();
  let allowed = false;
  let resumeCalls = 0;
  const ctx = new Proxy(real, {
    get(target, prop) {
      if (prop === 'state') return allowed ? target.state : 'suspended';
      if (prop === 'resume')
        return () => {
          resumeCalls++;
          return allowed ? target.resume() : new Promise<void>(() => undefined);
        };
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { ctx, real, allow: () => (allowed = true), resumeCalls: () => resumeCalls };
}

/** A player whose contexts are recorded, for checks on the contexts themselves. */
function recordedPlayer(options: TonePlayerOptions = {}) {
  const contexts: AudioContext[] = [];
  const player = new TonePlayer({
    ...options,
    createContext: () => {
      const ctx = new AudioContext();
      contexts.push(ctx);
      return ctx;
    },
  });
  return { player, contexts };
}

describe('TonePlayer', () => {
  let player: TonePlayer | undefined;
  afterEach(async () => {
    await player?.dispose();
    player = undefined;
  });

  // First in this file on purpose: the page has had no user gesture yet, so
  // Chromium's real autoplay policy holds the context.
  it('is locked while the browser holds audio, and the ring sounds on the first key press', async () => {
    expect(navigator.userActivation.hasBeenActive, 'the page must not have had a gesture yet').to.equal(false);
    player = new TonePlayer();
    const locking = nextLock(player);
    player.startRingtone('classic');
    expect(await locking, 'the test browser must apply the autoplay policy').to.equal(true);
    expect(player.locked).to.equal(true);
    expect(player.playing).to.equal('ringtone');
    expect(await peak(player, 'ringer', 300)).to.equal(0);

    const unlocking = nextLock(player);
    await sendKeys({ press: 'Enter' }); // a real, trusted key press: user activation
    expect(await unlocking).to.equal(false);
    expect(await peak(player, 'ringer')).to.be.greaterThan(0.01);
  });

  it('does not create audio until a sound is needed', () => {
    let made = 0;
    player = new TonePlayer({ createContext: () => (made++, new AudioContext()) });
    player.setRingVolume(0.5);
    player.setSpeakerVolume(0.5);
    player.setRingerDevice('x');
    player.setSpeakerDevice('y');
    player.stop();
    expect(made).to.equal(0);
    expect(player.playing).to.equal(null);
    player.startRingback();
    expect(made).to.equal(1);
  });

  it('holds a ring on a suspended context and plays it when unlocked (injected context)', async () => {
    const blocked = policyBlockedContext();
    const gestures = new EventTarget();
    player = new TonePlayer({ createContext: () => blocked.ctx, gestureTarget: gestures });
    const locking = nextLock(player);
    player.startRingtone('digital');
    expect(await locking).to.equal(true);
    expect(blocked.resumeCalls()).to.be.greaterThan(0);
    expect(await peak(player, 'ringer', 300)).to.equal(0);

    // A gesture that the browser does not honour leaves it locked.
    player.unlock();
    await sleep(100);
    expect(player.locked).to.equal(true);

    // The armed listener unlocks on the next gesture the browser honours.
    blocked.allow();
    const unlocking = nextLock(player);
    gestures.dispatchEvent(new Event('pointerdown'));
    expect(await unlocking).to.equal(false);
    expect(blocked.real.state).to.equal('running');
    expect(await peak(player, 'ringer')).to.be.greaterThan(0.01);
  });

  it('is never locked for a context that runs', async () => {
    player = new TonePlayer();
    let events = 0;
    player.on('lock', () => events++);
    player.startRingtone();
    await sleep(400);
    expect(player.locked).to.equal(false);
    expect(events).to.equal(0);
  });

  for (const { id } of RINGTONES) {
    it(`rings "${id}" on the ringer, and stop() silences it`, async () => {
      player = new TonePlayer();
      player.startRingtone(id);
      expect(player.playing).to.equal('ringtone');
      expect(await heard(player, 'ringer')).to.be.greaterThan(0.01);
      expect(player.outputLevel('speaker')).to.equal(0);
      player.stop(); // mid-tone: every ringtone sounds longer than this
      expect(player.playing).to.equal(null);
      await sleep(100);
      expect(await peak(player, 'ringer', 300)).to.be.lessThan(1e-4);
    });
  }

  it('has distinct ringtones', () => {
    const ids = RINGTONES.map((r) => r.id);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids.length).to.be.at.least(4);
    expect(new Set(RINGTONES.map((r) => r.label)).size).to.equal(ids.length);
  });

  it('plays call waiting on the ringer, quieter than the ringtone', async () => {
    player = new TonePlayer();
    player.startRingtone('double');
    const ring = await peak(player, 'ringer', 500);
    player.startCallWaiting();
    expect(player.playing).to.equal('call-waiting');
    const beep = await peak(player, 'ringer', 500);
    expect(beep).to.be.greaterThan(0.005);
    expect(beep).to.be.lessThan(ring);
    player.stop();
    await sleep(150);
    expect(await peak(player, 'ringer', 200)).to.be.lessThan(1e-4);
  });

  for (const region of ['us', 'eu'] as const) {
    it(`plays ${region} ringback on the speaker, not the ringer`, async () => {
      player = new TonePlayer({ ringbackRegion: region });
      player.startRingback();
      expect(player.playing).to.equal('ringback');
      expect(await heard(player, 'speaker')).to.be.greaterThan(0.01);
      expect(player.outputLevel('ringer')).to.equal(0);
      player.stop(); // mid-tone
      await sleep(100);
      expect(await peak(player, 'speaker', 300)).to.be.lessThan(1e-4);
    });
  }

  it('plays a short DTMF tone for each key on the speaker, and nothing for other keys', async () => {
    player = new TonePlayer();
    expect(player.dtmf('x')).to.equal(false);
    expect(player.dtmf('5')).to.equal(true);
    expect(await peak(player, 'speaker', 150)).to.be.greaterThan(0.01);
    await sleep(150);
    expect(await peak(player, 'speaker', 100), 'about 120 ms, not longer').to.be.lessThan(1e-4);
    expect(player.playing).to.equal(null);
    for (const key of '0123456789*#') expect(player.dtmf(key), key).to.equal(true);
  });

  it('previews one cycle of a ringtone, then stops by itself', async () => {
    player = new TonePlayer();
    const changes: Array<string | null> = [];
    player.on('change', ({ previewing }) => changes.push(previewing));
    expect(player.preview('pulse')).to.equal(true);
    expect(player.previewing).to.equal('pulse');
    expect(player.playing).to.equal(null);
    expect(await peak(player, 'ringer', 300)).to.be.greaterThan(0.01);
    await sleep(1200); // the pulse cycle is under a second of sound
    expect(player.previewing).to.equal(null);
    expect(changes).to.deep.equal(['pulse', null]);
    expect(await peak(player, 'ringer', 100)).to.be.lessThan(1e-4);
  });

  it('never lets a preview replace a real ring', () => {
    player = new TonePlayer();
    player.startRingtone();
    expect(player.preview('soft')).to.equal(false);
    expect(player.playing).to.equal('ringtone');
  });

  it('follows the ring volume', async () => {
    player = new TonePlayer();
    player.setRingVolume(1);
    player.startRingtone('double');
    const loud = await peak(player, 'ringer', 400);
    player.setRingVolume(0.3);
    await sleep(150);
    const quiet = await peak(player, 'ringer', 400);
    player.setRingVolume(0);
    await sleep(150);
    const silent = await peak(player, 'ringer', 300);
    expect(quiet).to.be.greaterThan(0);
    expect(quiet).to.be.lessThan(loud / 3);
    expect(silent).to.be.lessThan(1e-4);
  });

  it('sends the ringer and the speaker to the chosen devices, and falls back to the default for an unknown one', async () => {
    const outputs = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'audiooutput' && d.deviceId !== 'default');
    expect(outputs.length, 'Chromium fake output devices').to.be.at.least(1);
    const { player: p, contexts } = recordedPlayer();
    player = p;
    player.setRingerDevice(outputs[0]!.deviceId);
    player.setSpeakerDevice('no-such-device');
    player.startRingtone();
    player.dtmf('1');
    const [ringer, speaker] = contexts as [AudioContext & { sinkId: string }, AudioContext & { sinkId: string }];
    await sleep(300);
    expect(ringer.sinkId).to.equal(outputs[0]!.deviceId);
    expect(speaker.sinkId).to.equal('');
    expect(await peak(player, 'ringer', 300)).to.be.greaterThan(0.01);
    player.setRingerDevice('');
    await sleep(200);
    expect(ringer.sinkId).to.equal('');
  });

  it('dispose() stops everything and closes its contexts', async () => {
    const { player: p, contexts } = recordedPlayer();
    player = p;
    player.startRingtone();
    player.dtmf('1');
    expect(contexts.length).to.equal(2);
    await player.dispose();
    expect(contexts.map((c) => c.state)).to.deep.equal(['closed', 'closed']);
    expect(player.playing).to.equal(null);
    player.startRingtone();
    expect(player.dtmf('1')).to.equal(false);
    expect(contexts.length, 'no new context after dispose').to.equal(2);
  });
});
