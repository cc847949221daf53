// Connections that go wrong, end to end: a frozen (half-open) server is
// noticed by the keepalive; a dead server fails over to the next one, and the
// phone goes back to the preferred server when it returns.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startBed, waitFor } from './bed.mjs';
import { startSipServer } from '../sip-server/sip-server.mjs';

/** Whether Kamailio `sip` has a registration for `user` (what the server itself says). */
const registered = (sip, user) => {
  try {
    return execFileSync('kamcmd', ['-s', `unix:${join(sip.dir, 'kamailio_ctl')}`, 'ul.dump'], { encoding: 'utf8' }).match(new RegExp(`AoR: (sip:)?${user}\\b`)) !== null;
  } catch {
    return false;
  }
};

describe('connection trouble', () => {
  let bed;
  let second;
  before(async () => {
    bed = await startBed();
    second = await startSipServer({ wsPort: 8090, wssPort: 8453, sipPort: 5070 });
  });
  after(async () => {
    await second?.stop();
    await bed?.close();
  });
  afterEach(() => bed.closePhones());

  it('notices a frozen server (half-open WebSocket) within 30 s and recovers when it thaws', async () => {
    const phone = await bed.phone('1001');
    const pids = bed.sip.processes();
    for (const pid of pids) process.kill(pid, 'SIGSTOP');
    const frozenAt = Date.now();
    try {
      await phone.waitStatus('Disconnected', 30000);
    } finally {
      for (const pid of pids) process.kill(pid, 'SIGCONT');
    }
    assert.ok(Date.now() - frozenAt < 30000);
    await phone.waitStatus('Ready', 20000);
  });

  it('restarts ICE when the media path breaks, and the audio comes back by itself', async () => {
    const bob = await bed.peer('1002', { autoAnswer: true });
    const alice = await bed.phone('1001');
    await alice.dial('1002');
    await alice.waitText('Connected');
    await alice.waitAudioFlowing();
    // Cut every UDP packet in this test's own network namespace: the media path dies, signalling (TCP) stays.
    const nft = (...args) => execFileSync('nft', args, { stdio: 'pipe' });
    nft('add', 'table', 'inet', 'cut');
    nft('add', 'chain', 'inet', 'cut', 'out', '{ type filter hook output priority 0 ; }');
    nft('add', 'rule', 'inet', 'cut', 'out', 'meta', 'l4proto', 'udp', 'drop');
    try {
      await bob.waitEvent('reinvite', () => true, 20000);
    } finally {
      nft('delete', 'table', 'inet', 'cut');
    }
    const before = (await alice.stats()).bytesReceived;
    await waitFor(async () => (await alice.stats()).bytesReceived > before + 4000, { timeout: 20000, message: 'audio back after the ICE restart' });
    await alice.waitText('Connected');
  });

  it('fails over to the next server within 5 s and goes back to the preferred one when it returns', async () => {
    const phone = await bed.phone('1002', { server: `${second.wsUrl},${bed.sip.wsUrl}` });
    await waitFor(() => registered(second, '1002'), { message: 'registered on the preferred server' });
    await second.kill();
    const killedAt = Date.now();
    await waitFor(() => registered(bed.sip, '1002'), { timeout: 10000, interval: 200, message: 'registered on the fallback' });
    assert.ok(Date.now() - killedAt < 5000, `failover took ${Date.now() - killedAt} ms`);
    await phone.waitStatus('Ready');
    await second.restart();
    await waitFor(() => registered(second, '1002'), { timeout: 40000, interval: 500, message: 'back on the preferred server' });
    await phone.waitStatus('Ready', 10000);
  });
});
