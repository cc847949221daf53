import { expect } from '@open-wc/testing';
import { buildImdn, cleanMessageId, parseDisposition, parseImdn } from './imdn.js';

describe('IMDN (RFC 5438)', () => {
  it('builds a delivery notification that reads back the same', () => {
    const xml = buildImdn({ messageId: 'abc123', kind: 'delivery', status: 'delivered', datetime: '2026-01-31T14:05:00.000Z' });
    expect(xml).to.contain('<imdn xmlns="urn:ietf:params:xml:ns:imdn">');
    expect(xml).to.contain('<delivery-notification><status><delivered/></status></delivery-notification>');
    expect(parseImdn(xml)).to.deep.equal({ messageId: 'abc123', kind: 'delivery', status: 'delivered', datetime: '2026-01-31T14:05:00.000Z' });
  });

  it('builds a display notification', () => {
    const parsed = parseImdn(buildImdn({ messageId: 'm1', kind: 'display', status: 'displayed', recipientUri: 'sip:1002@phone.test' }));
    expect(parsed).to.include({ messageId: 'm1', kind: 'display', status: 'displayed' });
  });

  it('escapes what it writes, so a hostile id cannot break the document', () => {
    const xml = buildImdn({ messageId: 'a</message-id><x>&', kind: 'delivery', status: 'delivered', recipientUri: 'sip:"<>&' });
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).to.have.length(0);
    expect(doc.getElementsByTagName('x')).to.have.length(0);
  });

  it('reads a linphone-style document with a namespace prefix and whitespace', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <n:imdn xmlns:n="urn:ietf:params:xml:ns:imdn">
        <n:message-id> Xy12 </n:message-id>
        <n:datetime>2026-01-31T14:05:00Z</n:datetime>
        <n:display-notification><n:status><n:displayed/></n:status></n:display-notification>
      </n:imdn>`;
    expect(parseImdn(xml)).to.deep.equal({ messageId: 'Xy12', kind: 'display', status: 'displayed', datetime: '2026-01-31T14:05:00Z' });
  });

  it('refuses what is not an IMDN it understands', () => {
    for (const bad of [
      '',
      'hello',
      '<imdn><message-id>x</message-id>',
      '<imdn xmlns="urn:ietf:params:xml:ns:imdn"><delivery-notification><status><delivered/></status></delivery-notification></imdn>',
      '<imdn xmlns="urn:ietf:params:xml:ns:imdn"><message-id>x</message-id></imdn>',
      '<imdn xmlns="urn:ietf:params:xml:ns:imdn"><message-id>x</message-id><delivery-notification><status><exploded/></status></delivery-notification></imdn>',
      '<imdn xmlns="urn:ietf:params:xml:ns:imdn"><message-id>a|b</message-id><delivery-notification><status><delivered/></status></delivery-notification></imdn>',
      '<other><message-id>x</message-id><delivery-notification><status><delivered/></status></delivery-notification></other>',
      '<!DOCTYPE imdn [<!ENTITY e "x">]><imdn xmlns="urn:ietf:params:xml:ns:imdn"><message-id>&e;&e;</message-id><display-notification><status><displayed/></status></display-notification></imdn>'.replace('&e;&e;', '&unknown;'),
      `<imdn xmlns="urn:ietf:params:xml:ns:imdn"><message-id>${'x'.repeat(20000)}</message-id></imdn>`,
    ]) {
      expect(parseImdn(bad), bad.slice(0, 60)).to.equal(null);
    }
  });

  it('reads failure statuses as such', () => {
    const xml = '<imdn xmlns="urn:ietf:params:xml:ns:imdn"><message-id>q</message-id><delivery-notification><status><forbidden/></status></delivery-notification></imdn>';
    expect(parseImdn(xml)).to.include({ status: 'forbidden', kind: 'delivery' });
  });

  it('parses Disposition-Notification requests', () => {
    expect(parseDisposition('positive-delivery, display')).to.deep.equal({ delivery: true, display: true });
    expect(parseDisposition('Positive-Delivery,negative-delivery')).to.deep.equal({ delivery: true, display: false });
    expect(parseDisposition(undefined)).to.deep.equal({ delivery: false, display: false });
    expect(parseDisposition('displayed, positive-deliveryx')).to.deep.equal({ delivery: false, display: false });
  });

  it('accepts only printable Message-IDs without the key separator', () => {
    expect(cleanMessageId(' <abc@x> ')).to.equal('abc@x');
    expect(cleanMessageId('a b')).to.equal(undefined);
    expect(cleanMessageId('a|b')).to.equal(undefined);
    expect(cleanMessageId('x'.repeat(129))).to.equal(undefined);
    expect(cleanMessageId('é')).to.equal(undefined);
    expect(cleanMessageId('')).to.equal(undefined);
  });
});
