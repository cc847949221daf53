import { expect } from '@open-wc/testing';
import { PhoneSession } from '../phone-session.js';
import { resolveConfig } from '../config.js';
import { fakeAgents, type FakeSipAgent, type FakeSubscription } from '../../../test/fakes/fake-sip-agent.js';
import type { BlfState } from './blf-service.js';

const account = resolveConfig({ server: 'ws://127.0.0.1:8080', identity: 'sip:1001@phone.test', password: 'pass1001' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tick = () => Promise.resolve();

async function until(check: () => boolean, what: string, ms = 2000): Promise<void> {
  for (const end = performance.now() + ms; !check(); await sleep(5)) if (performance.now() > end) throw new Error(`timed out: ${what}`);
}

const DIALOG = (state: string, version = 1, extra = 'direction="recipient"') =>
  `<?xml version="1.0"?><dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="${version}" state="full" entity="sip:1002@phone.test"><dialog id="d1" ${extra}><state>${state}</state><remote><identity display="Carol">sip:1003@phone.test</identity></remote></dialog></dialog-info>`;
const CT = 'application/dialog-info+xml';

function setup() {
  const { factory, agents } = fakeAgents();
  const session = new PhoneSession(factory);
  session.blf.timing = { paceBurst: 2, paceMs: 10, retryMs: 40, maxRetryMs: 160 };
  session.configure(account);
  const agent = (): FakeSipAgent => agents[agents.length - 1]!;
  const subs = (event = 'dialog') => agent().subscriptions.filter((s) => s.event === event);
  const live = (target: string, event = 'dialog'): FakeSubscription => {
    const found = subs(event).filter((s) => s.target === target && !s.terminated);
    expect(found, `one live ${event} subscription to ${target}`).to.have.length(1);
    return found[0]!;
  };
  const lamp = (ext: string) => session.blf.state.lamps.get(ext)?.state;
  return { session, blf: session.blf, agent, subs, live, lamp };
}

describe('BlfService', () => {
  it('subscribes to the dialog package of each watched key once registered, and to message-summary', () => {
    const { blf, agent, subs, lamp } = setup();
    blf.watch({ extensions: ['1002'], voicemail: true });
    expect(lamp('1002'), 'before registration').to.equal('unknown');
    expect(agent().subscriptions).to.have.length(0);
    agent().register();
    const [dialog] = subs();
    expect(dialog).to.deep.include({ target: 'sip:1002@phone.test', event: 'dialog', accept: 'application/dialog-info+xml' });
    const [mwi] = subs('message-summary');
    expect(mwi).to.deep.include({ target: 'sip:1001@phone.test', accept: 'application/simple-message-summary' });
    expect(blf.state.online).to.equal(true);
  });

  it('lights the lamp: active is idle, then ringing, busy and idle again as NOTIFYs arrive', async () => {
    const { blf, agent, live, lamp } = setup();
    blf.watch({ extensions: ['1002'] });
    agent().register();
    const sub = live('sip:1002@phone.test');
    sub.activate();
    expect(lamp('1002')).to.equal('idle');
    sub.notify(DIALOG('early', 2), CT);
    await blf.settled();
    expect(blf.state.lamps.get('1002')).to.deep.equal({ state: 'ringing', peer: 'Carol' });
    sub.notify(DIALOG('confirmed', 3), CT);
    await blf.settled();
    expect(lamp('1002')).to.equal('busy');
    sub.notify(DIALOG('terminated', 4), CT);
    await blf.settled();
    expect(lamp('1002')).to.equal('idle');
  });

  it('announces the changes of a burst together, not one event per NOTIFY', async () => {
    const { blf, agent, subs } = setup();
    blf.timing = { ...blf.timing, paceBurst: 100 };
    blf.watch({ extensions: Array.from({ length: 20 }, (_, i) => String(3000 + i)) });
    agent().register();
    const changes: BlfState[] = [];
    blf.on('change', (s) => changes.push(s));
    for (const sub of subs()) sub.notify(DIALOG('confirmed'), CT);
    expect(changes, 'announced after the task, not during it').to.have.length(0);
    await blf.settled();
    await tick();
    // One event per task that handled NOTIFYs: one, or a few on a loaded machine; never one per NOTIFY.
    expect(changes.length).to.be.within(1, 19);
    expect([...changes.at(-1)!.lamps.values()].every((l) => l.state === 'busy')).to.equal(true);
  });

  // How a burst is spread over tasks is SlicedQueue's test (with a controlled
  // cost per job); here 400 bodies may well fit in one slice on a fast machine.
  it('reads a burst of 400 NOTIFYs, every lamp right in the end', async () => {
    const { blf, agent, subs, lamp } = setup();
    blf.timing = { ...blf.timing, paceBurst: 1000 };
    const exts = Array.from({ length: 400 }, (_, i) => String(3000 + i));
    blf.watch({ extensions: exts });
    agent().register();
    for (const sub of subs()) sub.notify(DIALOG('confirmed'), CT);
    await blf.settled();
    expect(exts.every((e) => lamp(e) === 'busy')).to.equal(true);
  });

  it('drops bodies still queued for a subscription that has ended', async () => {
    const { blf, agent, subs, lamp } = setup();
    blf.timing = { ...blf.timing, paceBurst: 1000 };
    const exts = Array.from({ length: 400 }, (_, i) => String(3000 + i));
    blf.watch({ extensions: exts });
    agent().register();
    for (const sub of subs()) sub.notify(DIALOG('confirmed'), CT);
    agent().drop();
    await blf.settled();
    expect(exts.every((e) => lamp(e) === 'unknown')).to.equal(true);
  });

  it('ignores a malformed or foreign body: the lamp keeps its state, nothing throws', async () => {
    const { blf, agent, live, lamp } = setup();
    blf.watch({ extensions: ['1002'] });
    agent().register();
    const sub = live('sip:1002@phone.test');
    sub.notify(DIALOG('confirmed'), CT);
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      sub.notify('<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info"><dialog', CT);
      sub.notify('<html><body>oops</body></html>', 'text/html');
      sub.notify('{"state":"idle"}', CT);
      await blf.settled();
    } finally {
      console.warn = warn;
    }
    expect(lamp('1002')).to.equal('busy');
    expect(warnings.length).to.be.within(1, 3);
  });

  it('ignores a stale partial update, applies a newer one', async () => {
    const { blf, agent, live, lamp } = setup();
    blf.watch({ extensions: ['1002'] });
    agent().register();
    const sub = live('sip:1002@phone.test');
    sub.notify(DIALOG('confirmed', 5), CT);
    const partial = (state: string, version: number) => DIALOG(state, version).replace('state="full"', 'state="partial"');
    sub.notify(partial('terminated', 4), CT);
    await blf.settled();
    expect(lamp('1002'), 'version 4 after 5 is stale').to.equal('busy');
    sub.notify(partial('terminated', 6), CT);
    await blf.settled();
    expect(lamp('1002')).to.equal('idle');
  });

  /** Records the delays of the timers the service sets (its retries), while still setting them. */
  function recordTimers(): { delays: number[]; restore: () => void } {
    const real = window.setTimeout;
    const delays: number[] = [];
    window.setTimeout = ((fn: () => void, ms?: number) => {
      if ((ms ?? 0) >= 20) delays.push(ms!);
      return real(fn, ms);
    }) as typeof window.setTimeout;
    return { delays, restore: () => (window.setTimeout = real) };
  }

  it('shows a refused subscription as offline and retries with doubling, jittered delays', async () => {
    const { blf, agent, subs, lamp } = setup();
    blf.watch({ extensions: ['1002'] });
    agent().register();
    const timers = recordTimers();
    try {
      subs()[0]!.end(true);
      expect(lamp('1002')).to.equal('offline');
      await until(() => subs().length === 2, 'first retry');
      subs()[1]!.end(true);
      await until(() => subs().length === 3, 'second retry');
      subs()[2]!.end(true);
      await until(() => subs().length === 4, 'third retry');
    } finally {
      timers.restore();
    }
    // retryMs 40, doubling, ±25 %, at most maxRetryMs 160.
    const [a, b, c] = timers.delays.filter((d) => d !== 10);
    expect(a, 'first delay').to.be.within(30, 50);
    expect(b, 'second delay').to.be.within(60, 100);
    expect(c, 'third delay').to.be.within(120, 200);
    subs()[3]!.activate();
    expect(lamp('1002'), 'back: idle until a body says otherwise').to.equal('idle');
  });

  it("waits for the server's retry-after before subscribing again", async () => {
    const { blf, agent, subs } = setup();
    blf.watch({ extensions: ['1002'] });
    agent().register();
    const timers = recordTimers();
    try {
      subs()[0]!.end(false, 1);
    } finally {
      timers.restore();
    }
    expect(timers.delays.filter((d) => d !== 10), 'Retry-After: 1 s').to.deep.equal([1000]);
    await sleep(300);
    expect(subs(), 'no retry yet').to.have.length(1);
    await until(() => subs().length === 2, 'retry after 1 s', 3000);
  });

  it('retries at once (about a fifth of the delay) when the server only deactivated the subscription', async () => {
    const { blf, agent, subs } = setup();
    blf.watch({ extensions: ['1002'] });
    agent().register();
    const timers = recordTimers();
    try {
      (subs()[0] as unknown as { emit: (t: string, p: unknown) => void }).emit('terminated', { refused: false, reason: 'deactivated' });
    } finally {
      timers.restore();
    }
    expect(timers.delays.filter((d) => d !== 10)).to.have.length(0);
    await until(() => subs().length === 2, 'quick retry');
  });

  it('paces the SUBSCRIBEs of many keys', async () => {
    const { blf, agent, subs } = setup();
    blf.watch({ extensions: ['2001', '2002', '2003', '2004', '2005'] });
    agent().register();
    expect(subs(), 'the first burst').to.have.length(2);
    await until(() => subs().length === 5, 'every key subscribed');
  });

  it('ends every subscription when the connection drops, and subscribes again after re-registering', () => {
    const { blf, agent, subs, lamp } = setup();
    blf.watch({ extensions: ['1002'], voicemail: true });
    agent().register();
    subs()[0]!.notify(DIALOG('confirmed'), CT);
    agent().drop();
    expect(agent().subscriptions.every((s) => s.terminated)).to.equal(true);
    expect(lamp('1002'), 'not known while disconnected').to.equal('unknown');
    expect(blf.state.online).to.equal(false);
    agent().register();
    expect(subs().filter((s) => !s.terminated)).to.have.length(1);
    expect(subs('message-summary').filter((s) => !s.terminated)).to.have.length(1);
  });

  it('releases what nobody watches any more; keys watched twice stay until both release', () => {
    const { blf, agent, subs, live } = setup();
    const a = blf.watch({ extensions: ['1002', '1003'] });
    const b = blf.watch({ extensions: ['1003'] });
    agent().register();
    a();
    expect(live('sip:1003@phone.test').terminated).to.equal(false);
    expect(subs().find((s) => s.target === 'sip:1002@phone.test')!.terminated).to.equal(true);
    expect([...blf.state.lamps.keys()]).to.deep.equal(['1003']);
    b();
    expect(subs().every((s) => s.terminated)).to.equal(true);
    expect(blf.state.lamps.size).to.equal(0);
  });

  it('takes the voicemail count from its subscription and from unsolicited NOTIFYs', async () => {
    const { blf, agent, subs } = setup();
    blf.watch({ extensions: [], voicemail: true });
    agent().register();
    subs('message-summary')[0]!.notify('Messages-Waiting: yes\r\nVoice-Message: 2/0 (1/0)\r\n', 'application/simple-message-summary');
    await blf.settled();
    expect(blf.state.voicemail).to.deep.equal({ waiting: true, voice: { new: 2, old: 0, urgentNew: 1, urgentOld: 0 } });
    agent().receiveNotify('message-summary', 'Messages-Waiting: no\r\nVoice-Message: 0/2\r\n', 'application/simple-message-summary');
    await blf.settled();
    expect(blf.state.voicemail!.waiting).to.equal(false);
    agent().receiveNotify('message-summary', 'garbage', 'application/simple-message-summary');
    agent().receiveNotify('check-sync', 'Messages-Waiting: yes', 'text/plain');
    await blf.settled();
    expect(blf.state.voicemail!.waiting, 'junk and other events change nothing').to.equal(false);
  });

  it('subscribes to presence where asked and keeps the PIDF status beside the lamp', async () => {
    const { blf, agent, live } = setup();
    blf.watch({ extensions: ['1002'], presence: true });
    agent().register();
    const presence = live('sip:1002@phone.test', 'presence');
    expect(presence.accept).to.equal('application/pidf+xml');
    presence.notify(
      '<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:1002@phone.test"><tuple id="t"><status><basic>closed</basic></status></tuple></presence>',
      'application/pidf+xml',
    );
    live('sip:1002@phone.test').activate();
    await blf.settled();
    expect(blf.state.lamps.get('1002')).to.deep.equal({ state: 'idle', presence: { status: 'offline' } });
  });

  it('loads the directory from data, and from a URL with the failure in words', async () => {
    const { blf } = setup();
    blf.setDirectory([{ extension: '1002', name: 'Bob' }]);
    expect(blf.state.directory).to.deep.equal([{ extension: '1002', name: 'Bob' }]);
    const url = URL.createObjectURL(new Blob(['[]']));
    await blf.loadDirectory(url);
    expect(blf.state.directoryStatus).to.equal('error');
    expect(blf.state.directoryError).to.equal('The directory address must be an http(s) URL.');
    await blf.loadDirectory('/no-such-directory.json');
    expect(blf.state.directoryError).to.equal('The directory could not be loaded (404).');
    expect(blf.state.directory).to.deep.equal([]);
    await blf.loadDirectory('/src/elements/phone-blf-panel/directory.fixture.json');
    expect(blf.state.directoryStatus).to.equal('ready');
    expect(blf.state.directory.map((e) => e.name)).to.deep.equal(['Bob Stone', 'Carol Ng', 'Dave <b>Bold</b>']);
  });
});
