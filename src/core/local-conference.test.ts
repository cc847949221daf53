import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { PhoneSession } from './phone-session.js';
import { resolveConfig } from './config.js';
import { ConferenceMixer } from './media/conference-mixer.js';
import { fakeAgents, type FakeCall } from '../../test/fakes/fake-sip-agent.js';

let accounts = 0;
const account = () => resolveConfig({ server: 'ws://127.0.0.1:8080', identity: `sip:conf${Date.now()}${++accounts}@phone.test`, password: 'p' });

/** A tone at `hz`, as a live track (the fake microphone or a far end's voice). */
function tone(ctx: AudioContext, hz: number): MediaStreamTrack {
  const osc = ctx.createOscillator();
  osc.frequency.value = hz;
  const out = ctx.createMediaStreamDestination();
  osc.connect(out);
  osc.start();
  return out.stream.getAudioTracks()[0]!;
}

/** The loudness (dB) of `track` at each frequency of `freqs`, after it has played a moment. */
async function levels(ctx: AudioContext, track: MediaStreamTrack, freqs: number[]): Promise<number[]> {
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 4096;
  ctx.createMediaStreamSource(new MediaStream([track])).connect(analyser);
  await new Promise((r) => setTimeout(r, 400));
  const data = new Float32Array(analyser.frequencyBinCount);
  analyser.getFloatFrequencyData(data);
  const bin = (hz: number) => Math.round((hz / ctx.sampleRate) * analyser.fftSize);
  return freqs.map((hz) => Math.max(data[bin(hz) - 1]!, data[bin(hz)]!, data[bin(hz) + 1]!));
}

const HEARD = -60;

// Audio contexts run only after a user gesture: a real click gives the page one.
before(() => sendMouse({ type: 'click', position: [1, 1] }));

describe('ConferenceMixer', () => {
  it('sends each participant the microphone and the others, never their own voice; mutes take voices out', async () => {
    const ctx = new AudioContext();
    const mixer = new ConferenceMixer(tone(ctx, 300));
    const a = mixer.add('a', new MediaStream([tone(ctx, 500)]));
    const b = mixer.add('b', new MediaStream([tone(ctx, 700)]));
    const c = mixer.add('c', new MediaStream([tone(ctx, 900)]));
    const [micA, selfA, bA, cA] = await levels(ctx, a, [300, 500, 700, 900]);
    expect(micA, 'A hears the user').to.be.above(HEARD);
    expect(selfA, 'A does not hear itself').to.be.below(HEARD);
    expect(bA, 'A hears B').to.be.above(HEARD);
    expect(cA, 'A hears C').to.be.above(HEARD);
    mixer.setMicMuted(true);
    mixer.setMuted('c', true);
    const [micB, aB, selfB, cB] = await levels(ctx, b, [300, 500, 700, 900]);
    expect(micB, 'the user muted').to.be.below(HEARD);
    expect(aB, 'B still hears A with the user muted').to.be.above(HEARD);
    expect(selfB).to.be.below(HEARD);
    expect(cB, 'C muted').to.be.below(HEARD);
    mixer.remove('a');
    expect(a.readyState, 'a leaver’s mix stops').to.equal('ended');
    const [aC] = await levels(ctx, c, [500]);
    expect(aC, 'nobody hears a leaver').to.be.below(HEARD);
    await mixer.close();
    expect(b.readyState).to.equal('ended');
    expect(c.readyState).to.equal('ended');
    await ctx.close();
  });
});

describe('local conference in the session', () => {
  let ctx: AudioContext;
  beforeEach(() => {
    ctx = new AudioContext();
  });
  afterEach(() => ctx.close());

  /** The session with `n` connected calls, each with a microphone and a far-end voice. */
  async function withCalls(n: number) {
    const { factory, agents } = fakeAgents();
    const session = new PhoneSession(factory);
    session.configure(account());
    const agent = agents[0]!;
    agent.register();
    const calls: FakeCall[] = [];
    for (let i = 0; i < n; i++) {
      const call = agent.ring({ number: `100${i + 2}`, name: `P${i}`, uri: `sip:100${i + 2}@phone.test` });
      call.media = { remote: new MediaStream([tone(ctx, 500 + 200 * i)]), sending: tone(ctx, 300) };
      session.answer(call.id);
      await Promise.resolve();
      calls.push(call);
    }
    await new Promise((r) => setTimeout(r, 0));
    return { session, agent, calls };
  }

  it('merges: held calls are resumed first, every call sends a mix, the state lists the calls', async () => {
    const { session, calls } = await withCalls(3);
    expect(session.state.calls.filter((c) => c.held).length, 'answering held the others').to.equal(2);
    expect(await session.merge()).to.equal(true);
    const conf = session.state.conference!;
    expect(conf.ids).to.deep.equal(calls.map((c) => c.id));
    expect(conf.muted).to.equal(false);
    expect(session.state.calls.every((c) => !c.held)).to.equal(true);
    for (const call of calls) {
      expect(call.log).to.include('send-track:audio');
      expect(call.media.sending!.readyState).to.equal('live');
    }
    expect(calls[0]!.log.filter((x) => x === 'resume').length).to.equal(1);
    session.stop();
  });

  it('the user’s mute mutes the microphone in every mix; a participant’s mute is in the state', async () => {
    const { session, calls } = await withCalls(2);
    await session.merge();
    session.mute(calls[0]!.id);
    expect(session.state.conference!.muted).to.equal(true);
    expect(session.state.calls.every((c) => c.muted)).to.equal(true);
    expect(calls[0]!.log).not.to.include('mute');
    session.muteParticipant(calls[1]!.id);
    expect(session.state.conference!.mutedIds).to.deep.equal([calls[1]!.id]);
    session.muteParticipant(calls[1]!.id);
    expect(session.state.conference!.mutedIds).to.deep.equal([]);
    session.stop();
  });

  it('one leaving does not end the others; the last one left is a plain call with its microphone back', async () => {
    const { session, calls } = await withCalls(3);
    const mics = calls.map((c) => c.media.sending!);
    await session.merge();
    calls[0]!.remoteEnds();
    expect(session.state.conference!.ids).to.deep.equal([calls[1]!.id, calls[2]!.id]);
    calls[1]!.remoteEnds();
    expect(session.state.conference).to.equal(undefined);
    expect(calls[2]!.media.sending).to.equal(mics[2]);
    expect(session.state.calls[0]!.held).to.equal(false);
    session.stop();
  });

  it('End conference puts every participant on hold with its own microphone back', async () => {
    const { session, calls } = await withCalls(3);
    const mics = calls.map((c) => c.media.sending!);
    await session.merge();
    const mixes = calls.map((c) => c.media.sending!);
    await session.endConference();
    expect(session.state.conference).to.equal(undefined);
    expect(session.state.calls.every((c) => c.held)).to.equal(true);
    calls.forEach((c, i) => expect(c.media.sending).to.equal(mics[i]));
    expect(mixes.every((t) => t.readyState === 'ended'), 'the mixes are released').to.equal(true);
    session.stop();
  });
});

describe('conference and recording leave nothing behind', () => {
  it('20 rounds of merge, record, stop and End conference: every AudioContext closed, every mix track stopped', async () => {
    const ctx = new AudioContext();
    const made: AudioContext[] = [];
    const Original = window.AudioContext;
    window.AudioContext = class extends Original {
      constructor(options?: AudioContextOptions) {
        super(options);
        made.push(this);
      }
    };
    const sent: MediaStreamTrack[] = [];
    try {
      const { factory, agents } = fakeAgents();
      const session = new PhoneSession(factory);
      session.configure(account());
      session.updateSettings({ localRecording: true });
      agents[0]!.register();
      for (let round = 0; round < 20; round++) {
        const calls: FakeCall[] = [];
        for (const n of ['1002', '1003']) {
          const call = agents[0]!.ring({ number: n, uri: `sip:${n}@phone.test` });
          call.media = { remote: new MediaStream([tone(ctx, 500)]), sending: tone(ctx, 300) };
          session.answer(call.id);
          await new Promise((r) => setTimeout(r, 0));
          calls.push(call);
        }
        await session.merge();
        sent.push(...calls.map((c) => c.media.sending!));
        session.toggleRecording(calls[0]!.id);
        while (!session.state.calls[0]!.localRecording) await new Promise((r) => setTimeout(r, 5));
        session.toggleRecording(calls[0]!.id);
        await session.endConference();
        for (const c of calls) c.remoteEnds();
      }
      await session.dispose();
      await new Promise((r) => setTimeout(r, 200));
      expect(made.length, 'a mixer and a recorder per round').to.be.at.least(40);
      expect(made.filter((c) => c.state !== 'closed').length, 'AudioContexts left open').to.equal(0);
      expect(sent.filter((t) => t.readyState === 'live').length, 'mix tracks left live').to.equal(0);
    } finally {
      window.AudioContext = Original;
      await ctx.close();
    }
  });
});
