import { expect } from '@open-wc/testing';
import { callStateText, endedText, formatDuration, remoteLabel } from './format.js';
import type { CallEndCause, CallView } from './types.js';

function call(patch: Partial<CallView> = {}): CallView {
  return {
    id: 'c1',
    direction: 'inbound',
    remote: { number: '1002', uri: 'sip:1002@phone.test' },
    state: 'connected',
    startedAt: 0,
    muted: false,
    held: false,
    remoteHeld: false,
    ...patch,
  };
}
const cause = (code: string, text: string, by: CallEndCause['by'] = 'remote'): CallEndCause => ({ code, text, by });

describe('formatDuration', () => {
  it('writes minutes and two-digit seconds under an hour', () => {
    expect(formatDuration(0)).to.equal('0:00');
    expect(formatDuration(5)).to.equal('0:05');
    expect(formatDuration(65)).to.equal('1:05');
    expect(formatDuration(750)).to.equal('12:30');
    expect(formatDuration(3599)).to.equal('59:59');
  });

  it('adds hours with two-digit minutes from an hour on', () => {
    expect(formatDuration(3600)).to.equal('1:00:00');
    expect(formatDuration(3723)).to.equal('1:02:03');
    expect(formatDuration(36000 + 59 * 60 + 9)).to.equal('10:59:09');
  });

  it('rounds down fractions and never goes below zero (clock skew)', () => {
    expect(formatDuration(59.999)).to.equal('0:59');
    expect(formatDuration(-3)).to.equal('0:00');
    expect(formatDuration(-0.5)).to.equal('0:00');
  });
});

describe('callStateText', () => {
  it('words outgoing calls', () => {
    expect(callStateText(call({ direction: 'outbound', state: 'calling' }))).to.equal('Calling…');
    expect(callStateText(call({ direction: 'outbound', state: 'ringing' }))).to.equal('Ringing…');
    expect(callStateText(call({ direction: 'outbound', state: 'ringing', earlyMedia: true }))).to.equal('Ringing (announcement)…');
  });

  it('words incoming calls, silenced or not', () => {
    expect(callStateText(call({ state: 'ringing' }))).to.equal('Incoming call');
    expect(callStateText(call({ state: 'ringing', silenced: true }))).to.equal('Incoming call (silenced)');
  });

  it('words connected calls: held, held by remote, pending hold or resume', () => {
    expect(callStateText(call())).to.equal('Connected');
    expect(callStateText(call({ held: true }))).to.equal('On hold');
    expect(callStateText(call({ remoteHeld: true }))).to.equal('Held by remote');
    expect(callStateText(call({ held: true, remoteHeld: true }))).to.equal('On hold');
    expect(callStateText(call({ holdPending: true }))).to.equal('Holding…');
    expect(callStateText(call({ holdPending: true, held: true }))).to.equal('Resuming…');
  });

  it('words the calls of a transfer', () => {
    const consulting = { kind: 'attended', target: '1003', state: 'consulting', consultId: 'c2' } as const;
    expect(callStateText(call({ held: true, transfer: consulting }))).to.equal('On hold · transfer to 1003');
    expect(callStateText(call({ transfer: { kind: 'blind', target: '1004', state: 'referring' } }))).to.equal('Transferring to 1004…');
    expect(callStateText(call({ held: true, transfer: { ...consulting, state: 'referring' } }))).to.equal('Transferring to 1003…');
  });

  it('says why an ended call ended', () => {
    expect(callStateText(call({ state: 'ended', cause: cause('busy', 'Busy (486)') }))).to.equal('Busy (486)');
    expect(callStateText(call({ state: 'ended' }))).to.equal('Call ended');
  });
});

describe('remoteLabel', () => {
  it('prefers the name and falls back to the number', () => {
    expect(remoteLabel(call({ remote: { number: '1002', name: 'Bob', uri: 'sip:1002@x' } }))).to.equal('Bob');
    expect(remoteLabel(call({ remote: { number: '1002', name: '', uri: 'sip:1002@x' } }))).to.equal('1002');
    expect(remoteLabel(call())).to.equal('1002');
  });
});

describe('endedText', () => {
  const ended = (patch: Partial<CallView>) => call({ state: 'ended', ...patch });

  it('says a call ended normally, whoever hung up', () => {
    expect(endedText(ended({ answeredAt: 1, cause: cause('hangup', 'Call ended') }))).to.equal('Call with 1002 ended');
    expect(endedText(ended({ answeredAt: 1 }))).to.equal('Call with 1002 ended');
    expect(endedText(ended({ direction: 'outbound', cause: cause('canceled', 'Canceled', 'local') }))).to.equal('Call with 1002 ended');
  });

  it('gives the reason for an answered call that ended abnormally', () => {
    const text = endedText(ended({ answeredAt: 1, remote: { number: '1002', name: 'Bob', uri: '' }, cause: cause('network', 'Audio connection lost') }));
    expect(text).to.equal('Call with Bob ended: Audio connection lost');
  });

  it('says an outgoing call failed, with why', () => {
    expect(endedText(ended({ direction: 'outbound', cause: cause('busy', 'Busy (486)') }))).to.equal('Call to 1002 failed: Busy (486)');
    expect(endedText(ended({ direction: 'outbound', cause: cause('canceled', 'Canceled (487)', 'remote') }))).to.equal(
      'Call to 1002 failed: Canceled (487)',
    );
  });

  it('says an unanswered incoming call was missed', () => {
    expect(endedText(ended({ cause: cause('canceled', 'Canceled') }))).to.equal('Missed call from 1002');
    expect(endedText(ended({ cause: cause('dnd', 'Rejected: Do Not Disturb', 'local') }))).to.equal('Missed call from 1002');
  });
});
