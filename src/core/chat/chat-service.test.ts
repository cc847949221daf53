import { expect } from '@open-wc/testing';
import { PhoneSession } from '../phone-session.js';
import { resolveConfig } from '../config.js';
import { fakeAgents, type FakeSipAgent, type SentMessage } from '../../../test/fakes/fake-sip-agent.js';
import { buildImdn, parseImdn } from './imdn.js';
import { buildIsComposing, parseIsComposing } from './is-composing.js';
import type { ChatMessageEvent } from './chat-types.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(check: () => T, what: string, ms = 2000): Promise<NonNullable<T>> {
  for (const end = performance.now() + ms; ; await sleep(5)) {
    const v = check();
    if (v) return v as NonNullable<T>;
    if (performance.now() > end) throw new Error(`timed out: ${what}`);
  }
}

let seq = 0;
function phone(domain = `svc${Date.now()}x${seq++}.test`, register = true) {
  const { factory, agents } = fakeAgents();
  const session = new PhoneSession(factory);
  session.configure(resolveConfig({ server: 'ws://127.0.0.1:8080', identity: `sip:1001@${domain}`, password: 'p', display: 'Alice' }));
  const agent = agents[0]!;
  if (register) agent.register();
  return { session, chat: session.chat, agent, domain };
}

const header = (m: SentMessage, name: string) => m.headers.find((h) => h.toLowerCase().startsWith(`${name.toLowerCase()}:`))?.replace(/^[^:]+:\s*/, '');
const chatMessages = (agent: FakeSipAgent) => agent.messages.filter((m) => m.contentType.startsWith('text/'));
const receipts = (agent: FakeSipAgent) => agent.messages.filter((m) => m.contentType === 'message/imdn+xml').map((m) => ({ to: m.target, ...parseImdn(m.body)! }));
const bob = (domain: string) => ({ number: '1002', name: 'Bob', uri: `sip:1002@${domain}` });

describe('ChatService: sending', () => {
  it('sends text/plain with a Message-ID, asks for receipts, and goes sending → sent', async () => {
    const { chat, agent, domain } = phone();
    await until(() => chat.state.loaded, 'history read');
    const started = await chat.startConversation('1002');
    expect(started).to.deep.equal({ ok: true, id: 'd:1002' });
    const thread = chat.thread('d:1002');
    await thread.ready;
    const sent = await chat.send('d:1002', 'Hello Bob\nsecond line\n\n');
    expect(sent.ok).to.equal(true);
    const wire = await until(() => chatMessages(agent)[0], 'MESSAGE sent');
    expect(wire.target).to.equal(`sip:1002@${domain}`);
    expect(wire.body).to.equal('Hello Bob\nsecond line');
    expect(wire.contentType).to.equal('text/plain;charset=UTF-8');
    expect(header(wire, 'Message-ID')).to.match(/^[0-9a-z]{8,}$/);
    expect(header(wire, 'Disposition-Notification')).to.equal('positive-delivery, display');
    expect(header(wire, 'X-Conversation')).to.equal(undefined);
    await until(() => thread.messages[0]?.state === 'sent', 'sent');
    expect(chat.state.conversations[0]!.last).to.include({ text: 'Hello Bob second line', direction: 'out', state: 'sent' });
  });

  it('says Stored for later on 202 and fails with the reason on 404; Retry sends the same message again', async () => {
    const { chat, agent } = phone();
    await until(() => chat.state.loaded, 'history read');
    await chat.startConversation('1009');
    const thread = chat.thread('d:1009');
    agent.messageReply = { ok: true, code: 202 };
    await chat.send('d:1009', 'are you there?');
    await until(() => thread.messages[0]?.state === 'stored', 'stored');
    agent.messageReply = { ok: false, code: 404, reason: 'Not Found' };
    await chat.send('d:1009', 'second');
    const failed = await until(() => thread.messages.find((m) => m.state === 'failed'), 'failed');
    expect(failed.failure).to.equal('Not found (404)');
    agent.messageReply = { ok: true, code: 200 };
    await chat.retry(failed.key);
    await until(() => thread.messages.find((m) => m.key === failed.key)?.state === 'sent', 'sent after retry');
    const wire = chatMessages(agent).filter((m) => m.body === 'second');
    expect(wire).to.have.length(2);
    expect(header(wire[0]!, 'Message-ID')).to.equal(header(wire[1]!, 'Message-ID'));
  });

  it('fails with "Not connected" while unregistered, and a retry once registered goes out', async () => {
    const { chat, agent } = phone(undefined, false);
    await until(() => chat.state.loaded, 'history read');
    await chat.startConversation('1002');
    const thread = chat.thread('d:1002');
    await chat.send('d:1002', 'offline text');
    const failed = await until(() => thread.messages[0], 'stored locally');
    expect(failed).to.include({ state: 'failed', failure: 'Not connected' });
    expect(agent.messages).to.have.length(0);
    agent.register();
    await chat.retry(failed.key);
    await until(() => thread.messages[0]?.state === 'sent', 'sent');
  });

  it('refuses text too long for one MESSAGE, counted in UTF-8 bytes', async () => {
    const { chat, agent } = phone();
    await until(() => chat.state.loaded, 'history read');
    await chat.startConversation('1002');
    const refused = await chat.send('d:1002', '€'.repeat(4200));
    expect(refused).to.deep.equal({ ok: false, message: 'This message is too long to send (12 KB; the limit is 12 KB).' });
    expect((await chat.send('d:1002', 'a'.repeat(12 * 1024))).ok).to.equal(true);
    expect((await chat.send('d:1002', 'a'.repeat(12 * 1024 + 1))).ok).to.equal(false);
    await until(() => agent.messages.length === 1, 'one sent');
  });

  it('refuses files above the limit and sends smaller ones base64 with their type and name', async () => {
    const { chat, agent } = phone();
    await until(() => chat.state.loaded, 'history read');
    await chat.startConversation('1002');
    const big = new File([new Uint8Array(70 * 1024)], 'big.bin', { type: 'application/octet-stream' });
    expect(await chat.sendFile('d:1002', big, 64)).to.deep.equal({ ok: false, message: '“big.bin” is 70 KB: files up to 64 KB can be sent.' });
    expect(agent.messages).to.have.length(0);
    const png = new File([new Uint8Array([137, 80, 78, 71, 1, 2, 3])], '../x.png', { type: 'image/png' });
    expect((await chat.sendFile('d:1002', png, 64)).ok).to.equal(true);
    const wire = await until(() => agent.messages[0], 'file sent');
    expect(wire.contentType).to.equal('image/png');
    expect(wire.body).to.equal(btoa(String.fromCharCode(137, 80, 78, 71, 1, 2, 3)));
    expect(header(wire, 'Content-Disposition')).to.equal("attachment; filename*=UTF-8''x.png");
    expect(header(wire, 'Content-Transfer-Encoding')).to.equal('base64');
    expect(header(wire, 'Subject')).to.equal('x.png');
  });

  it('sends a UTF-8 text file as text, named, and reads one back as a file', async () => {
    const { chat, agent, domain } = phone();
    await until(() => chat.state.loaded, 'history read');
    await chat.startConversation('1002');
    await chat.sendFile('d:1002', new File(['héllo\nworld'], 'notes.txt', { type: 'text/plain' }), 64);
    const wire = await until(() => agent.messages[0], 'file sent');
    expect(wire.contentType).to.equal('text/plain');
    expect(wire.body).to.equal('héllo\nworld');
    expect(header(wire, 'Content-Transfer-Encoding')).to.equal(undefined);
    expect(header(wire, 'Content-Disposition')).to.equal("attachment; filename*=UTF-8''notes.txt");
    agent.receiveMessage(bob(domain), 'a,b\n1,2', 'text/csv', { 'content-disposition': "attachment; filename*=UTF-8''t%C3%A9.csv", 'message-id': 'csv' });
    agent.receiveMessage(bob(domain), 'plain words', 'text/plain', { subject: 'Just a subject' });
    const thread = chat.thread('d:1002');
    await until(() => thread.messages.length === 3, 'three shown');
    expect(thread.messages[1]!.file).to.deep.include({ name: 'té.csv', type: 'text/csv', size: 7, data: btoa('a,b\n1,2') });
    expect(thread.messages[2]).to.include({ text: 'plain words' });
    expect(thread.messages[2]!.file).to.equal(undefined);
  });
});

describe('ChatService: receiving', () => {
  it('threads a message by its sender, counts it unread, tells the page, and acknowledges delivery', async () => {
    const { chat, agent, domain } = phone();
    await until(() => chat.state.loaded, 'history read');
    const events: ChatMessageEvent[] = [];
    chat.on('message', (e) => events.push(e));
    agent.receiveMessage(bob(domain), 'Hi <b>Alice</b>', 'text/plain', {
      'message-id': 'bob-1',
      'disposition-notification': 'positive-delivery, display',
    });
    const c = await until(() => chat.state.conversations[0], 'conversation');
    expect(c).to.include({ id: 'd:1002', kind: 'direct', unread: 1 });
    expect(c.names).to.deep.equal({ '1002': 'Bob' });
    expect(chat.state.unread).to.equal(1);
    await until(() => events.length, 'message event');
    expect(events).to.deep.equal([{ conversationId: 'd:1002', from: { number: '1002', name: 'Bob' }, text: 'Hi <b>Alice</b>' }]);
    const delivered = await until(() => receipts(agent)[0], 'delivery receipt');
    expect(delivered).to.include({ to: `sip:1002@${domain}`, messageId: 'bob-1', kind: 'delivery', status: 'delivered' });
    expect(receipts(agent)).to.have.length(1);

    chat.markRead('d:1002');
    await until(() => receipts(agent).length === 2, 'display receipt');
    expect(receipts(agent)[1]).to.include({ messageId: 'bob-1', kind: 'display', status: 'displayed' });
    expect(chat.state.unread).to.equal(0);
  });

  it('keeps one copy of a message that arrives twice', async () => {
    const { chat, agent, domain } = phone();
    await until(() => chat.state.loaded, 'history read');
    for (let i = 0; i < 2; i++) agent.receiveMessage(bob(domain), 'once', 'text/plain', { 'message-id': 'dup-1' });
    await until(() => chat.state.conversations[0], 'conversation');
    const thread = chat.thread('d:1002');
    await thread.ready;
    await sleep(50);
    expect(thread.messages.map((m) => m.text)).to.deep.equal(['once']);
    expect(chat.state.conversations[0]!.unread).to.equal(1);
  });

  it('shows text/* bodies and files, ignores other formats, unwraps CPIM', async () => {
    const { chat, agent, domain } = phone();
    await until(() => chat.state.loaded, 'history read');
    agent.receiveMessage(bob(domain), '<rcs-ft/>', 'application/vnd.gsma.rcs-ft-http+xml');
    agent.receiveMessage(bob(domain), 'not base64!', 'image/png');
    agent.receiveMessage(bob(domain), '   ', 'text/plain');
    agent.receiveMessage(
      bob(domain),
      'From: <sip:1002@x>\r\nNS: imdn <urn:ietf:params:imdn>\r\nimdn.Message-ID: cp1\r\n\r\nContent-Type: text/plain\r\n\r\nvia cpim',
      'message/cpim',
    );
    agent.receiveMessage(bob(domain), btoa('PNGDATA'), 'image/png', { 'message-id': 'f1' });
    const thread = chat.thread('d:1002');
    await until(() => thread.messages.length === 2, 'two shown');
    expect(thread.messages[0]!.text).to.equal('via cpim');
    expect(thread.messages[1]!.file).to.deep.include({ name: 'attachment.png', type: 'image/png', size: 7 });
  });

  it('receipts move our message to delivered then read; a receipt from someone else changes nothing', async () => {
    const { chat, agent, domain } = phone();
    await until(() => chat.state.loaded, 'history read');
    await chat.startConversation('1002');
    const thread = chat.thread('d:1002');
    await chat.send('d:1002', 'ping');
    await until(() => thread.messages[0]?.state === 'sent', 'sent');
    const id = thread.messages[0]!.id;
    agent.receiveMessage({ number: '1003', uri: `sip:1003@${domain}` }, buildImdn({ messageId: id, kind: 'display', status: 'displayed' }), 'message/imdn+xml');
    agent.receiveMessage(bob(domain), buildImdn({ messageId: id, kind: 'delivery', status: 'delivered' }), 'message/imdn+xml');
    await until(() => thread.messages[0]?.state === 'delivered', 'delivered');
    agent.receiveMessage(bob(domain), buildImdn({ messageId: id, kind: 'display', status: 'displayed' }), 'message/imdn+xml');
    await until(() => thread.messages[0]?.state === 'read', 'read');
    agent.receiveMessage(bob(domain), buildImdn({ messageId: id, kind: 'delivery', status: 'delivered' }), 'message/imdn+xml');
    await sleep(50);
    expect(thread.messages[0]!.state).to.equal('read');
    expect(chat.state.conversations.map((c) => c.id)).to.deep.equal(['d:1002']);
  });

  it('shows who is typing until their message arrives; sends its own active/idle', async () => {
    const { chat, agent, domain } = phone();
    await until(() => chat.state.loaded, 'history read');
    await chat.startConversation('1002');
    agent.receiveMessage(bob(domain), buildIsComposing('active', 90), 'application/im-iscomposing+xml');
    await until(() => chat.state.typing['d:1002']?.[0] === '1002', 'typing');
    agent.receiveMessage(bob(domain), 'done typing', 'text/plain');
    await until(() => !chat.state.typing['d:1002'], 'typing over');

    chat.typing('d:1002', true);
    chat.typing('d:1002', true);
    chat.typing('d:1002', false);
    const composing = agent.messages.filter((m) => m.contentType === 'application/im-iscomposing+xml').map((m) => parseIsComposing(m.body)!.state);
    expect(composing).to.deep.equal(['active', 'idle']);
  });

  it('ignores typing a server kept for us, or older than the sender’s last message', async () => {
    const { chat, agent, domain } = phone();
    await until(() => chat.state.loaded, 'history read');
    const now = Date.now();
    agent.receiveMessage(bob(domain), 'latest', 'text/plain', { 'message-id': 'l1', datetime: new Date(now).toISOString() });
    await until(() => chat.state.conversations.length, 'conversation');
    agent.receiveMessage(bob(domain), buildIsComposing('active', 90), 'application/im-iscomposing+xml', { datetime: new Date(now - 2000).toISOString() });
    agent.receiveMessage(bob(domain), buildIsComposing('active', 90), 'application/im-iscomposing+xml', { datetime: new Date(now - 5 * 60_000).toISOString() });
    await sleep(80);
    expect(chat.state.typing).to.deep.equal({});
    agent.receiveMessage(bob(domain), buildIsComposing('active', 90), 'application/im-iscomposing+xml', { datetime: new Date(now + 10).toISOString() });
    await until(() => chat.state.typing['d:1002'], 'fresh typing shown');
  });

  it('does not send typing to someone whose messages are stored for later', async () => {
    const { chat, agent } = phone();
    await until(() => chat.state.loaded, 'history read');
    await chat.startConversation('1003');
    agent.messageReply = { ok: true, code: 202 };
    const thread = chat.thread('d:1003');
    await chat.send('d:1003', 'for later');
    await until(() => thread.messages[0]?.state === 'stored', 'stored');
    chat.typing('d:1003', true);
    expect(agent.messages.filter((m) => m.contentType.includes('iscomposing'))).to.have.length(0);
  });
});

describe('ChatService: groups', () => {
  it('fans a group message out to each member with the same id and the group headers', async () => {
    const { chat, agent, domain } = phone();
    await until(() => chat.state.loaded, 'history read');
    const started = await chat.startConversation('1002, 1003, 1001', 'Team <b>');
    if (!started.ok) throw new Error(started.message);
    expect(started.id).to.match(/^g:/);
    await chat.send(started.id, 'hello team');
    const wire = await until(() => (chatMessages(agent).length === 2 ? chatMessages(agent) : null), 'fan-out');
    expect(wire.map((m) => m.target)).to.deep.equal([`sip:1002@${domain}`, `sip:1003@${domain}`]);
    expect(header(wire[0]!, 'Message-ID')).to.equal(header(wire[1]!, 'Message-ID'));
    expect(header(wire[0]!, 'X-Conversation')).to.equal(started.id.slice(2));
    expect(header(wire[0]!, 'X-Conversation-Members')).to.equal('1001,1002,1003');
    expect(header(wire[0]!, 'X-Conversation-Name')).to.match(/^Team%20%3Cb%3E;t=\d+$/);
  });

  it('threads the far side’s group messages into one group, learns members, and notices who left', async () => {
    const { chat, agent, domain } = phone();
    await until(() => chat.state.loaded, 'history read');
    const group = { 'x-conversation': 'grp12345token', 'x-conversation-name': 'Ops;t=10', 'x-conversation-members': '1002,1001,1003' };
    agent.receiveMessage(bob(domain), 'first', 'text/plain', { ...group, 'message-id': 'g1' });
    agent.receiveMessage({ number: '1003', name: 'Carol', uri: `sip:1003@${domain}` }, 'second', 'text/plain', { ...group, 'message-id': 'g2', 'x-conversation-name': 'Old name;t=5' });
    const c = await until(() => (chat.state.conversations[0]?.unread === 2 ? chat.state.conversations[0] : null), 'both in one group');
    expect(chat.state.conversations).to.have.length(1);
    expect(c).to.include({ id: 'g:grp12345token', kind: 'group', name: 'Ops' });
    expect(c.members).to.deep.equal(['1002', '1003']);
    agent.receiveMessage(bob(domain), 'Left the conversation', 'text/plain', { ...group, 'x-conversation-members': '1001,1003', 'message-id': 'g3' });
    await until(() => chat.conversation('g:grp12345token')?.members.length === 1, 'Bob left');
    expect(chat.conversation('g:grp12345token')!.members).to.deep.equal(['1003']);
  });

  it('leaving tells the others and then ignores the group', async () => {
    const { chat, agent } = phone();
    await until(() => chat.state.loaded, 'history read');
    const started = await chat.startConversation('1002, 1003');
    if (!started.ok) throw new Error(started.message);
    await chat.leave(started.id);
    const wire = await until(() => (chatMessages(agent).length === 2 ? chatMessages(agent) : null), 'leave notice');
    expect(wire[0]!.body).to.equal('Left the conversation');
    expect(header(wire[0]!, 'X-Conversation-Members')).to.equal('1002,1003');
    expect(chat.conversation(started.id)!.left).to.equal(true);
    expect((await chat.send(started.id, 'still here?')).ok).to.equal(false);
  });
});

describe('ChatService: history', () => {
  it('a new session on the same account finds its conversations and messages again', async () => {
    const first = phone();
    await until(() => first.chat.state.loaded, 'history read');
    first.agent.receiveMessage(bob(first.domain), 'kept', 'text/plain', { 'message-id': 'h1' });
    await first.chat.startConversation('1002');
    await first.chat.send('d:1002', 'reply kept');
    await until(() => chatMessages(first.agent).length === 1, 'sent');
    await sleep(50);
    const second = phone(first.domain);
    await until(() => second.chat.state.loaded, 'history read again');
    expect(second.chat.state.conversations.map((c) => c.id)).to.deep.equal(['d:1002']);
    const thread = second.chat.thread('d:1002');
    await thread.ready;
    expect(thread.messages.map((m) => m.text)).to.deep.equal(['kept', 'reply kept']);
  });

  it('delete removes a conversation and its history', async () => {
    const { chat, agent, domain } = phone();
    await until(() => chat.state.loaded, 'history read');
    agent.receiveMessage(bob(domain), 'to delete', 'text/plain', { 'message-id': 'x1' });
    await until(() => chat.state.conversations.length === 1, 'conversation');
    await chat.remove('d:1002');
    expect(chat.state.conversations).to.have.length(0);
    const again = phone(domain);
    await until(() => again.chat.state.loaded, 'history read again');
    expect(again.chat.state.conversations).to.have.length(0);
  });
});
