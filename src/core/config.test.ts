import { expect } from '@open-wc/testing';
import { mergeInputs, parseServer, readUrlParams, resolveConfig, stripActivationParams } from './config.js';

const https = { protocol: 'https:', hostname: 'crm.example.com' };

describe('config', () => {
  it('reads the any-server activation form', () => {
    const input = readUrlParams(
      '?server=wss%3A%2F%2Fpbx.example.com%3A8089%2Fws&identity=sip%3A1001%40example.com&authentication=a1001&password=s3cret&destination=1002&display=Alice',
    );
    const result = resolveConfig(input, https);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.config).to.deep.equal({
      servers: ['wss://pbx.example.com:8089/ws'],
      identity: 'sip:1001@example.com',
      authorization: 'a1001',
      password: 's3cret',
      displayName: 'Alice',
      destination: '1002',
      domain: 'example.com',
      user: '1001',
    });
  });

  it('derives identity and authentication from username in the fixed-server form', () => {
    const input = mergeInputs({ server: 'wss://pbx.example.com/ws', domain: 'example.com' }, readUrlParams('?username=1005&password=pw'));
    const result = resolveConfig(input, https);
    expect(result.ok && result.config.identity).to.equal('sip:1005@example.com');
    expect(result.ok && result.config.authorization).to.equal('1005');
  });

  it('lets later layers win and ignores empty values', () => {
    const merged = mergeInputs({ server: 'a.example.com', username: 'x' }, { server: ' ', username: 'y' }, { username: 'z' });
    expect(merged).to.deep.equal({ server: 'a.example.com', username: 'z' });
  });

  it('turns sip: URIs and bare hosts into wss:// and keeps lists in order', () => {
    const result = resolveConfig({ server: 'sip:pbx.example.com, backup.example.com:8443 ,wss://third.example.com/ws', identity: '1@example.com', password: 'p' }, https);
    expect(result.ok && result.config.servers).to.deep.equal(['wss://pbx.example.com', 'wss://backup.example.com:8443', 'wss://third.example.com/ws']);
  });

  for (const bad of ['javascript:alert(1)', 'http://pbx.example.com', 'data:text/html,x', 'ftp://x', 'not a host', 'wss://user:pw@host']) {
    it(`refuses the server "${bad}" with a message`, () => {
      const result = resolveConfig({ server: bad, identity: '1@example.com', password: 'p' }, https);
      expect(result.ok).to.equal(false);
      expect(!result.ok && result.error?.code).to.equal('bad-server');
      expect(!result.ok && result.error?.message).to.match(/not a server address/);
    });
  }

  it('refuses plain ws:// to a remote host from an https page, but allows loopback', () => {
    const remote = parseServer('ws://pbx.example.com/ws', https);
    expect('error' in remote && remote.error.code).to.equal('insecure-server');
    expect(parseServer('ws://127.0.0.1:8080', https)).to.deep.equal({ url: 'ws://127.0.0.1:8080' });
    expect(parseServer('ws://pbx.example.com/ws', { protocol: 'http:', hostname: 'x' })).to.deep.equal({ url: 'ws://pbx.example.com/ws' });
  });

  it('asks for a password, an identity and a domain', () => {
    const noPassword = resolveConfig({ server: 'wss://h', identity: '1@example.com' }, https);
    expect(!noPassword.ok && noPassword.error?.code).to.equal('missing-password');
    const badIdentity = resolveConfig({ server: 'wss://h', identity: 'sip:@@bad', password: 'p' }, https);
    expect(!badIdentity.ok && badIdentity.error?.code).to.equal('bad-identity');
    const noDomain = resolveConfig({ server: 'wss://h', username: '1001', password: 'p' }, https);
    expect(!noDomain.ok && noDomain.error?.code).to.equal('missing-domain');
  });

  it('treats no configuration at all as waiting, not as an error', () => {
    expect(resolveConfig({}, https)).to.deep.equal({ ok: false, error: null });
  });

  it('never puts the password into an error message', () => {
    const result = resolveConfig({ server: 'javascript:x', identity: '1@example.com', password: 'TOPSECRET' }, https);
    expect(JSON.stringify(result)).not.to.contain('TOPSECRET');
  });

  it('strips the activation parameters from a URL and keeps the others', () => {
    const clean = stripActivationParams('https://crm.example.com/page?lead=42&password=x&username=1001&server=h#tab');
    expect(clean).to.equal('https://crm.example.com/page?lead=42#tab');
    expect(stripActivationParams('https://crm.example.com/page?lead=42')).to.equal(null);
  });
});
