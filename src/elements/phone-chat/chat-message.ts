/**
 * One message in the log, as a template. Everything a peer sent is bound as
 * text (names, bodies, file names); only http(s) links become anchors.
 */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { formatLocale } from '../../i18n/locale.js';
import { messageTime, partialFailure, partyLabel, stateText } from '../../core/chat/chat-format.js';
import type { ChatFile, ChatMessage, Conversation } from '../../core/chat/chat-types.js';
import { dataUrl, formatSize, isPreviewable } from '../../core/chat/attachment.js';
import { linkify } from '../../core/chat/links.js';

function renderText(text: string) {
  return linkify(text).map((part) =>
    part.href ? html`<a href=${part.href} target="_blank" rel="noopener noreferrer">${part.text}</a>` : part.text,
  );
}

function renderFile(file: ChatFile) {
  const url = dataUrl(file.type, file.data);
  return html`<div class="file">
    ${isPreviewable(file.type) ? html`<img class="preview" src=${url} alt=${file.name} />` : nothing}
    <a class="download" href=${url} download=${file.name}>${file.name}</a>
    <span class="size">${formatSize(file.size)}</span>
  </div>`;
}

export interface MessageContext {
  conversation: Conversation | undefined;
  now: number;
  onRetry: (key: string) => void;
}

export function renderMessage(m: ChatMessage, ctx: MessageContext) {
  const out = m.direction === 'out';
  const group = ctx.conversation?.kind === 'group';
  const who = out ? msg('You') : partyLabel(ctx.conversation, m.from.number) || m.from.name || m.from.number;
  const partial = out ? partialFailure(m) : undefined;
  const failed = out && m.state === 'failed';
  return html`<div class="msg" part="message" data-dir=${m.direction} data-state=${m.state ?? 'received'}>
    ${group && !out ? html`<div class="who">${who}</div>` : nothing}
    <div class="bubble">${m.file ? renderFile(m.file) : html`<p class="text">${renderText(m.text)}</p>`}</div>
    <div class="meta">
      <span class="visually-hidden">${who}, </span>
      <time datetime=${new Date(m.at).toISOString()}>${messageTime(m.at, ctx.now, formatLocale())}</time>
      ${out ? html`<span class="state">· ${stateText(m)}</span>` : nothing}
    </div>
    ${partial ? html`<div class="partial">${partial}</div>` : nothing}
    ${failed || partial ? html`<button class="retry" type="button" @click=${() => ctx.onRetry(m.key)}>${msg('Retry')}</button>` : nothing}
  </div>`;
}
