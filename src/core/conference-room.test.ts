import { expect } from '@open-wc/testing';
import { RECENT_MS, roomActive, roomCall } from './conference-room.js';
import type { CallView } from './types.js';

const call = (id: string, uri: string, patch: Partial<CallView> = {}): CallView => ({
  id,
  direction: 'outbound',
  remote: { number: uri.replace(/^sip:|@.*$/g, ''), uri },
  state: 'connected',
  startedAt: 0,
  muted: false,
  held: false,
  remoteHeld: false,
  ...patch,
});

describe('conference room', () => {
  it('is active from its lamp when the server says, else for a while after a party was sent', () => {
    expect(roomActive('busy', undefined, 0)).to.equal(true);
    expect(roomActive('held', undefined, 0)).to.equal(true);
    expect(roomActive('idle', 1000, 1000), 'the server says empty: empty').to.equal(false);
    expect(roomActive('unknown', undefined, 0)).to.equal(false);
    expect(roomActive('offline', 1000, 2000)).to.equal(true);
    expect(roomActive(undefined, 1000, 1000 + RECENT_MS)).to.equal(false);
  });

  it('finds the user’s call to the room: the one dialled for it, or an outbound call to its address', () => {
    const calls = [call('a', 'sip:1002@pbx', { direction: 'inbound' }), call('b', 'sip:800@PBX;transport=ws')];
    expect(roomCall(calls, 'sip:800@pbx', undefined)?.id).to.equal('b');
    expect(roomCall(calls, 'sip:800@pbx', 'a')?.id).to.equal('a');
    expect(roomCall(calls, 'sip:801@pbx', undefined)).to.equal(undefined);
    expect(roomCall([call('c', 'sip:800@pbx', { state: 'ended' })], 'sip:800@pbx', 'c')).to.equal(undefined);
  });
});
