// Smoke test of the Kamailio test bed: sipp (UDP) + raw WebSocket clients.
// Exits non-zero on failure. Needs kamailio, sipp, sqlite3, openssl.
//
//   node test/sip-server/smoke.mjs
//   unshare -n sh -c 'ip link set lo up; node test/sip-server/smoke.mjs'   # isolated
//
// Env: SMOKE_SIP_PORT / SMOKE_WS_PORT / SMOKE_WSS_PORT (defaults 5060/8080/8443),
//      SMOKE_VERBOSE=1 echoes Kamailio's log.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSipServer, isAlive } from './sip-server.mjs';
import { WsSipClient } from './ws-sip-client.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SCEN = join(HERE, 'sipp');
const SIP_PORT = Number(process.env.SMOKE_SIP_PORT || 5060);
const WS_PORT = Number(process.env.SMOKE_WS_PORT || 8080);
const WSS_PORT = Number(process.env.SMOKE_WSS_PORT || 8443);
const HOST = '127.0.0.1';
const work = mkdtempSync(join(tmpdir(), 'sip-smoke-'));

let passed = 0;
let failed = 0;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function check(name, fn) {
  const t0 = Date.now();
  try {
    const detail = await fn();
    passed++;
    console.log(`ok - ${name}${detail ? ` (${detail})` : ''} [${Date.now() - t0} ms]`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}: ${e && e.message ? e.message : e}`);
  }
}

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

// ---- sipp ----
let portSeq = 5100;
let runSeq = 0;
/** Run one sipp scenario; resolves { code, results: [...RESULT lines], out }. */
function sipp(scenario, args, { timeout = 15, port } = {}) {
  const id = `${scenario.replace('.xml', '')}-${++runSeq}`;
  const logFile = join(work, `${id}.log`);
  const msgFile = join(work, `${id}.msg`);
  const p = port || portSeq++;
  const mp = 20000 + runSeq * 10;
  const argv = [
    '-sf', join(SCEN, scenario),
    '-m', '1',
    '-p', String(p),
    '-i', HOST,
    '-mp', String(mp),
    '-nostdin',
    '-trace_logs', '-log_file', logFile,
    '-trace_msg', '-message_file', msgFile,
    '-timeout', `${timeout}s`, '-timeout_error',
    ...args,
    `${HOST}:${SIP_PORT}`,
  ];
  return new Promise((resolve) => {
    const child = spawn('sipp', argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: work });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), (timeout + 5) * 1000);
    child.on('exit', (code) => {
      clearTimeout(killer);
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
      const results = log
        .split('\n')
        .filter((l) => l.startsWith('RESULT'))
        .map((l) => l.trim());
      resolve({ code, results, out, msgFile, id });
    });
  });
}

function expectSipp(r, want) {
  const joined = r.results.join(' | ');
  assert(r.code === 0, `sipp ${r.id} exit ${r.code}; results: ${joined || '-'}; messages: ${r.msgFile}`);
  if (want) assert(r.results.some((l) => l.includes(want)), `expected "${want}", got: ${joined || '-'}`);
  return joined;
}

const account = (u) => ({ user: u, password: `pass${u}` });

function register(user, contactPort, expires = 300) {
  return sipp('register.xml', ['-s', user, '-ap', `pass${user}`, '-key', 'contact_port', String(contactPort), '-key', 'expires', String(expires)]);
}

function portOpen(port) {
  return new Promise((resolve) => {
    const s = connect({ host: HOST, port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

const anyAlive = (pids) => pids.filter(isAlive);

async function ws(user, url) {
  const c = new WsSipClient({ url, ...account(user) });
  await c.connect();
  return c;
}

// ---------------------------------------------------------------------------
const server = await startSipServer({
  sipPort: SIP_PORT,
  wsPort: WS_PORT,
  wssPort: WSS_PORT,
  dir: join(work, 'kamailio'),
  log: process.env.SMOKE_VERBOSE ? true : false,
});
console.log(`# kamailio pid ${server.pid}, dir ${server.dir}`);
const clients = [];

try {
  await check('listening on udp+tcp sip, ws, wss (ss -ltnup)', async () => {
    const r = spawnSync('ss', ['-ltnup'], { encoding: 'utf8' });
    assert(r.status === 0, `ss failed: ${r.stderr}`);
    const lines = r.stdout.split('\n').filter((l) => l.includes('kamailio'));
    const has = (proto, port) => lines.some((l) => l.startsWith(proto) && l.includes(`${HOST}:${port} `));
    assert(has('udp', SIP_PORT), `no udp ${SIP_PORT}`);
    assert(has('tcp', SIP_PORT), `no tcp ${SIP_PORT}`);
    assert(has('tcp', WS_PORT), `no tcp ${WS_PORT}`);
    assert(has('tcp', WSS_PORT), `no tcp ${WSS_PORT}`);
    assert(!r.stdout.split('\n').some((l) => l.includes('kamailio') && !l.includes(`${HOST}:`)), 'listens on a non-loopback address');
    return `udp/tcp ${SIP_PORT}, tcp ${WS_PORT}, tcp ${WSS_PORT}`;
  });

  // ---- sipp over UDP ----
  await check('sipp REGISTER 1002 with digest auth -> 401, 200', async () => expectSipp(await register('1002', 5072), 'RESULT 200'));

  await check('sipp REGISTER 1002 with a wrong password -> 401/403', async () =>
    expectSipp(await sipp('register-bad.xml', ['-s', '1002', '-ap', 'wrong-password']), 'RESULT 40'));

  await check('sipp call 1001 -> 1002: 407, 200, ACK, BYE 200', async () => {
    const uas = sipp('uas.xml', ['-s', '1002'], { port: 5072 });
    await sleep(300);
    expectSipp(await register('1001', 5071), 'RESULT 200');
    const uac = await sipp('uac.xml', ['-s', '1002', '-key', 'caller', '1001', '-au', '1001', '-ap', 'pass1001'], { port: 5071 });
    const u = await uas;
    expectSipp(u, 'RESULT BYE');
    return expectSipp(uac, 'RESULT 200 BYE');
  });

  await check('sipp INVITE to unknown user 1999 -> 404', async () =>
    expectSipp(await sipp('invite-reject.xml', ['-s', '1999', '-key', 'caller', '1001', '-au', '1001', '-ap', 'pass1001']), 'RESULT 404'));

  await check('sipp INVITE to known, unregistered 1004 -> 480', async () =>
    expectSipp(await sipp('invite-reject.xml', ['-s', '1004', '-key', 'caller', '1001', '-au', '1001', '-ap', 'pass1001']), 'RESULT 480'));

  await check('sipp MESSAGE to offline 1003 -> 202, delivered on REGISTER', async () => {
    const text = `offline hello ${Date.now()}`;
    expectSipp(
      await sipp('message.xml', ['-s', '1003', '-key', 'caller', '1001', '-au', '1001', '-ap', 'pass1001', '-key', 'text', text]),
      'RESULT 202',
    );
    const recv = sipp('message-recv.xml', ['-s', '1003'], { port: 5073 });
    await sleep(300);
    expectSipp(await register('1003', 5073), 'RESULT 200');
    const r = await recv;
    expectSipp(r, `body=${text}`);
    return r.results.join(' ');
  });

  // ---- WebSocket ----
  let c1005;
  let c1006;
  let c1007;
  let c1008;
  await check('ws REGISTER 1005 -> 401 challenge, then 200', async () => {
    c1005 = await ws('1005', server.wsUrl);
    clients.push(c1005);
    const r = await c1005.register(300);
    assert(r.firstStatus === 401, `first response ${r.firstStatus}`);
    assert(r.status === 200, `final ${r.status} ${r.reason}`);
    return `contact ${r.get('contact')}`;
  });

  await check('wss REGISTER 1006 -> 401 challenge, then 200', async () => {
    c1006 = await ws('1006', server.wssUrl);
    clients.push(c1006);
    const r = await c1006.register(300);
    assert(r.firstStatus === 401 && r.status === 200, `${r.firstStatus} then ${r.status}`);
    return 'ok';
  });

  await check('ws REGISTER with wrong password -> 401 again', async () => {
    const c = new WsSipClient({ url: server.wsUrl, user: '1008', password: 'bad' });
    await c.connect();
    const r = await c.register(60);
    await c.close();
    assert(r.status === 401 || r.status === 403, `got ${r.status}`);
    return `${r.firstStatus}, ${r.status}`;
  });

  await check('sipp MESSAGE to offline 1007, delivered over ws on REGISTER (msilo loop)', async () => {
    const text = `to ws ${Date.now()}`;
    expectSipp(
      await sipp('message.xml', ['-s', '1007', '-key', 'caller', '1001', '-au', '1001', '-ap', 'pass1001', '-key', 'text', text]),
      'RESULT 202',
    );
    c1007 = await ws('1007', server.wsUrl);
    clients.push(c1007);
    const got = c1007.waitForRequest((m) => m.method === 'MESSAGE', 5000);
    const r = await c1007.register(300);
    assert(r.status === 200, `REGISTER ${r.status}`);
    const m = await got;
    // sipp ends the body with CRLF
    assert(m.body.trim() === text, `body ${JSON.stringify(m.body)}`);
    return `from ${m.get('from')}`;
  });

  await check('ws MESSAGE 1005 -> 1007 (online, ws) -> 407, 200, delivered', async () => {
    const got = c1007.waitForRequest((m) => m.method === 'MESSAGE' && m.body === 'ws to ws', 5000, { includePast: false });
    const r = await c1005.message('sip:1007@phone.test', 'ws to ws');
    assert(r.firstStatus === 407 && r.status === 200, `${r.firstStatus} then ${r.status}`);
    await got;
  });

  await check('sipp call 1001 (udp) -> 1005 (ws): 200, BYE reaches ws client', async () => {
    c1005.autoAnswer = {};
    const bye = c1005.waitForRequest((m) => m.method === 'BYE', 8000, { includePast: false });
    const ack = c1005.waitForRequest((m) => m.method === 'ACK', 8000, { includePast: false });
    const uac = await sipp('uac.xml', ['-s', '1005', '-key', 'caller', '1001', '-au', '1001', '-ap', 'pass1001'], { port: 5071 });
    expectSipp(uac, 'RESULT 200 BYE');
    await ack;
    const b = await bye;
    return `BYE ${b.uri}`;
  });

  await check('sipp call 1001 (udp) -> 1006 (wss): 200 + BYE', async () => {
    c1006.autoAnswer = {};
    const bye = c1006.waitForRequest((m) => m.method === 'BYE', 8000, { includePast: false });
    const uac = await sipp('uac.xml', ['-s', '1006', '-key', 'caller', '1001', '-au', '1001', '-ap', 'pass1001'], { port: 5071 });
    expectSipp(uac, 'RESULT 200 BYE');
    await bye;
    c1006.autoAnswer = null;
  });

  await check('BLF: ws 1006 SUBSCRIBE dialog@1002, call 1001->1002 NOTIFYs confirmed + terminated', async () => {
    const first = c1006.waitForRequest((m) => m.method === 'NOTIFY' && /dialog/.test(m.get('event') || ''), 5000, { includePast: false });
    const r = await c1006.subscribe('sip:1002@phone.test', 'dialog', 'application/dialog-info+xml');
    assert(r.firstStatus === 407, `first ${r.firstStatus}`);
    assert(r.status === 200 || r.status === 202, `SUBSCRIBE ${r.status} ${r.reason}`);
    await first;
    const confirmed = c1006.waitForRequest(
      (m) => m.method === 'NOTIFY' && /entity="sip:1002@phone\.test"/.test(m.body) && /<state>confirmed<\/state>/.test(m.body),
      8000,
      { includePast: false },
    );
    const terminated = c1006.waitForRequest(
      (m) => m.method === 'NOTIFY' && /entity="sip:1002@phone\.test"/.test(m.body) && /<state>terminated<\/state>/.test(m.body),
      10000,
      { includePast: false },
    );
    const uas = sipp('uas.xml', ['-s', '1002'], { port: 5072 });
    await sleep(300);
    expectSipp(await register('1002', 5072), 'RESULT 200');
    const uac = await sipp('uac.xml', ['-s', '1002', '-key', 'caller', '1001', '-au', '1001', '-ap', 'pass1001'], { port: 5071 });
    expectSipp(uac, 'RESULT 200 BYE');
    expectSipp(await uas, 'RESULT BYE');
    const c = await confirmed;
    assert(/application\/dialog-info\+xml/.test(c.get('content-type') || ''), `content-type ${c.get('content-type')}`);
    await terminated;
    return 'confirmed, terminated';
  });

  await check('MWI: ws 1006 SUBSCRIBE message-summary, 1008 PUBLISH -> NOTIFY Messages-Waiting: yes', async () => {
    c1008 = await ws('1008', server.wsUrl);
    clients.push(c1008);
    const first = c1006.waitForRequest((m) => m.method === 'NOTIFY' && /message-summary/.test(m.get('event') || ''), 5000, { includePast: false });
    const r = await c1006.subscribe('sip:1006@phone.test', 'message-summary', 'application/simple-message-summary');
    assert(r.status === 200 || r.status === 202, `SUBSCRIBE ${r.status}`);
    await first;
    const waiting = c1006.waitForRequest(
      (m) => m.method === 'NOTIFY' && /message-summary/.test(m.get('event') || '') && /Messages-Waiting:\s*yes/i.test(m.body),
      5000,
      { includePast: false },
    );
    const body = 'Messages-Waiting: yes\r\nMessage-Account: sip:1006@phone.test\r\nVoice-Message: 2/0 (0/0)\r\n';
    const p = await c1008.publish('sip:1006@phone.test', 'message-summary', 'application/simple-message-summary', body);
    assert(p.firstStatus === 407 && p.status === 200, `PUBLISH ${p.firstStatus} then ${p.status} ${p.reason}`);
    const n = await waiting;
    assert(/Voice-Message: 2\/0/.test(n.body), `body ${JSON.stringify(n.body)}`);
    return 'Voice-Message: 2/0';
  });

  await check('presence: ws 1005 SUBSCRIBE presence@1006, 1006 PUBLISH pidf -> NOTIFY open', async () => {
    const r = await c1005.subscribe('sip:1006@phone.test', 'presence', 'application/pidf+xml');
    assert(r.status === 200 || r.status === 202, `SUBSCRIBE ${r.status}`);
    const open = c1005.waitForRequest((m) => m.method === 'NOTIFY' && /<basic>open<\/basic>/.test(m.body), 5000);
    const pidf =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:1006@phone.test">\n' +
      '<tuple id="t1"><status><basic>open</basic></status></tuple>\n</presence>\n';
    const p = await c1006.publish('sip:1006@phone.test', 'presence', 'application/pidf+xml', pidf);
    assert(p.status === 200, `PUBLISH ${p.status} ${p.reason}`);
    const n = await open;
    return `NOTIFY ${n.get('subscription-state')}`;
  });

  await check('ws 1005 calls sipp 1002 (udp): 407, 200, ACK, BYE 200', async () => {
    const uas = sipp('uas.xml', ['-s', '1002'], { port: 5072 });
    await sleep(300);
    expectSipp(await register('1002', 5072), 'RESULT 200');
    const call = await c1005.invite('sip:1002@phone.test');
    assert(call.response.firstStatus === 407, `first ${call.response.firstStatus}`);
    assert(call.response.status === 200, `INVITE ${call.response.status}`);
    call.ack();
    await sleep(300);
    const bye = await call.bye();
    assert(bye.status === 200, `BYE ${bye.status}`);
    expectSipp(await uas, 'RESULT BYE');
    return `Route set: ${call.dialog.routes.join(' ')}`;
  });

  await check('ws 1005 calls ws 1008: 200, ACK + BYE reach callee', async () => {
    const r = await c1008.register(300);
    assert(r.status === 200, `REGISTER 1008 ${r.status}`);
    c1008.autoAnswer = {};
    const ack = c1008.waitForRequest((m) => m.method === 'ACK', 5000, { includePast: false });
    const byeIn = c1008.waitForRequest((m) => m.method === 'BYE', 5000, { includePast: false });
    const call = await c1005.invite('sip:1008@phone.test');
    assert(call.response.status === 200, `INVITE ${call.response.status}`);
    call.ack();
    await ack;
    const bye = await call.bye();
    assert(bye.status === 200, `BYE ${bye.status}`);
    await byeIn;
    return `Route set: ${call.dialog.routes.join(' ')}`;
  });

  await check('ws 1005 calls ws 1008, CANCEL while ringing -> 487, callee sees CANCEL', async () => {
    c1008.autoAnswer = { ringOnly: true };
    const cancelIn = c1008.waitForRequest((m) => m.method === 'CANCEL', 5000, { includePast: false });
    let rang;
    const ringing = new Promise((r) => (rang = r));
    const inv = c1005.startInvite('sip:1008@phone.test', { onProvisional: (m) => m.status === 180 && rang() });
    await ringing;
    inv.cancel();
    const call = await inv.final;
    assert(call.response.status === 487, `INVITE ${call.response.status}`);
    await cancelIn;
    c1008.autoAnswer = null;
  });

  await check('ws SUBSCRIBE refresh + unsubscribe in-dialog (presence server dialog)', async () => {
    const target = 'sip:1003@phone.test';
    const r = await c1005.subscribe(target, 'dialog', 'application/dialog-info+xml', 300);
    assert(r.status === 200 || r.status === 202, `SUBSCRIBE ${r.status}`);
    const refresh = await c1005.resubscribe(r, target, 'dialog', 300);
    assert(refresh.status === 200 || refresh.status === 202, `refresh ${refresh.status} ${refresh.reason}`);
    const term = c1005.waitForRequest(
      (m) => m.method === 'NOTIFY' && m.get('call-id') === r.callId && /terminated/.test(m.get('subscription-state') || ''),
      5000,
      { includePast: false },
    );
    const un = await c1005.resubscribe(r, target, 'dialog', 0);
    assert(un.status === 200 || un.status === 202, `unsubscribe ${un.status} ${un.reason}`);
    await term;
    return `presence Contact ${r.get('contact')}`;
  });

  await check('ws 1005 calls unregistered 1004 -> 480', async () => {
    const call = await c1005.invite('sip:1004@phone.test');
    assert(call.response.status === 480, `INVITE ${call.response.status}`);
  });

  await check('ws client connection lost -> contact dropped, INVITE 1007 -> 480', async () => {
    c1007.destroy();
    await sleep(1500);
    return expectSipp(await sipp('invite-reject.xml', ['-s', '1007', '-key', 'caller', '1001', '-au', '1001', '-ap', 'pass1001']), 'RESULT 480');
  });

  for (const c of clients) await c.close();

  // ---- lifecycle ----
  await check('restart(): same ports, REGISTER works again', async () => {
    const old = server.pid;
    const oldPids = server.processes();
    assert(oldPids.length > 5, `expected main + workers, got ${oldPids}`);
    await server.restart();
    assert(!anyAlive(oldPids).length, `old processes alive: ${anyAlive(oldPids)}`);
    expectSipp(await register('1002', 5072), 'RESULT 200');
    return `pid ${old} -> ${server.pid}`;
  });

  await check('kill() (crash) then restart(): stored MESSAGE survives in SQLite', async () => {
    const text = `survives crash ${Date.now()}`;
    expectSipp(
      await sipp('message.xml', ['-s', '1004', '-key', 'caller', '1001', '-au', '1001', '-ap', 'pass1001', '-key', 'text', text]),
      'RESULT 202',
    );
    const pids = server.processes();
    await server.kill();
    assert(!anyAlive(pids).length, `alive after kill(): ${anyAlive(pids)}`);
    assert(!(await portOpen(WS_PORT)), 'ws port still open after kill()');
    await server.restart();
    const recv = sipp('message-recv.xml', ['-s', '1004'], { port: 5074 });
    await sleep(300);
    expectSipp(await register('1004', 5074), 'RESULT 200');
    expectSipp(await recv, `body=${text}`);
  });

  await check('stop(): no kamailio process left, ports closed', async () => {
    const pids = server.processes();
    await server.stop();
    assert(!anyAlive(pids).length, `alive after stop(): ${anyAlive(pids)}`);
    for (const p of [SIP_PORT, WS_PORT, WSS_PORT]) assert(!(await portOpen(p)), `port ${p} still open`);
    const ps = spawnSync('pgrep', ['-x', 'kamailio'], { encoding: 'utf8' });
    const ours = ps.stdout.split('\n').filter((p) => pids.includes(Number(p)));
    assert(!ours.length, `left: ${ours}`);
    return `${pids.length} processes gone`;
  });
} finally {
  for (const c of clients) c.destroy();
  if (server.running) await server.stop();
}

console.log(`# work dir ${work}`);
console.log(`${passed} passed, ${failed} failed`);
if (failed === 0 && !process.env.SMOKE_KEEP) rmSync(work, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
