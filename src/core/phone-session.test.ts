import { expect } from '@open-wc/testing';
import { PhoneSession, type SessionEvents } from './phone-session.js';
import { resolveConfig } from './config.js';
import { fakeAgents } from '../../test/fakes/fake-sip-agent.js';

const account = resolveConfig({ server: 'ws://127.0.0.1:8080', identity: 'sip:1001@phone.test', password: 'pass1001' });

function setup() {
  const { factory, agents } = fakeAgents();
  const session = new PhoneSession(factory);
  const events: Array<[keyof SessionEvents, unknown]> = [];
  for (const type of ['status', 'incoming', 'call-start', 'call-end', 'error'] as const) {
    session.on(type, (payload) => events.push([type, payload]));
  }
  session.configure(account);
  return { session, agent: agents[0]!, events, agents };
}

describe('PhoneSession', () => {
  it('goes Connecting… → Ready when the agent registers', () => {
    const { session, agent } = setup();
    expect(agent.started).to.equal(true);
    expect(session.state.statusText).to.equal('Connecting…');
    agent.register();
    expect(session.state.status).to.equal('ready');
    expect(session.state.statusText).to.equal('Ready');
  });

  it('says "Wrong user name or password" and stops retrying on 401', () => {
    const { session, agent, events } = setup();
    agent.failRegistration(401, 'Authentication Error');
    expect(session.state.status).to.equal('disconnected');
    expect(session.state.reason).to.equal('Wrong user name or password (401)');
    expect(agent.stopped).to.equal(true);
    expect(events.some(([t]) => t === 'error')).to.equal(true);
  });

  it('says the server is unreachable, then lost, and comes back to Ready', () => {
    const { session, agent } = setup();
    agent.drop();
    expect(session.state.reason).to.equal('Server unreachable, retrying…');
    agent.register();
    agent.drop();
    expect(session.state.reason).to.equal('Connection to the server lost, reconnecting…');
    agent.register();
    expect(session.state.status).to.equal('ready');
  });

  it('refuses to dial before registration and explains undialable input', () => {
    const { session, agent } = setup();
    expect(session.dial('1002')).to.deep.equal({ ok: false, message: 'The phone is not connected yet.' });
    agent.register();
    const bad = session.dial('<b>');
    expect(bad.ok).to.equal(false);
    expect(agent.calls).to.have.length(0);
  });

  it('places a call, reports In call, and ends with duration and cause', async () => {
    const { session, agent, events } = setup();
    agent.register();
    const result = session.dial('(100) 2');
    expect(result.ok).to.equal(true);
    const call = agent.calls[0]!;
    expect(call.remote.uri).to.equal('sip:1002@phone.test');
    expect(session.state.status).to.equal('in-call');
    expect(session.state.calls[0]!.state).to.equal('calling');
    call.remoteRings();
    expect(session.state.calls[0]!.state).to.equal('ringing');
    call.remoteAnswers();
    expect(session.state.calls[0]!.state).to.equal('connected');
    call.remoteEnds();
    expect(session.state.calls).to.have.length(0);
    expect(session.state.status).to.equal('ready');
    const end = events.find(([t]) => t === 'call-end')![1] as SessionEvents['call-end'];
    expect(end.cause).to.include({ code: 'hangup', by: 'remote' });
    expect(end.direction).to.equal('outbound');
  });

  it('words a busy callee with the SIP code', () => {
    const { session, agent } = setup();
    agent.register();
    session.dial('1002');
    agent.calls[0]!.remoteEnds(486, 'Busy');
    expect(session.state.lastEnded?.cause?.text).to.equal('Busy (486)');
  });

  it('rings, answers and rejects incoming calls', () => {
    const { session, agent, events } = setup();
    agent.register();
    const first = agent.ring({ number: '1003', name: 'Carol', uri: 'sip:1003@phone.test' });
    expect(events.find(([t]) => t === 'incoming')).to.exist;
    expect(session.state.status).to.equal('ready');
    session.answer();
    expect(first.log).to.deep.equal(['answer']);
    expect(session.state.status).to.equal('in-call');
    const second = agent.ring({ number: '1004', uri: 'sip:1004@phone.test' });
    session.reject(second.id);
    expect(second.log).to.deep.equal(['reject:480']);
    session.mute();
    expect(session.state.calls[0]!.muted).to.equal(true);
    expect(first.log).to.deep.equal(['answer', 'mute']);
  });

  it('dials the destination once, as soon as it is ready', () => {
    const { factory, agents } = fakeAgents();
    const session = new PhoneSession(factory);
    session.configure(resolveConfig({ server: 'ws://127.0.0.1:8080', identity: '1001@phone.test', password: 'p', destination: '1002' }));
    agents[0]!.register();
    agents[0]!.register();
    expect(agents[0]!.calls).to.have.length(1);
  });

  it('never puts the password in an event or the state', () => {
    const { session, agent, events } = setup();
    agent.failRegistration(403);
    expect(JSON.stringify(events) + JSON.stringify(session.state)).not.to.contain('pass1001');
  });
});
