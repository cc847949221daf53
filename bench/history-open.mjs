// Call history: the time to open the history view of 100 000 calls, against one of 100,
// and the memory it takes.
//
//   node bench/history-open.mjs [--runs N] [--calls N] [--baseline N]
//
// The page (test/e2e/pages/chat-bench.html: the widget script and nothing
// else, served by the test bed's static server on a free port) is seeded in
// IndexedDB in the call-history store's format (src/storage/call-history-store.ts:
// key `<15-digit start time>|<id>`): one account with 100 000 calls (--calls),
// another with 100 (--baseline). Budget (issue 6): the first rows painted in
// 50 ms or less, memory flat.
//
// One run: a 320 px <phone-widget> for one account (its server unreachable:
// the history needs no network) is added to the page; then, measured in the
// page with performance.now(), from just before the click on its History tab
// to the animation frame after the first row is in the DOM (the frame that
// paints it). Runs alternate between the two accounts, a warm-up pair first. Prints the medians and the ratio, the JS
// heap after garbage collection with each view open, and the frame times of
// scrolling down through the big history (pages read as it goes).
//
// A report, not a test: exit code 0 unless the bench itself fails.
import { chromium } from 'playwright-core';
import { startStaticServer } from '../demo/static-server.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 21);
const BIG = arg('calls', 100_000);
const SMALL = arg('baseline', 100);
const BIG_ACCOUNT = 'sip:1001@bench.test';
const SMALL_ACCOUNT = 'sip:1002@bench.test';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x) => `${x.toFixed(1)} ms`;
const mb = (x) => `${(x / 1024 / 1024).toFixed(2)} MB`;

/** Runs in the page: writes `count` calls for `account` in the history store's format. */
async function seed({ account, count }) {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open(`phone-widget:history:${account.toLowerCase()}`);
    open.onupgradeneeded = () => open.result.createObjectStore('records');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const now = Date.now();
  const outcomes = ['answered', 'answered', 'missed', 'answered', 'failed', 'rejected'];
  for (let done = 0; done < count; ) {
    const tx = db.transaction('records', 'readwrite');
    const store = tx.objectStore('records');
    for (const end = Math.min(count, done + 10_000); done < end; done++) {
      const startedAt = now - (done + 1) * 60_000;
      const outcome = outcomes[done % outcomes.length];
      const answered = outcome === 'answered';
      const id = `b${done.toString(36)}`;
      store.put(
        {
          id,
          direction: done % 2 ? 'outbound' : 'inbound',
          number: String(2000 + (done % 500)),
          ...(done % 3 ? { name: `Caller ${done % 500}` } : {}),
          startedAt,
          ...(answered ? { answeredAt: startedAt + 4000, endedAt: startedAt + 94_000 } : { endedAt: startedAt + 20_000 }),
          duration: answered ? 90 : 0,
          open: false,
          outcome,
          cause: { code: 'hangup', text: 'Call ended', by: 'remote' },
        },
        `${String(startedAt).padStart(15, '0')}|${id}`,
      );
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  }
  db.close();
}

/** Runs in the page: adds a phone (default layout) for `identity`, waits until it shows its tabs. */
async function mount({ identity }) {
  document.querySelector('phone-widget')?.remove();
  const phone = document.createElement('phone-widget');
  Object.assign(phone, { server: 'ws://127.0.0.1:9', identity, noUrlActivation: true, password: 'bench' });
  phone.setAttribute('no-tab-sharing', '');
  document.body.append(phone);
  for (const end = performance.now() + 20_000; !phone.shadowRoot?.querySelector('#tab-history'); await new Promise((r) => setTimeout(r, 10))) {
    if (performance.now() > end) throw new Error('no History tab');
  }
}

/** Runs in the page: clicks the History tab; the time to the frame that paints the first rows. Then back to the Phone tab. */
async function open() {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const phone = document.querySelector('phone-widget');
  const rows = () => phone.shadowRoot.querySelector('phone-history')?.shadowRoot?.querySelectorAll('li').length ?? 0;
  const t0 = performance.now();
  phone.shadowRoot.querySelector('#tab-history').click();
  for (;;) {
    await frame();
    if (rows()) break;
    if (performance.now() - t0 > 20_000) throw new Error('no row shown');
  }
  await frame();
  return { ms: performance.now() - t0, rows: rows() };
}

async function back() {
  const phone = document.querySelector('phone-widget');
  phone.shadowRoot.querySelector('#tab-phone').click();
  await phone.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => r()));
}

/** Runs in the page: scroll down 300 px a frame; the duration of each frame. */
async function scrollDown({ frames }) {
  const history = document.querySelector('phone-widget').shadowRoot.querySelector('phone-history');
  const list = history.shadowRoot.querySelector('.list');
  const times = [];
  let last = performance.now();
  for (let i = 0; i < frames; i++) {
    list.scrollTop += 300;
    await new Promise((r) => requestAnimationFrame(() => r()));
    const now = performance.now();
    times.push(now - last);
    last = now;
  }
  const items = history.shadowRoot.querySelectorAll('li');
  return { times, rendered: items.length, lastIndex: Number(items[items.length - 1]?.dataset.index ?? -1) };
}

const http = await startStaticServer({ port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--no-first-run', '--js-flags=--expose-gc'] });
try {
  const context = await browser.newContext({ viewport: { width: 320, height: 720 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const heap = async () => {
    await page.evaluate(() => globalThis.gc?.());
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Seeded from a page of its own, closed before measuring: its garbage stays out of the figures.
  const seeder = await context.newPage();
  await seeder.goto(`${http.url}/test/e2e/pages/chat-bench.html`);
  const seedStart = Date.now();
  await seeder.evaluate(seed, { account: BIG_ACCOUNT, count: BIG });
  await seeder.evaluate(seed, { account: SMALL_ACCOUNT, count: SMALL });
  await seeder.close();
  await page.goto(`${http.url}/test/e2e/pages/chat-bench.html`);
  console.log(`seeded ${BIG} + ${SMALL} calls in IndexedDB in ${Date.now() - seedStart} ms`);

  const cases = [
    { label: `${SMALL} calls`, identity: SMALL_ACCOUNT, times: [] },
    { label: `${BIG} calls`, identity: BIG_ACCOUNT, times: [] },
  ];
  // Runs alternate between the accounts (a phone each time), a warm-up pair first.
  for (let run = -1; run < RUNS; run++) {
    const order = run % 2 ? cases : [...cases].reverse();
    for (const c of order) {
      await page.evaluate(mount, { identity: c.identity });
      const t = await page.evaluate(open);
      if (run >= 0) c.times.push(t.ms);
      c.rows = t.rows;
      await page.evaluate(back);
    }
  }
  const [small, big] = cases;
  console.log(`open the History tab, click → first paint of the first rows (median of ${RUNS}; budget 50 ms):`);
  for (const c of cases) console.log(`  ${c.label.padEnd(14)} ${ms(median(c.times)).padStart(9)}   (min ${ms(Math.min(...c.times))}, max ${ms(Math.max(...c.times))}; ${c.rows} rows in the DOM)`);
  console.log(`  ratio ${BIG}/${SMALL}: ${(median(big.times) / median(small.times)).toFixed(2)}×`);

  const heaps = {};
  for (const c of cases) {
    await page.evaluate(mount, { identity: c.identity });
    heaps[`${c.label}, phone only`] = await heap();
    await page.evaluate(open);
    heaps[`${c.label}, history open`] = await heap();
  }
  console.log(`JS heap after GC: ${Object.entries(heaps).map(([k, v]) => `${k} ${mb(v)}`).join('; ')}`);

  const scroll = await page.evaluate(scrollDown, { frames: 240 });
  const afterScroll = await heap();
  console.log(
    `scrolling down the ${BIG}-call history, 300 px a frame for ${scroll.times.length} frames: ` +
      `frame median ${ms(median(scroll.times))}, p95 ${ms(pct(scroll.times, 95))}, max ${ms(Math.max(...scroll.times))}; ` +
      `reached row ${scroll.lastIndex}, ${scroll.rendered} rows in the DOM, heap after GC ${mb(afterScroll)}`,
  );
  await page.evaluate(back);
  console.log(`heap after GC back on the Phone tab: ${mb(await heap())}`);
  if (errors.length) console.log(`page errors: ${errors.join(' | ')}`);
} finally {
  await browser.close();
  await http.close();
}
