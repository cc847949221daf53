// Media through a TURN relay, end to end: Debian's coturn on loopback
// (started here, inside the test's network namespace) with one static
// long-term-credential user, the widget forced to relay, a bare JsSIP peer as
// the far end. The call connects over TURN/UDP, TURN/TCP and TURN/TLS
// (turns: with the test bed's self-signed certificate; Chromium runs with
// --ignore-certificate-errors), the call card says Relay and audio flows both
// ways. A TURN server that never answers does not hold the call up.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBed, waitFor } from './bed.mjs';

const TURN_USER = 'relay';
const TURN_SECRET = 'relay-s3cret';

/** Starts coturn on 127.0.0.1 (udp/tcp 3478, tls 5349); resolves once both ports accept TCP. */
async function startCoturn(cert, key) {
  const dir = mkdtempSync(join(tmpdir(), 'phone-turn-'));
  const child = spawn(
    'turnserver',
    [
      '-n',
      '--no-cli',
      '--log-file=stdout',
      '--listening-ip=127.0.0.1',
      '--relay-ip=127.0.0.1',
      '--listening-port=3478',
      '--tls-listening-port=5349',
      // Our peers are on loopback too: without this coturn answers CREATE_PERMISSION with 403 Forbidden IP.
      '--allow-loopback-peers',
      '--lt-cred-mech',
      `--user=${TURN_USER}:${TURN_SECRET}`,
      '--realm=phone.test',
      `--cert=${cert}`,
      `--pkey=${key}`,
      `--userdb=${join(dir, 'turndb')}`,
      `--pidfile=${join(dir, 'turnserver.pid')}`,
      '--min-port=49160',
      '--max-port=49400',
      '--no-software-attribute',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log = [];
  const keep = (d) => log.push(String(d));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const open = (port) =>
    new Promise((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
  await waitFor(async () => child.exitCode === null && (await open(3478)) && (await open(5349)), {
    timeout: 10000,
    message: `coturn listening (log: ${log.join('').slice(-500)})`,
  });
  return {
    log,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** A UDP "TURN server" that reads every request and never answers. */
function silentTurn(port) {
  const socket = createSocket('udp4');
  const heard = { requests: 0, close: () => socket.close() };
  socket.on('message', () => heard.requests++);
  return new Promise((resolve) => socket.bind(port, '127.0.0.1', () => resolve(heard)));
}

describe('TURN relay (coturn on loopback)', () => {
  let bed;
  let turn;
  before(async () => {
    bed = await startBed();
    turn = await startCoturn(bed.sip.certFile, bed.sip.certFile.replace(/cert\.pem$/, 'key.pem'));
  });
  after(async () => {
    await turn?.stop();
    await bed?.close();
  });
  afterEach(() => bed.closePhones());

  /** Alice forced to relay through `urls`, in a call with Bob; returns both and how long the call took to connect. */
  async function relayedCall(urls) {
    const bob = await bed.peer('1002', { autoAnswer: true });
    const alice = await bed.phone('1001');
    await alice.page.evaluate(
      async ({ urls, user, secret }) => {
        const el = document.querySelector('phone-widget');
        el.turn = urls;
        el.turnUsername = user;
        el.turnCredential = secret;
        el.forceRelay = true;
        await el.updateComplete;
      },
      { urls, user: TURN_USER, secret: TURN_SECRET },
    );
    await alice.waitStatus('Ready');
    assert.equal(await alice.page.evaluate(() => document.querySelector('phone-widget').session.state.configError ?? ''), '');
    const started = Date.now();
    await alice.dial('1002');
    await alice.waitText('Connected', 15000);
    const connectedIn = Date.now() - started;
    return { alice, bob, connectedIn };
  }

  async function assertRelayed(alice, bob, protocol) {
    await alice.waitAudioFlowing();
    await bob.waitAudioFlowing();
    const stats = await waitFor(async () => {
      const s = await alice.stats();
      return s?.path ? s : null;
    }, { message: 'selected candidate pair' });
    assert.equal(stats.path, 'relay');
    assert.equal(stats.relayProtocol, protocol);
    // The call card's indicator (from the quality sampler) says so too.
    await waitFor(async () => (await alice.page.getByRole('button', { name: /^Relay connection/ }).count()) === 1, { message: 'Relay indicator' });
    // The credential never reaches the console.
    assert.ok(!alice.console.some((line) => line.includes(TURN_SECRET)), 'credential in the console');
  }

  for (const [name, urls, protocol] of [
    ['UDP', 'turn:127.0.0.1:3478?transport=udp', 'udp'],
    ['TCP', 'turn:127.0.0.1:3478?transport=tcp', 'tcp'],
    ['TLS', 'turns:127.0.0.1:5349?transport=tcp', 'tls'],
  ]) {
    it(`connects a call with relay forced over TURN/${name}; the indicator says Relay and audio flows`, async () => {
      const { alice, bob } = await relayedCall(urls);
      await assertRelayed(alice, bob, protocol);
    });
  }

  it('takes the TURN settings from an activation link and leaves no credential in the address bar', async () => {
    const bob = await bed.peer('1002', { autoAnswer: true });
    const extra = { turn: 'turn:127.0.0.1:3478?transport=udp', turnUsername: TURN_USER, turnCredential: TURN_SECRET, forceRelay: 'true' };
    const alice = await bed.phone('1001', { extra });
    const url = alice.page.url();
    assert.ok(!url.includes(TURN_SECRET) && !url.includes('turn'), url);
    assert.match(url, /keep=me/);
    await alice.dial('1002');
    await alice.waitText('Connected', 15000);
    await assertRelayed(alice, bob, 'udp');
  });

  it('gives a call up in seconds, in words, when relay is forced and the only TURN server never answers', async () => {
    const silent = await silentTurn(3491);
    try {
      const bob = await bed.peer('1002', { autoAnswer: true });
      const alice = await bed.phone('1001');
      await alice.set({ turn: 'turn:127.0.0.1:3491?transport=udp', turnUsername: TURN_USER, turnCredential: TURN_SECRET, forceRelay: true });
      await alice.waitStatus('Ready');
      const started = Date.now();
      await alice.dial('1002');
      await alice.waitText('The media relay (TURN) did not answer', 12000);
      const gaveUpIn = Date.now() - started;
      // Without the limit the INVITE would leave after ~40 s and connect without media.
      assert.ok(gaveUpIn < 9000, `gave up after ${gaveUpIn} ms`);
      assert.equal((await bob.events('incoming')).length, 0, 'no INVITE reached the far end');
      await alice.waitStatus('Ready');
    } finally {
      silent.close();
    }
  });

  it('is not held up by a TURN server that never answers', async () => {
    const silent = await silentTurn(3490);
    try {
      const { alice, bob, connectedIn } = await relayedCall('turn:127.0.0.1:3490?transport=udp,turn:127.0.0.1:3478?transport=udp');
      // JsSIP alone would wait for ICE gathering to finish, i.e. for the silent server to time out (tens of seconds).
      assert.ok(connectedIn < 5000, `connected in ${connectedIn} ms`);
      assert.ok(silent.requests > 0, 'the browser did ask the silent server');
      await assertRelayed(alice, bob, 'udp');
    } finally {
      silent.close();
    }
  });
});
