import { expect } from '@open-wc/testing';
import { parseCpim } from './cpim.js';

describe('message/cpim', () => {
  it('unwraps a linphone IMDN request with its namespace prefix', () => {
    const body = [
      'From: <sip:bob@phone.test>',
      'To: <sip:1001@phone.test>',
      'NS: im <urn:ietf:params:imdn>',
      'im.Message-ID: Abc123',
      'DateTime: 2026-01-31T14:05:00Z',
      'im.Disposition-Notification: positive-delivery, display',
      '',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hello <b>there</b>',
    ].join('\r\n');
    const cpim = parseCpim(body)!;
    expect(cpim.contentType).to.equal('text/plain; charset=utf-8');
    expect(cpim.body).to.equal('Hello <b>there</b>');
    expect(cpim.headers['imdn.message-id']).to.equal('Abc123');
    expect(cpim.headers['imdn.disposition-notification']).to.equal('positive-delivery, display');
    expect(cpim.headers['datetime']).to.equal('2026-01-31T14:05:00Z');
  });

  it('returns null for bodies that are not CPIM', () => {
    expect(parseCpim('')).to.equal(null);
    expect(parseCpim('just text')).to.equal(null);
    expect(parseCpim('From: x\n\nno content type here\n\nbody')).to.equal(null);
  });
});
