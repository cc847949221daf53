// Runs sipp (Debian's sip-tester) from end-to-end tests: a non-browser UDP
// peer of the local Kamailio. Same approach as test/sip-server/smoke.mjs
// (spawn, -trace_logs/-log_file, "RESULT ..." lines), but every process is
// tracked so a test can kill them all in after(), even when it fails.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCEN = join(dirname(fileURLToPath(import.meta.url)), '..', 'sip-server', 'sipp');
const HOST = '127.0.0.1';

let workDir;
let runSeq = 0;
const running = new Set();

/** Where sipp's logs and message traces go (a new /tmp/e2e-sipp-* per test process). */
export function sippDir() {
  workDir ??= mkdtempSync(join(tmpdir(), 'e2e-sipp-'));
  return workDir;
}

/**
 * Starts one sipp scenario (a file in test/sip-server/sipp) against Kamailio.
 * Returns at once: `{ id, child, done, kill }`; `done` resolves with
 * `{ code, results: ['RESULT ...'], out, logFile, msgFile, id }` when sipp exits
 * (or is killed after `timeout` + 5 s).
 */
export function sipp(scenario, args = [], { port, calls = 1, timeout = 15, server = `${HOST}:5060` } = {}) {
  const dir = sippDir();
  const id = `${scenario.replace('.xml', '')}-${++runSeq}`;
  const logFile = join(dir, `${id}.log`);
  const msgFile = join(dir, `${id}.msg`);
  const argv = [
    '-sf', join(SCEN, scenario),
    '-m', String(calls),
    ...(port ? ['-p', String(port)] : []),
    '-i', HOST,
    '-mp', String(20000 + runSeq * 10),
    '-nostdin',
    '-trace_logs', '-log_file', logFile,
    '-trace_msg', '-message_file', msgFile,
    '-timeout', `${timeout}s`, '-timeout_error',
    ...args,
    server,
  ];
  const child = spawn('sipp', argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  running.add(child);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), (timeout + 5) * 1000);
  const done = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(killer);
      running.delete(child);
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
      const results = log
        .split('\n')
        .filter((l) => l.startsWith('RESULT'))
        .map((l) => l.trim());
      resolve({ code: code ?? signal, results, out, logFile, msgFile, id });
    });
  });
  return {
    id,
    child,
    done,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return done;
    },
  };
}

/** Registers `user` with its binding at 127.0.0.1:`contactPort` (register.xml); resolves the sipp result. */
export function register(user, contactPort, expires = 120) {
  return sipp('register.xml', ['-s', user, '-ap', `pass${user}`, '-key', 'contact_port', String(contactPort), '-key', 'expires', String(expires)]).done;
}

/** Fails unless sipp exited 0 and (if given) logged a RESULT line containing `want`. */
export function expectSipp(r, want) {
  const joined = r.results.join(' | ');
  if (r.code !== 0) throw new Error(`sipp ${r.id} exit ${r.code}; results: ${joined || '-'}; messages: ${r.msgFile}\n${r.out.slice(-2000)}`);
  if (want && !r.results.some((l) => l.includes(want))) throw new Error(`sipp ${r.id}: expected "${want}", got: ${joined || '-'}; messages: ${r.msgFile}`);
  return joined;
}

/** Kills every sipp this module started that still runs, and waits for them to exit. */
export async function killAllSipp() {
  const children = [...running];
  await Promise.all(
    children.map(
      (c) =>
        new Promise((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          c.once('exit', resolve);
          c.kill('SIGKILL');
        }),
    ),
  );
}

/** The status codes of the responses sipp sent, in order, from its -trace_msg file (retransmissions included). */
export function sentStatuses(r) {
  const trace = existsSync(r.msgFile) ? readFileSync(r.msgFile, 'utf8') : '';
  return [...trace.matchAll(/message sent \(\d+ bytes\):\s*\n\s*SIP\/2\.0 (\d{3}) /g)].map((m) => Number(m[1]));
}
