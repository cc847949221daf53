// The end-to-end test bed: the local Kamailio, the static server and Debian's
// Chromium driven by playwright-core. Each phone is a page in its own browser
// context (its own storage), with a fake microphone that produces audio.
import { chromium } from 'playwright-core';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { startSipServer, ACCOUNTS, DOMAIN } from '../sip-server/sip-server.mjs';
import { startStaticServer } from '../../demo/static-server.mjs';

export { ACCOUNTS, DOMAIN };

export const CHROMIUM_ARGS = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost',
  '--ignore-certificate-errors',
];

/** Polls `check` until it returns a truthy value; fails with `message` after `timeout` ms. */
export async function waitFor(check, { timeout = 10000, interval = 100, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`Timed out waiting for ${message} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

export const account = (user) => ACCOUNTS.find((a) => a.user === user);

/** The URL of a one-click activation link, in either form. */
export function activationUrl(base, user, { form = 'any', server = 'ws://127.0.0.1:8080', password, page = 'phone.html', extra = {} } = {}) {
  const a = account(user);
  const params =
    form === 'any'
      ? { server, identity: `sip:${user}@${DOMAIN}`, authentication: user, password: password ?? a.password, display: a.name }
      : { username: user, password: password ?? a.password };
  const url = new URL(`/test/e2e/pages/${page}`, base);
  for (const [k, v] of Object.entries({ keep: 'me', ...params, ...extra })) url.searchParams.set(k, v);
  return url.toString();
}

class Phone {
  constructor(page, context, password) {
    this.page = page;
    this.context = context;
    this.password = password;
    this.console = [];
    page.on('console', (m) => this.console.push(m.text()));
    page.on('pageerror', (e) => this.console.push(`pageerror: ${e.message}`));
  }
  /** What the status line says. */
  status() {
    return this.page.locator('phone-widget [part=status]').innerText();
  }
  async waitStatus(text, timeout = 10000) {
    await waitFor(async () => (await this.status()) === text, { timeout, message: `status "${text}" (now "${await this.status().catch(() => '?')}")` });
  }
  /** The whole visible text of the phone. */
  text() {
    return this.page.locator('phone-widget').evaluate((el) => {
      const walk = (node) =>
        [...(node.shadowRoot ?? node).childNodes]
          .map((n) => (n.nodeType === 3 ? n.textContent : n.nodeType === 1 ? walk(n) : ''))
          .join(' ');
      return walk(el).replace(/\s+/g, ' ');
    });
  }
  async waitText(fragment, timeout = 10000) {
    await waitFor(async () => (await this.text()).includes(fragment), { timeout, message: `text "${fragment}"` });
  }
  button(name) {
    return this.page.getByRole('button', { name, exact: true });
  }
  async dial(number) {
    const field = this.page.getByRole('combobox', { name: 'Number to call' });
    await field.fill(number);
    await field.press('Enter');
  }
  events(type) {
    return this.page.evaluate((t) => window.phoneEvents.filter((e) => !t || e.type === t), type);
  }
  stats() {
    return this.page.evaluate(() => document.querySelector('phone-widget').session.stats());
  }
  /** Waits until audio really arrives: bytesReceived above zero and still growing. */
  async waitAudioFlowing() {
    const first = await waitFor(async () => {
      const s = await this.stats();
      return s && s.bytesReceived > 0 ? s : null;
    }, { message: 'inbound RTP bytes' });
    await waitFor(async () => (await this.stats()).bytesReceived > first.bytesReceived + 1000, { message: 'inbound RTP bytes growing' });
    return this.stats();
  }
  async close() {
    await this.context.close();
  }
  /** Sets properties of the <phone-widget> (settings such as dtmfMode, dnd, autoAnswer). */
  set(props) {
    return this.page.evaluate(async (p) => {
      const el = document.querySelector('phone-widget');
      Object.assign(el, p);
      await el.updateComplete;
    }, props);
  }
}

/** JsSIP alone, as a classic script exposing `JsSIP`, for the bare peer page. */
async function buildPeerScript() {
  await build({
    entryPoints: [fileURLToPath(new URL('../../node_modules/jssip/lib/JsSIP.js', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: 'JsSIP',
    platform: 'browser',
    outfile: fileURLToPath(new URL('../../dist/test-jssip.js', import.meta.url)),
    logLevel: 'error',
  });
}

class Peer {
  constructor(page, context) {
    this.page = page;
    this.context = context;
  }
  /** Runs `fn(peer, arg)` in the page. */
  run(fn, arg) {
    return this.page.evaluate(([source, a]) => new Function('peer', 'arg', `return (${source})(peer, arg)`)(window.peer, a), [fn.toString(), arg]);
  }
  events(type) {
    return this.page.evaluate((t) => window.peer.events.filter((e) => !t || e.type === t), type);
  }
  async waitEvent(type, match = () => true, timeout = 10000) {
    return waitFor(async () => (await this.events(type)).find(match), { timeout, message: `peer event ${type}` });
  }
  stats() {
    return this.page.evaluate(() => window.peer.stats());
  }
  close() {
    return this.context.close();
  }
  async waitAudioFlowing() {
    const first = await waitFor(async () => {
      const s = await this.stats();
      return s && s.bytesReceived > 0 ? s : null;
    }, { message: 'peer inbound RTP bytes' });
    await waitFor(async () => (await this.stats()).bytesReceived > first.bytesReceived + 1000, { message: 'peer inbound RTP growing' });
  }
}

/** Starts the bed; `sipOptions` go to `startSipServer` (e.g. `{ defines: { REG_MAX_EXPIRES: 30 } }`). */
export async function startBed(sipOptions = {}) {
  await buildPeerScript();
  const sip = await startSipServer(sipOptions);
  const http = await startStaticServer({ port: 8000 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const phones = [];
  return {
    sip,
    http,
    browser,
    /** Opens a page at `url` as a new phone; with `context`, as another tab of that browser context (shared storage, locks, channels). */
    async open(url, password, context) {
      context ??= await browser.newContext();
      const page = await context.newPage();
      const phone = new Phone(page, context, password);
      phones.push(phone);
      await page.goto(url);
      return phone;
    },
    /** Opens a phone for `user` by its activation link and waits for Ready. */
    async phone(user, options = {}) {
      const phone = await this.open(activationUrl(http.url, user, options), options.password ?? account(user).password, options.context);
      if (options.ready !== false) await phone.waitStatus('Ready');
      return phone;
    },
    /** Opens a bare JsSIP peer registered as `user` (options: see test/e2e/pages/peer.js). */
    async peer(user, options = {}) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const peer = new Peer(page, context);
      phones.push(peer);
      await page.goto(`${http.url}/test/e2e/pages/peer.html`);
      const a = account(user);
      await page.evaluate(
        ([start, opts]) => {
          Object.assign(window.peer.options, opts);
          return window.peer.start(start);
        },
        [{ user, password: a.password, display: a.name }, options],
      );
      return peer;
    },
    async closePhones() {
      await Promise.all(phones.splice(0).map((p) => p.close().catch(() => undefined)));
    },
    async close() {
      await this.closePhones();
      await browser.close().catch(() => undefined);
      await http.close();
      await sip.stop();
    },
  };
}
