// SIP timing: the widget against a bare JsSIP UA, on the local Kamailio.
//
//   unshare -n sh -c 'ip link set lo up && node bench/sip-timing.mjs [--runs N] [--warmup N] [--verbose]'
//
//   --runs N            counted runs of each phone (default 10)
//   --warmup N          uncounted warm-up pairs first (default 1)
//   --verbose           print every run
//   --widget-page NAME  the widget's page in test/e2e/pages (default phone.html,
//                       <phone-widget> in the body; blank.html mounts a floating one)
//
// (Run as plain `node bench/sip-timing.mjs` it re-executes itself that way: as
// root with `unshare -n`, otherwise with `unshare -rn`, like test/e2e/run.sh.
// Inside the namespace there is only loopback, so ICE sees only loopback and
// nothing leaves the machine.)
//
// What it measures, for each of N runs (default 10) of each phone:
//   load→ready      performance.now() in the page (relative to navigation
//                   start, which is when page.goto starts the navigation) at
//                   which the phone is registered: the widget's `phone-status`
//                   event with status `ready` (seen by an init script), or the
//                   bare UA's `registered` event.
//   dial→connected  from just before `session.dial('1002')` (widget) or
//                   `ua.call('sip:1002@phone.test')` (bare) to the call being
//                   answered on the caller's side: the widget's call state
//                   `connected`, the bare session's `accepted` (JsSIP emits
//                   `accepted` and `confirmed` together, on the 200 OK).
// The caller is account 1001; the callee is one bare JsSIP page registered as
// 1002 that answers every call at once, the same for both phones. Each run is a
// fresh browser context (no cache, no storage); widget and bare runs are
// interleaved, and the order of the pair alternates, to cancel drift. A warm-up
// pair (--warmup, default 1) is not counted. The dial starts 250 ms after
// ready, so it does not overlap the tail of page start-up.
//
// The widget is dist/phone-widget.js on test/e2e/pages/phone.html, served by the
// test bed's static server (:8000). The bare phone is bench/pages/bare-jssip.html
// with JsSIP alone, bundled and minified by esbuild at start with the widget's
// `debug` stub, served from memory by this script's own server (:8001). The UA
// settings are the widget's (src/core/sip/jssip-agent.ts).
//
// Every page gets the same init script, which also wraps WebSocket (logging when
// the socket is created and opens, and each SIP message going out or coming
// in), getUserMedia and RTCPeerConnection (ICE candidates, gathering complete).
// Medians of those steps are printed as a breakdown, to show where time goes:
// "at" is the step's median time, "step" the median over runs of the time since
// the step above. Long tasks (>50 ms) before ready are counted too.
//
// It prints medians, the ratio widget/bare and the budget (≤1.2×) with PASS or
// OVER. It is a report, not a test: the exit code is 0 unless the bench fails.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg, networkInterfaces } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

// ---- into a loopback-only network namespace ----
if (!process.env.BENCH_NETNS && Object.keys(networkInterfaces()).some((name) => name !== 'lo')) {
  const unshare = process.getuid?.() === 0 ? ['-n'] : ['-rn'];
  const r = spawnSync(
    'unshare',
    [...unshare, 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, SELF, ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, BENCH_NETNS: '1' } },
  );
  if (r.error) {
    console.error(`Could not enter a network namespace (${r.error.message}); run it as:\n  unshare -n sh -c 'ip link set lo up && node bench/sip-timing.mjs'`);
    process.exit(1);
  }
  process.exit(r.status ?? 1);
}

const { build } = await import('esbuild');
const { startBed, activationUrl, waitFor, account, DOMAIN } = await import(join(ROOT, 'test/e2e/bed.mjs'));

// ---- options ----
const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
};
const RUNS = Number(option('--runs', 10));
const WARMUP = Number(option('--warmup', 1));
const VERBOSE = process.argv.includes('--verbose');
const WIDGET_PAGE = option('--widget-page', 'phone.html');
const BUDGET = 1.2;
const SETTLE_MS = 250;
const BENCH_PORT = 8001;
const CALLER = '1001';
const CALLEE = '1002';
const SERVER = 'ws://127.0.0.1:8080';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---- the bare JsSIP bundle and the bench's static server ----
async function bareBundle() {
  const debugLite = join(ROOT, 'src/core/sip/debug-lite.ts');
  const result = await build({
    stdin: { contents: "import JsSIP from 'jssip';\nwindow.JsSIP = JsSIP;\n", resolveDir: ROOT, loader: 'js', sourcefile: 'bench-jssip.js' },
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        // JsSIP require()s `debug` and calls the result: hand it the stub's default export.
        name: 'stub-debug',
        setup(b) {
          b.onResolve({ filter: /^debug$/ }, () => ({ path: 'debug', namespace: 'stub-debug' }));
          b.onLoad({ filter: /.*/, namespace: 'stub-debug' }, () => ({
            contents: `module.exports = require(${JSON.stringify(debugLite)}).default;`,
            loader: 'js',
            resolveDir: ROOT,
          }));
        },
      },
    ],
  });
  return result.outputFiles[0].contents;
}

function startBenchServer(jssip) {
  const pages = join(ROOT, 'bench', 'pages');
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://x');
    const headers = { 'cache-control': 'no-store' };
    try {
      if (pathname === '/bench-jssip.js') {
        res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' });
        return res.end(jssip);
      }
      if (pathname.startsWith('/bench/pages/')) {
        const body = await readFile(join(pages, basename(pathname)));
        res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
        return res.end(body);
      }
    } catch {
      /* 404 below */
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(BENCH_PORT, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${BENCH_PORT}`, close: () => new Promise((r) => server.close(() => r())) }),
    );
  });
}

const bareUrl = (base, user, extra = {}) => {
  const url = new URL('/bench/pages/bare-jssip.html', base);
  const params = { server: SERVER, user, password: account(user).password, domain: DOMAIN, display: account(user).name, ...extra };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
};

// ---- in the page ----

/** Init script of every page: a WebSocket that logs, and the widget's ready time. */
const INIT = () => {
  const bench = (window.__bench ??= {});
  bench.ws = [];
  const log = (ev, line) => bench.ws.push({ t: performance.now(), ev, line });
  const firstLine = (data) => (typeof data === 'string' ? data : new TextDecoder().decode(data)).split('\r\n', 1)[0];
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      log('new', String(args[0]));
      this.addEventListener('open', () => log('open'));
      this.addEventListener('message', (e) => log('in', firstLine(e.data)));
      this.addEventListener('close', () => log('close'));
    }
    send(data) {
      log('out', firstLine(data));
      return super.send(data);
    }
  };
  // Media steps of a call, logged the same way (ev: gum-call, gum, pc, ice-first, ice-done).
  const md = navigator.mediaDevices;
  const getUserMedia = md.getUserMedia.bind(md);
  md.getUserMedia = (constraints) => {
    log('gum-call');
    return getUserMedia(constraints).then((stream) => (log('gum'), stream));
  };
  const NativePC = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePC {
    constructor(...args) {
      super(...args);
      log('pc');
      let first = true;
      this.addEventListener('icecandidate', (e) => {
        if (e.candidate && first) (first = false), log('ice-first');
      });
      this.addEventListener('icegatheringstatechange', () => this.iceGatheringState === 'complete' && log('ice-done'));
    }
  };
  bench.longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* no long-task timing */
  }
  document.addEventListener('phone-status', (e) => {
    if (e.detail.status === 'ready') bench.readyAt ??= performance.now();
  });
};

/** The widget calls `target`; resolves to performance.now() figures of the call's steps. */
const widgetDial = (target) =>
  new Promise((resolve, reject) => {
    const session = document.querySelector('phone-widget').session;
    const t = {};
    const off = session.on('change', (state) => {
      const call = state.calls[0];
      if (call?.state === 'ringing') t.progress ??= performance.now();
      if (call?.state === 'connected') {
        t.accepted = performance.now();
        off();
        resolve(t);
      } else if (state.lastEnded) {
        off();
        reject(new Error(`call ended: ${JSON.stringify(state.lastEnded.cause)}`));
      }
    });
    t.start = performance.now();
    const result = session.dial(target);
    if (!result.ok) {
      off();
      reject(new Error(result.message));
    }
  });

const bareDial = (target) => window.benchDial(target);

// ---- one run ----

const withTimeout = (promise, ms, what) =>
  Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`timed out: ${what}`)))]);

/** Steps of registration and of the call, from the WebSocket log (ms after navigation start / after dial). */
function breakdown(ws, readyAt, dial) {
  const find = (pred, from = -Infinity, to = Infinity) => ws.find((e) => e.t >= from && e.t <= to && pred(e))?.t;
  const findLast = (pred, from = -Infinity, to = Infinity) => ws.filter((e) => e.t >= from && e.t <= to && pred(e)).at(-1)?.t;
  const out = (method) => (e) => e.ev === 'out' && e.line.startsWith(`${method} `);
  const inStatus = (code) => (e) => e.ev === 'in' && e.line.startsWith(`SIP/2.0 ${code}`);
  const load = {
    'WebSocket created': find((e) => e.ev === 'new'),
    'WebSocket open': find((e) => e.ev === 'open'),
    'first REGISTER sent': find(out('REGISTER')),
    '401 received': find(inStatus(401)),
    'REGISTER with auth sent': findLast(out('REGISTER'), -Infinity, readyAt),
    '200 (REGISTER) received': findLast(inStatus(200), -Infinity, readyAt),
    ready: readyAt,
  };
  const s = dial.start;
  const end = dial.accepted;
  const rel = (t) => (t === undefined ? NaN : t - s);
  const ev = (name) => (e) => e.ev === name;
  const call = {
    'RTCPeerConnection created': rel(find(ev('pc'), s, end)),
    'getUserMedia called': rel(find(ev('gum-call'), s, end)),
    'getUserMedia resolved': rel(find(ev('gum'), s, end)),
    'first ICE candidate': rel(find(ev('ice-first'), s, end)),
    'ICE gathering complete': rel(find(ev('ice-done'), s, end)),
    'first INVITE sent': rel(find(out('INVITE'), s, end)),
    'INVITE with auth sent': rel(findLast(out('INVITE'), s, end)),
    '180 received': rel(find(inStatus(180), s, end)),
    '200 (INVITE) received': rel(findLast(inStatus(200), s, end)),
    connected: rel(end),
  };
  return { load, call };
}

async function run(bed, bench, kind, callee) {
  const context = await bed.browser.newContext();
  await context.addInitScript(INIT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} ${r.url()}`));
  try {
    const url = kind === 'widget' ? activationUrl(bed.http.url, CALLER, { page: WIDGET_PAGE }) : bareUrl(bench.url, CALLER);
    await page.goto(url);
    const readyAt = await waitFor(() => page.evaluate(() => window.__bench?.readyAt), {
      timeout: 15000,
      interval: 20,
      message: `${kind} ready`,
    });
    const script = await page.evaluate(
      (name) => performance.getEntriesByType('resource').find((r) => r.name.endsWith(name))?.responseEnd,
      kind === 'widget' ? '/dist/phone-widget.js' : '/bench-jssip.js',
    );
    const info = await page.evaluate((readyAt) => {
      const before = window.__bench.longTasks.filter((t) => t.start < readyAt);
      return {
        domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
        firstPaint: performance.getEntriesByType('paint').find((p) => p.name === 'first-paint')?.startTime,
        longTaskMs: before.reduce((sum, t) => sum + t.duration, 0),
        longTasks: before.length,
      };
    }, readyAt);
    await sleep(SETTLE_MS);

    const before = await callee.evaluate(() => window.__bench.calls.ended);
    const dial = await withTimeout(page.evaluate(kind === 'widget' ? widgetDial : bareDial, CALLEE), 15000, `${kind} dial`);
    const ws = await page.evaluate(() => window.__bench.ws);

    if (kind === 'widget') await page.evaluate(() => document.querySelector('phone-widget').session.hangup());
    else await page.evaluate(() => window.benchHangup());
    await waitFor(() => callee.evaluate((n) => window.__bench.calls.active === 0 && window.__bench.calls.ended > n, before), {
      timeout: 10000,
      interval: 20,
      message: 'callee back to idle',
    });
    const steps = breakdown(ws, readyAt, dial);
    steps.load = { 'script loaded': script, ...steps.load };
    return { kind, ready: readyAt, dial: dial.accepted - dial.start, steps, info, errors };
  } catch (error) {
    error.message += errors.length ? `\n  page errors: ${errors.join('\n  ')}` : '';
    throw error;
  } finally {
    await context.close().catch(() => undefined);
  }
}

// ---- main ----

const jssip = await bareBundle();
const bed = await startBed();
const bench = await startBenchServer(jssip);
let exitCode = 0;
try {
  const calleeContext = await bed.browser.newContext();
  await calleeContext.addInitScript(INIT);
  const callee = await calleeContext.newPage();
  const calleeErrors = [];
  callee.on('pageerror', (e) => calleeErrors.push(e.message));
  callee.on('console', (m) => m.type() === 'error' && calleeErrors.push(m.text()));
  await callee.goto(bareUrl(bench.url, CALLEE, { answer: '1' }));
  await waitFor(() => callee.evaluate(() => window.__bench?.readyAt), { timeout: 15000, message: 'callee ready' }).catch((error) => {
    throw Object.assign(error, { message: `${error.message}\n  callee page errors: ${calleeErrors.join(' | ')}` });
  });

  console.log(
    `sip-timing: ${RUNS} runs (+${WARMUP} warm-up) of widget (${WIDGET_PAGE}) and bare JsSIP, interleaved; ` +
      `widget script ${(await (await fetch(`${bed.http.url}/dist/phone-widget.js`)).arrayBuffer()).byteLength} B, ` +
      `bare script ${jssip.byteLength} B`,
  );
  const results = { widget: [], bare: [] };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const order = i % 2 ? ['bare', 'widget'] : ['widget', 'bare'];
    for (const kind of order) {
      const r = await run(bed, bench, kind, callee);
      const counted = i >= WARMUP;
      if (counted) results[kind].push(r);
      if (VERBOSE || !counted) {
        console.log(`  ${counted ? `run ${i - WARMUP + 1}` : 'warm-up'} ${kind.padEnd(6)} load→ready ${r.ready.toFixed(1)} ms  dial→connected ${r.dial.toFixed(1)} ms`);
      }
      if (r.errors.length) console.log(`    page errors (${kind}): ${r.errors.join(' | ')}`);
    }
  }
  await calleeContext.close();

  // ---- report ----
  const med = (kind, pick) => median(results[kind].map(pick));
  const pad = (x, n = 7) => (Number.isFinite(x) ? x.toFixed(1) : '–').padStart(n);
  const rows = [
    ['load→ready', (r) => r.ready],
    ['dial→connected', (r) => r.dial],
  ];

  for (const [title, part] of [
    ['load→ready breakdown (ms after navigation start, medians)', 'load'],
    ['dial→connected breakdown (ms after dial, medians)', 'call'],
  ]) {
    // "at": median time of the step; "step": median, over runs, of the time since the previous step.
    console.log(`\n${title}`);
    console.log(`  ${''.padEnd(30)}  ${'widget at'.padStart(9)} ${'step'.padStart(6)}   ${'bare at'.padStart(9)} ${'step'.padStart(6)}`);
    const steps = Object.keys(results.widget[0].steps[part]);
    steps.forEach((step, i) => {
      const at = (kind) => med(kind, (r) => r.steps[part][step]);
      const delta = (kind) => (i ? med(kind, (r) => r.steps[part][step] - r.steps[part][steps[i - 1]]) : NaN);
      console.log(`  ${step.padEnd(30)}  ${pad(at('widget'), 9)} ${pad(delta('widget'), 6)}   ${pad(at('bare'), 9)} ${pad(delta('bare'), 6)}`);
    });
    if (part === 'load') {
      for (const [label, key] of [
        ['(DOMContentLoaded)', 'domContentLoaded'],
        ['(first paint)', 'firstPaint'],
        ['(long tasks before ready, ms)', 'longTaskMs'],
        ['(long tasks before ready, n)', 'longTasks'],
      ]) {
        const v = (kind) => pad(med(kind, (r) => r.info[key]), 9);
        console.log(`  ${label.padEnd(30)}  ${v('widget')} ${''.padStart(6)}   ${v('bare')}`);
      }
    }
  }

  // The verdict is on the ratio of the medians; the median of the per-pair ratios
  // (runs i of widget and bare ran back to back) is printed as a cross-check.
  const [load1] = loadavg();
  if (load1 > availableParallelism()) {
    console.log(`\nnote: the machine is busy (load average ${load1.toFixed(1)} on ${availableParallelism()} CPUs): figures are noisy; use more --runs or an idle machine`);
  }
  console.log(`\nmedians over ${RUNS} runs (min–max in brackets; "paired" is the median of per-pair ratios)`);
  for (const [name, pick] of rows) {
    const w = med('widget', pick);
    const b = med('bare', pick);
    const range = (kind) => {
      const xs = results[kind].map(pick);
      return `[${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}]`;
    };
    const ratio = w / b;
    const paired = median(results.widget.map((r, i) => pick(r) / pick(results.bare[i])));
    console.log(
      `${name.padEnd(15)} widget ${pad(w)} ms ${range('widget').padEnd(10)}  bare ${pad(b)} ms ${range('bare').padEnd(10)}  ` +
        `ratio ${ratio.toFixed(2)} (paired ${paired.toFixed(2)})  budget ≤${BUDGET}  ${ratio <= BUDGET ? 'PASS' : 'OVER'}`,
    );
  }
} catch (error) {
  console.error(`sip-timing failed: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  await bench.close();
  await bed.close();
}
process.exit(exitCode);
