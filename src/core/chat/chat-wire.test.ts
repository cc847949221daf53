import { expect } from '@open-wc/testing';
import { incomingContent, outgoingWire, TEXT_TYPE, utf8 } from './chat-wire.js';
import { readIncomingMeta } from './chat-headers.js';
import type { ChatMessage, Conversation } from './chat-types.js';
import { newConversation } from './group-thread.js';

const message = (patch: Partial<ChatMessage> = {}): ChatMessage => ({
  key: 'k',
  id: 'id1',
  conversationId: 'd:1002',
  direction: 'out',
  from: { number: '1001' },
  at: Date.parse('2026-01-31T14:05:00Z'),
  text: 'hello',
  ...patch,
});
const group: Conversation = { ...newConversation('g:abcdefgh12', 'group', ['1002', '1003']), name: 'Team', nameAt: 7 };
/** The headers as the far side's agent hands them over. */
const received = (headers: string[]) =>
  Object.fromEntries(headers.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));

describe('chat on the wire', () => {
  it('a direct text message: text/plain UTF-8, no group headers', () => {
    const wire = outgoingWire(message(), newConversation('d:1002', 'direct', ['1002']), '1001');
    expect(wire.contentType).to.equal(TEXT_TYPE);
    expect(wire.body).to.equal('hello');
    expect(wire.headers.some((h) => h.startsWith('X-Conversation'))).to.equal(false);
  });

  it('a group message lists us among the members, unless we are leaving', () => {
    expect(received(outgoingWire(message(), group, '1001').headers)['x-conversation-members']).to.equal('1001,1002,1003');
    expect(received(outgoingWire(message(), group, '1001', true).headers)['x-conversation-members']).to.equal('1002,1003');
    expect(received(outgoingWire(message(), group, '1001').headers)['x-conversation']).to.equal('abcdefgh12');
  });

  it('a binary file goes base64 with its type; a UTF-8 text file as text; both read back as files', () => {
    const png = { name: 'a.png', type: 'image/png', size: 3, data: btoa('\x89PN') };
    const wire = outgoingWire(message({ text: '', file: png }), group, '1001');
    expect([wire.contentType, wire.body]).to.deep.equal(['image/png', png.data]);
    const back = incomingContent('image/png', wire.body, readIncomingMeta(received(wire.headers), 'phone.test'));
    expect(back).to.deep.equal({ text: '', file: png });

    const txt = { name: 'n.txt', type: 'text/plain', size: 6, data: btoa('h\xc3\xa9llo') };
    const textWire = outgoingWire(message({ text: '', file: txt }), group, '1001');
    expect(textWire.body).to.equal('héllo');
    expect(incomingContent('text/plain', textWire.body, readIncomingMeta(received(textWire.headers), 'phone.test'))).to.deep.equal({ text: '', file: txt });
  });

  it('a text file that is not UTF-8 goes base64', () => {
    const latin1 = { name: 'l.txt', type: 'text/plain', size: 2, data: btoa('\xe9\xe9') };
    const wire = outgoingWire(message({ text: '', file: latin1 }), group, '1001');
    expect(wire.body).to.equal(latin1.data);
    expect(received(wire.headers)['content-transfer-encoding']).to.equal('base64');
    expect(utf8(latin1.data)).to.equal(undefined);
  });

  it('shows text/* as text, whatever it contains, and drops what is not shown', () => {
    const meta = readIncomingMeta({}, 'phone.test');
    expect(incomingContent('text/html', '<script>alert(1)</script>', meta)).to.deep.equal({ text: '<script>alert(1)</script>' });
    expect(incomingContent('text/plain', 'x'.repeat(30000), meta)!.text).to.have.length(20000);
    for (const [type, body] of [
      ['text/plain', ' \n '],
      ['application/vnd.gsma.rcs-ft-http+xml', '<file/>'],
      ['image/png', 'not base64!'],
      ['image/png', 'QUJD='],
      ['application/octet-stream', 'A'.repeat(4 * 1024 * 1024)],
    ]) {
      expect(incomingContent(type!, body!, meta), `${type} ${body!.slice(0, 20)}`).to.equal(null);
    }
  });

  it('cleans what a file claims: odd types and names', () => {
    const meta = readIncomingMeta({ 'content-disposition': "attachment; filename*=UTF-8''..%2F..%2Fevil%0D%0A.svg", 'content-transfer-encoding': 'base64' }, 'phone.test');
    const file = incomingContent('image/svg+xml"onload="x', btoa('<svg/>'), meta)!.file!;
    expect(file.type).to.equal('application/octet-stream');
    expect(file.name).to.equal('evil.svg');
  });
});
