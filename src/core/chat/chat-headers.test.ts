import { expect } from '@open-wc/testing';
import { messageHeaders, newMessageId, readIncomingMeta } from './chat-headers.js';

/** Headers as the agent hands them over: lower-case names. */
const asReceived = (lines: string[]) =>
  Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));

describe('chat headers', () => {
  it('a group message carries everything the far side needs to thread it', () => {
    const lines = messageHeaders({
      messageId: 'm1',
      sentAt: Date.parse('2026-01-31T14:05:00Z'),
      receipts: true,
      group: { token: 'abcdefgh12', name: 'Team <b>', nameAt: 5, members: ['1001', '1002', '1003'] },
    });
    const meta = readIncomingMeta(asReceived(lines), 'phone.test');
    expect(meta).to.deep.equal({
      messageId: 'm1',
      sentAt: Date.parse('2026-01-31T14:05:00Z'),
      wantsDelivery: true,
      wantsDisplay: true,
      group: { id: 'g:abcdefgh12', name: { name: 'Team <b>', at: 5 }, members: ['1001', '1002', '1003'] },
      attachment: false,
      base64: false,
    });
  });

  it('a file says its name, that it is an attachment, and its encoding', () => {
    const meta = readIncomingMeta(asReceived(messageHeaders({ messageId: 'm2', sentAt: 0, receipts: true, file: { name: 'a b.png', base64: true } })), 'phone.test');
    expect(meta).to.include({ fileName: 'a b.png', attachment: true, base64: true });
    const text = readIncomingMeta(asReceived(messageHeaders({ messageId: 'm3', sentAt: 0, receipts: true, file: { name: 'n.txt', base64: false } })), 'phone.test');
    expect(text).to.include({ fileName: 'n.txt', attachment: true, base64: false });
  });

  it('never lets a file name break a header', () => {
    const lines = messageHeaders({ messageId: 'm4', sentAt: 0, receipts: false, file: { name: 'a\r\nX-Evil: 1\u0000.png', base64: true } });
    expect(lines.some((l) => /[\r\n\u0000]/.test(l))).to.equal(false);
    expect(lines.filter((l) => l.startsWith('X-Evil'))).to.have.length(0);
    expect(lines).to.include('Subject: aX-Evil 1.png');
  });

  it('takes the file name from Subject when Content-Disposition did not come through', () => {
    expect(readIncomingMeta({ subject: ' dot.png ' }, 'phone.test')).to.include({ fileName: 'dot.png', attachment: false });
  });

  it('receipts and notices ask for nothing', () => {
    expect(messageHeaders({ messageId: 'r', sentAt: 0, receipts: false }).join('\n')).not.to.contain('Disposition-Notification');
  });

  it('reads imdn.-prefixed headers, and drops hostile values', () => {
    const meta = readIncomingMeta(
      {
        'imdn.message-id': 'x1',
        'imdn.disposition-notification': 'display',
        datetime: 'yesterday-ish',
        'x-conversation': '<script>',
        'x-conversation-name': '%3Cimg%20src%3Dx%3E',
      },
      'phone.test',
    );
    expect(meta).to.deep.equal({ messageId: 'x1', wantsDelivery: false, wantsDisplay: true, attachment: false, base64: false });
    expect(readIncomingMeta({ 'disposition-notification': 'positive-delivery' }, 'phone.test').wantsDelivery, 'no id: no receipt').to.equal(false);
  });

  it('makes distinct Message-IDs', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newMessageId(1)));
    expect(ids.size).to.equal(1000);
    for (const id of ids) expect(id).to.match(/^[0-9a-z]+$/);
  });
});
