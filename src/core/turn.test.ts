import { expect } from '@open-wc/testing';
import { mergeInputs, readUrlParams, resolveConfig, stripActivationParams } from './config.js';
import { hasTurn, isOn, parseTurnServers } from './turn.js';

const base = { server: 'wss://pbx.example.com/ws', identity: 'sip:1001@example.com', password: 'p' };

describe('TURN configuration', () => {
  it('reads turn:/turns: URLs with one user name and credential, and STUN apart', () => {
    const r = parseTurnServers('turn:relay.example.com:3478?transport=udp, turn:relay.example.com:3478?transport=tcp,turns:relay.example.com:443?transport=tcp, stun:stun.example.com', 'u', 's3cret');
    expect(r).to.deep.equal({
      ok: true,
      iceServers: [
        {
          urls: ['turn:relay.example.com:3478?transport=udp', 'turn:relay.example.com:3478?transport=tcp', 'turns:relay.example.com:443?transport=tcp'],
          username: 'u',
          credential: 's3cret',
        },
        { urls: ['stun:stun.example.com'] },
      ],
    });
  });

  it('accepts IP addresses, IPv6 in brackets and no port', () => {
    expect(parseTurnServers('turn:127.0.0.1:3478,turns:[::1]:5349,turn:relay', 'u', 'c').ok).to.equal(true);
  });

  it('refuses what is not a TURN URL, without echoing credentials', () => {
    for (const bad of ['http://relay.example.com', 'turn://relay', 'turn:user:pw@relay', 'turn:relay:99999', 'turn:relay?transport=sctp', 'javascript:alert(1)', 'stun:host?transport=udp']) {
      const r = parseTurnServers(bad, 'u', 'topsecret');
      expect(r.ok, bad).to.equal(false);
      if (!r.ok) expect(r.message).not.to.contain('topsecret');
    }
  });

  it('asks for a user name and credential with a TURN server (STUN needs none)', () => {
    expect(parseTurnServers('turn:relay', 'u', undefined).ok).to.equal(false);
    expect(parseTurnServers('stun:stun.example.com').ok).to.equal(true);
    expect(parseTurnServers(undefined)).to.deep.equal({ ok: true, iceServers: [] });
  });

  it('puts the TURN servers and force-relay into the resolved configuration', () => {
    const r = resolveConfig({ ...base, turn: 'turns:relay.example.com:443?transport=tcp', turnUsername: 'u', turnCredential: 'c', forceRelay: 'true' });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.config.iceServers).to.deep.equal([{ urls: ['turns:relay.example.com:443?transport=tcp'], username: 'u', credential: 'c' }]);
    expect(r.config.iceTransportPolicy).to.equal('relay');
    expect(resolveConfig({ ...base, turn: 'turn:relay', turnUsername: 'u', turnCredential: 'c', forceRelay: 'false' }).ok && 'no policy').to.equal('no policy');
  });

  it('refuses a bad TURN setting as a configuration error in words', () => {
    const r = resolveConfig({ ...base, turn: 'relay.example.com' });
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.error?.code).to.equal('bad-turn');
  });

  it('takes TURN settings from an activation link and strips them, credential included, from the address bar', () => {
    const href = 'https://crm.example.com/?keep=me&server=wss%3A%2F%2Fpbx%2Fws&identity=1001%40pbx&password=p&turn=turn%3Arelay%3A3478&turnUsername=u&turnCredential=c2&forceRelay=1';
    const input = readUrlParams(new URL(href).search);
    expect(input).to.include({ turn: 'turn:relay:3478', turnUsername: 'u', turnCredential: 'c2', forceRelay: '1' });
    const clean = stripActivationParams(href)!;
    expect(clean).to.equal('https://crm.example.com/?keep=me');
    expect(clean).not.to.contain('c2');
  });

  it('lets the URL layer win over the page for TURN too', () => {
    expect(mergeInputs({ turn: 'turn:a' }, { turn: 'turn:b' }).turn).to.equal('turn:b');
  });

  it('knows whether a server list has a TURN server, and what counts as on', () => {
    expect(hasTurn([{ urls: 'stun:x' }])).to.equal(false);
    expect(hasTurn([{ urls: ['stun:x', 'turns:y'] }])).to.equal(true);
    expect(hasTurn(undefined)).to.equal(false);
    expect(['', 'true', '1', 'yes', 'on'].every(isOn)).to.equal(true);
    expect(['false', '0', 'no', 'off'].some(isOn)).to.equal(false);
    expect(isOn(undefined)).to.equal(false);
  });
});
