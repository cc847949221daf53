// Endurance: many calls in a row from one widget, and what they leave behind.
//
//   node bench/endurance.mjs [--calls N] [--talk MS] [--warmup N] [--settle S] [--verbose]
//   (or: sh test/netns.sh node bench/endurance.mjs …)
//
//   --calls N    counted calls (default 200)
//   --talk MS    how long each call talks once answered (default 1000)
//   --warmup N   uncounted calls first (default 2): lazy set-up (tone
//                contexts, device lists, JIT) is not a leak
//   --settle S   seconds to wait after the last call before the final
//                measurement (default 35: JsSIP's transaction timers, up to
//                32 s, let go of the last calls' messages by then)
//   --verbose    print every call
//   --conference each round is a local conference instead of one call: the
//                widget calls 1002 and 1003, merges them, records a part,
//                ends the conference and hangs both up (the Web Audio mixes,
//                the recorder and their AudioContexts must all go)
//   --snapshots  also take a heap snapshot before and after (settled) and
//                print the object kinds whose count grew most: where a leak
//                comes from (slow: a few seconds per snapshot)
//
// Run as plain `node bench/endurance.mjs` it re-executes itself in a fresh
// network namespace with only loopback (`unshare -n`, or `unshare -rn` when not
// root), like bench/sip-timing.mjs: Kamailio, the pages and ICE all stay on
// 127.0.0.1 and nothing leaves the machine.
//
// The phone under test is the widget (dist/phone-widget.js, `npx rollup -c`
// builds it) alone on bench/pages/endurance-widget.html (no page script that
// keeps anything per call), served by this script on :8006, account 1001,
// opened by its activation link. The far end is the test bed's bare JsSIP page registered as
// 1002, answering every call at once. Each call: `dial('1002')` on the
// element, wait until it is connected, talk (audio checked: inbound RTP bytes
// above zero through `session.stats()`), `hangup()`, wait until the phone is
// Ready again and the peer has seen the BYE.
//
// Measured in the widget's page, after garbage collection (CDP
// HeapProfiler.collectGarbage, three times, with a pause for finalizers):
// - JS heap used (CDP Runtime.getHeapUsage) before the counted calls, right
//   after them, and after --settle; the budget is growth ≤ 2 MB (settled − before);
// - what an init script counts, by wrapping constructors and EventTarget:
//   RTCPeerConnections not closed (and closed ones still reachable), live
//   MediaStreamTracks (from getUserMedia and from the peer connections'
//   receivers), AudioContexts not closed, <audio> elements still holding a
//   stream or playing, event listeners registered and not removed, by target
//   kind (targets that were garbage collected drop out), intervals not
//   cleared and timeouts pending;
// - the renderer's own counters (CDP Memory.getDOMCounters): documents, DOM
//   nodes, JS event listeners.
// Leftovers must not grow between "before" and "settled". It prints PASS or
// OVER for each budget. It is a report: the exit code is 0 unless the bench
// itself fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
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
    console.error(`Could not enter a network namespace (${r.error.message}); run it as:\n  sh test/netns.sh node bench/endurance.mjs`);
    process.exit(1);
  }
  process.exit(r.status ?? 1);
}

const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
};
const CALLS = Number(option('--calls', 200));
const TALK_MS = Number(option('--talk', 1000));
const WARMUP = Number(option('--warmup', 2));
const SETTLE_S = Number(option('--settle', 35));
const VERBOSE = process.argv.includes('--verbose');
const CONFERENCE = process.argv.includes('--conference');
const SECOND = '1003';
const SNAPSHOTS = process.argv.includes('--snapshots');
const HEAP_BUDGET_MB = 2;
const CALLEE = '1002';

if (!existsSync(join(ROOT, 'dist/phone-widget.js'))) {
  console.error('dist/phone-widget.js is missing: build it first (npx rollup -c).');
  process.exit(1);
}
const { startBed, account, DOMAIN } = await import(join(ROOT, 'test/e2e/bed.mjs'));
const PAGE_PORT = 8006;

/** Serves bench/pages/endurance-*.html and the widget bundle, nothing else. */
function startPageServer() {
  const files = {
    '/bench/pages/endurance-widget.html': ['bench/pages/endurance-widget.html', 'text/html; charset=utf-8'],
    '/dist/phone-widget.js': ['dist/phone-widget.js', 'text/javascript; charset=utf-8'],
  };
  const server = createServer(async (req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('Not found');
    }
    res.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-store' });
    res.end(await readFile(join(ROOT, file[0])));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(PAGE_PORT, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${PAGE_PORT}`, close: () => new Promise((r) => server.close(() => r())) }));
  });
}

/** The widget page's one-click activation link for `user`. */
function widgetUrl(base, user) {
  const url = new URL('/bench/pages/endurance-widget.html', base);
  const a = account(user);
  for (const [k, v] of Object.entries({ server: 'ws://127.0.0.1:8080', identity: `sip:${user}@${DOMAIN}`, authentication: user, password: a.password, display: a.name })) url.searchParams.set(k, v);
  return url.toString();
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(2);

// ---- the init script: counts what calls leave behind ----
const INSTRUMENT = () => {
  const W = window;
  const native = {
    add: EventTarget.prototype.addEventListener,
    remove: EventTarget.prototype.removeEventListener,
    setInterval: W.setInterval.bind(W),
    clearInterval: W.clearInterval.bind(W),
    setTimeout: W.setTimeout.bind(W),
    clearTimeout: W.clearTimeout.bind(W),
  };
  const refs = { pc: [], track: [], ctx: [], audio: [] };
  const keep = (list, o) => {
    list.push(new WeakRef(o));
    return o;
  };
  const wrapClass = (name, list, after) => {
    const Native = W[name];
    if (!Native) return;
    W[name] = new Proxy(Native, {
      construct(target, args, newTarget) {
        const o = Reflect.construct(target, args, newTarget);
        keep(list, o);
        after?.(o);
        return o;
      },
    });
  };
  wrapClass('RTCPeerConnection', refs.pc, (pc) => native.add.call(pc, 'track', (e) => keep(refs.track, e.track)));
  wrapClass('AudioContext', refs.ctx);
  wrapClass('Audio', refs.audio);
  const md = navigator.mediaDevices;
  if (md?.getUserMedia) {
    const getUserMedia = md.getUserMedia.bind(md);
    md.getUserMedia = (c) => getUserMedia(c).then((stream) => (stream.getTracks().forEach((t) => keep(refs.track, t)), stream));
  }

  // Event listeners: one count per (target, type, capture, listener), as the platform dedupes them.
  const kindOf = (t) => (t === W ? 'window' : t === document ? 'document' : t instanceof Element ? `element <${t.localName}>` : t?.constructor?.name ?? 'other');
  const perTarget = new WeakMap(); // target -> { kind, keys: Map(key -> Map(listener -> wrapper)), n }
  const totals = {};
  const gone = new FinalizationRegistry((box) => {
    totals[box.kind] -= box.n;
  });
  const bump = (box, d) => {
    box.n += d;
    totals[box.kind] = (totals[box.kind] ?? 0) + d;
  };
  const capture = (o) => (typeof o === 'boolean' ? o : !!o?.capture);
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (!listener) return native.add.call(this, type, listener, options);
    let entry = perTarget.get(this);
    if (!entry) {
      entry = { box: { kind: kindOf(this), n: 0 }, keys: new Map() };
      perTarget.set(this, entry);
      gone.register(this, entry.box);
    }
    const key = `${type}|${capture(options)}`;
    const map = entry.keys.get(key) ?? new Map();
    entry.keys.set(key, map);
    if (map.has(listener)) return undefined;
    const once = typeof options === 'object' && options?.once;
    const target = this;
    const forget = () => {
      if (map.delete(listener)) bump(entry.box, -1);
    };
    // `once` and `signal` remove listeners without removeEventListener: follow them.
    const wrapper = once
      ? function (...args) {
          forget();
          return typeof listener === 'function' ? listener.apply(this, args) : listener.handleEvent(...args);
        }
      : listener;
    map.set(listener, wrapper);
    bump(entry.box, 1);
    if (typeof options === 'object' && options?.signal) native.add.call(options.signal, 'abort', forget, { once: true });
    return native.add.call(target, type, wrapper, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    const map = perTarget.get(this)?.keys.get(`${type}|${capture(options)}`);
    const wrapper = map?.get(listener);
    if (wrapper) {
      map.delete(listener);
      bump(perTarget.get(this).box, -1);
      return native.remove.call(this, type, wrapper, options);
    }
    return native.remove.call(this, type, listener, options);
  };

  const intervals = new Set();
  const timeouts = new Set();
  W.setInterval = (fn, ms, ...a) => {
    const id = native.setInterval(fn, ms, ...a);
    intervals.add(id);
    return id;
  };
  W.clearInterval = (id) => {
    intervals.delete(id);
    native.clearInterval(id);
  };
  W.setTimeout = (fn, ms, ...a) => {
    const id = native.setTimeout(
      (...b) => {
        timeouts.delete(id);
        return typeof fn === 'function' ? fn(...b) : undefined;
      },
      ms,
      ...a,
    );
    timeouts.add(id);
    return id;
  };
  W.clearTimeout = (id) => {
    timeouts.delete(id);
    native.clearTimeout(id);
  };

  W.__endurance = () => {
    const alive = (list) => list.map((r) => r.deref()).filter(Boolean);
    const pcs = alive(refs.pc);
    const tracks = new Set(alive(refs.track));
    for (const pc of pcs) {
      if (pc.signalingState === 'closed') continue;
      for (const r of pc.getReceivers()) if (r.track) tracks.add(r.track);
      for (const s of pc.getSenders()) if (s.track) tracks.add(s.track);
    }
    const audio = alive(refs.audio);
    return {
      pcsCreated: refs.pc.length,
      pcsNotClosed: pcs.filter((pc) => pc.signalingState !== 'closed' || pc.connectionState !== 'closed').length,
      pcsReachable: pcs.length,
      liveTracks: [...tracks].filter((t) => t.readyState === 'live').map((t) => `${t.kind}:${t.label || t.id}`),
      audioContextsNotClosed: alive(refs.ctx).filter((c) => c.state !== 'closed').length,
      audioElementsReachable: audio.length,
      audioElementsHoldingStream: audio.filter((a) => a.srcObject || !a.paused).length,
      listeners: Object.fromEntries(Object.entries(totals).filter(([, n]) => n)),
      intervals: intervals.size,
      timeouts: timeouts.size,
    };
  };
};

/** Object counts and sizes by kind (`object Foo`, `closure bar`…) in a heap snapshot. */
async function heapCensus(cdp) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const { snapshot, nodes, edges, strings } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[0];
  const edgeFields = snapshot.meta.edge_fields;
  const edgeTypes = snapshot.meta.edge_types[0];
  const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map((f) => fields.indexOf(f));
  const [edgeTypeAt, edgeNameAt] = ['type', 'name_or_index'].map((f) => edgeFields.indexOf(f));
  const census = new Map();
  let edge = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = types[nodes[i + typeAt]];
    const edgeCount = nodes[i + edgeCountAt];
    const firstEdge = edge;
    edge += edgeCount * edgeFields.length;
    if (type === 'hidden' || type === 'code' || type === 'synthetic') continue;
    let name = type.endsWith('string') ? '' : strings[nodes[i + nameAt]].slice(0, 40);
    // Plain objects are told apart by their property names: {code,text,by} is a call-end cause.
    if (type === 'object' && name === 'Object') {
      const props = [];
      for (let e = firstEdge; e < edge && props.length < 6; e += edgeFields.length) {
        if (edgeTypes[edges[e + edgeTypeAt]] === 'property') props.push(strings[edges[e + edgeNameAt]]);
      }
      name = `Object {${props.filter((n) => n !== '__proto__').join(',')}}`.slice(0, 60);
    }
    const key = `${type} ${name}`.trim();
    const c = census.get(key) ?? { count: 0, size: 0 };
    c.count++;
    c.size += nodes[i + sizeAt];
    census.set(key, c);
  }
  return census;
}

function printCensusDiff(before, after, calls) {
  const rows = [...new Set([...before.keys(), ...after.keys()])]
    .map((k) => ({ k, count: (after.get(k)?.count ?? 0) - (before.get(k)?.count ?? 0), size: (after.get(k)?.size ?? 0) - (before.get(k)?.size ?? 0) }))
    .filter((r) => r.count > 0 || r.size > 0)
    .sort((a, b) => b.size - a.size)
    .slice(0, 20);
  console.log(`\nheap snapshot, settled − before (largest growth first; ${calls} calls):`);
  console.log(`${'kind'.padEnd(64)} ${'count'.padStart(8)} ${'bytes'.padStart(10)} ${'per call'.padStart(9)}`);
  for (const r of rows) console.log(`${r.k.padEnd(64)} ${`+${r.count}`.padStart(8)} ${`+${r.size}`.padStart(10)} ${(r.count / calls).toFixed(2).padStart(9)}`);
}

// ---- the run ----
const bed = await startBed();
const pages = await startPageServer();
let exitCode = 0;
try {
  const peer = await bed.peer(CALLEE, { autoAnswer: true });
  const second = CONFERENCE ? await bed.peer(SECOND, { autoAnswer: true }) : undefined;
  const context = await bed.browser.newContext();
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await page.goto(widgetUrl(pages.url, '1001'));
  await page.waitForFunction(() => document.querySelector('phone-widget')?.session?.state.status === 'ready', null, { timeout: 20000, polling: 100 });

  /** Heap used after GC, and the leftovers, in the widget's page. */
  async function measure() {
    for (let i = 0; i < 3; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      await sleep(200); // finalizers (FinalizationRegistry) run as tasks after a GC
    }
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    const left = await page.evaluate(() => window.__endurance());
    return { heapUsed: heap.usedSize, dom, ...left };
  }

  let peerEnded = 0;
  const failures = [];
  let silent = 0;
  /** One conference round: two calls, merged, a recorded part, End conference, both hung up, Ready again. */
  async function conferenceRound(n) {
    const started = Date.now();
    const ids = [];
    for (const target of [CALLEE, SECOND]) {
      const result = await page.evaluate((t) => document.querySelector('phone-widget').dial(t), target);
      if (!result.ok) throw new Error(`dial refused: ${result.message}`);
      await page.waitForFunction((id) => document.querySelector('phone-widget').session.state.calls.find((c) => c.id === id)?.state === 'connected', result.id, { timeout: 15000, polling: 50 });
      ids.push(result.id);
    }
    const merged = await page.evaluate(async () => {
      const widget = document.querySelector('phone-widget');
      widget.localRecording = true;
      await widget.updateComplete;
      return widget.session.merge();
    });
    if (!merged) throw new Error('merge refused');
    await page.evaluate(() => document.querySelector('phone-widget').session.toggleRecording());
    await page.waitForFunction(() => document.querySelector('phone-widget').session.state.calls.some((c) => c.localRecording), null, { timeout: 5000, polling: 50 });
    await sleep(TALK_MS);
    const stats = await page.evaluate((id) => document.querySelector('phone-widget').session.stats(id), ids[0]);
    if (!stats || !(stats.bytesReceived > 0)) silent++;
    await page.evaluate(async (callIds) => {
      const s = document.querySelector('phone-widget').session;
      s.toggleRecording();
      await s.endConference();
      for (const id of callIds) s.hangup(id);
    }, ids);
    await page.waitForFunction(() => {
      const s = document.querySelector('phone-widget').session.state;
      return s.calls.length === 0 && s.status === 'ready';
    }, null, { timeout: 15000, polling: 50 });
    // Keep the storage flat: the parts are checked by the tests, not here.
    await page.evaluate((id) => new Promise((r) => setTimeout(r, 300)).then(() => document.querySelector('phone-widget').session.recordings.deleteForCall(id)), ids[0]);
    peerEnded++;
    await peer.page.waitForFunction((count) => window.peer.events.filter((e) => e.type === 'ended' || e.type === 'failed').length >= count, peerEnded, { timeout: 15000, polling: 50 });
    await second.page.waitForFunction((count) => window.peer.events.filter((e) => e.type === 'ended' || e.type === 'failed').length >= count, peerEnded, { timeout: 15000, polling: 50 });
    if (VERBOSE) console.log(`  round ${n}: ${stats?.bytesReceived ?? 0} bytes in, ${Date.now() - started} ms in all`);
  }

  /** One call: dial, connected, talk (audio checked), hang up, Ready again. */
  async function call(n) {
    if (CONFERENCE) return conferenceRound(n);
    const started = Date.now();
    const result = await page.evaluate((target) => document.querySelector('phone-widget').dial(target), CALLEE);
    if (!result.ok) throw new Error(`dial refused: ${result.message}`);
    await page.waitForFunction((id) => document.querySelector('phone-widget').session.state.calls.find((c) => c.id === id)?.state === 'connected', result.id, { timeout: 15000, polling: 50 });
    const connectedAt = Date.now();
    await sleep(TALK_MS);
    const stats = await page.evaluate((id) => document.querySelector('phone-widget').session.stats(id), result.id);
    if (!stats || !(stats.bytesReceived > 0)) silent++;
    await page.evaluate((id) => document.querySelector('phone-widget').hangup(id), result.id);
    await page.waitForFunction(() => {
      const s = document.querySelector('phone-widget').session.state;
      return s.calls.length === 0 && s.status === 'ready';
    }, null, { timeout: 15000, polling: 50 });
    peerEnded++;
    await peer.page.waitForFunction((count) => window.peer.events.filter((e) => e.type === 'ended' || e.type === 'failed').length >= count, peerEnded, { timeout: 15000, polling: 50 });
    if (VERBOSE) console.log(`  call ${n}: connected in ${connectedAt - started} ms, ${stats?.bytesReceived ?? 0} bytes in, ${Date.now() - started} ms in all`);
  }
  async function safeCall(n) {
    try {
      await call(n);
    } catch (error) {
      failures.push(`call ${n}: ${error.message.split('\n')[0]}`);
      // Put the phone back in a known state before the next call.
      await page.evaluate(() => document.querySelector('phone-widget').hangup()).catch(() => undefined);
      await sleep(1000);
      peerEnded = await peer.page.evaluate(() => window.peer.events.filter((e) => e.type === 'ended' || e.type === 'failed').length);
    }
  }

  console.log(`Endurance: ${CALLS} calls (after ${WARMUP} warm-up), ${TALK_MS} ms of talk each, 1001 (widget) → ${CALLEE} (bare JsSIP, auto-answer), local Kamailio\n`);
  for (let i = 1; i <= WARMUP; i++) await safeCall(`warm-up ${i}`);
  await sleep(2000);
  const before = await measure();
  const censusBefore = SNAPSHOTS ? await heapCensus(cdp) : undefined;
  console.log(`before   heap ${mb(before.heapUsed)} MB after GC`);
  const t0 = Date.now();
  for (let i = 1; i <= CALLS; i++) {
    await safeCall(i);
    if (i % 50 === 0 && i < CALLS) {
      const m = await measure();
      console.log(`call ${String(i).padStart(4)}  heap ${mb(m.heapUsed)} MB after GC (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
  }
  await sleep(2000);
  const after = await measure();
  console.log(`call ${String(CALLS).padStart(4)}  heap ${mb(after.heapUsed)} MB after GC (${((Date.now() - t0) / 1000).toFixed(0)} s), 2 s after the last call`);
  console.log(`settling ${SETTLE_S} s…`);
  await sleep(SETTLE_S * 1000);
  const settled = await measure();
  console.log(`settled  heap ${mb(settled.heapUsed)} MB after GC`);
  if (censusBefore) printCensusDiff(censusBefore, await heapCensus(cdp), CALLS);

  // ---- report ----
  const growth = settled.heapUsed - before.heapUsed;
  const heapOk = growth <= HEAP_BUDGET_MB * 1024 * 1024;
  console.log(`\nheap used after GC: before ${mb(before.heapUsed)} MB, after ${mb(after.heapUsed)} MB, settled ${mb(settled.heapUsed)} MB`);
  console.log(`heap growth ${mb(growth)} MB for ${CALLS} calls (budget ≤ ${HEAP_BUDGET_MB} MB): ${heapOk ? 'PASS' : 'OVER'}`);

  const rows = [
    ['RTCPeerConnection not closed', (m) => m.pcsNotClosed],
    ['RTCPeerConnection still reachable', (m) => m.pcsReachable],
    ['live MediaStreamTracks', (m) => m.liveTracks.length],
    ['AudioContexts not closed', (m) => m.audioContextsNotClosed],
    ['<audio> elements reachable', (m) => m.audioElementsReachable],
    ['<audio> holding a stream/playing', (m) => m.audioElementsHoldingStream],
    ['event listeners (wrapped)', (m) => Object.values(m.listeners).reduce((a, b) => a + b, 0)],
    ['JS event listeners (renderer)', (m) => m.dom.jsEventListeners],
    ['DOM nodes (renderer)', (m) => m.dom.nodes],
    ['documents (renderer)', (m) => m.dom.documents],
    ['intervals not cleared', (m) => m.intervals],
    ['timeouts pending', (m) => m.timeouts],
  ];
  console.log(`\n${'leftovers'.padEnd(36)} ${'before'.padStart(7)} ${'after'.padStart(7)} ${'settled'.padStart(8)}`);
  const grew = [];
  for (const [label, get] of rows) {
    const [b, a, s] = [get(before), get(after), get(settled)];
    if (s > b) grew.push(label);
    console.log(`${label.padEnd(36)} ${String(b).padStart(7)} ${String(a).padStart(7)} ${String(s).padStart(8)}${s > b ? '  ← grew' : ''}`);
  }
  const kinds = new Set([...Object.keys(before.listeners), ...Object.keys(settled.listeners)]);
  const listenerGrowth = [...kinds].map((k) => [k, (settled.listeners[k] ?? 0) - (before.listeners[k] ?? 0)]).filter(([, d]) => d !== 0);
  if (listenerGrowth.length) console.log(`listeners by target, settled − before: ${listenerGrowth.map(([k, d]) => `${k} ${d > 0 ? '+' : ''}${d}`).join(', ')}`);
  if (settled.liveTracks.length) console.log(`live tracks when settled: ${settled.liveTracks.join(', ')}`);
  console.log(`pcs created: ${settled.pcsCreated}; calls without inbound audio: ${silent}; failed calls: ${failures.length}`);
  for (const f of failures.slice(0, 10)) console.log(`  ${f}`);
  if (pageErrors.length) console.log(`page errors: ${pageErrors.length}, first: ${pageErrors[0]}`);

  // Nothing left behind: no peer connection open, no live track, no AudioContext, listener or timer more than before.
  const leftOk = ['RTCPeerConnection not closed', 'live MediaStreamTracks', 'AudioContexts not closed', '<audio> holding a stream/playing', 'event listeners (wrapped)', 'JS event listeners (renderer)', 'intervals not cleared']
    .every((label) => !grew.includes(label));
  console.log(`\nnothing left behind (peer connections, tracks, AudioContexts, playing audio, listeners, intervals): ${leftOk ? 'PASS' : 'OVER'}`);
  console.log(`${CALLS - failures.length} of ${CALLS} calls completed`);
  await context.close();
} catch (error) {
  console.error(`The bench failed: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  await pages.close();
  await bed.close();
}
process.exit(exitCode);
