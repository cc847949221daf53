import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../test/fakes/test-widget.js';
import type { TestPhoneWidget } from '../../../test/fakes/test-widget.js';
import type { SentMessage } from '../../../test/fakes/fake-sip-agent.js';
import { buildImdn } from '../../core/chat/imdn.js';
import { buildIsComposing } from '../../core/chat/is-composing.js';
import type { ChatMessage, Conversation } from '../../core/chat/chat-types.js';
import { ChatStore, messageKey } from '../../storage/chat-store.js';
import type { PhoneChat } from './phone-chat.js';
import type { PhoneChatLog } from './chat-log.js';
import './phone-chat.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(check: () => T, what: string, ms = 3000): Promise<NonNullable<T>> {
  for (const end = performance.now() + ms; ; await sleep(10)) {
    const v = check();
    if (v) return v as NonNullable<T>;
    if (performance.now() > end) throw new Error(`timed out: ${what}`);
  }
}

/** Every shadow root under `el` (the chat and its log and composer). */
function roots(el: Element): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const visit = (node: Element) => {
    if (node.shadowRoot) {
      out.push(node.shadowRoot);
      node.shadowRoot.querySelectorAll('*').forEach(visit);
    }
  };
  visit(el);
  return out;
}
/** What the user reads, across shadow roots. */
function textOf(el: Element): string {
  const walk = (node: Node): string =>
    [...((node as Element).shadowRoot ?? node).childNodes]
      .map((n) => (n.nodeType === 3 ? n.textContent : n.nodeType === 1 ? ` ${walk(n)} ` : ''))
      .join('');
  return walk(el).replace(/\s+/g, ' ');
}
const all = (el: Element, selector: string) => roots(el).flatMap((r) => [...r.querySelectorAll(selector)]);
const nameOf = (el: Element) => (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
function button(el: Element, name: string): HTMLButtonElement {
  const found = all(el, 'button').find((b) => nameOf(b) === name);
  expect(found, `a button named "${name}"`).to.exist;
  return found as HTMLButtonElement;
}
const hasButton = (el: Element, name: string) => all(el, 'button').some((b) => nameOf(b) === name);
const composerField = (el: Element) => all(el, 'textarea')[0] as HTMLTextAreaElement;

let seq = 0;
async function chatPhone(options: { register?: boolean; seed?: (store: ChatStore, domain: string) => Promise<void>; attrs?: string } = {}) {
  const domain = `el${Date.now()}x${seq++}.test`;
  if (options.seed) await options.seed(new ChatStore(`sip:1001@${domain}`), domain);
  const el = (await fixture(
    html`<test-phone-widget server="ws://127.0.0.1:8080" identity=${`sip:1001@${domain}`} password="p" display="Alice" no-url-activation>
      <phone-chat max-attachment-kb="4"></phone-chat>
    </test-phone-widget>`,
  )) as TestPhoneWidget;
  if (options.register !== false) el.agent.register();
  const chat = el.querySelector('phone-chat') as PhoneChat;
  await until(() => el.session.chat.state.loaded, 'history read');
  await chat.updateComplete;
  return { el, chat, domain, agent: el.agent, service: el.session.chat };
}

async function accessibleInBothThemes(el: TestPhoneWidget, chat: PhoneChat): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    el.theme = theme;
    await el.updateComplete;
    expect(getComputedStyle(chat).colorScheme, 'theme applied').to.equal(theme);
    await expect(chat).to.be.accessible();
  }
}

const waitText = (el: Element, fragment: string, ms?: number) => until(() => textOf(el).includes(fragment), `text "${fragment}"`, ms);
const bob = (domain: string) => ({ number: '1002', name: 'Bob', uri: `sip:1002@${domain}` });
const header = (m: SentMessage, name: string) => m.headers.find((h) => h.startsWith(`${name}:`))?.replace(/^[^:]+:\s*/, '');
const texts = (agent: TestPhoneWidget['agent']) => agent.messages.filter((m) => m.contentType.startsWith('text/'));

async function openWith(chat: PhoneChat, number: string) {
  const result = await chat.openConversation(number);
  if (!result.ok) throw new Error(result.message);
  await chat.updateComplete;
  return result.id;
}

describe('<phone-chat> list', () => {
  it('says chat is offline before registration, then that there is nothing yet', async () => {
    const { el, chat, agent } = await chatPhone({ register: false });
    await waitText(chat, 'Chat is offline (Connecting…)');
    await accessibleInBothThemes(el, chat);
    agent.register();
    await until(() => !textOf(chat).includes('offline'), 'online');
    expect(textOf(chat)).to.contain('No conversations yet.');
    await accessibleInBothThemes(el, chat);
  });

  it('lists conversations with unread badge, last message and time; a hostile name stays text', async () => {
    const { el, chat, agent, domain } = await chatPhone();
    agent.receiveMessage({ number: '1003', name: '<img src=x onerror="window.__chatPwned=1">', uri: `sip:1003@${domain}` }, 'first <b>bold</b>');
    agent.receiveMessage(bob(domain), 'Lunch at noon?');
    agent.receiveMessage(bob(domain), 'Or 12:30');
    await waitText(chat, 'Or 12:30');
    const rows = all(chat, 'button.row');
    expect(rows).to.have.length(2);
    expect(textOf(rows[0]!)).to.match(/Bob .*\d\d:\d\d .*Or 12:30 2 unread/);
    expect(textOf(rows[1]!)).to.contain('<img src=x onerror="window.__chatPwned=1">');
    expect(textOf(rows[1]!)).to.contain('first <b>bold</b>');
    expect(all(chat, 'img, b, script')).to.have.length(0);
    expect((window as { __chatPwned?: number }).__chatPwned).to.equal(undefined);
    await accessibleInBothThemes(el, chat);
  });

  it('starts a conversation by number, and explains what it cannot start', async () => {
    const { el, chat } = await chatPhone();
    button(chat, 'New conversation').click();
    await chat.updateComplete;
    const to = all(chat, 'input[name=to]')[0] as HTMLInputElement;
    to.value = '1001';
    button(chat, 'Start').click();
    await waitText(chat, 'That is your own number.');
    expect(all(chat, '[role=alert]')).to.have.length(1);
    await accessibleInBothThemes(el, chat);
    to.value = '<script>';
    button(chat, 'Start').click();
    await waitText(chat, '“<script>” is not a number or address.');
    to.value = '1002';
    button(chat, 'Start').click();
    await until(() => composerField(chat), 'conversation open');
    expect(textOf(chat)).to.contain('1002');
    await accessibleInBothThemes(el, chat);
  });

  it('keeps showing the open conversation when the page moves the element', async () => {
    const { chat, agent, domain } = await chatPhone();
    agent.receiveMessage(bob(domain), 'still here after the move');
    await waitText(chat, 'still here after the move');
    await openWith(chat, '1002');
    await until(() => all(chat, '.bubble').length === 1, 'message shown');
    const parent = chat.parentElement!;
    const holder = document.createElement('div');
    parent.append(holder);
    holder.append(chat);
    await until(() => all(chat, '.bubble').length === 1 && textOf(chat).includes('still here after the move'), 'shown after the move');
    agent.receiveMessage(bob(domain), 'and live');
    await until(() => all(chat, '.bubble').map((b) => b.textContent!.trim()).join('|') === 'still here after the move|and live', 'both in the log');
  });

  it('minimises a conversation to a chip that shows new messages, and pins one to the top', async () => {
    const { el, chat, agent, domain } = await chatPhone();
    agent.receiveMessage(bob(domain), 'hi');
    agent.receiveMessage({ number: '1003', uri: `sip:1003@${domain}` }, 'newest');
    await waitText(chat, 'newest');
    await openWith(chat, '1002');
    button(chat, 'Pin conversation').click();
    await until(() => button(chat, 'Pin conversation').getAttribute('aria-pressed') === 'true', 'pinned');
    button(chat, 'Minimise conversation').click();
    await chat.updateComplete;
    agent.receiveMessage(bob(domain), 'while minimised');
    await waitText(chat, 'Bob · 1 new');
    const rows = all(chat, 'button.row');
    expect(textOf(rows[0]!)).to.contain('Bob');
    expect(textOf(rows[0]!)).to.contain('pinned');
    await accessibleInBothThemes(el, chat);
    button(chat, 'Bob · 1 new').click();
    await until(() => composerField(chat), 'reopened');
    await waitText(chat, 'while minimised');
  });
});

describe('<phone-chat> conversation', () => {
  it('Enter sends, Shift+Enter adds a line; the message goes sending → sent → delivered → read', async () => {
    const { el, chat, agent, domain } = await chatPhone();
    await openWith(chat, '1002');
    const field = await until(() => composerField(chat), 'composer');
    field.focus();
    await sendKeys({ type: 'Hello' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'Bob' });
    expect(texts(agent)).to.have.length(0);
    await sendKeys({ press: 'Enter' });
    const wire = await until(() => texts(agent)[0], 'MESSAGE sent');
    expect(wire.body).to.equal('Hello\nBob');
    expect(field.value).to.equal('');
    await waitText(chat, 'Sent');
    const id = header(wire, 'Message-ID')!;
    agent.receiveMessage(bob(domain), buildImdn({ messageId: id, kind: 'delivery', status: 'delivered' }), 'message/imdn+xml');
    await waitText(chat, 'Delivered');
    await accessibleInBothThemes(el, chat);
    agent.receiveMessage(bob(domain), buildImdn({ messageId: id, kind: 'display', status: 'displayed' }), 'message/imdn+xml');
    await waitText(chat, '· Read');
    await accessibleInBothThemes(el, chat);
  });

  it('shows Sending…, Stored for later on 202, and a failure with its reason and Retry', async () => {
    const { el, chat, agent, service } = await chatPhone();
    await openWith(chat, '1009');
    const send = agent.sendMessage.bind(agent);
    agent.sendMessage = () => new Promise(() => undefined);
    await service.send('d:1009', 'in flight');
    await waitText(chat, 'in flight');
    await waitText(chat, 'Sending…');
    await accessibleInBothThemes(el, chat);
    agent.sendMessage = send;
    agent.messageReply = { ok: true, code: 202 };
    await service.send('d:1009', 'for later');
    await waitText(chat, 'Stored for later');
    agent.messageReply = { ok: false, code: 404, reason: 'Not Found' };
    await service.send('d:1009', 'nobody');
    await waitText(chat, 'Failed: Not found (404)');
    await accessibleInBothThemes(el, chat);
    agent.messageReply = { ok: true, code: 200 };
    button(chat, 'Retry').click();
    await until(() => texts(agent).filter((m) => m.body === 'nobody').length === 2, 'sent again');
    await until(() => /nobody .* Sent/.test(textOf(chat)), 'sent after retry');
    expect(textOf(chat)).not.to.contain('Failed');
    expect(hasButton(chat, 'Retry')).to.equal(false);
  });

  it('shows received text as text, links only http(s) safely, and reads it (display receipt)', async () => {
    const { el, chat, agent, domain } = await chatPhone();
    agent.receiveMessage(bob(domain), '<script>window.__chatPwned=2</script> see https://example.com/doc. not javascript:alert(1)', 'text/plain', {
      'message-id': 'm-1',
      'disposition-notification': 'positive-delivery, display',
    });
    await waitText(chat, 'Bob');
    (all(chat, 'button.row')[0] as HTMLButtonElement).click();
    await until(() => all(chat, '.bubble').length, 'conversation open');
    await waitText(chat, '<script>window.__chatPwned=2</script>');
    const links = (await until(() => (all(chat, 'a').length ? all(chat, 'a') : null), 'a link')) as HTMLAnchorElement[];
    expect(links.map((a) => [a.getAttribute('href'), a.target, a.rel])).to.deep.equal([['https://example.com/doc', '_blank', 'noopener noreferrer']]);
    expect(all(chat, 'script')).to.have.length(0);
    expect((window as { __chatPwned?: number }).__chatPwned).to.equal(undefined);
    const receipts = await until(() => {
      const r = agent.messages.filter((m) => m.contentType === 'message/imdn+xml');
      return r.length === 2 ? r : null;
    }, 'delivered and displayed receipts');
    expect(receipts[1]!.body).to.contain('<displayed/>');
    await accessibleInBothThemes(el, chat);
  });

  it('shows who is typing, and sends its own typing state', async () => {
    const { el, chat, agent, domain } = await chatPhone();
    await openWith(chat, '1002');
    agent.receiveMessage(bob(domain), buildIsComposing('active', 90), 'application/im-iscomposing+xml');
    await waitText(chat, 'Bob is typing…');
    await accessibleInBothThemes(el, chat);
    agent.receiveMessage(bob(domain), buildIsComposing('idle'), 'application/im-iscomposing+xml');
    await until(() => !textOf(chat).includes('typing'), 'not typing');
    composerField(chat).focus();
    await sendKeys({ type: 'x' });
    const composing = await until(() => agent.messages.find((m) => m.contentType === 'application/im-iscomposing+xml'), 'isComposing sent');
    expect(composing.body).to.contain('<state>active</state>');
  });

  it('inserts emoji from the picker', async () => {
    const { el, chat } = await chatPhone();
    await openWith(chat, '1002');
    button(chat, 'Emoji').click();
    await until(() => hasButton(chat, 'thumbs up'), 'picker open');
    expect(button(chat, 'Emoji').getAttribute('aria-expanded')).to.equal('true');
    await accessibleInBothThemes(el, chat);
    button(chat, 'thumbs up').click();
    expect(composerField(chat).value).to.equal('👍');
  });

  it('refuses a file above max-attachment-kb clearly, sends a small one and shows it as a file', async () => {
    const { el, chat, agent, domain } = await chatPhone();
    await openWith(chat, '1002');
    const input = all(chat, 'input[type=file]')[0] as HTMLInputElement;
    const pick = (file: File) => {
      const dt = new DataTransfer();
      dt.items.add(file);
      input.files = dt.files;
      input.dispatchEvent(new Event('change'));
    };
    pick(new File([new Uint8Array(5000)], 'big.pdf', { type: 'application/pdf' }));
    await waitText(chat, '“big.pdf” is 5 KB: files up to 4 KB can be sent.');
    expect(agent.messages).to.have.length(0);
    await accessibleInBothThemes(el, chat);
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
    pick(new File([png], 'dot.png', { type: 'image/png' }));
    const wire = await until(() => agent.messages[0], 'file sent');
    expect(wire.contentType).to.equal('image/png');
    await waitText(chat, 'dot.png');
    expect(textOf(chat)).not.to.contain('big.pdf');
    agent.receiveMessage(bob(domain), btoa('%PDF-1.4 tiny'), 'application/pdf', { 'message-id': 'f-1' });
    await waitText(chat, 'attachment.pdf');
    const download = (all(chat, 'a.download') as HTMLAnchorElement[]).map((a) => [a.textContent, a.getAttribute('download'), a.href.slice(0, 28)]);
    expect(download).to.deep.equal([
      ['dot.png', 'dot.png', 'data:image/png;base64,iVBORw'],
      ['attachment.pdf', 'attachment.pdf', 'data:application/pdf;base64,'],
    ]);
    expect(all(chat, 'img.preview')).to.have.length(1);
    await accessibleInBothThemes(el, chat);
  });
});

describe('<phone-chat> groups', () => {
  it('shows a group with its senders, options, rename, add, leave and delete', async () => {
    const { el, chat, agent, domain, service } = await chatPhone();
    const result = await chat.openConversation('1002, 1003', 'Team');
    if (!result.ok) throw new Error(result.message);
    agent.receiveMessage(bob(domain), 'hello team', 'text/plain', {
      'x-conversation': result.id.slice(2),
      'x-conversation-members': '1001,1002,1003',
    });
    await waitText(chat, 'hello team');
    expect(all(chat, '.who').map((w) => w.textContent)).to.deep.equal(['Bob']);
    button(chat, 'Conversation options').click();
    await waitText(chat, 'People');
    expect(textOf(chat)).to.contain('You Bob 1002 1003');
    await accessibleInBothThemes(el, chat);

    const notifications = button(chat, 'Notifications');
    expect(notifications.getAttribute('aria-pressed')).to.equal('true');
    notifications.click();
    await until(() => service.conversation(result.id)?.muted, 'muted');

    button(chat, 'Rename').click();
    await chat.updateComplete;
    await accessibleInBothThemes(el, chat);
    (all(chat, 'input[name=name]')[0] as HTMLInputElement).value = 'Support <crew>';
    button(chat, 'Save').click();
    await waitText(chat, 'Renamed the conversation to “Support <crew>”');
    expect(all(chat, '.head .name')[0]!.textContent).to.equal('Support <crew>');

    button(chat, 'Conversation options').click();
    await chat.updateComplete;
    button(chat, 'Add participant').click();
    await chat.updateComplete;
    (all(chat, 'input[name=to]')[0] as HTMLInputElement).value = '1004';
    button(chat, 'Add').click();
    await waitText(chat, 'Added 1004 to the conversation');
    expect(texts(agent).filter((m) => m.body === 'Added 1004 to the conversation').map((m) => m.target)).to.deep.equal([
      `sip:1002@${domain}`,
      `sip:1003@${domain}`,
      `sip:1004@${domain}`,
    ]);

    button(chat, 'Conversation options').click();
    await chat.updateComplete;
    button(chat, 'Leave conversation').click();
    await waitText(chat, 'You left this conversation.');
    expect(composerField(chat)).to.equal(undefined);
    await accessibleInBothThemes(el, chat);

    button(chat, 'Conversation options').click();
    await chat.updateComplete;
    button(chat, 'Delete conversation').click();
    await waitText(chat, 'Delete this conversation and its messages from this browser?');
    await accessibleInBothThemes(el, chat);
    button(chat, 'Delete').click();
    await waitText(chat, 'No conversations yet.');
  });
});

describe('<phone-chat> long history', () => {
  const CID = 'd:1002';
  async function seed(store: ChatStore, count: number) {
    const start = Date.now() - count * 60_000;
    const messages: ChatMessage[] = Array.from({ length: count }, (_, i) => {
      const at = start + i * 60_000;
      const id = `seed${i}`;
      const out = i % 3 === 0;
      return {
        key: messageKey(CID, at, id),
        id,
        conversationId: CID,
        direction: out ? 'out' : 'in',
        from: { number: out ? '1001' : '1002' },
        at,
        text: i % 7 === 0 ? `Message ${i}\nwith a second line` : `Message ${i}`,
        ...(out ? { state: 'read' as const, recipients: { '1002': 'read' as const } } : {}),
      };
    });
    await store.saveMessages(messages);
    const conversation: Conversation = {
      id: CID,
      kind: 'direct',
      members: ['1002'],
      names: { '1002': 'Bob' },
      createdAt: start,
      lastAt: start + (count - 1) * 60_000,
      last: { text: `Message ${count - 1}`, direction: 'in', from: '1002' },
      unread: 0,
      muted: false,
      pinned: false,
      left: false,
    };
    await store.saveConversation(conversation);
  }

  it('opens at the newest message with a few rows in the DOM, and loads earlier pages as the user scrolls up', async function () {
    this.timeout(20000);
    const { el, chat } = await chatPhone({ seed: (store) => seed(store, 2000) });
    await waitText(chat, 'Message 1999');
    (all(chat, 'button.row')[0] as HTMLButtonElement).click();
    const scroller = (await until(() => all(chat, '.scroller')[0], 'log shown')) as HTMLElement;
    await until(() => all(chat, '.bubble').some((b) => b.textContent!.includes('Message 1999')), 'newest message shown');
    await until(() => Math.abs(scroller.scrollHeight - scroller.clientHeight - scroller.scrollTop) < 2, 'at the bottom');
    expect(all(chat, 'li[data-key]').length).to.be.within(5, 40);
    await accessibleInBothThemes(el, chat);

    // Scroll to the top again and again: earlier pages arrive and the row in view stays put.
    const log = all(chat, 'phone-chat-log')[0] as PhoneChatLog;
    const firstInView = () => all(chat, 'li[data-key]').find((li) => li.getBoundingClientRect().bottom > scroller.getBoundingClientRect().top + 1) as HTMLElement;
    let compared = 0;
    for (let round = 0; round < 4; round++) {
      const loaded = log.messages.length;
      scroller.scrollTop = 0;
      scroller.dispatchEvent(new Event('scroll'));
      await log.updateComplete;
      const top = firstInView();
      const key = top.dataset['key'];
      const before = top.getBoundingClientRect().top;
      const early = log.messages.length > loaded;
      await until(() => log.messages.length > loaded, 'an earlier page');
      await log.updateComplete;
      await sleep(30);
      if (early) continue;
      const again = all(chat, 'li[data-key]').find((li) => (li as HTMLElement).dataset['key'] === key);
      expect(again, 'the row in view is still rendered').to.exist;
      expect(Math.abs(again!.getBoundingClientRect().top - before), 'the row in view did not move').to.be.below(3);
      compared++;
    }
    expect(compared).to.be.at.least(2);
    expect(log.messages.length).to.equal(200);
    expect(textOf(chat)).to.match(/Message 1[0-8]\d\d/);
    expect(all(chat, 'li[data-key]').length).to.be.below(60);
  });
});
