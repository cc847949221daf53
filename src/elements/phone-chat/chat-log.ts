import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatMessage, Conversation } from '../../core/chat/chat-types.js';
import { tokens } from '../../styles/tokens.js';
import { chatLogStyles } from './chat-log.styles.js';
import { renderMessage } from './chat-message.js';
import { offsetsOf, rowAt, visibleRange, type VisibleRange } from './visible-range.js';

/** Height assumed for a row never rendered yet. */
const ESTIMATE = 56;
/** Pixels rendered beyond the viewport, above and below. */
const OVERSCAN = 400;
/** Closer than this to the top, the earlier page is asked for. */
const NEAR_TOP = 600;
/** Closer than this to the bottom, the log follows new messages. */
const NEAR_BOTTOM = 40;

/**
 * The messages of one conversation, virtualized: only the rows near the
 * viewport are in the DOM, the others stand as padding (measured heights,
 * or an estimate). It starts at the newest message and follows new ones
 * while scrolled to the bottom; near the top it asks for the earlier page
 * (`load-earlier`) and keeps the rows in view steady when they arrive.
 *
 * @summary The message log of `<phone-chat>` (internal).
 * @fires load-earlier - The user scrolled near the oldest loaded message.
 * @fires retry - The user asked to resend a failed message: `{ key }`.
 * @csspart message - one message
 */
@customElement('phone-chat-log')
@localized()
export class PhoneChatLog extends LitElement {
  static override styles = [tokens, chatLogStyles];

  /** The loaded messages, oldest first. */
  @property({ attribute: false }) messages: readonly ChatMessage[] = [];
  /** The conversation (names, group or not). */
  @property({ attribute: false }) conversation?: Conversation;
  /** Every earlier message is loaded. */
  @property({ type: Boolean }) complete = false;

  #heights = new Map<string, number>();
  #offsets: Float64Array = new Float64Array(1);
  #range: VisibleRange = { start: 0, end: 0, first: 0, before: 0, after: 0, total: 0 };
  /** The spacers of the last render, applied after it. */
  #rendered = { before: 0, after: 0 };
  #scrollTop = 0;
  #viewport = 400;
  /** Following the newest message. */
  #stick = true;
  /** After a page was prepended: the scroll position that keeps the same rows in view. */
  #restore = false;
  #resize = new ResizeObserver(() => this.requestUpdate());

  get #scroller(): HTMLElement | null {
    return this.renderRoot.querySelector('.scroller');
  }

  /** Scrolls to the newest message and follows new ones again. */
  scrollToEnd(): void {
    this.#stick = true;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
  }

  protected override firstUpdated(): void {
    const scroller = this.#scroller!;
    this.#resize.observe(scroller);
    this.#resize.observe(scroller.firstElementChild!);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const old = changed.get('messages') as readonly ChatMessage[] | undefined;
    const scroller = this.#scroller;
    if (scroller) {
      this.#viewport = scroller.clientHeight || this.#viewport;
      this.#scrollTop = scroller.scrollTop;
    }
    const anchor = !this.#stick && old?.length && changed.has('messages') ? this.#anchorIn(old) : undefined;
    this.#offsets = offsetsOf(this.messages.length, (i) => this.#heights.get(this.messages[i]!.key) ?? ESTIMATE);
    const total = this.#offsets[this.messages.length]!;
    if (this.#stick) this.#scrollTop = Math.max(0, total - this.#viewport);
    else if (anchor) {
      const index = this.messages.findIndex((m) => m.key === anchor.key);
      if (index >= 0) {
        this.#scrollTop = Math.max(0, this.#offsets[index]! - anchor.delta);
        this.#restore = true;
      }
    }
    this.#range = visibleRange(this.#offsets, this.#scrollTop, this.#viewport, OVERSCAN);
  }

  /** The first row in view in `old`, and how far above the viewport's top it starts. */
  #anchorIn(old: readonly ChatMessage[]): { key: string; delta: number } | undefined {
    const offsets = offsetsOf(old.length, (i) => this.#heights.get(old[i]!.key) ?? ESTIMATE);
    const i = rowAt(offsets, this.#scrollTop);
    const row = old[i];
    return row ? { key: row.key, delta: this.#scrollTop - offsets[i]! } : undefined;
  }

  protected override updated(): void {
    // The spacers through CSSOM, never a style attribute: a strict CSP (no 'unsafe-inline') blocks those.
    const list = this.renderRoot.querySelector('ol');
    list?.style.setProperty('padding-top', `${this.#rendered.before}px`);
    list?.style.setProperty('padding-bottom', `${this.#rendered.after}px`);
    const scroller = this.#scroller;
    if (!scroller) return;
    // Rows rendered for the first time replace their estimate: those above the
    // first row in view would push it down, so the scroll position follows.
    let shift = 0;
    let changed = false;
    for (const row of scroller.querySelectorAll<HTMLElement>('li[data-key]')) {
      const key = row.dataset['key']!;
      const height = row.getBoundingClientRect().height;
      const known = this.#heights.get(key);
      if (known !== undefined && Math.abs(known - height) < 0.5) continue;
      const index = Number(row.dataset['index']);
      if (index < this.#range.first) shift += height - (known ?? ESTIMATE);
      this.#heights.set(key, height);
      changed = true;
    }
    if (this.#stick) {
      scroller.scrollTop = scroller.scrollHeight;
    } else if (this.#restore) {
      this.#restore = false;
      scroller.scrollTop = this.#scrollTop + shift;
    } else if (shift) {
      scroller.scrollTop += shift;
    }
    this.#scrollTop = scroller.scrollTop;
    if (changed) this.requestUpdate();
    else this.#maybeLoadEarlier();
  }

  #onScroll = (): void => {
    const scroller = this.#scroller!;
    this.#scrollTop = scroller.scrollTop;
    this.#stick = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < NEAR_BOTTOM;
    const next = visibleRange(this.#offsets, this.#scrollTop, scroller.clientHeight, OVERSCAN);
    if (next.start < this.#range.start || next.end > this.#range.end || next.start > this.#range.start + 20 || next.end < this.#range.end - 20) {
      this.requestUpdate();
    }
    this.#maybeLoadEarlier();
  };

  #maybeLoadEarlier(): void {
    if (this.complete || !this.messages.length || this.#scrollTop > NEAR_TOP) return;
    this.dispatchEvent(new Event('load-earlier'));
  }

  #retry = (key: string): void => {
    this.dispatchEvent(new CustomEvent('retry', { detail: { key } }));
  };

  override render() {
    const { start, end, before, after } = this.#range;
    this.#rendered = { before, after };
    const rows = this.messages.slice(start, end);
    const ctx = { conversation: this.conversation, now: Date.now(), onRetry: this.#retry };
    return html`<div class="scroller" tabindex="0" role="region" aria-label=${msg('Messages')} @scroll=${this.#onScroll}>
      <ol>
        ${repeat(
          rows,
          (m) => m.key,
          (m, i) => html`<li data-key=${m.key} data-index=${start + i}>${renderMessage(m, ctx)}</li>`,
        )}
      </ol>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'phone-chat-log': PhoneChatLog;
  }
}
