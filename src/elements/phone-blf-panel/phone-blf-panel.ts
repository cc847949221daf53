import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { SessionController } from '../../context/session-controller.js';
import type { BlfService, BlfState } from '../../core/blf/blf-service.js';
import { keyAction, listenTarget, transferableCall, type FeatureCodes } from '../../core/blf/key-action.js';
import { MAX_KEYS, parseKeys, type BlfKey } from '../../core/blf/keys.js';
import type { MessageSummary } from '../../core/blf/message-summary.js';
import { controlStyles } from '../../styles/controls.js';
import { tokens } from '../../styles/tokens.js';
import { BlfController } from './blf-controller.js';
import { ContactsView } from './contacts-view.js';
import { DirectoryView } from './directory-view.js';
import { renderKeys } from './keys-view.js';
import { blfPanelStyles } from './phone-blf-panel.styles.js';

type View = 'keys' | 'directory' | 'contacts';
const VIEWS: readonly View[] = ['keys', 'directory', 'contacts'];

const viewName = (view: View): string => (view === 'keys' ? msg('Keys') : view === 'directory' ? msg('Directory') : msg('Contacts'));

/** Lamps kept for the directory's presence dots, keys included (keys are always watched). */
const MAX_WATCHED = 500;

/** A feature code as configured: digits, `*`, `#`, `+` only. */
const code = (value: string | undefined): string | undefined => (value && /^[0-9*#+]{1,16}$/.test(value.trim()) ? value.trim() : undefined);

function voicemailName(vm: MessageSummary | undefined): string {
  if (!vm) return msg('Voicemail');
  if (!vm.voice) return vm.waiting ? msg('Voicemail, messages waiting') : msg('Voicemail, no new messages');
  const { new: fresh, urgentNew } = vm.voice;
  if (!fresh) return msg('Voicemail, no new messages');
  const news = fresh === 1 ? msg('Voicemail, 1 new message') : msg(str`Voicemail, ${fresh} new messages`);
  return urgentNew ? `${news}, ${msg(str`${urgentNew} urgent`)}` : news;
}

/**
 * Busy lamp field keys, presence, the voicemail indicator, Do Not Disturb,
 * the company directory and personal contacts, for receptionists and
 * call-centre agents. Click a key to call its extension; during a call, to
 * transfer the call there; while it rings (with `pickup-code`), to pick the
 * call up.
 *
 * Lamps: idle (green), ringing (amber, blinking unless the user prefers
 * reduced motion), busy (red), on hold / unknown / offline (grey). The state
 * is also in each key's text, its accessible name ("Bob, 1003, busy") and its
 * `state` attribute and `key-<state>` part.
 *
 * @summary BLF keys, voicemail, DND, directory and contacts. Place it inside a `<phone-widget>`.
 * @csspart panel - the panel
 * @csspart header - the voicemail and DND row
 * @csspart voicemail - the voicemail indicator (a button with `voicemail-code`)
 * @csspart badge - the count of new voicemail messages
 * @csspart dnd - the Do Not Disturb toggle
 * @csspart tabs - the view switcher (Keys, Directory, Contacts)
 * @csspart keys - the grid of keys
 * @csspart key - one key; also `key-idle`, `key-ringing`, `key-busy`, `key-held`, `key-unknown`, `key-offline`
 * @csspart lamp - a key's lamp; also `lamp-<state>`
 * @csspart listen - a key's Listen button (with `listen-code`)
 * @csspart presence - a presence dot in the directory and contacts
 * @cssprop --phone-lamp-idle - Lamp colour of an idle extension (default: the ok colour).
 * @cssprop --phone-lamp-ringing - Lamp colour of a ringing extension (default: the warning colour).
 * @cssprop --phone-lamp-busy - Lamp colour of a busy extension (default: the danger colour).
 * @cssprop --phone-lamp-off - Lamp colour on hold, unknown or offline (default: the muted colour).
 * @cssprop --phone-blf-max-height - Height of the scrolling lists (default 420px).
 */
@customElement('phone-blf-panel')
@localized()
export class PhoneBlfPanel extends LitElement {
  static override styles = [tokens, controlStyles, blfPanelStyles];

  #phone = new SessionController(this);
  #blf = new BlfController(this, this.#phone);
  #directoryView = new DirectoryView(this);
  #contactsView = new ContactsView(this);

  /** The keys: `1002:Bob,1003:Carol`, the same as JSON, or as a property `[{ extension, label }]`. */
  @property({ converter: { fromAttribute: (value: string | null) => parseKeys(value ?? '') } }) keys: BlfKey[] = [];
  /** Add a key for every directory entry, after the configured keys. */
  @property({ type: Boolean, attribute: 'keys-from-directory' }) keysFromDirectory = false;
  /** URL of a JSON directory: `[{ "extension": "1002", "name": "Bob" }, …]`. */
  @property({ attribute: 'directory-src' }) directorySrc?: string;
  /** The directory as data (a property): an array of `{ extension, name, department? }`. */
  @property({ attribute: false }) directory?: unknown;
  /** Voicemail access code dialled by the voicemail button, e.g. `*97`. */
  @property({ attribute: 'voicemail-code' }) voicemailCode?: string;
  /** Directed call pickup prefix, e.g. `**`: a click on a ringing key dials `**` + extension. */
  @property({ attribute: 'pickup-code' }) pickupCode?: string;
  /** Monitoring prefix, e.g. `007`: busy keys offer "Listen", which dials `007` + extension. */
  @property({ attribute: 'listen-code' }) listenCode?: string;
  /** Also subscribe to presence (PIDF); without it, presence follows the lamps. */
  @property({ type: Boolean }) presence = false;
  /** The view shown: `keys`, `directory` or `contacts`. */
  @property({ reflect: true }) view: 'keys' | 'directory' | 'contacts' = 'keys';

  /** Why the last click did nothing ("The phone is not connected yet."). */
  @state() private message = '';
  #configured: BlfKey[] = [];
  /** The last result of #keys(), kept while its inputs are the same (keys render only when they change). */
  #keysMemo: { configured: BlfKey[]; directory: unknown; fromDirectory: boolean; keys: BlfKey[] } | undefined;
  #applied: { blf?: BlfService; src?: string; data?: unknown } = {};

  /** Shows the new-contact form with this number (and name) filled in. */
  newContact(number: string, name?: string): void {
    this.view = 'contacts';
    this.#contactsView.create(number, name);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('keys')) this.#configured = parseKeys(this.keys);
    if (!VIEWS.includes(this.view)) this.view = 'keys';
    const directory = this.#blf.state?.directory ?? [];
    const keys = this.#keys();
    const watched = new Set(keys.map((k) => k.extension));
    for (const entry of directory) {
      if (watched.size >= Math.max(MAX_WATCHED, keys.length)) break;
      watched.add(entry.extension);
    }
    this.#blf.want({ extensions: [...watched], presence: this.presence, voicemail: true });
  }

  protected override updated(): void {
    // The directory goes to the phone's BLF service once it is known, and again when it changes.
    const blf = this.#blf.blf;
    if (!blf) return;
    const applied = this.#applied;
    if (applied.blf === blf && applied.src === this.directorySrc && applied.data === this.directory) return;
    this.#applied = { blf, src: this.directorySrc, data: this.directory };
    if (this.directory !== undefined) blf.setDirectory(this.directory);
    else if (this.directorySrc) void blf.loadDirectory(this.directorySrc);
  }

  /** The configured keys, then the directory's when `keys-from-directory` is set. */
  #keys(): BlfKey[] {
    if (!this.keysFromDirectory) return this.#configured;
    const directory = this.#blf.state?.directory ?? [];
    const memo = this.#keysMemo;
    if (memo?.configured === this.#configured && memo.directory === directory && memo.fromDirectory) return memo.keys;
    const have = new Set(this.#configured.map((k) => k.extension));
    const extra = directory.filter((e) => !have.has(e.extension)).map((e) => ({ extension: e.extension, label: e.name }));
    const keys = [...this.#configured, ...extra].slice(0, MAX_KEYS);
    this.#keysMemo = { configured: this.#configured, directory, fromDirectory: true, keys };
    return keys;
  }

  #codes(): FeatureCodes {
    const pickup = code(this.pickupCode);
    const listen = code(this.listenCode);
    return { ...(pickup ? { pickup } : {}), ...(listen ? { listen } : {}) };
  }

  #dial(target: string): void {
    const result = this.#phone.session?.dial(target);
    this.message = result && !result.ok ? result.message : '';
  }

  /** A key or directory entry pressed: call, transfer the call, or pick up (see `keyAction`). */
  #press(key: BlfKey): void {
    const session = this.#phone.session;
    if (!session) return;
    const lamp = this.#blf.state?.lamps.get(key.extension)?.state ?? 'unknown';
    const action = keyAction(key, lamp, session.state.calls, this.#codes());
    if (action.kind === 'transfer') {
      this.message = '';
      void session.transfer(action.callId, action.target, 'blind');
    } else this.#dial(action.target);
  }

  #onTabKey(e: KeyboardEvent): void {
    const i = VIEWS.indexOf(this.view);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? VIEWS.length - 1 : -2;
    if (next === -2) return;
    e.preventDefault();
    this.view = VIEWS[(next + VIEWS.length) % VIEWS.length]!;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus());
  }

  #renderHeader(blf: BlfState, dnd: boolean) {
    const vm = blf.voicemail;
    const count = vm?.voice?.new ?? 0;
    const voicemailCode = code(this.voicemailCode);
    const badge = count ? html`<span class="badge" part="badge" aria-hidden="true">${count}</span>` : nothing;
    const waiting = vm?.waiting ? 'true' : 'false';
    return html`<div class="head" part="header">
      ${voicemailCode
        ? html`<button type="button" class="vm" part="voicemail" data-waiting=${waiting} aria-label=${voicemailName(vm)} title=${msg(str`Call voicemail (${voicemailCode})`)} @click=${() => this.#dial(voicemailCode)}>
            ${msg('Voicemail')} ${badge}
          </button>`
        : vm
          ? html`<span class="vm" part="voicemail" data-waiting=${waiting} role="img" aria-label=${voicemailName(vm)}>${msg('Voicemail')} ${badge}</span>`
          : nothing}
      <button type="button" class="dnd" part="dnd" aria-pressed=${dnd ? 'true' : 'false'} @click=${() => this.#phone.session?.setDnd(!dnd)}>${msg('Do not disturb')}</button>
    </div>`;
  }

  #renderView(blf: BlfState) {
    const session = this.#phone.session!;
    const calls = session.state.calls;
    const codes = this.#codes();
    switch (this.view) {
      case 'directory':
        return this.#directoryView.render(blf, calls, codes, (entry) => this.#press({ extension: entry.extension, label: entry.name }));
      case 'contacts':
        return this.#contactsView.render({
          blf: session.blf,
          state: blf,
          verb: transferableCall(calls) ? msg('Transfer to') : msg('Call'),
          verbFor: (number) => (transferableCall(calls) ? msg(str`Transfer to ${number}`) : msg(str`Call ${number}`)),
          press: (number, label) => this.#press({ extension: number, label }),
        });
      default:
        return renderKeys({
          keys: this.#keys(),
          lamps: blf.lamps,
          calls,
          codes,
          ...(session.state.account ? { account: session.state.account.user } : {}),
          press: (key) => this.#press(key),
          listen: (key) => {
            // With monitoring set up on the phone, the call gets Whisper / Barge / Listen only.
            if (session.state.settings.monitor) return void session.monitor(key.extension);
            const target = listenTarget(key.extension, codes);
            if (target) this.#dial(target);
          },
        });
    }
  }

  override render() {
    const state = this.#phone.state;
    const blf = this.#blf.state;
    if (!state || !blf) return nothing;
    return html`<section class="panel" part="panel" aria-label=${msg('Busy lamp field')}>
      ${this.#renderHeader(blf, state.settings.dnd)}
      <div class="tabs" part="tabs" role="tablist" aria-label=${msg('Views')} @keydown=${this.#onTabKey}>
        ${VIEWS.map(
          (view) => html`<button
            type="button"
            role="tab"
            id=${`tab-${view}`}
            aria-controls="view"
            aria-selected=${this.view === view ? 'true' : 'false'}
            tabindex=${this.view === view ? '0' : '-1'}
            @click=${() => (this.view = view)}
          >
            ${viewName(view)}
          </button>`,
        )}
      </div>
      <div class="view" id="view" role="tabpanel" aria-labelledby=${`tab-${this.view}`}>${this.#renderView(blf)}</div>
      ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'phone-blf-panel': PhoneBlfPanel;
  }
}
