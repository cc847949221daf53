import { expect } from '@open-wc/testing';
import { PhoneSession } from '../phone-session.js';
import { resolveConfig } from '../config.js';
import { fakeAgents } from '../../../test/fakes/fake-sip-agent.js';
import { parkSlots, type ParksState } from './parks.js';

const account = resolveConfig({ server: 'ws://127.0.0.1:8080', identity: 'sip:1001@phone.test', password: 'pass1001' });
const CT = 'application/dialog-info+xml';
const DIALOG = (state: string, version: number, who = '<identity display="Bob">sip:1002@phone.test</identity>') =>
  `<?xml version="1.0"?><dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="${version}" state="full" entity="sip:71@phone.test"><dialog id="p1" direction="recipient"><state>${state}</state><remote>${who}</remote></dialog></dialog-info>`;

describe('parkSlots', () => {
  it('maps lamps to free, occupied (with who) and unknown slots', () => {
    const lamps = new Map([
      ['71', { state: 'busy' as const, peer: 'Bob' }],
      ['72', { state: 'idle' as const }],
      ['73', { state: 'offline' as const }],
      ['75', { state: 'held' as const }],
    ]);
    expect(parkSlots(['71', '72', '73', '74', '75'], lamps, [], 1000)).to.deep.equal([
      { slot: '71', state: 'occupied', parked: 'Bob', since: 1000 },
      { slot: '72', state: 'free' },
      { slot: '73', state: 'unknown' },
      { slot: '74', state: 'unknown' },
      { slot: '75', state: 'occupied', since: 1000 },
    ]);
  });

  it('keeps the waiting time while the same caller stays, and restarts it for another caller', () => {
    const first = parkSlots(['71'], new Map([['71', { state: 'busy' as const, peer: 'Bob' }]]), [], 1000);
    const still = parkSlots(['71'], new Map([['71', { state: 'held' as const, peer: 'Bob' }]]), first, 5000);
    expect(still[0]!.since).to.equal(1000);
    const other = parkSlots(['71'], new Map([['71', { state: 'busy' as const, peer: 'Carol' }]]), still, 9000);
    expect(other[0]).to.deep.equal({ slot: '71', state: 'occupied', parked: 'Carol', since: 9000 });
    const freed = parkSlots(['71'], new Map([['71', { state: 'idle' as const }]]), other, 9500);
    const again = parkSlots(['71'], new Map([['71', { state: 'busy' as const, peer: 'Carol' }]]), freed, 12000);
    expect(again[0]!.since).to.equal(12000);
  });
});

describe('ParkWatch', () => {
  function setup() {
    const { factory, agents } = fakeAgents();
    const session = new PhoneSession(factory);
    session.configure(account);
    const agent = agents[agents.length - 1]!;
    return { session, agent };
  }
  const settle = async (session: PhoneSession) => {
    await session.blf.settled();
    await Promise.resolve();
    await Promise.resolve();
  };

  it('subscribes to the dialog package of each configured slot, through the BLF service', () => {
    const { session, agent } = setup();
    session.updateSettings({ parkSlots: ['71', '72'] });
    agent.register();
    const targets = agent.subscriptions.filter((s) => s.event === 'dialog').map((s) => s.target);
    expect(targets).to.deep.equal(['sip:71@phone.test', 'sip:72@phone.test']);
    expect(session.parks.state.slots.map((s) => s.state)).to.deep.equal(['unknown', 'unknown']);
  });

  it('follows a slot: free, then taken by the parked caller, then free again; counts the parked calls', async () => {
    const { session, agent } = setup();
    session.updateSettings({ parkSlots: ['71', '72'] });
    agent.register();
    const changes: ParksState[] = [];
    session.parks.on('change', (s) => changes.push(s));
    const [s71, s72] = agent.subscriptions;
    s71!.activate();
    s72!.activate();
    await settle(session);
    expect(session.parks.state).to.deep.include({ parked: 0 });
    expect(session.parks.state.slots.map((s) => s.state)).to.deep.equal(['free', 'free']);
    s71!.notify(DIALOG('confirmed', 1), CT);
    await settle(session);
    const taken = session.parks.state.slots[0]!;
    expect(taken).to.deep.include({ slot: '71', state: 'occupied', parked: 'Bob' });
    expect(Date.now() - taken.since!).to.be.within(0, 2000);
    expect(session.parks.state.parked).to.equal(1);
    s71!.notify(DIALOG('terminated', 2), CT);
    await settle(session);
    expect(session.parks.state.parked).to.equal(0);
    expect(changes.length).to.be.greaterThan(1);
  });

  it('names the parked caller by number when the server gives no display name', async () => {
    const { session, agent } = setup();
    session.updateSettings({ parkSlots: ['71'] });
    agent.register();
    const [sub] = agent.subscriptions;
    sub!.notify(DIALOG('confirmed', 1, '<identity>sip:+15550102030@phone.test</identity>'), CT);
    await settle(session);
    expect(session.parks.state.slots[0]).to.deep.include({ state: 'occupied', parked: '+15550102030' });
  });

  it('ends the slot subscriptions when the slots are no longer configured', () => {
    const { session, agent } = setup();
    session.updateSettings({ parkSlots: ['71'] });
    agent.register();
    session.updateSettings({ parkSlots: undefined });
    expect(agent.subscriptions.every((s) => s.terminated)).to.equal(true);
    expect(session.parks.state).to.deep.equal({ slots: [], parked: 0 });
  });

  it('retrieves by calling the slot', () => {
    const { session, agent } = setup();
    session.updateSettings({ parkSlots: ['71'] });
    agent.register();
    const result = session.parks.retrieve('71');
    expect(result.ok).to.equal(true);
    expect(agent.calls.at(-1)?.remote.uri).to.equal('sip:71@phone.test');
  });
});
