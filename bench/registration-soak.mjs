// Registration refresh soak: one widget registered with a short expiry for
// several minutes. Prints, at every refresh, what Kamailio's location table
// holds for the account and what the widget's page holds; at the end, the
// registrations lost and the growth of heap, listeners and timers.
//
//   node bench/registration-soak.mjs [--expires S] [--minutes M]
//   (or: sh test/netns.sh node bench/registration-soak.mjs …)
//
//   --expires S   the registrar's max_expires (default 30): the widget asks
//                 for 300 s and refreshes before what the server grants
//   --minutes M   how long (default 4)
//
// Polled every 250 ms: `kamcmd ul.dump` for the account 1001 (contacts, CSeq
// of the REGISTER that made them). A poll that finds no contact, or more than
// one, is a lost (or doubled) registration; so is a phone-status other than
// Ready after the start. Sampled at every refresh, in the page after garbage
// collection (CDP HeapProfiler.collectGarbage): JS heap used, JS event
// listeners (CDP Memory.getDOMCounters), and the timeouts pending and the
// intervals live (counted by an init script that wraps the timer functions).
// Budgets: no lost registration; heap growth ≤ 1 MB and no growth of
// listeners or timers between the second refresh and the last. The exit code
// is 0 unless the bench itself fails.
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

if (!process.env.BENCH_NETNS && Object.keys(networkInterfaces()).some((name) => name !== 'lo')) {
  const unshare = process.getuid?.() === 0 ? ['-n'] : ['-rn'];
  const r = spawnSync('unshare', [...unshare, 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, SELF, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_NETNS: '1' },
  });
  if (r.error) {
    console.error(`Could not enter a network namespace (${r.error.message}); run it as:\n  sh test/netns.sh node bench/registration-soak.mjs`);
    process.exit(1);
  }
  process.exit(r.status ?? 1);
}

const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
};
const EXPIRES = option('--expires', 30);
const MINUTES = option('--minutes', 4);
const USER = '1001';
const HEAP_BUDGET_MB = 1;

if (!existsSync(join(ROOT, 'dist/phone-widget.js'))) {
  console.error('dist/phone-widget.js is missing: build it first (npx rollup -c).');
  process.exit(1);
}
const { startBed } = await import(join(ROOT, 'test/e2e/bed.mjs'));

/** Counts timeouts pending and intervals live in the page. */
const COUNT_TIMERS = () => {
  const W = window;
  const native = { st: W.setTimeout.bind(W), ct: W.clearTimeout.bind(W), si: W.setInterval.bind(W), ci: W.clearInterval.bind(W) };
  const timeouts = new Set();
  const intervals = new Set();
  W.setTimeout = (fn, ms, ...args) => {
    const id = native.st((...a) => {
      timeouts.delete(id);
      return typeof fn === 'function' ? fn(...a) : undefined;
    }, ms, ...args);
    timeouts.add(id);
    return id;
  };
  W.clearTimeout = (id) => {
    timeouts.delete(id);
    native.ct(id);
  };
  W.setInterval = (fn, ms, ...args) => {
    const id = native.si(fn, ms, ...args);
    intervals.add(id);
    return id;
  };
  W.clearInterval = (id) => {
    intervals.delete(id);
    native.ci(id);
  };
  W.__timers = () => ({ timeouts: timeouts.size, intervals: intervals.size });
};

/** The contacts of `user` in the location table, with the CSeq of each. */
function location(sip, user) {
  try {
    const out = execFileSync('kamcmd', ['-s', `unix:${join(sip.dir, 'kamailio_ctl')}`, 'ul.dump'], { encoding: 'utf8', stdio: 'pipe' });
    const record = out.split(/\bAoR: /).find((part) => new RegExp(`^(sip:)?${user}\\b`).test(part)) ?? '';
    const cseqs = [...record.matchAll(/CSeq: (\d+)/g)].map((m) => Number(m[1]));
    const expires = [...record.matchAll(/Expires: (\d+)/g)].map((m) => Number(m[1]));
    return { contacts: cseqs.length, cseq: Math.max(0, ...cseqs), expires: expires[0] ?? 0 };
  } catch {
    return { contacts: 0, cseq: 0, expires: 0 };
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(2);

const bed = await startBed({ defines: { REG_MAX_EXPIRES: EXPIRES } });
try {
  const context = await bed.browser.newContext();
  await context.addInitScript(COUNT_TIMERS);
  const phone = await bed.phone(USER, { context });
  const cdp = await context.newCDPSession(phone.page);
  await cdp.send('HeapProfiler.enable');
  const sample = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    await sleep(200);
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    const timers = await phone.page.evaluate(() => window.__timers());
    return { heap: heap.usedSize, listeners: dom.jsEventListeners, ...timers };
  };

  const statusesAtStart = (await phone.events('phone-status')).length;
  const end = Date.now() + MINUTES * 60_000;
  const rows = [];
  let polls = 0;
  let lost = 0;
  let doubled = 0;
  let last = location(bed.sip, USER);
  console.log(`Registration soak: account ${USER}, registrar max_expires ${EXPIRES} s, ${MINUTES} min`);
  console.log('  time   REGISTER CSeq  contacts  expires  heap MB  listeners  timeouts  intervals');
  while (Date.now() < end) {
    await sleep(250);
    const now = location(bed.sip, USER);
    polls++;
    if (now.contacts === 0) lost++;
    if (now.contacts > 1) doubled++;
    if (now.cseq !== last.cseq) {
      const s = await sample();
      const t = `${Math.round((MINUTES * 60_000 - (end - Date.now())) / 1000)} s`.padStart(6);
      rows.push(s);
      console.log(`  ${t}  ${String(now.cseq).padStart(13)}  ${String(now.contacts).padStart(8)}  ${String(now.expires).padStart(7)}  ${mb(s.heap).padStart(7)}  ${String(s.listeners).padStart(9)}  ${String(s.timeouts).padStart(8)}  ${String(s.intervals).padStart(9)}`);
    }
    last = now;
  }
  const statuses = (await phone.events('phone-status')).slice(statusesAtStart).map((e) => e.detail.status);
  const refreshes = rows.length;
  console.log(`\n${refreshes} refreshes in ${polls} polls; polls with no contact: ${lost}, with more than one: ${doubled}; status changes after Ready: ${statuses.length ? statuses.join(', ') : 'none'}`);
  const verdict = (ok) => (ok ? 'PASS' : 'OVER');
  console.log(`${verdict(lost === 0 && doubled === 0 && statuses.length === 0)}  registration never lost (budget: 0)`);
  if (refreshes >= 3) {
    const [from, to] = [rows[1], rows.at(-1)];
    const growth = to.heap - from.heap;
    console.log(`${verdict(growth <= HEAP_BUDGET_MB * 1024 * 1024)}  heap ${mb(from.heap)} → ${mb(to.heap)} MB (growth ${mb(growth)} MB, budget ${HEAP_BUDGET_MB} MB)`);
    console.log(`${verdict(to.listeners <= from.listeners)}  JS event listeners ${from.listeners} → ${to.listeners}`);
    console.log(`${verdict(to.timeouts <= from.timeouts + 2 && to.intervals <= from.intervals)}  timeouts pending ${from.timeouts} → ${to.timeouts}, intervals ${from.intervals} → ${to.intervals}`);
  } else {
    console.log(`too few refreshes to compare (${refreshes}); run longer or with a shorter --expires`);
  }
} finally {
  await bed.close();
}
