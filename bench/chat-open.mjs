// Chat: the time to open a conversation of 10 000 messages, against one of 100.
//
//   node bench/chat-open.mjs [--runs N] [--messages N] [--baseline N]
//
// The page (test/e2e/pages/chat-bench.html, served by the test bed's static
// server on a free port) loads dist/phone-widget.js. Before any phone exists,
// the bench seeds the account's chat history in IndexedDB from the page,
// in the store's format (src/storage/chat-store.ts: `c|<id>` conversation
// records, `m|<id>|<13-digit time>|<message id>` messages): one conversation
// with 10 000 messages (--messages) and one with 100 (--baseline), a third of
// them ours, every seventh on two lines. Then it adds a 320 px
// <phone-widget><phone-chat> for that account (its server unreachable: the
// history needs no network) and waits for the conversation list.
//
// One run: from just before the click on the conversation's row to the first
// animation frame after the newest message is in the DOM (the frame that
// paints it), measured in the page with performance.now(); then back to the
// list. Runs (--runs, default 21) alternate between the two conversations (warm-up pair first,
// not counted). Prints the medians, the ratio 10k/100, and the frame times
// of scrolling up through the long conversation (earlier pages loading as it
// goes): median and 95th percentile, and how many pages were read.
//
// A report, not a test: exit code 0 unless the bench itself fails.
import { chromium } from 'playwright-core';
import { startStaticServer } from '../demo/static-server.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 21);
const LONG = arg('messages', 10_000);
const SHORT = arg('baseline', 100);
const ACCOUNT = 'sip:1001@bench.test';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x) => `${x.toFixed(1)} ms`;

/** Runs in the page: writes the history in the chat store's format. */
async function seed({ account, conversations }) {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open(`phone-widget:chat:${account.toLowerCase()}`);
    open.onupgradeneeded = () => open.result.createObjectStore('records');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const now = Date.now();
  for (const { id, number, name, count } of conversations) {
    const tx = db.transaction('records', 'readwrite');
    const store = tx.objectStore('records');
    const start = now - count * 30_000;
    let last;
    for (let i = 0; i < count; i++) {
      const at = start + i * 30_000;
      const mid = `b${i.toString(36)}`;
      const out = i % 3 === 0;
      const key = `m|${id}|${String(at).padStart(13, '0')}|${mid}`;
      last = { text: `Message ${i}`, direction: out ? 'out' : 'in', from: out ? '1001' : number, key };
      store.put(
        {
          key,
          id: mid,
          conversationId: id,
          direction: out ? 'out' : 'in',
          from: { number: out ? '1001' : number },
          at,
          text: i % 7 === 0 ? `Message ${i}\nand a second line to make the row taller` : `Message ${i}`,
          ...(out ? { state: 'read', recipients: { [number]: 'read' } } : {}),
        },
        key,
      );
      store.put(key, out ? `o|${mid}` : `i|${id}|${mid}`);
    }
    store.put(
      { id, kind: 'direct', members: [number], names: { [number]: name }, createdAt: start, lastAt: start + (count - 1) * 30_000, last, unread: 0, muted: false, pinned: false, left: false },
      `c|${id}`,
    );
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  }
  db.close();
}

/** Runs in the page: click the row, wait for the frame that paints the newest message. */
async function open({ name, newest }) {
  const chat = document.querySelector('phone-chat');
  const row = [...chat.shadowRoot.querySelectorAll('button.row')].find((b) => b.textContent.includes(name));
  const shown = () => {
    const log = chat.shadowRoot.querySelector('phone-chat-log');
    return [...(log?.shadowRoot?.querySelectorAll('.bubble') ?? [])].some((b) => b.textContent.trim() === newest);
  };
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const t0 = performance.now();
  row.click();
  for (;;) {
    await frame();
    if (shown()) break;
    if (performance.now() - t0 > 20_000) throw new Error(`"${newest}" never shown`);
  }
  // The frame after the one whose callbacks saw it: its paint is done.
  await frame();
  return performance.now() - t0;
}

/** Runs in the page: back to the list. */
async function back() {
  const chat = document.querySelector('phone-chat');
  chat.shadowRoot.querySelector('button[aria-label="Back to conversations"]').click();
  await chat.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => r()));
}

/** Runs in the page: scroll up 300 px a frame for `frames` frames; the duration of each frame. */
async function scrollUp({ frames }) {
  const chat = document.querySelector('phone-chat');
  const log = chat.shadowRoot.querySelector('phone-chat-log');
  const scroller = log.shadowRoot.querySelector('.scroller');
  const before = log.messages.length;
  const times = [];
  let last = performance.now();
  for (let i = 0; i < frames; i++) {
    scroller.scrollTop -= 300;
    await new Promise((r) => requestAnimationFrame(() => r()));
    const now = performance.now();
    times.push(now - last);
    last = now;
  }
  return { times, pages: Math.round((log.messages.length - before) / 40), rendered: log.shadowRoot.querySelectorAll('li').length, loaded: log.messages.length };
}

const http = await startStaticServer({ port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--no-first-run'] });
try {
  const page = await (await browser.newContext({ viewport: { width: 320, height: 720 } })).newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${http.url}/test/e2e/pages/chat-bench.html`);
  const seedStart = Date.now();
  await page.evaluate(seed, {
    account: ACCOUNT,
    conversations: [
      { id: 'd:1002', number: '1002', name: 'Long history', count: LONG },
      { id: 'd:1003', number: '1003', name: 'Short history', count: SHORT },
    ],
  });
  console.log(`seeded ${LONG} + ${SHORT} messages in IndexedDB in ${Date.now() - seedStart} ms`);
  await page.evaluate((identity) => {
    const phone = document.createElement('phone-widget');
    Object.assign(phone, { server: 'ws://127.0.0.1:9', identity, noUrlActivation: true, password: 'bench' });
    phone.append(document.createElement('phone-chat'));
    document.body.append(phone);
  }, ACCOUNT);
  await page.waitForFunction(() => document.querySelector('phone-chat')?.shadowRoot?.querySelectorAll('button.row').length === 2, null, { timeout: 20_000 });

  const cases = [
    { label: `${SHORT} messages`, name: 'Short history', newest: `Message ${SHORT - 1}`, times: [] },
    { label: `${LONG} messages`, name: 'Long history', newest: `Message ${LONG - 1}`, times: [] },
  ];
  for (let run = -1; run < RUNS; run++) {
    const order = run % 2 ? cases : [...cases].reverse();
    for (const c of order) {
      const t = await page.evaluate(open, { name: c.name, newest: c.newest });
      if (run >= 0) c.times.push(t);
      await page.evaluate(back);
    }
  }
  const [short, long] = cases;
  console.log(`open a conversation, click → first paint of the newest message (median of ${RUNS}):`);
  for (const c of cases) console.log(`  ${c.label.padEnd(16)} ${ms(median(c.times)).padStart(9)}   (min ${ms(Math.min(...c.times))}, max ${ms(Math.max(...c.times))})`);
  console.log(`  ratio ${LONG}/${SHORT}: ${(median(long.times) / median(short.times)).toFixed(2)}×`);

  await page.evaluate(open, { name: 'Long history', newest: `Message ${LONG - 1}` });
  const scroll = await page.evaluate(scrollUp, { frames: 240 });
  console.log(
    `scrolling up the ${LONG}-message conversation, 300 px a frame for ${scroll.times.length} frames: ` +
      `frame median ${ms(median(scroll.times))}, p95 ${ms(pct(scroll.times, 95))}, max ${ms(Math.max(...scroll.times))}; ` +
      `${scroll.pages} earlier pages read, ${scroll.loaded} messages loaded, ${scroll.rendered} rows in the DOM`,
  );
  if (errors.length) console.log(`page errors: ${errors.join(' | ')}`);
} finally {
  await browser.close();
  await http.close();
}
