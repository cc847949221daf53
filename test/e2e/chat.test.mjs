// Chat end to end through the real Kamailio: widgets with <phone-chat>
// exchanging SIP MESSAGEs (receipts, typing, groups, files), msilo keeping a
// message for an offline user, sipp sending over UDP, and history in
// IndexedDB across a page load.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { activationUrl, startBed, waitFor } from './bed.mjs';
import { expectSipp, killAllSipp, register, sipp } from './sipp.mjs';
import {
  CHAT_PAGE,
  chatButton,
  chatText,
  countInChat,
  messageField,
  openRow,
  rows,
  send,
  shownMessages,
  startConversation,
  waitChatText,
  waitMessage,
  waitNoChatText,
} from './chat-helpers.mjs';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold?</b>';

describe('chat', () => {
  let bed;
  before(async () => {
    bed = await startBed();
  });
  after(async () => {
    await killAllSipp();
    await bed?.close();
  });
  afterEach(() => bed.closePhones());

  const chatPhone = (user) => bed.phone(user, { page: CHAT_PAGE });

  it('delivers both ways between two widgets, with delivered and read receipts', async () => {
    const [alice, bob] = await Promise.all([chatPhone('1001'), chatPhone('1002')]);
    await startConversation(alice, '1002');
    await send(alice, 'Hello Bob');
    // Bob's widget got it (and said so) before Bob looked.
    await waitMessage(alice, 'Hello Bob', (m) => m.meta.includes('Delivered'));
    await waitFor(async () => (await rows(bob)).some((r) => r.includes('Alice') && r.includes('Hello Bob') && r.includes('1 unread')), {
      message: "Bob's list: Alice, her message, 1 unread",
    });
    await openRow(bob, 'Alice');
    await waitMessage(bob, 'Hello Bob', (m) => m.dir === 'in');
    await waitMessage(alice, 'Hello Bob', (m) => m.meta.includes('· Read'));

    await send(bob, 'Hi Alice\nsecond line');
    await waitMessage(alice, 'Hi Alice', (m) => m.dir === 'in' && m.text === 'Hi Alice second line');
    await waitMessage(bob, 'Hi Alice', (m) => m.meta.includes('· Read'));
    assert.deepEqual(
      (await shownMessages(alice)).map((m) => [m.dir, m.text]),
      [
        ['out', 'Hello Bob'],
        ['in', 'Hi Alice second line'],
      ],
    );
  });

  it('shows the typing indicator while the other side types, and drops it when they clear the field', async () => {
    const [alice, bob] = await Promise.all([chatPhone('1001'), chatPhone('1002')]);
    await startConversation(alice, '1002');
    await send(alice, 'ping');
    await openRow(bob, 'Alice');
    await messageField(alice).pressSequentially('I am writ');
    await waitChatText(bob, 'Alice is typing…');
    await messageField(alice).fill('');
    await waitNoChatText(bob, 'is typing');
    await messageField(alice).pressSequentially('again');
    await waitChatText(bob, 'Alice is typing…');
    await messageField(alice).press('Enter');
    await waitMessage(bob, 'again');
    await waitNoChatText(bob, 'is typing');
  });

  it('keeps a message for an offline user (msilo, "Stored for later") and delivers it into the right conversation on register', async () => {
    const [alice, bob] = await Promise.all([chatPhone('1001'), chatPhone('1002')]);
    await startConversation(alice, '1003');
    await send(alice, 'While you were out');
    await waitMessage(alice, 'While you were out', (m) => m.meta.includes('Stored for later'));
    await chatButton(alice, 'Back to conversations').click();
    await startConversation(alice, '1002, 1003', 'Night shift');
    await send(alice, 'Group note for both');
    await waitFor(async () => (await rows(bob)).some((r) => r.includes('Night shift')), { message: 'Bob has the group' });
    await waitMessage(alice, 'Group note for both', (m) => /Delivered|Stored/.test(m.meta));

    const carol = await chatPhone('1003');
    await waitFor(async () => (await rows(carol)).length === 2, { message: "Carol's two conversations" });
    // msilo keeps the sender's address, not their display name: numbers until they write live.
    const list = await rows(carol);
    assert.ok(list.some((r) => r.includes('1001') && r.includes('While you were out')), list.join(' | '));
    assert.ok(list.some((r) => r.includes('Night shift') && r.includes('1001: Group note for both')), list.join(' | '));
    await waitFor(async () => !(await rows(carol)).some((r) => r.includes('typing')), { message: 'no stale typing state' });
    await openRow(carol, 'Night shift');
    const group = await waitMessage(carol, 'Group note for both');
    assert.equal(group.who, '1001');
    await waitChatText(carol, 'You, 1001, 1002');
    // The receipt went back through the server once Carol had it.
    await chatButton(alice, 'Back to conversations').click();
    await openRow(alice, '1003');
    await waitMessage(alice, 'While you were out', (m) => m.meta.includes('Delivered'), 15000);
  });

  it('shows a MESSAGE from sipp over UDP, its HTML name and body as text, and sends the delivery receipt back', async () => {
    const RECEIPT_PORT = 5075;
    const alice = await chatPhone('1001');
    const receiver = sipp('chat-receipt-recv.xml', ['-s', '1004'], { port: RECEIPT_PORT, timeout: 20 });
    expectSipp(await register('1004', RECEIPT_PORT, 60), 'RESULT 200 REGISTER');
    const text = `${HOSTILE} from sipp`;
    const sent = await sipp('chat-message.xml', [
      '-s', '1001',
      '-key', 'caller', '1004',
      '-au', '1004',
      '-ap', 'pass1004',
      '-key', 'display', '<i>Mallory</i>',
      '-key', 'msgid', 'sipp-msg-1',
      '-key', 'text', text,
    ]).done;
    expectSipp(sent, 'RESULT 200');
    await waitFor(async () => (await rows(alice)).some((r) => r.includes('<i>Mallory</i>') && r.includes('from sipp')), { message: 'the sipp conversation' });
    await openRow(alice, '<i>Mallory</i>');
    const shown = await waitMessage(alice, 'from sipp');
    assert.equal(shown.text, text);
    assert.equal(await countInChat(alice, 'img, script, b, i'), 0);
    assert.equal(await alice.page.evaluate(() => window.__pwned), undefined);
    const receipt = expectSipp(await receiver.done, 'RESULT IMDN');
    assert.match(receipt, /type=\s*message\/imdn\+xml id=sipp-msg-1 status=delivered/);
  });

  it('shows an HTML/script payload from another widget as text, and runs none of it', async () => {
    const [alice, bob] = await Promise.all([chatPhone('1001'), chatPhone('1002')]);
    await startConversation(alice, '1002');
    await send(alice, HOSTILE);
    await openRow(bob, 'Alice');
    const shown = await waitMessage(bob, 'bold?');
    assert.equal(shown.text, HOSTILE);
    assert.equal(await countInChat(bob, 'img, script, b'), 0);
    assert.equal(await bob.page.evaluate(() => window.__pwned), undefined);
    assert.equal(await alice.page.evaluate(() => window.__pwned), undefined);
  });

  it('fans a group message out to each member, threaded into the same group on the far side', async () => {
    const [alice, bob, carol] = await Promise.all([chatPhone('1001'), chatPhone('1002'), chatPhone('1003')]);
    await startConversation(alice, '1002, 1003', 'Team <b>');
    await send(alice, 'Hello team');
    for (const member of [bob, carol]) {
      await waitFor(async () => (await rows(member)).some((r) => r.includes('Team <b>') && r.includes('Alice: Hello team')), { message: 'the group row' });
    }
    await openRow(bob, 'Team <b>');
    await send(bob, 'Hi all, Bob here');
    await waitMessage(alice, 'Hi all, Bob here', (m) => m.who === 'Bob');
    await waitFor(async () => (await rows(carol)).some((r) => r.includes('Team <b>') && r.includes('Bob: Hi all, Bob here')), { message: "Carol's group row" });
    // One conversation each: the group; nobody got a direct conversation out of it.
    assert.equal((await rows(carol)).length, 1);
    await chatButton(alice, 'Back to conversations').click();
    assert.equal((await rows(alice)).length, 1);
    await openRow(alice, 'Team <b>');
    await openRow(carol, 'Team <b>');
    assert.deepEqual(
      (await shownMessages(carol)).map((m) => [m.who, m.text]),
      [
        ['Alice', 'Hello team'],
        ['Bob', 'Hi all, Bob here'],
      ],
    );
    await waitMessage(alice, 'Hello team', (m) => m.meta.includes('Read by all 2'));
  });

  it('sends small files with their type and name, and refuses one above max-attachment-kb', async () => {
    const [alice, bob] = await Promise.all([chatPhone('1001'), chatPhone('1002')]);
    await startConversation(alice, '1002');
    const picker = alice.page.locator('phone-chat input[type=file]');
    await picker.setInputFiles({ name: 'too-big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(12 * 1024, 1) });
    await waitChatText(alice, '“too-big.bin” is 12 KB: files up to 10 KB can be sent.');
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    // Exactly the limit: it must still fit in one WebSocket message for the server.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 - 9, 7)]);
    await picker.setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: png });
    await waitMessage(alice, 'dot.png', (m) => m.meta.includes('Delivered'));
    await picker.setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: pdf });
    await waitMessage(alice, 'report.pdf', (m) => m.meta.includes('Delivered'));
    await openRow(bob, 'Alice');
    await waitMessage(bob, 'report.pdf');
    const files = await bob.page.locator('phone-chat').evaluate(() => {
      const log = document.querySelector('phone-chat').shadowRoot.querySelector('phone-chat-log').shadowRoot;
      return [...log.querySelectorAll('a.download')].map((a) => ({ name: a.getAttribute('download'), href: a.href }));
    });
    assert.deepEqual(
      files.map((f) => [f.name, f.href.slice(0, f.href.indexOf(',') + 1)]),
      [
        ['dot.png', 'data:image/png;base64,'],
        ['report.pdf', 'data:application/pdf;base64,'],
      ],
    );
    assert.equal(Buffer.from(files[0].href.split(',')[1], 'base64').equals(png), true);
    assert.equal(Buffer.from(files[1].href.split(',')[1], 'base64').equals(pdf), true);
    assert.equal(await countInChat(bob, 'img.preview'), 1);
    assert.doesNotMatch(await chatText(bob), /too-big/);
    // The longest text allowed goes through too, and the phone stays connected.
    const longest = `${'x'.repeat(12 * 1024 - 4)} end`;
    await send(alice, longest);
    await waitMessage(alice, ' end', (m) => m.meta.includes('Read'));
    assert.equal(await alice.status(), 'Ready');
  });

  it('keeps the history across a reload of the page', async () => {
    const [alice, bob] = await Promise.all([chatPhone('1001'), chatPhone('1002')]);
    await startConversation(alice, '1002');
    await send(alice, 'Remember this');
    await openRow(bob, 'Alice');
    await send(bob, 'I will');
    await waitMessage(alice, 'I will');
    await bob.page.goto(activationUrl(bed.http.url, '1002', { page: CHAT_PAGE }));
    await bob.waitStatus('Ready');
    await waitFor(async () => (await rows(bob)).some((r) => r.includes('Alice') && r.includes('You: I will')), { message: 'the conversation after reload' });
    await openRow(bob, 'Alice');
    await waitMessage(bob, 'I will');
    assert.deepEqual(
      (await shownMessages(bob)).map((m) => [m.dir, m.text]),
      [
        ['in', 'Remember this'],
        ['out', 'I will'],
      ],
    );
    // Still a working conversation after the reload.
    await send(bob, 'Back again');
    await waitMessage(alice, 'Back again');
  });
});
