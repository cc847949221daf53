// Helpers for the chat end-to-end tests: a widget page with <phone-chat>,
// driven the way a user drives it (roles and names), read the way a user
// reads it (the text across shadow roots).
import { waitFor } from './bed.mjs';

export const CHAT_PAGE = 'chat-widget.html';

/** What the chat panel shows, as text (every shadow root inside it walked). */
export function chatText(phone) {
  return phone.page.locator('phone-chat').evaluate((el) => {
    const walk = (node) =>
      [...(node.shadowRoot ?? node).childNodes]
        .map((n) => (n.nodeType === 3 ? n.textContent : n.nodeType === 1 ? ` ${walk(n)} ` : ''))
        .join('');
    return walk(el).replace(/\s+/g, ' ');
  });
}

export async function waitChatText(phone, fragment, timeout = 10000) {
  await waitFor(async () => (await chatText(phone)).includes(fragment), { timeout, message: `chat text "${fragment}"` });
}

export async function waitNoChatText(phone, fragment, timeout = 10000) {
  await waitFor(async () => !(await chatText(phone)).includes(fragment), { timeout, message: `chat text "${fragment}" gone` });
}

const chat = (phone) => phone.page.locator('phone-chat');
export const chatButton = (phone, name) => chat(phone).getByRole('button', { name, exact: true });
export const messageField = (phone) => chat(phone).getByRole('textbox', { name: 'Message' });

/** "New conversation" → To (and the group name) → Start. */
export async function startConversation(phone, to, name) {
  await chatButton(phone, 'New conversation').click();
  await chat(phone).getByLabel('To', { exact: true }).fill(to);
  if (name) await chat(phone).getByLabel('Group name (optional)', { exact: true }).fill(name);
  await chatButton(phone, 'Start').click();
  await messageField(phone).waitFor();
}

/** Types `text` in the open conversation and presses Enter. */
export async function send(phone, text) {
  const field = messageField(phone);
  await field.fill(text);
  await field.press('Enter');
}

/** The conversation rows of the list, as their text. */
export function rows(phone) {
  return chat(phone).locator('button.row').evaluateAll((buttons) => buttons.map((b) => b.textContent.replace(/\s+/g, ' ').trim()));
}

/** Opens the conversation whose row contains `text`. */
export async function openRow(phone, text) {
  await waitFor(async () => (await rows(phone)).some((r) => r.includes(text)), { message: `a conversation row with "${text}"` });
  await chat(phone).locator('button.row', { hasText: text }).first().click();
  await chat(phone).locator('phone-chat-log').waitFor();
}

/** The messages shown in the open conversation: `{ dir, text, state }`. */
export function shownMessages(phone) {
  return chat(phone)
    .locator('.msg')
    .evaluateAll((els) =>
      els.map((m) => ({
        dir: m.dataset.dir,
        state: m.dataset.state,
        who: m.querySelector('.who')?.textContent ?? '',
        text: m.querySelector('.bubble').textContent.replace(/\s+/g, ' ').trim(),
        meta: m.querySelector('.meta').textContent.replace(/\s+/g, ' ').trim(),
      })),
    );
}

/** Waits until a shown message with `text` satisfies `check`. */
export async function waitMessage(phone, text, check = () => true, timeout = 10000) {
  return waitFor(async () => (await shownMessages(phone)).find((m) => m.text.includes(text) && check(m)), { timeout, message: `message "${text}"` });
}

/** Elements of `selector` anywhere inside <phone-chat>'s shadow trees. */
export function countInChat(phone, selector) {
  return phone.page.locator('phone-chat').evaluate((el, sel) => {
    let n = 0;
    const visit = (node) => {
      if (!node.shadowRoot) return;
      n += node.shadowRoot.querySelectorAll(sel).length;
      node.shadowRoot.querySelectorAll('*').forEach(visit);
    };
    visit(el);
    return n;
  }, selector);
}
