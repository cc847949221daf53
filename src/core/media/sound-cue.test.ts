import { expect } from '@open-wc/testing';
import { soundCue } from './sound-cue.js';
import { DEFAULT_CALL_SETTINGS, type CallSettings, type CallView } from '../types.js';

let n = 0;
function call(patch: Partial<CallView> = {}): CallView {
  const id = `c${++n}`;
  return {
    id,
    direction: 'inbound',
    remote: { number: '1002', uri: 'sip:1002@phone.test' },
    state: 'ringing',
    startedAt: 0,
    muted: false,
    held: false,
    remoteHeld: false,
    ...patch,
  };
}

const settings = (patch: Partial<CallSettings> = {}): CallSettings => ({ ...DEFAULT_CALL_SETTINGS, ...patch });
const none = new Set<string>();

describe('soundCue', () => {
  it('is silent without calls', () => {
    expect(soundCue([], settings(), none)).to.equal(null);
  });

  it('rings with the ringtone for an incoming call when nothing else goes on', () => {
    expect(soundCue([call()], settings(), none)).to.equal('ringtone');
    expect(soundCue([call(), call()], settings(), none)).to.equal('ringtone');
  });

  it('does not ring for a silenced (ignored) call', () => {
    expect(soundCue([call({ silenced: true })], settings(), none)).to.equal(null);
    expect(soundCue([call({ silenced: true }), call()], settings(), none)).to.equal('ringtone');
  });

  it('plays the call-waiting tone, not the ringtone, during a connected call', () => {
    const calls = [call({ state: 'connected', direction: 'outbound' }), call()];
    expect(soundCue(calls, settings(), none)).to.equal('call-waiting');
  });

  it('counts a held call and an outgoing call still calling as "busy"', () => {
    expect(soundCue([call({ state: 'connected', held: true }), call()], settings(), none)).to.equal('call-waiting');
    expect(soundCue([call({ state: 'calling', direction: 'outbound' }), call()], settings(), none)).to.equal('call-waiting');
  });

  it('is silent for a waiting call when call waiting is disabled', () => {
    const calls = [call({ state: 'connected' }), call()];
    expect(soundCue(calls, settings({ callWaiting: 'disabled' }), none)).to.equal(null);
    // Disabled call waiting does not silence the ringtone of a lone call.
    expect(soundCue([call()], settings({ callWaiting: 'disabled' }), none)).to.equal('ringtone');
  });

  it('plays the call-waiting tone once per waiting call with "once"', () => {
    const waiting = call();
    const calls = [call({ state: 'connected' }), waiting];
    const once = settings({ callWaiting: 'once' });
    expect(soundCue(calls, once, none)).to.equal('call-waiting');
    expect(soundCue(calls, once, new Set([waiting.id]))).to.equal(null);
    // A second waiting call that has not had its tone yet gets it.
    expect(soundCue([...calls, call()], once, new Set([waiting.id]))).to.equal('call-waiting');
    // "enable" repeats regardless of what was played.
    expect(soundCue(calls, settings({ callWaiting: 'enable' }), new Set([waiting.id]))).to.equal('call-waiting');
  });

  it('plays ringback while the callee rings without early media', () => {
    expect(soundCue([call({ direction: 'outbound', state: 'ringing' })], settings(), none)).to.equal('ringback');
    expect(soundCue([call({ direction: 'outbound', state: 'ringing', earlyMedia: true })], settings(), none)).to.equal(null);
    expect(soundCue([call({ direction: 'outbound', state: 'calling' })], settings(), none)).to.equal(null);
  });

  it('is silent during a plain connected call, and for ended calls', () => {
    expect(soundCue([call({ state: 'connected' })], settings(), none)).to.equal(null);
    expect(soundCue([call({ state: 'ended' }), call({ state: 'ended', direction: 'outbound' })], settings(), none)).to.equal(null);
  });

  it('puts a ringing incoming call before ringback', () => {
    const calls = [call({ direction: 'outbound', state: 'ringing' }), call()];
    expect(soundCue(calls, settings(), none)).to.equal('call-waiting');
  });
});
