import { ContextProvider } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { activeLocale, applyLocale, pickLocale } from '../../i18n/locale.js';
import { takeUrlActivation } from '../../core/activation.js';
import { mergeInputs, resolveConfig, type ConfigInput } from '../../core/config.js';
import { withPreset, type FeatureCodeSettings } from '../../core/presets.js';
import { hasTurn, noTurnMessage } from '../../core/turn.js';
import { callStateText, remoteLabel, statusText } from '../../core/format.js';
import type { CallSettings, CallView } from '../../core/types.js';
import type { PhoneOpenRequestEvent, PhoneViewRequestEvent } from '../../events/internal-events.js';
import { KeyboardShortcuts } from './keyboard-shortcuts.js';
import { LinkInterceptor } from './link-interceptor.js';
import { MessageBridge, parseOrigins, type BridgeCommand } from './message-bridge.js';
import type { PhoneDialer } from '../phone-dialer/phone-dialer.js';
import { PhoneSession, type DialResult } from '../../core/phone-session.js';
import { createJsSipAgent, setSipTrace } from '../../core/sip/jssip-agent.js';
import { sessionContext } from '../../context/session-context.js';
import {
  PhoneCallEndEvent,
  PhoneCallStartEvent,
  PhoneDialRequestEvent,
  PhoneErrorEvent,
  PhoneIncomingEvent,
  PhoneMessageEvent,
  PhoneStatusEvent,
  PhoneVoicemailEvent,
} from '../../events/phone-events.js';
import { tokens } from '../../styles/tokens.js';
import { kioskStyles, widgetStyles } from './phone-widget.styles.js';
import { askNotificationPermission } from '../../core/notify.js';
import type { SavedSettings } from '../../core/saved-settings.js';
import { forgetLogin, readLogin, writeLogin, type SavedLogin } from '../../storage/settings-store.js';
import { renderSettings } from './settings-panel.js';
import { SettingsKeeper } from './settings-keeper.js';
import '../phone-audio-settings/phone-audio-settings.js';
import '../phone-blf-panel/phone-blf-panel.js';
import '../phone-call-card/phone-call-card.js';
import '../phone-chat/phone-chat.js';
import '../phone-dialer/phone-dialer.js';
import { parkedWords } from '../phone-parks/phone-parks.js';
import '../phone-history/phone-history.js';

/**
 * The first paint waits this long at most for the registration to settle:
 * on load the connection gets the main thread first (the phone can take calls
 * sooner), and a fast server never shows a flash of "Connecting…".
 */
const FIRST_PAINT_WAIT_MS = 150;

/** "a, b ,c" → ['a','b','c'], or undefined when empty. */
const list = (value: string | undefined): string[] | undefined => {
  const items = (value ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  return items.length ? items : undefined;
};

/** Reads `whisper=*81,barge=*82,listen=*80` over the seed phones' defaults. */
function monitorCodes(value: string | undefined): { whisper: string; barge: string; listenOnly: string } {
  const codes = { whisper: '*81', barge: '*82', listenOnly: '*80' };
  for (const pair of list(value) ?? []) {
    const [k, v] = pair.split('=').map((x) => x.trim());
    if (!v || !/^[0-9*#]+$/.test(v)) continue;
    if (k === 'whisper') codes.whisper = v;
    else if (k === 'barge') codes.barge = v;
    else if (k === 'listen') codes.listenOnly = v;
  }
  return codes;
}

const SETTING_PROPS = [
  'dnd',
  'dndOnCode',
  'dndOffCode',
  'autoAnswer',
  'autoAnswerDelay',
  'allowRemoteAutoAnswer',
  'callWaiting',
  'dtmfMode',
  'voicemailPrefix',
  'parkCode',
  'parkSlots',
  'switchTargets',
  'recordCode',
  'localRecording',
  'recordingConsent',
  'listenCode',
  'monitorCodes',
  'conferenceRoom',
  'preset',
] as const;

type Tab = 'phone' | 'contacts' | 'chat' | 'history' | 'parks';

const CONFIG_PROPS = ['server', 'domain', 'identity', 'authentication', 'username', 'display', 'destination', 'noUrlActivation', 'iceServers', 'turn', 'turnUsername', 'forceRelay'] as const;

/**
 * The phone: owns one SIP session and shares it, through `@lit/context`, with
 * the phone elements inside it. With no children it shows its default layout
 * (status, calls, dial pad); with children it shows them instead, so a page
 * can arrange `<phone-dialer>`, `<phone-call-card>`, `<phone-blf-panel>` and
 * `<phone-chat>` in its own layout.
 *
 * Configuration, in increasing precedence: the script tag's `data-*`, these
 * attributes, the page URL's activation parameters.
 *
 * @summary A complete WebRTC SIP phone in one element.
 * @slot - Phone elements in the page's own layout; replaces the default layout.
 * @attr {string} password - The account password. Read once and removed from the DOM at once; prefer the `password` property.
 * @attr {string} turn-credential - The TURN credential: a secret, read once and removed from the DOM like the password; prefer the `turnCredential` property.
 * @fires {PhoneStatusEvent} phone-status - The status changed: `{ status, text, reason? }`.
 * @fires {PhoneIncomingEvent} phone-incoming - A call rings in: `{ id, direction, remote: { number, name?, uri } }`.
 * @fires {PhoneCallStartEvent} phone-call-start - A call was answered: `{ id, direction, remote }`.
 * @fires {PhoneCallEndEvent} phone-call-end - A call ended: `{ id, direction, remote, duration, cause: { code, text, sipCode?, by } }`.
 * @fires {PhoneErrorEvent} phone-error - Something failed that the user was told about: `{ code, message }`.
 * @fires {PhoneMessageEvent} phone-message - A chat message arrived: `{ conversationId, from: { number, name? }, text, file?, group? }`.
 * @fires {PhoneVoicemailEvent} phone-voicemail - The voicemail count changed: `{ waiting, newMessages, oldMessages, urgentMessages }`.
 * @fires {PhoneDialRequestEvent} phone-dial-request - Cancelable, before every call: veto it, or rewrite `detail.target`.
 * @csspart shell - the phone's frame
 * @csspart header - the status bar
 * @csspart status - the status text
 * @csspart body - calls and dial pad
 * @cssprop --phone-bg - Background.
 * @cssprop --phone-surface - Background of keys and bars.
 * @cssprop --phone-fg - Text colour.
 * @cssprop --phone-muted - Secondary text colour.
 * @cssprop --phone-border - Border colour.
 * @cssprop --phone-accent - Accent colour.
 * @cssprop --phone-ok - Answer / Call / Ready colour.
 * @cssprop --phone-danger - Hang up / error colour.
 * @cssprop --phone-radius - Corner radius.
 * @cssprop --phone-font - Font family.
 */
@customElement('phone-widget')
@localized()
export class PhoneWidget extends LitElement {
  static override styles = [tokens, widgetStyles, kioskStyles];

  /** Defaults for every phone on the page; the single-script bundle fills them from its script tag's `data-*`. */
  static scriptDefaults: ConfigInput = {};
  /** The page's default language; the single-script bundle fills it from its script tag's `data-lang`. */
  static scriptLang: string | undefined;
  /** The page's default feature-code preset; the single-script bundle fills it from its script tag's `data-preset`. */
  static scriptPreset: string | undefined;

  /** SIP server: wss:// URL, sip: URI or host; several, comma-separated, are tried in order. */
  @property() server?: string;
  /** SIP domain, for the fixed-server form (`username=` only). */
  @property() domain?: string;
  /** The account's SIP URI, e.g. `sip:1001@pbx.example.com`. */
  @property() identity?: string;
  /** Authentication user, when it differs from the identity's user. */
  @property() authentication?: string;
  /** User name (extension) on the fixed domain. */
  @property() username?: string;
  /** The caller name the callee sees. */
  @property() display?: string;
  /** Dialled once as soon as the phone is ready. */
  @property() destination?: string;
  /** Ignore the page URL's activation parameters. */
  @property({ type: Boolean, attribute: 'no-url-activation' }) noUrlActivation = false;
  /** Float in the page's bottom-right corner, collapsible. */
  @property({ type: Boolean, reflect: true }) floating = false;
  /** Collapsed to its status bar (floating phones). */
  @property({ type: Boolean, reflect: true }) collapsed = false;
  /** Force `light` or `dark`; by default the OS setting is followed. */
  @property({ reflect: true }) theme?: 'light' | 'dark';
  /** STUN/TURN servers for the media path (a property: `[{ urls, username?, credential? }]`). */
  @property({ attribute: false }) iceServers?: RTCIceServer[];
  /** TURN/STUN URLs, comma-separated: `turn:relay.example.com:3478?transport=udp,turns:relay.example.com:443?transport=tcp`. */
  @property() turn?: string;
  /** The user name for the `turn` servers. */
  @property({ attribute: 'turn-username' }) turnUsername?: string;
  /** Media only through the TURN relay (`iceTransportPolicy: 'relay'`), for networks that open only port 443. */
  @property({ type: Boolean, attribute: 'force-relay' }) forceRelay = false;
  /** Do Not Disturb: incoming calls are rejected (486) and logged as missed. */
  @property({ type: Boolean, reflect: true }) dnd = false;
  /** Feature code dialled silently when DND is turned on (e.g. `*78`). */
  @property({ attribute: 'dnd-on-code' }) dndOnCode?: string;
  /** Feature code dialled silently when DND is turned off (e.g. `*79`). */
  @property({ attribute: 'dnd-off-code' }) dndOffCode?: string;
  /** Answer every incoming call by itself (kiosks, intercom). */
  @property({ type: Boolean, attribute: 'auto-answer' }) autoAnswer = false;
  /** Seconds before auto-answer. */
  @property({ type: Number, attribute: 'auto-answer-delay' }) autoAnswerDelay = 0;
  /** Answer by itself when the INVITE asks for it (Call-Info answer-after, Alert-Info auto-answer). */
  @property({ type: Boolean, attribute: 'allow-remote-auto-answer' }) allowRemoteAutoAnswer = false;
  /** The tone for a second call during a call: `enable` (repeat), `once`, `disabled`. */
  @property({ attribute: 'call-waiting' }) callWaiting: CallSettings['callWaiting'] = 'enable';
  /** DTMF by `rfc4733` (in the audio) or by SIP `info`. */
  @property({ attribute: 'dtmf-mode' }) dtmfMode: CallSettings['dtmfMode'] = 'rfc4733';
  /** Prefix that makes a transfer reach an extension's voicemail (e.g. `03`); hidden when unset. */
  @property({ attribute: 'voicemail-prefix' }) voicemailPrefix?: string;
  /** Kiosk: a large, touch-friendly phone that only calls `destination` (and hangs up); no settings. */
  @property({ type: Boolean, reflect: true }) kiosk = false;
  /** Kiosk: also show a keypad during the call (for menus). */
  @property({ type: Boolean, attribute: 'kiosk-keypad' }) kioskKeypad = false;
  /** Kiosk: the name on the big button ("Call reception"); the destination's number by default. */
  @property({ attribute: 'kiosk-label' }) kioskLabel?: string;
  /** BLF keys for the Contacts tab: `1002:Bob,1003:Carol` or JSON `[{ "extension", "label" }]`. */
  @property({ attribute: 'blf-keys' }) blfKeys?: string;
  /** A JSON directory of extensions for the Contacts tab (URL). */
  @property({ attribute: 'directory-src' }) directorySrc?: string;
  /** The voicemail access code the voicemail badge dials (e.g. `*97`). */
  @property({ attribute: 'voicemail-code' }) voicemailCode?: string;
  /** Directed call pickup code, dialled before a ringing key's extension (e.g. `**`). */
  @property({ attribute: 'pickup-code' }) pickupCode?: string;
  /** Dynamic parking code (the server picks the slot), e.g. `*70`. */
  @property({ attribute: 'park-code' }) parkCode?: string;
  /** Static park slots, comma-separated, e.g. `701,702,703`. */
  @property({ attribute: 'park-slots' }) parkSlots?: string;
  /** "Switch phone" targets, comma-separated `target:label`, e.g. `108a:Desk phone,108wp:Mobile`. */
  @property({ attribute: 'switch-targets' }) switchTargets?: string;
  /** Server on-demand recording code, sent as DTMF (e.g. `*1`). */
  @property({ attribute: 'record-code' }) recordCode?: string;
  /** Local recording: "Record" records both sides in the browser, stored with the call's history entry. */
  @property({ type: Boolean, attribute: 'local-recording' }) localRecording = false;
  /** The reminder shown while a call is recorded ("Tell the other party that this call is being recorded." by default). */
  @property({ attribute: 'recording-consent' }) recordingConsent?: string;
  /** Supervisor monitoring: the code dialled before an extension to listen in (e.g. `007`). */
  @property({ attribute: 'listen-code' }) listenCode?: string;
  /** Monitoring DTMF codes, `whisper=*81,barge=*82,listen=*80` (these are the defaults). */
  @property({ attribute: 'monitor-codes' }) monitorCodes?: string;
  /** The user's server conference room, an extension or SIP URI (`800`, `sip:conf-1001@pbx`): "Conference" sends a call there and joins it; hidden when unset. */
  @property({ attribute: 'conference-room' }) conferenceRoom?: string;
  /** Feature codes of a PBX family (`asterisk`, `freeswitch`, `seed`) for the codes not set explicitly. */
  @property() preset?: string;
  /** Headers of incoming INVITEs to pass to `phone-incoming` for screen pops (comma-separated, e.g. `X-Customer-Id`). */
  @property({ attribute: 'incoming-headers' }) incomingHeaders?: string;
  /** Dial `tel:` and `sip:` links clicked anywhere in the page. */
  @property({ type: Boolean, attribute: 'intercept-links' }) interceptLinks = false;
  /** For a phone inside an iframe: the parent origins allowed to send commands and receive events. */
  @property({ attribute: 'allowed-origins' }) allowedOrigins?: string;
  /** The phone's language (`en`, `de`; `de-AT` reads as `de`); by default the script's `data-lang`, else the browser's language, else English. */
  @property({ reflect: true }) override lang!: string;
  /** How many calls the history keeps (the user can change it in the settings). */
  @property({ type: Number, attribute: 'history-limit' }) historyLimit = 5000;
  /** Offer "Remember me on this device": the account, password included, is then kept in this browser's storage. */
  @property({ type: Boolean, attribute: 'remember-login' }) rememberLogin = false;
  /** Log SIP messages to the console (passwords are never logged). */
  @property({ type: Boolean, attribute: 'sip-trace' }) sipTrace = false;
  /**
   * Register from this tab by itself. By default the tabs (and phones) of one
   * browser with the same account share one registration: one tab is elected,
   * the others show its calls and control them.
   */
  @property({ type: Boolean, attribute: 'no-tab-sharing' }) noTabSharing = false;

  /** This phone's session: state, `change` events and commands. */
  readonly session: PhoneSession = this.createSession();

  #password: string | undefined;
  #turnCredential: string | undefined;
  @state() private customLayout = false;
  @state() private announcement = '';
  /** With calls going on: show them, or the dial pad (after "Add call" / "Hide call"). */
  @state() private view: 'calls' | 'dialer' = 'calls';
  /** The browser blocks sound until the user interacts with the page. */
  @state() private soundLocked = false;
  @state() private settingsOpen = false;
  /** The account the user asked this browser to remember (pages with `remember-login` only). */
  #remembered: SavedLogin | undefined;
  #rememberedRead = false;
  #unwatchVoicemail: (() => void) | undefined;
  /** The configuration input in effect (to remember it). */
  #input: ConfigInput | undefined;
  #keeper = new SettingsKeeper(this, this.session, (saved) => this.#applySaved(saved));
  /** The default layout's tab: phone, contacts (BLF) or chat. */
  @state() private tab: Tab = 'phone';
  #bridge: MessageBridge;
  #lastCalls: readonly CallView[] = [];
  #noticeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    new ContextProvider(this, { context: sessionContext, initialValue: this.session });
    const s = this.session;
    new KeyboardShortcuts(this, s, {
      dialer: () => this.#dialer(),
      active: () => this.matches(':focus-within') || document.querySelector('phone-widget') === this,
    });
    new LinkInterceptor(
      this,
      () => this.interceptLinks,
      (href) => this.dial(href),
    );
    this.#bridge = new MessageBridge(
      this,
      () => parseOrigins(this.allowedOrigins),
      (command, args) => this.#runCommand(command, args),
    );
    s.dialFilter = (target) => {
      const request = new PhoneDialRequestEvent(target);
      this.dispatchEvent(request);
      return request.defaultPrevented ? null : String(request.detail.target ?? target);
    };
    this.addEventListener('phone-view-request', (e: PhoneViewRequestEvent) => {
      this.view = e.detail.view;
      if (this.view === 'dialer') void this.updateComplete.then(() => this.#dialer()?.focus());
    });
    this.addEventListener('phone-open-request', (e: PhoneOpenRequestEvent) => void this.#open(e.detail));
    let noticeId = 0;
    s.on('change', (state) => {
      this.#announceCalls(state.calls);
      // DND can change from inside (the BLF panel's toggle): keep the attribute in step.
      if (this.dnd !== state.settings.dnd) this.dnd = state.settings.dnd;
      if (state.notice && state.notice.id !== noticeId) {
        // A notice stays 8 s, then goes by itself.
        noticeId = state.notice.id;
        clearTimeout(this.#noticeTimer);
        this.#noticeTimer = setTimeout(() => this.session.dismissNotice(), 8000);
      }
      this.requestUpdate();
    });
    s.on('status', (d) => {
      this.announcement = d.reason ? `${d.text}: ${d.reason}` : d.text;
      this.dispatchEvent(new PhoneStatusEvent(d));
    });
    s.on('incoming', (call) => {
      this.collapsed = false;
      this.view = 'calls';
      const from = remoteLabel(call);
      this.announcement = msg(str`Incoming call from ${from}`);
      const names = (this.incomingHeaders ?? '').split(',').map((h) => h.trim()).filter(Boolean);
      const headers = names.length ? s.callHeaders(call.id, names) : undefined;
      this.dispatchEvent(new PhoneIncomingEvent({ id: call.id, direction: call.direction, remote: call.remote, ...(headers ? { headers } : {}) }));
    });
    s.on('call-start', (call) =>
      this.dispatchEvent(new PhoneCallStartEvent({ id: call.id, direction: call.direction, remote: call.remote })),
    );
    s.on('call-end', (call) =>
      this.dispatchEvent(
        new PhoneCallEndEvent({
          id: call.id,
          direction: call.direction,
          remote: call.remote,
          duration: call.duration,
          cause: call.cause!,
        }),
      ),
    );
    s.on('error', (e) => this.dispatchEvent(new PhoneErrorEvent(e)));
    s.chat.on('message', (m) => this.dispatchEvent(new PhoneMessageEvent(m)));
    // The Parks tab's badge counts the parked calls.
    s.parks.on('change', () => this.requestUpdate());
    let voicemail = '';
    s.blf.on('change', ({ voicemail: vm }) => {
      if (!vm) return;
      const detail = { waiting: vm.waiting, newMessages: vm.voice?.new ?? 0, oldMessages: vm.voice?.old ?? 0, urgentMessages: vm.voice?.urgentNew ?? 0 };
      const key = JSON.stringify(detail);
      if (key === voicemail) return;
      voicemail = key;
      this.dispatchEvent(new PhoneVoicemailEvent(detail));
    });
    for (const type of ['phone-status', 'phone-incoming', 'phone-call-start', 'phone-call-end', 'phone-error', 'phone-message', 'phone-voicemail'] as const) {
      this.addEventListener(type, (e) => this.#bridge.post(type, (e as CustomEvent).detail));
    }
    s.audio.tones.on('lock', ({ locked }) => (this.soundLocked = locked));
  }

  /** Makes the session; tests override it to script the network. */
  protected createSession(): PhoneSession {
    return new PhoneSession(createJsSipAgent);
  }

  /** The account password. Write-only in effect: it is never reflected to an attribute, logged or stored. */
  set password(value: string | undefined) {
    this.#password = value || undefined;
    this.requestUpdate('password');
  }
  get password(): string | undefined {
    return this.#password;
  }

  /** The TURN credential: a secret like the password, never reflected, logged or stored. */
  set turnCredential(value: string | undefined) {
    this.#turnCredential = value || undefined;
    this.requestUpdate('turnCredential');
  }
  get turnCredential(): string | undefined {
    return this.#turnCredential;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A password given as an attribute is taken and the attribute removed, so
    // it does not stay readable in the page's DOM.
    const attr = this.getAttribute('password');
    if (attr !== null) {
      this.#password = attr || undefined;
      this.removeAttribute('password');
    }
    const turnCredential = this.getAttribute('turn-credential');
    if (turnCredential !== null) {
      this.#turnCredential = turnCredential || undefined;
      this.removeAttribute('turn-credential');
    }
    this.customLayout = this.children.length > 0;
    this.#applyLocale();
    // The voicemail count, for the phone-voicemail event (the Contacts tab shows it too).
    this.#unwatchVoicemail = this.session.blf.watch({ extensions: [], voicemail: true });
    addEventListener('beforeunload', this.#onBeforeUnload);
    addEventListener('pagehide', this.#onPageHide);
    // Before the agent starts, so that its first REGISTER is traced too.
    if (this.sipTrace) setSipTrace(true);
    this.#applyConfig();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatchVoicemail?.();
    this.#unwatchVoicemail = undefined;
    removeEventListener('beforeunload', this.#onBeforeUnload);
    removeEventListener('pagehide', this.#onPageHide);
    // Moving the element in the page is not leaving it: stop only if it stays out.
    queueMicrotask(() => {
      if (!this.isConnected) void this.session.dispose();
    });
  }

  /** Leaving the page during a call asks first (not in a tab that only shows another tab's calls). */
  #onBeforeUnload = (e: BeforeUnloadEvent): void => {
    if (this.session.state.calls.length && this.session.tabRole !== 'follower') {
      e.preventDefault();
      e.returnValue = '';
    }
  };

  /** Leaving anyway ends the calls (BYE) and unregisters. */
  #onPageHide = (e: PageTransitionEvent): void => {
    if (!e.persisted) this.session.stop();
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sipTrace') && this.hasUpdated) setSipTrace(this.sipTrace);
    if (changed.has('lang') && this.hasUpdated) this.#applyLocale();
    if (SETTING_PROPS.some((p) => changed.has(p))) this.session.updateSettings(this.#settings());
    if (changed.has('historyLimit')) this.session.historyLimit = this.historyLimit;
    // DND is the user's to keep (the header's button, the BLF panel's toggle).
    if (changed.has('dnd') && this.hasUpdated) void this.#keeper.save({ dnd: this.dnd });
    if (CONFIG_PROPS.some((p) => changed.has(p)) || changed.has('password' as keyof PhoneWidget) || changed.has('turnCredential' as keyof PhoneWidget)) {
      if (this.hasUpdated) this.#applyConfig();
    }
  }

  #applyLocale(): void {
    void applyLocale(pickLocale({ attribute: this.lang, script: PhoneWidget.scriptLang, languages: navigator.languages }));
  }

  #applyConfig(): void {
    const element: ConfigInput = {
      server: this.server,
      domain: this.domain,
      identity: this.identity,
      authentication: this.authentication,
      username: this.username,
      password: this.#password,
      display: this.display,
      destination: this.destination,
      turn: this.turn,
      turnUsername: this.turnUsername,
      turnCredential: this.#turnCredential,
      forceRelay: this.forceRelay ? 'true' : undefined,
    };
    const url = this.noUrlActivation ? undefined : takeUrlActivation(window);
    const input = mergeInputs(PhoneWidget.scriptDefaults, element, this.#remembered, url);
    if (this.rememberLogin && !this.#rememberedRead && !input.password) {
      // No account from the page or the link: the remembered one, if the user asked for it.
      this.#rememberedRead = true;
      void readLogin().then((login) => {
        if (!login) return;
        this.#remembered = login;
        this.#applyConfig();
      });
    }
    this.#input = input;
    const result = resolveConfig(input, location);
    if (result.ok && this.iceServers?.length) result.config.iceServers = [...this.iceServers, ...(result.config.iceServers ?? [])];
    if (result.ok && result.config.iceTransportPolicy === 'relay' && !hasTurn(result.config.iceServers)) {
      return this.session.configure({ ok: false, error: { code: 'bad-turn', message: noTurnMessage() } });
    }
    this.session.shareTabs = !this.noTabSharing;
    this.session.configure(result);
  }

  /** Calls a number, extension or SIP URI. Returns `{ ok: true, id }` or `{ ok: false, message }`. */
  dial(target: string): DialResult {
    return this.session.dial(target);
  }

  /** Answers the ringing call (the given one, or the oldest). */
  answer(id?: string): void {
    this.session.answer(id);
  }

  /** Hangs up, cancels or rejects the given call, or the newest one. */
  hangup(id?: string): void {
    this.session.hangup(id);
  }

  /** Rejects a ringing call with 480 Temporarily Unavailable. */
  reject(id?: string): void {
    this.session.reject(id);
  }

  /** Toggles (or sets) the microphone mute of a call. */
  mute(id?: string, muted?: boolean): void {
    this.session.mute(id, muted);
  }

  /** Toggles (or sets) hold on a call; resolves true when done. */
  hold(id?: string, held?: boolean): Promise<boolean> {
    return this.session.hold(id, held);
  }

  /** Sends DTMF digits on the active call. */
  sendDtmf(digits: string, id?: string): void {
    for (const key of String(digits)) this.session.sendDtmf(key, id);
  }

  /** Blind transfer of a call (the active one by default) to `target`; resolves true when it succeeded. */
  transfer(target: string, id?: string): Promise<boolean> {
    return this.session.transfer(id, target, 'blind');
  }

  #runCommand(command: BridgeCommand, args: unknown[]): unknown {
    const [a, b] = args as [string | undefined, unknown];
    switch (command) {
      case 'dial':
        return this.dial(String(a ?? ''));
      case 'answer':
        return this.answer(a);
      case 'hangup':
        return this.hangup(a);
      case 'reject':
        return this.reject(a);
      case 'hold':
        return this.hold(a, typeof b === 'boolean' ? b : undefined);
      case 'mute':
        return this.mute(a, typeof b === 'boolean' ? b : undefined);
      case 'sendDtmf':
        return this.sendDtmf(String(a ?? ''), typeof b === 'string' ? b : undefined);
      case 'transfer':
        return this.transfer(String(a ?? ''), typeof b === 'string' ? b : undefined);
    }
  }

  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await this.#registrationSettled();
    super.scheduleUpdate();
  }

  #registrationSettled(): Promise<void> {
    return new Promise((resolve) => {
      if (this.session.state.status !== 'connecting') return resolve();
      const done = () => {
        clearTimeout(timer);
        off();
        resolve();
      };
      const timer = setTimeout(done, FIRST_PAINT_WAIT_MS);
      const off = this.session.on('status', ({ status }) => {
        if (status !== 'connecting') done();
      });
    });
  }

  /** The feature codes set on the element, with the preset's filling the gaps. */
  #codes(): FeatureCodeSettings {
    return withPreset(this.preset || PhoneWidget.scriptPreset, {
      parkCode: this.parkCode,
      parkSlots: this.parkSlots,
      voicemailCode: this.voicemailCode,
      voicemailPrefix: this.voicemailPrefix,
      pickupCode: this.pickupCode,
      dndOnCode: this.dndOnCode,
      dndOffCode: this.dndOffCode,
      recordCode: this.recordCode,
      listenCode: this.listenCode,
      monitorCodes: this.monitorCodes,
    });
  }

  #settings(): Partial<CallSettings> {
    const codes = this.#codes();
    return {
      dnd: this.dnd,
      autoAnswer: this.autoAnswer,
      autoAnswerDelay: Math.max(0, Number(this.autoAnswerDelay) || 0),
      allowRemoteAutoAnswer: this.allowRemoteAutoAnswer,
      callWaiting: ['enable', 'once', 'disabled'].includes(this.callWaiting) ? this.callWaiting : 'enable',
      dtmfMode: this.dtmfMode === 'info' ? 'info' : 'rfc4733',
      dndOnCode: codes.dndOnCode,
      dndOffCode: codes.dndOffCode,
      voicemailPrefix: codes.voicemailPrefix,
      parkCode: codes.parkCode,
      parkSlots: list(codes.parkSlots),
      switchTargets: list(this.switchTargets)?.map((entry) => {
        const [target, label] = entry.split(':').map((x) => x.trim());
        return { target: target!, label: label || target! };
      }),
      recordCode: codes.recordCode,
      localRecording: this.localRecording,
      recordingConsent: this.recordingConsent || undefined,
      monitor: codes.listenCode ? { listenCode: codes.listenCode, ...monitorCodes(codes.monitorCodes) } : undefined,
      conferenceRoom: this.conferenceRoom?.trim() || undefined,
    };
  }

  /** "Add to contacts" and "Send message" from the history: the right tab, with the number filled in. */
  async #open({ open, number, name }: PhoneOpenRequestEvent['detail']): Promise<void> {
    if (this.customLayout) return;
    this.tab = open === 'chat' ? 'chat' : 'contacts';
    if (this.session.state.calls.length) this.view = 'dialer';
    await this.updateComplete;
    if (open === 'chat') await this.renderRoot.querySelector('phone-chat')?.openConversation(number, name);
    else this.renderRoot.querySelector('phone-blf-panel')?.newContact(number, name);
  }

  #dialer(): PhoneDialer | null {
    return this.querySelector('phone-dialer') ?? this.renderRoot?.querySelector('phone-dialer') ?? null;
  }

  /** Says call changes out loud for screen readers: "Call with Bob: Connected". */
  #announceCalls(calls: readonly CallView[]): void {
    const before = new Map(this.#lastCalls.map((c) => [c.id, c]));
    for (const call of calls) {
      const old = before.get(call.id);
      const text = callStateText(call);
      if (!old || callStateText(old) !== text) {
        if (!(call.direction === 'inbound' && call.state === 'ringing' && !old)) this.announcement = `${remoteLabel(call)}: ${text}`;
      }
    }
    // A call that has just appeared (dialled from the pad after "Add call") comes to the front.
    if (calls.some((c) => !before.has(c.id)) || (!calls.length && this.#lastCalls.length)) this.view = 'calls';
    this.#lastCalls = calls;
  }

  #renderDefault(inCalls: boolean) {
    const tabs = [
      ['phone', msg('Phone')],
      ['contacts', msg('Contacts')],
      ['chat', msg('Chat')],
      ['history', msg('History')],
      // With park slots configured, a Parks tab whose badge counts the parked calls.
      ...(this.session.parks.state.slots.length ? ([['parks', msg('Parks')]] as const) : []),
    ] as const;
    const parked = this.session.parks.state.parked;
    const codes = this.#codes();
    // A ringing or live call always shows on top, whatever the tab.
    const tab = inCalls && this.view === 'calls' ? 'phone' : this.tab;
    const phone = !inCalls
      ? html`<phone-call-card></phone-call-card><phone-dialer></phone-dialer>`
      : this.view === 'calls'
        ? html`<phone-call-card></phone-call-card>`
        : html`<phone-call-card compact></phone-call-card><phone-dialer></phone-dialer>`;
    return html`
      <div class="tabs" role="tablist" aria-label=${msg('Phone sections')}>
        ${tabs.map(
          ([id, label]) => html`<button
            role="tab"
            id="tab-${id}"
            aria-selected=${tab === id ? 'true' : 'false'}
            aria-controls="panel"
            tabindex=${tab === id ? '0' : '-1'}
            @click=${() => {
              this.tab = id;
              if (id === 'phone' && inCalls) this.view = 'calls';
              else if (inCalls) this.view = 'dialer';
            }}
            @keydown=${(e: KeyboardEvent) => this.#tabKeys(e, tabs.map(([t]) => t))}
          >
            ${label}
            ${id === 'parks' && parked
              ? html`<span class="tab-badge" aria-hidden="true">${parked}</span><span class="visually-hidden">, ${parkedWords(parked)}</span>`
              : nothing}
          </button>`,
        )}
      </div>
      <div id="panel" role="tabpanel" aria-labelledby="tab-${tab}">
        ${tab === 'phone'
          ? phone
          : html`${inCalls ? html`<phone-call-card compact></phone-call-card>` : nothing}
            ${tab === 'contacts'
              ? html`<phone-blf-panel
                  keys=${this.blfKeys ?? nothing}
                  directory-src=${this.directorySrc ?? nothing}
                  voicemail-code=${codes.voicemailCode ?? nothing}
                  pickup-code=${codes.pickupCode ?? nothing}
                  listen-code=${codes.listenCode ?? nothing}
                ></phone-blf-panel>`
              : tab === 'chat'
                ? html`<phone-chat></phone-chat>`
                : tab === 'parks'
                  ? html`<phone-parks></phone-parks>`
                  : html`<phone-history></phone-history>`}`}
      </div>
    `;
  }

  #tabKeys(e: KeyboardEvent, ids: readonly Tab[]): void {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const i = ids.indexOf(this.tab);
    this.tab = ids[(i + (e.key === 'ArrowRight' ? 1 : ids.length - 1)) % ids.length]!;
    void this.updateComplete.then(() => (this.renderRoot.querySelector(`#tab-${this.tab}`) as HTMLElement | null)?.focus());
  }

  #renderSettings() {
    return renderSettings({
      state: this.session.state,
      historyLimit: this.historyLimit,
      canRemember: this.rememberLogin,
      remembered: this.#remembered !== undefined,
      notificationsOn: typeof Notification !== 'undefined' && Notification.permission === 'granted',
      change: (patch) => {
        this.#applySaved(patch);
        void this.#keeper.save(patch);
      },
      remember: (on) => void this.#remember(on),
      askNotifications: () => void askNotificationPermission().then(() => this.requestUpdate()),
      signOut: () => void this.signOut(),
      done: () => (this.settingsOpen = false),
    });
  }

  /** Settings saved for the account, or just changed by the user, over the page's defaults. */
  #applySaved(saved: SavedSettings): void {
    if (saved.callWaiting) this.callWaiting = saved.callWaiting;
    if (saved.autoAnswer !== undefined) this.autoAnswer = saved.autoAnswer;
    if (saved.dnd !== undefined) this.dnd = saved.dnd;
    if (saved.historyLimit) this.historyLimit = saved.historyLimit;
    if (saved.display !== undefined && saved.display !== (this.session.state.account?.displayName ?? '')) this.display = saved.display;
  }

  /** "Remember me": keeps the account, password included, in this browser; unticked, forgets it. */
  async #remember(on: boolean): Promise<void> {
    if (on && this.#input) {
      const { server, domain, identity, authentication, password, display } = this.#input;
      const login: SavedLogin = { server, domain, identity, authentication, password, display };
      this.#remembered = login;
      await writeLogin(login);
    } else {
      this.#remembered = undefined;
      await forgetLogin();
    }
    this.requestUpdate();
  }

  /** Signs out: hangs up, unregisters, forgets the remembered account and deletes this account's call history. */
  async signOut(): Promise<void> {
    this.settingsOpen = false;
    this.#remembered = undefined;
    this.#input = undefined;
    this.#password = undefined;
    await Promise.all([this.session.logout(), this.rememberLogin ? forgetLogin() : undefined]);
    this.requestUpdate();
  }

  #onSlotChange(e: Event): void {
    this.customLayout = (e.target as HTMLSlotElement).assignedElements().length > 0;
  }

  #renderKiosk() {
    const state = this.session.state;
    const call = state.calls[0];
    const target = this.session.destination ?? '';
    const label = this.kioskLabel || target;
    const ready = state.status === 'ready' || state.status === 'in-call';
    return html`<div class="kiosk" part="kiosk" lang=${activeLocale()}>
      <p class="kiosk-status" role="status">${call ? `${remoteLabel(call)}: ${callStateText(call)}` : state.reason && state.status === 'disconnected' ? `${statusText(state.status)}: ${state.reason}` : statusText(state.status)}</p>
      ${this.soundLocked
        ? html`<button class="kiosk-button" type="button" @click=${() => this.session.audio.tones.unlock()}>${msg('Touch to start')}</button>`
        : call
          ? html`${call.direction === 'inbound' && call.state === 'ringing'
                ? html`<button class="kiosk-button answer" type="button" @click=${() => this.session.answer(call.id)}>${msg('Answer')}</button>`
                : nothing}
              <button class="kiosk-button hangup" type="button" @click=${() => this.session.hangup(call.id)}>${msg('Hang up')}</button>
              ${this.kioskKeypad && call.state === 'connected'
                ? html`<div class="kiosk-keypad" role="group" aria-label=${msg('Keypad')}>
                    ${['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'].map(
                      (k) => html`<button type="button" @click=${() => this.session.sendDtmf(k, call.id)}>${k}</button>`,
                    )}
                  </div>`
                : nothing}`
          : html`<button class="kiosk-button call" type="button" ?disabled=${!ready || !target} @click=${() => this.dial(target)}>
              ${msg(str`Call ${label}`)}
            </button>`}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  override render() {
    if (this.kiosk) return this.#renderKiosk();
    const state = this.session.state;
    const account = state.account;
    const expanded = !this.floating || !this.collapsed;
    const notice = state.notice;
    const inCalls = state.calls.length > 0;
    return html`
      <div class="shell" part="shell" lang=${activeLocale()}>
        <div class="bar" part="header">
          <span class="dot" data-status=${state.status} aria-hidden="true"></span>
          <div class="status">
            <div class="status-text" part="status">${statusText(state.status)}</div>
            ${state.reason && state.status === 'disconnected'
              ? html`<div class="reason">${state.reason}</div>`
              : account
                ? html`<div class="account">${account.displayName ? `${account.displayName} · ` : ''}${account.user}</div>`
                : nothing}
          </div>
          <button
            class="dnd"
            type="button"
            aria-pressed=${state.settings.dnd ? 'true' : 'false'}
            title=${msg('Do Not Disturb')}
            @click=${() => (this.dnd = !state.settings.dnd)}
          >
            ${msg('DND', { desc: 'Short button label for Do Not Disturb' })}
          </button>
          <button
            class="settings-toggle"
            type="button"
            aria-expanded=${this.settingsOpen ? 'true' : 'false'}
            aria-label=${msg('Settings')}
            title=${msg('Settings')}
            @click=${() => (this.settingsOpen = !this.settingsOpen)}
          >
            ⚙
          </button>
          ${this.floating
            ? html`<button
                class="toggle"
                type="button"
                aria-expanded=${expanded ? 'true' : 'false'}
                @click=${() => (this.collapsed = !this.collapsed)}
              >
                ${expanded ? msg('Minimise') : msg('Open phone')}
              </button>`
            : nothing}
        </div>
        <div class="body" part="body" ?hidden=${!expanded}>
          ${state.configError ? html`<p class="error" role="alert">${state.configError}</p>` : nothing}
          ${!account && !state.configError
            ? html`<p class="setup">${msg('Not set up yet. Open an activation link, or give this phone a server and an account.')}</p>`
            : nothing}
          ${this.soundLocked
            ? html`<button class="unlock" type="button" @click=${() => this.session.audio.tones.unlock()}>
                ${msg('Click to enable sound: the browser keeps the phone silent until then')}
              </button>`
            : nothing}
          ${notice
            ? html`<div class="notice" data-kind=${notice.kind} role=${notice.kind === 'error' ? 'alert' : 'status'}>
                <span>${notice.text}</span>
                <button type="button" aria-label=${msg('Dismiss message')} @click=${() => this.session.dismissNotice()}>×</button>
              </div>`
            : nothing}
          ${this.settingsOpen ? this.#renderSettings() : nothing}
          <slot @slotchange=${this.#onSlotChange}></slot>
          ${this.settingsOpen || this.customLayout ? nothing : this.#renderDefault(inCalls)}
        </div>
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'phone-widget': PhoneWidget;
  }
}
