import { expect, waitUntil } from '@open-wc/testing';
import { PhoneSession, type SessionEvents } from '../phone-session.js';
import { resolveConfig } from '../config.js';
import { fakeAgents } from '../../../test/fakes/fake-sip-agent.js';
import { elect } from './tab-election.js';
import { mirrorPatch } from './tab-share.js';
import { DEFAULT_CALL_SETTINGS, type PhoneState } from '../types.js';

/** Each test has an account of its own, so that its lock and channel are its own too. */
let accounts = 0;
const account = () => resolveConfig({ server: 'ws://127.0.0.1:8080', identity: `sip:tab${Date.now()}${++accounts}@phone.test`, password: 'p' });

/** Two or three "tabs" of one account: sessions in this page that share, as tabs of one browser do. */
function tabs(count: number) {
  const config = account();
  return Array.from({ length: count }, () => {
    const { factory, agents } = fakeAgents();
    const session = new PhoneSession(factory);
    session.shareTabs = true;
    const events: Array<keyof SessionEvents> = [];
    for (const type of ['status', 'incoming', 'call-start', 'call-end'] as const) session.on(type, () => events.push(type));
    session.configure(config);
    return { session, agents, events };
  });
}

const settle = (ms = 30) => new Promise((r) => setTimeout(r, ms));

describe('elect', () => {
  it('elects one holder per name; the next waiting one leads when it leaves', async () => {
    const name = `test-election-${Date.now()}`;
    const log: string[] = [];
    const leaveA = elect(name, { lead: () => log.push('a leads'), follow: () => log.push('a follows') });
    await waitUntil(() => log.length === 1);
    const leaveB = elect(name, { lead: () => log.push('b leads'), follow: () => log.push('b follows') });
    const leaveOther = elect(`${name}-other`, { lead: () => log.push('other leads'), follow: () => log.push('other follows') });
    await waitUntil(() => log.length === 3);
    await settle();
    expect([...log].sort()).to.deep.equal(['a leads', 'b follows', 'other leads']);
    leaveA();
    await waitUntil(() => log.includes('b leads'));
    leaveB();
    leaveOther();
  });

  it('leads at once where the Web Locks API is missing', () => {
    let led = false;
    elect('x', { lead: () => (led = true), follow: () => undefined }, null);
    expect(led).to.equal(true);
  });
});

describe('mirrorPatch', () => {
  it('takes everything of the elected tab but the account and configuration error, and drops what it no longer has', () => {
    const base: PhoneState = { status: 'ready', statusText: 'Ready', calls: [], recent: [], settings: DEFAULT_CALL_SETTINGS };
    const own: PhoneState = { ...base, account: { user: '1001', identity: 'sip:1001@x' }, reason: 'old', notice: { kind: 'info', text: 'mine', id: 1 } };
    const leader: PhoneState = { ...base, status: 'in-call', statusText: 'In call', account: { user: 'other', identity: 'sip:other@x' }, settings: { ...DEFAULT_CALL_SETTINGS, dnd: true } };
    const patch = mirrorPatch(own, leader);
    expect(patch.status).to.equal('in-call');
    expect(patch.settings!.dnd).to.equal(true);
    expect('account' in patch).to.equal(false);
    expect(Object.prototype.hasOwnProperty.call(patch, 'reason') && patch.reason === undefined).to.equal(true);
    expect(Object.prototype.hasOwnProperty.call(patch, 'notice') && patch.notice === undefined).to.equal(true);
  });
});

describe('PhoneSession shared across tabs', () => {
  it('a follower changes the settings of the elected tab (DND), and shows them', async () => {
    const [a, b] = tabs(2);
    await waitUntil(() => b!.session.tabRole === 'follower');
    a!.agents[0]!.register();
    await waitUntil(() => b!.session.state.status === 'ready');
    b!.session.setDnd(true);
    await waitUntil(() => a!.session.state.settings.dnd && b!.session.state.settings.dnd);
    const call = a!.agents[0]!.ring({ number: '1002', uri: 'sip:1002@phone.test' });
    expect(call.log).to.deep.equal(['reject:486']);
    for (const t of [a, b]) t!.session.stop();
  });

  it('registers once: the elected tab runs the agent, the others show its status', async () => {
    const [a, b, c] = tabs(3);
    await waitUntil(() => b!.session.tabRole === 'follower' && c!.session.tabRole === 'follower');
    expect(a!.session.tabRole).to.equal('leader');
    expect(a!.agents).to.have.length(1);
    expect(b!.agents).to.have.length(0);
    expect(c!.agents).to.have.length(0);
    a!.agents[0]!.register();
    await waitUntil(() => b!.session.state.status === 'ready' && c!.session.state.status === 'ready');
    for (const t of [a, b, c]) t!.session.stop();
  });

  it('rings in every tab; answering in one stops the ringing in all; a follower hangs up', async () => {
    const [a, b, c] = tabs(3);
    await waitUntil(() => c!.session.tabRole === 'follower' && b!.session.tabRole === 'follower');
    const agent = a!.agents[0]!;
    agent.register();
    const call = agent.ring({ number: '1002', uri: 'sip:1002@phone.test' });
    await waitUntil(() => [b, c].every((t) => t!.session.state.calls[0]?.state === 'ringing'));
    expect(b!.events).to.include('incoming');
    b!.session.answer(call.id);
    await waitUntil(() => call.log.includes('answer'));
    await waitUntil(() => [a, b, c].every((t) => t!.session.state.calls[0]?.state === 'connected'));
    expect(c!.session.state.status).to.equal('in-call');
    expect(c!.events).to.include('call-start');
    c!.session.mute(call.id);
    await waitUntil(() => b!.session.state.calls[0]?.muted === true);
    expect(call.log).to.include('mute');
    expect(await c!.session.hold(call.id, true)).to.equal(true);
    await waitUntil(() => c!.session.state.calls[0]?.held === true);
    c!.session.hangup(call.id);
    await waitUntil(() => [a, b, c].every((t) => t!.session.state.calls.length === 0));
    expect(call.log).to.include('hangup');
    expect(b!.events).to.include('call-end');
    expect(b!.session.state.status).to.equal('ready');
    for (const t of [a, b, c]) t!.session.stop();
  });

  it('dials from a follower through the elected tab, after the follower page may veto', async () => {
    const [a, b] = tabs(2);
    await waitUntil(() => b!.session.tabRole === 'follower');
    a!.agents[0]!.register();
    await waitUntil(() => b!.session.state.status === 'ready');
    b!.session.dialFilter = (t) => (t === '666' ? null : t);
    expect(b!.session.dial('666').ok).to.equal(false);
    expect(b!.session.dial('1003').ok).to.equal(true);
    await waitUntil(() => a!.agents[0]!.calls.length === 1);
    expect(a!.agents[0]!.calls[0]!.remote.uri).to.equal('sip:1003@phone.test');
    await waitUntil(() => b!.session.state.calls[0]?.remote.number === '1003');
    for (const t of [a, b]) t!.session.stop();
  });

  it("a follower's BLF keys subscribe through the elected tab's agent and light up from its NOTIFYs", async () => {
    const [a, b] = tabs(2);
    await waitUntil(() => b!.session.tabRole === 'follower');
    const agent = a!.agents[0]!;
    agent.register();
    b!.session.blf.watch({ extensions: ['1002'], voicemail: true });
    await waitUntil(() => agent.subscriptions.some((s) => s.event === 'dialog' && s.target === 'sip:1002@phone.test'), 'dialog subscription');
    const dialog = agent.subscriptions.find((s) => s.event === 'dialog')!;
    dialog.activate();
    await waitUntil(() => b!.session.blf.state.lamps.get('1002')?.state === 'idle', 'lamp idle');
    dialog.notify(
      '<?xml version="1.0"?><dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="2" state="full" entity="sip:1002@phone.test"><dialog id="d1" direction="recipient"><state>confirmed</state></dialog></dialog-info>',
      'application/dialog-info+xml',
    );
    await waitUntil(() => b!.session.blf.state.lamps.get('1002')?.state === 'busy', 'lamp busy');
    // Unsolicited message-summary NOTIFYs reach the follower too.
    agent.receiveNotify('message-summary', 'Messages-Waiting: yes\r\nVoice-Message: 3/0\r\n', 'application/simple-message-summary');
    await waitUntil(() => b!.session.blf.state.voicemail?.voice?.new === 3, 'voicemail count');
    // The follower leaves: its subscriptions end in the elected tab.
    b!.session.stop();
    await waitUntil(() => dialog.terminated, 'unsubscribed');
    a!.session.stop();
  });

  it('another tab takes over and registers when the elected one leaves', async () => {
    const [a, b, c] = tabs(3);
    await waitUntil(() => b!.session.tabRole === 'follower' && c!.session.tabRole === 'follower');
    a!.agents[0]!.register();
    a!.agents[0]!.ring({ number: '1002', uri: 'sip:1002@phone.test' });
    await waitUntil(() => c!.session.state.calls.length === 1);
    a!.session.stop();
    await waitUntil(() => b!.session.tabRole === 'leader' || c!.session.tabRole === 'leader');
    const [leader, follower] = b!.session.tabRole === 'leader' ? [b!, c!] : [c!, b!];
    expect(leader.agents).to.have.length(1);
    expect(follower.agents).to.have.length(0);
    expect(leader.session.state.calls).to.have.length(0);
    leader.agents[0]!.register();
    await waitUntil(() => follower.session.state.status === 'ready' && follower.session.state.calls.length === 0);
    for (const t of [b, c]) t!.session.stop();
  });

  it('two accounts never share, and a session that does not share registers by itself', async () => {
    const [a] = tabs(1);
    const [other] = tabs(1);
    const { factory, agents } = fakeAgents();
    const alone = new PhoneSession(factory);
    alone.configure(account());
    await waitUntil(() => a!.session.tabRole === 'leader' && other!.session.tabRole === 'leader');
    expect(alone.tabRole).to.equal('alone');
    expect(agents).to.have.length(1);
    for (const s of [a!.session, other!.session, alone]) s.stop();
  });
});
