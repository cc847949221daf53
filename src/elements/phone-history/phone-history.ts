import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { formatLocale } from '../../i18n/locale.js';
import { SessionController } from '../../context/session-controller.js';
import { formatDuration } from '../../core/format.js';
import { HISTORY_FILTERS, historyCsv, type HistoryFilter, type HistoryReader } from '../../core/history-query.js';
import type { CallHistoryRecord } from '../../core/types.js';
import { PhoneOpenRequestEvent } from '../../events/internal-events.js';
import { controlStyles } from '../../styles/controls.js';
import { tokens } from '../../styles/tokens.js';
import { CallRecordings } from './call-recordings.js';
import { HistoryLoader } from './history-loader.js';
import { historyStyles, ROW_HEIGHT } from './phone-history.styles.js';
import { arrowOf, outcomeWord, rowDetail, whenText, whoOf } from './history-row.js';

/** A filter's name, in the active language. */
function filterWord(filter: HistoryFilter): string {
  switch (filter) {
    case 'all':
      return msg('All', { desc: 'Call history filter' });
    case 'inbound':
      return msg('Incoming', { desc: 'Call history: an incoming call' });
    case 'outbound':
      return msg('Outgoing', { desc: 'Call history: an outgoing call' });
    case 'missed':
      return msg('Missed', { desc: 'Call history: a missed call' });
    case 'recent':
      return msg('Recent');
  }
}

/** What an empty list says under a filter. */
function emptyWords(filter: HistoryFilter): string {
  switch (filter) {
    case 'all':
      return msg('No calls yet');
    case 'inbound':
      return msg('No incoming calls');
    case 'outbound':
      return msg('No outgoing calls');
    case 'missed':
      return msg('No missed calls');
    case 'recent':
      return msg('No recent calls');
  }
}

/** Rows rendered above and below the visible ones. */
const OVERSCAN = 6;

/**
 * The call history of the account: filters, call back, add to contacts,
 * chat, delete, CSV export. Reads the stored calls page by page and renders
 * only the rows in view, so 100 000 calls open as fast as ten.
 *
 * @summary Call history with filters, call back and CSV export.
 * @csspart list - the scrolling list of calls
 * @csspart row - one call
 * @csspart actions - the selected call's actions
 * @cssprop --phone-history-height - Greatest height of the list (default 360px).
 */
@customElement('phone-history')
@localized()
export class PhoneHistory extends LitElement {
  static override styles = [tokens, controlStyles, historyStyles];

  /** Which calls to show: `all`, `inbound`, `outbound`, `missed`, or `recent` (the last 20, one per number). */
  @property({ reflect: true }) filter: HistoryFilter = 'all';

  @state() private selectedId = '';
  @state() private confirmClear = false;
  @state() private message = '';
  @state() private listTop = 0;
  @state() private viewport = 360;
  /** The row that takes Tab focus in the list (roving tabindex). */
  @state() private active = 0;

  @query('.list') private list?: HTMLElement;

  #phone = new SessionController(this);
  #loader = new HistoryLoader(this);
  #recordings = new CallRecordings(this, () => this.#phone.session);
  #store: HistoryReader | undefined;
  #loadedFilter: HistoryFilter | undefined;
  /** The newest finished call the list was read after: a new one reloads it. */
  #newest: string | undefined;
  #resize = new ResizeObserver(() => {
    const h = this.list?.clientHeight;
    if (h && h !== this.viewport) this.viewport = h;
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const session = this.#phone.session;
    const store = session?.history;
    const newest = session?.state.recent[0]?.id;
    if (store !== this.#store || this.filter !== this.#loadedFilter || newest !== this.#newest) {
      const reopened = store !== this.#store || this.filter !== this.#loadedFilter;
      this.#store = store;
      this.#loadedFilter = this.filter;
      this.#newest = newest;
      this.#loader.reset(store, this.filter);
      if (reopened) {
        this.selectedId = '';
        this.active = 0;
        this.listTop = 0;
        if (this.list) this.list.scrollTop = 0;
      }
    }
    this.#recordings.show(this.selectedId);
  }

  protected override firstUpdated(): void {
    if (this.list) this.#resize.observe(this.list);
  }

  protected override updated(): void {
    const rows = this.#loader.rows;
    const range = this.#range();
    const ul = this.list?.querySelector('ul');
    // Padding stands for the rows left out; set through CSSOM, which a strict CSP allows.
    ul?.style.setProperty('--before', `${range.start * ROW_HEIGHT}px`);
    ul?.style.setProperty('--after', `${(rows.length - range.end) * ROW_HEIGHT}px`);
    // Near the end of what is read: read on.
    if (!this.#loader.done && range.end + OVERSCAN * 2 >= rows.length) void this.#loader.more();
  }

  #range(): { start: number; end: number } {
    const n = this.#loader.rows.length;
    const start = Math.max(0, Math.floor(this.listTop / ROW_HEIGHT) - OVERSCAN);
    const end = Math.min(n, Math.ceil((this.listTop + this.viewport) / ROW_HEIGHT) + OVERSCAN);
    return { start, end: Math.max(start, end) };
  }

  #selected(): CallHistoryRecord | undefined {
    return this.selectedId ? this.#loader.rows.find((r) => r.id === this.selectedId) : undefined;
  }

  #call(r: CallHistoryRecord): void {
    const result = this.#phone.session?.dial(r.number);
    if (result && !result.ok) this.message = result.message;
  }

  async #export(): Promise<void> {
    const store = this.#store;
    if (!store) return;
    const csv = await historyCsv((from) => store.scan(2000, from === undefined ? {} : { from }));
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `call-history-${new Date().toISOString().slice(0, 10)}.csv`;
    a.hidden = true;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.message = msg('History exported as a CSV file');
  }

  async #clear(): Promise<void> {
    this.confirmClear = false;
    await this.#phone.session?.clearHistory();
    this.#loader.reset(this.#store, this.filter);
    this.selectedId = '';
    this.message = msg('Call history cleared');
  }

  async #forget(r: CallHistoryRecord): Promise<void> {
    await this.#phone.session?.forgetCall(r);
    this.#newest = this.#phone.session?.state.recent[0]?.id;
    this.#loader.drop(r.id);
    this.selectedId = '';
    this.message = msg(str`Deleted the call with ${whoOf(r)}`);
  }

  /** Arrow keys move between rows; Home/End jump; the list scrolls to keep the row in view. */
  #onKey(e: KeyboardEvent): void {
    const n = this.#loader.rows.length;
    if (!n) return;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8, Home: -Infinity, End: Infinity };
    const step = moves[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(n - 1, this.active + step));
    this.active = next;
    const list = this.list!;
    const top = next * ROW_HEIGHT;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + ROW_HEIGHT > list.scrollTop + list.clientHeight) list.scrollTop = top + ROW_HEIGHT - list.clientHeight;
    this.listTop = list.scrollTop;
    void this.updateComplete.then(() => (this.renderRoot.querySelector(`[data-index="${next}"] .row`) as HTMLElement | null)?.focus());
  }

  #renderRow(r: CallHistoryRecord, i: number) {
    const selected = r.id === this.selectedId;
    const who = whoOf(r);
    return html`<li data-index=${i} data-outcome=${r.outcome} data-direction=${r.direction} part="row">
      <button
        type="button"
        class="row"
        tabindex=${i === this.active ? '0' : '-1'}
        aria-pressed=${selected ? 'true' : 'false'}
        @click=${() => {
          this.active = i;
          this.selectedId = selected ? '' : r.id;
        }}
      >
        <span class="arrow" aria-hidden="true">${arrowOf(r)}</span>
        <span class="who">${who}${r.name ? html` <span class="number">${r.number}</span>` : nothing}</span>
        <span class="detail">${rowDetail(r)}</span>
      </button>
      <button type="button" class="call" tabindex="-1" aria-label=${msg(str`Call back ${who}`)} title=${msg('Call back')} @click=${() => this.#call(r)}>
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z" /></svg>
      </button>
    </li>`;
  }

  /** "Quality: MOS 4.1 average, 3.2 worst · through a relay". */
  #qualityWords(q: NonNullable<CallHistoryRecord['quality']>): string {
    const average = q.avgMos.toFixed(1);
    const worst = q.worstMos.toFixed(1);
    const words = msg(str`Quality: MOS ${average} average, ${worst} worst`);
    return q.path === 'relay' ? `${words} · ${msg('through a relay')}` : words;
  }

  #renderActions(r: CallHistoryRecord) {
    const who = whoOf(r);
    return html`<section class="actions" part="actions" aria-label=${msg(str`Call with ${who}`)}>
      <p class="summary">
        <strong>${who}</strong>${r.name ? html` · ${r.number}` : nothing}<br />
        ${outcomeWord(r)} · ${whenText(r.startedAt, new Date(), formatLocale())}${r.duration ? ` · ${formatDuration(r.duration)}` : ''}${r.cause && r.outcome !== 'answered' ? ` · ${r.cause.text}` : ''}
        ${r.quality ? html`<br />${this.#qualityWords(r.quality)}` : nothing}
      </p>
      ${this.#recordings.render()}
      <div class="buttons">
        <button type="button" class="primary" @click=${() => this.#call(r)}>${msg('Call back')}</button>
        <button type="button" @click=${() => this.dispatchEvent(new PhoneOpenRequestEvent('new-contact', r.number, r.name))}>${msg('Add to contacts')}</button>
        <button type="button" @click=${() => this.dispatchEvent(new PhoneOpenRequestEvent('chat', r.number, r.name))}>${msg('Send message')}</button>
        <button type="button" class="danger" @click=${() => void this.#forget(r)}>${msg('Delete')}</button>
      </div>
    </section>`;
  }

  override render() {
    const loader = this.#loader;
    const rows = loader.rows;
    const { start, end } = this.#range();
    const selected = this.#selected();
    const empty = !loader.pending && !rows.length;
    return html`<section class="history" aria-label=${msg('Call history')}>
      <div class="filters" role="group" aria-label=${msg('Show calls')}>
        ${HISTORY_FILTERS.map(
          (f) => html`<button type="button" aria-pressed=${this.filter === f ? 'true' : 'false'} @click=${() => (this.filter = f)}>${filterWord(f)}</button>`,
        )}
      </div>
      <div class="list" part="list" @scroll=${(e: Event) => (this.listTop = (e.target as HTMLElement).scrollTop)} @keydown=${this.#onKey}>
        ${empty
          ? html`<p class="empty">${this.#store ? emptyWords(this.filter) : msg('Calls show here once the phone is set up')}</p>`
          : html`<ul aria-label=${msg('Calls')} aria-busy=${loader.pending ? 'true' : 'false'}>
              ${rows.slice(start, end).map((r, k) => this.#renderRow(r, start + k))}
            </ul>`}
      </div>
      ${selected ? this.#renderActions(selected) : nothing}
      <div class="tools">
        <button type="button" ?disabled=${!rows.length} @click=${() => void this.#export()}>${msg('Export CSV')}</button>
        ${this.confirmClear
          ? html`<span class="confirm" role="group" aria-label=${msg('Delete every call of the history?')}>
              ${msg('Delete every call?')}
              <button type="button" class="danger" @click=${() => void this.#clear()}>${msg('Delete all')}</button>
              <button type="button" @click=${() => (this.confirmClear = false)}>${msg('Keep')}</button>
            </span>`
          : html`<button type="button" ?disabled=${!rows.length} @click=${() => (this.confirmClear = true)}>${msg('Clear history')}</button>`}
      </div>
      <p class="status" role="status">${this.message}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'phone-history': PhoneHistory;
  }
}
