// Local SIP server (Kamailio) for the phone widget tests.
//
//   import { startSipServer } from './test/sip-server/sip-server.mjs';
//   const sip = await startSipServer({ wsPort: 8080 });
//   ... sip.wsUrl, sip.accounts ...
//   await sip.stop();
//
// Run directly (`node test/sip-server/sip-server.mjs`) it stays in the
// foreground until SIGINT/SIGTERM. Node 20, no npm dependencies.
// Needs Debian packages: kamailio (+ websocket, presence, sqlite, utils, tls
// modules), sqlite3, openssl.

import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, accessSync, constants } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

export const DOMAIN = 'phone.test';

const NAMES = ['Alice', 'Bob', 'Carol', 'Dave', 'Erin', 'Frank', 'Grace', 'Heidi'];
export const ACCOUNTS = NAMES.map((name, i) => {
  const user = String(1001 + i);
  return Object.freeze({ user, password: `pass${user}`, name });
});

const HERE = dirname(fileURLToPath(import.meta.url));
export const CONFIG_FILE = join(HERE, 'kamailio.cfg');

// Tables used by the config: version, subscriber (auth_db), presentity,
// active_watchers, watchers, xcap, pua (presence/pua), silo (msilo).
// usrloc and dialog run in memory (db_mode 0).
const SCHEMA_FILES = ['standard-create.sql', 'auth_db-create.sql', 'presence-create.sql', 'msilo-create.sql'];

function findExecutable(name, envVar) {
  if (envVar && process.env[envVar]) return process.env[envVar];
  const dirs = [...(process.env.PATH || '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin', '/usr/bin'];
  for (const d of dirs) {
    if (!d) continue;
    const p = join(d, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  throw new Error(`${name} not found (install the Debian package, or set ${envVar || 'PATH'})`);
}

function findSchemaDir() {
  const candidates = [
    process.env.KAMAILIO_SCHEMA_DIR,
    '/usr/share/kamailio/db_sqlite',
    '/usr/local/share/kamailio/db_sqlite',
  ].filter(Boolean);
  for (const d of candidates) {
    if (existsSync(join(d, 'auth_db-create.sql'))) return d;
  }
  throw new Error('Kamailio SQLite schema not found (apt-get install kamailio-sqlite-modules)');
}

function run(cmd, args, input) {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
  }
  return r.stdout;
}

const sqlQuote = (s) => `'${String(s).replace(/'/g, "''")}'`;

function ensureCertificate(dir) {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  if (!existsSync(cert) || !existsSync(key)) {
    run(findExecutable('openssl'), [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30',
      '-keyout', key, '-out', cert,
      '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ]);
  }
  return { cert, key };
}

function ensureDatabase(dir, accounts) {
  const db = join(dir, 'kamailio.sqlite');
  const sqlite3 = findExecutable('sqlite3');
  let sql = '';
  if (!existsSync(db)) {
    const schemaDir = findSchemaDir();
    sql += SCHEMA_FILES.map((f) => readFileSync(join(schemaDir, f), 'utf8')).join('\n');
    sql += '\nPRAGMA journal_mode=WAL;\n';
  }
  sql += 'BEGIN;\n';
  for (const a of accounts) {
    sql +=
      'INSERT INTO subscriber (username, domain, password, ha1, ha1b) VALUES (' +
      [a.user, DOMAIN, a.password, '', ''].map(sqlQuote).join(', ') +
      ') ON CONFLICT (username, domain) DO UPDATE SET password = excluded.password;\n';
  }
  sql += 'COMMIT;\n';
  run(sqlite3, ['-bail', db], sql);
  return db;
}

function waitTcp(host, port, deadline) {
  return new Promise((resolvePromise, reject) => {
    const attempt = () => {
      const s = connect({ host, port });
      s.once('connect', () => {
        s.destroy();
        resolvePromise();
      });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > deadline) reject(new Error(`port ${host}:${port} not accepting connections`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

// OPTIONS sip:<host>:<port> over UDP until a 200 comes back.
function waitUdpOptions(host, port, deadline) {
  return new Promise((resolvePromise, reject) => {
    const sock = createSocket('udp4');
    let timer;
    const finish = (err) => {
      clearTimeout(timer);
      sock.close();
      if (err) reject(err);
      else resolvePromise();
    };
    sock.on('message', (buf) => {
      if (/^SIP\/2\.0 200 /.test(buf.toString('latin1'))) finish();
    });
    sock.on('error', (e) => finish(e));
    sock.bind(0, host, () => {
      const lport = sock.address().port;
      const send = () => {
        if (Date.now() > deadline) return finish(new Error(`no SIP answer on udp ${host}:${port}`));
        const branch = 'z9hG4bK' + randomBytes(6).toString('hex');
        const msg =
          `OPTIONS sip:${host}:${port} SIP/2.0\r\n` +
          `Via: SIP/2.0/UDP ${host}:${lport};branch=${branch};rport\r\n` +
          `Max-Forwards: 70\r\n` +
          `From: <sip:probe@${host}:${lport}>;tag=${randomBytes(4).toString('hex')}\r\n` +
          `To: <sip:${host}:${port}>\r\n` +
          `Call-ID: ${randomBytes(8).toString('hex')}@probe\r\n` +
          `CSeq: 1 OPTIONS\r\n` +
          `Content-Length: 0\r\n\r\n`;
        sock.send(msg, port, host);
        timer = setTimeout(send, 200);
      };
      send();
    });
  });
}

// ---- process tree helpers (Linux /proc) ----
// Kamailio's main process forks its workers; SIGKILL of the main process
// alone would leave them running (holding the ports), so kill() and the
// exit hook signal the whole tree, enumerated before anything dies.

function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: rest[0], ppid: Number(rest[1]) };
  } catch {
    return null;
  }
}

export function isAlive(pid) {
  const st = procStat(pid);
  return !!st && st.state !== 'Z' && st.state !== 'X';
}

function processTree(root) {
  const all = [root];
  let procs;
  try {
    procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  } catch {
    return all;
  }
  const byParent = new Map();
  for (const p of procs) {
    const st = procStat(p);
    if (!st) continue;
    if (!byParent.has(st.ppid)) byParent.set(st.ppid, []);
    byParent.get(st.ppid).push(p);
  }
  for (let i = 0; i < all.length; i++) all.push(...(byParent.get(all[i]) || []));
  return all;
}

function signalAll(pids, signal) {
  for (const p of pids) {
    try {
      process.kill(p, signal);
    } catch {
      /* gone */
    }
  }
}

async function waitGone(pids, ms) {
  const end = Date.now() + ms;
  while (pids.some(isAlive) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return !pids.some(isAlive);
}

// Kamailio main pids started by this module: their trees are SIGKILLed if
// node exits without stop() (not on a fatal signal: Ctrl-C reaches Kamailio
// directly, it runs in the caller's process group).
const running = new Set();
process.on('exit', () => {
  for (const pid of running) signalAll(processTree(pid), 'SIGKILL');
});

/**
 * Start Kamailio.
 * @param {object} [options]
 * @param {number} [options.wsPort=8080]
 * @param {number} [options.wssPort=8443]
 * @param {number} [options.sipPort=5060] UDP + TCP
 * @param {string} [options.host='127.0.0.1']
 * @param {string} [options.dir] runtime dir (DB, cert, pid, log); default: new temp dir
 * @param {boolean|NodeJS.WritableStream} [options.log=false] echo Kamailio's log (true = stderr)
 * @param {number} [options.debug=2] Kamailio log level
 * @param {number} [options.startTimeout=20000] ms
 * @param {Record<string, string|number|true>} [options.defines] extra `-A` defines,
 *   e.g. { WITH_BLF_DUMMY_DIALOG: true }
 */
export async function startSipServer(options = {}) {
  const opts = {
    wsPort: 8080,
    wssPort: 8443,
    sipPort: 5060,
    host: '127.0.0.1',
    log: false,
    debug: 2,
    startTimeout: 20000,
    ...options,
  };
  const dir = resolve(opts.dir || mkdtempSync(join(tmpdir(), 'phone-sip-')));
  mkdirSync(dir, { recursive: true });
  const kamailio = findExecutable('kamailio', 'KAMAILIO_BIN');
  const { cert, key } = ensureCertificate(dir);
  const db = ensureDatabase(dir, ACCOUNTS);
  const pidFile = join(dir, 'kamailio.pid');
  const logFile = join(dir, 'kamailio.log');
  const echo = opts.log === true ? process.stderr : opts.log || null;

  const args = [
    '-DD', '-E',
    '-f', CONFIG_FILE,
    '-Y', dir,
    '-P', pidFile,
    '-w', dir,
    '-A', `LISTEN_IP=${opts.host}`,
    '-A', `SIP_PORT=${opts.sipPort}`,
    '-A', `WS_PORT=${opts.wsPort}`,
    '-A', `WSS_PORT=${opts.wssPort}`,
    '-A', `DBURL="sqlite:///${db}"`,
    '-A', `TLS_CERT="${cert}"`,
    '-A', `TLS_KEY="${key}"`,
    '-A', `SELF_URI="sip:${opts.host}:${opts.sipPort}"`,
    '-A', `CTL_SOCK="unix:${join(dir, 'kamailio_ctl')}"`,
    '-A', `DEBUG_LEVEL=${opts.debug}`,
    ...Object.entries(opts.defines || {}).flatMap(([k, v]) => ['-A', v === true ? k : `${k}=${v}`]),
  ];

  let state = null; // { child, pid, exited: Promise }

  async function launch() {
    rmSync(pidFile, { force: true }); // stale after kill()
    const logStream = createWriteStream(logFile, { flags: 'a' });
    logStream.write(`\n===== ${new Date().toISOString()} ${kamailio} ${args.join(' ')}\n`);
    const child = spawn(kamailio, args, {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const onData = (chunk) => {
      logStream.write(chunk);
      if (echo) echo.write(chunk);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const exited = new Promise((res) => {
      child.once('exit', (code, signal) => {
        running.delete(child.pid);
        res({ code, signal });
      });
      child.once('error', (err) => {
        running.delete(child.pid);
        res({ code: null, signal: null, err });
      });
    });
    child.on('close', () => logStream.end());
    if (child.pid) running.add(child.pid);
    state = { child, pid: child.pid, exited };

    const deadline = Date.now() + opts.startTimeout;
    const ready = Promise.all([
      waitTcp(opts.host, opts.sipPort, deadline),
      waitTcp(opts.host, opts.wsPort, deadline),
      waitTcp(opts.host, opts.wssPort, deadline),
      waitUdpOptions(opts.host, opts.sipPort, deadline),
    ]);
    const died = exited.then((info) => {
      throw new Error(
        `kamailio exited during start (${info.err ? info.err.message : `code ${info.code}, signal ${info.signal}`}); ` +
          `see ${logFile}:\n${tail(logFile)}`,
      );
    });
    died.catch(() => {}); // only relevant while starting
    try {
      await Promise.race([ready, died]);
    } catch (e) {
      await killTree();
      throw e;
    }
    // with -DD the process we spawned is Kamailio's main process (= PID file)
    state.pid = (await readPid()) || child.pid;
  }

  async function readPid() {
    try {
      const n = parseInt(await readFile(pidFile, 'utf8'), 10);
      return Number.isFinite(n) && n > 0 ? n : null;
    } catch {
      return null;
    }
  }

  async function killTree() {
    if (!state) return;
    const pids = processTree(state.child.pid);
    signalAll(pids, 'SIGKILL');
    await state.exited;
    await waitGone(pids, 3000);
    state = null;
  }

  async function stop() {
    if (!state) return;
    const pid = (await readPid()) || state.child.pid;
    const pids = processTree(state.child.pid);
    if (isAlive(pid)) signalAll([pid], 'SIGTERM');
    const timeout = new Promise((r) => setTimeout(() => r('timeout'), 3000));
    if ((await Promise.race([state.exited, timeout])) === 'timeout') {
      await killTree();
      return;
    }
    // main process is gone; its workers normally exit with it
    if (!(await waitGone(pids, 1000))) signalAll(pids.filter(isAlive), 'SIGKILL');
    await waitGone(pids, 2000);
    state = null;
  }

  async function kill() {
    await killTree();
  }

  /** pids of the running Kamailio: main process first, then its workers */
  function processes() {
    return state ? processTree(state.child.pid).filter(isAlive) : [];
  }

  async function restart() {
    await stop();
    await launch();
    server.pid = state.pid;
  }

  await launch();

  const server = {
    wsUrl: `ws://${opts.host}:${opts.wsPort}`,
    wssUrl: `wss://${opts.host}:${opts.wssPort}`,
    sipUdp: `${opts.host}:${opts.sipPort}`,
    sipTcp: `${opts.host}:${opts.sipPort}`,
    host: opts.host,
    sipPort: opts.sipPort,
    wsPort: opts.wsPort,
    wssPort: opts.wssPort,
    domain: DOMAIN,
    accounts: ACCOUNTS,
    dir,
    dbFile: db,
    certFile: cert,
    keyFile: key,
    logFile,
    pid: state.pid,
    get running() {
      return state !== null;
    },
    stop,
    restart,
    kill,
    processes,
  };
  return server;
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

// ---- CLI ----
const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const argv = process.argv.slice(2);
  const opt = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--ws-port') opt.wsPort = Number(next());
    else if (a === '--wss-port') opt.wssPort = Number(next());
    else if (a === '--sip-port') opt.sipPort = Number(next());
    else if (a === '--dir') opt.dir = next();
    else if (a === '--log' || a === '-v') opt.log = true;
    else if (a === '--debug') opt.debug = Number(next());
    else {
      console.log('usage: node sip-server.mjs [--ws-port 8080] [--wss-port 8443] [--sip-port 5060] [--dir DIR] [--log] [--debug 2]');
      process.exit(a === '--help' || a === '-h' ? 0 : 2);
    }
  }
  const server = await startSipServer(opt);
  console.log(`Kamailio running (pid ${server.pid}), domain ${server.domain}`);
  console.log(`  ws:   ${server.wsUrl}`);
  console.log(`  wss:  ${server.wssUrl}  (self-signed: ${server.certFile})`);
  console.log(`  sip:  udp/tcp ${server.sipUdp}`);
  console.log(`  dir:  ${server.dir}  (log: ${server.logFile})`);
  console.log('  accounts:');
  for (const a of server.accounts) console.log(`    sip:${a.user}@${server.domain}  password ${a.password}  (${a.name})`);
  console.log('Ctrl-C to stop.');
  let stopping = false;
  const shutdown = async (sig) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${sig}: stopping Kamailio...`);
    await server.stop();
    console.log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}
