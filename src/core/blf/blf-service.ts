/**
 * BLF keys, presence, the voicemail indicator, the directory and personal
 * contacts of one phone. Works through the SIP agent while the phone is
 * registered: a dialog subscription (RFC 4235) per watched extension, a
 * presence subscription (PIDF) where asked, and message-summary (RFC 3842)
 * for the account, plus unsolicited message-summary NOTIFYs.
 *
 * Elements say what they show with `watch()` and release it when they leave
 * the page; the service subscribes to the union and ends what nobody watches.
 * A body that cannot be read is ignored (a console warning at most): the
 * lamp keeps its state.
 */
import { Emitter } from '../emitter.js';
import { parseDialTarget } from '../dial-target.js';
import type { PhoneSession, SessionFeature, SipLink } from '../phone-session.js';
import type { SipAgent, SipSubscription } from '../sip/agent.js';
import { ContactBook, type ContactBookState } from './contact-book.js';
import { applyDialogInfo, lampOf, parseDialogInfo, type DialogEntry } from './dialog-info.js';
import { parseDirectory, type DirectoryEntry } from './directory.js';
import { fetchDirectory } from './directory-loader.js';
import { sameLamp, type KeyLamp } from './lamp.js';
import { parseMessageSummary, type MessageSummary } from './message-summary.js';
import { parsePidf } from './pidf.js';
import { SlicedQueue } from './sliced-queue.js';
import { DEFAULT_TIMING, Pacer, SubscriptionKeeper, type KeeperEvents, type Timing } from './subscription-keeper.js';

export interface BlfState {
  /** True while subscriptions can run (registered). */
  online: boolean;
  /** The lamp of every watched extension. */
  lamps: ReadonlyMap<string, KeyLamp>;
  /** Voicemail waiting, as the server last said; undefined until it says. */
  voicemail?: MessageSummary;
  directory: readonly DirectoryEntry[];
  directoryStatus: 'none' | 'loading' | 'ready' | 'error';
  /** Why the directory could not be loaded, in words. */
  directoryError?: string;
  contacts: ContactBookState;
}

/** What an element shows, and so what the service keeps subscribed. */
export interface WatchRequest {
  /** Extensions whose lamps are shown. */
  extensions: readonly string[];
  /** Also subscribe to their presence (PIDF); without it the lamp gives the presence colour. */
  presence?: boolean;
  /** Keep the voicemail indicator up to date (message-summary subscription). */
  voicemail?: boolean;
}

const DIALOG_EXPIRES = 600;
const PRESENCE_EXPIRES = 600;
const MWI_EXPIRES = 3600;
const MAX_WARNINGS = 10;
/** Time a task may spend on NOTIFY bodies before the rest wait for the next task. */
const SLICE_MS = 8;

interface Watched {
  /** Changes with each new dialog subscription: bodies queued for an older one are dropped. */
  epoch: number;
  dialogs: ReadonlyMap<string, DialogEntry>;
  version?: number;
  lamp: KeyLamp;
  dialog?: SubscriptionKeeper;
  presence?: SubscriptionKeeper;
}

export class BlfService extends Emitter<{ change: BlfState }> implements SessionFeature {
  /** Personal contacts of the current account. */
  readonly contacts = new ContactBook();
  /** Pacing and retry delays (tests shorten them). */
  timing: Timing = DEFAULT_TIMING;

  readonly #session: PhoneSession;
  #link: SipLink | undefined;
  #offNotify: (() => void) | undefined;
  #watchers = new Set<WatchRequest>();
  #watched = new Map<string, Watched>();
  #mwi: SubscriptionKeeper | undefined;
  #voicemail: MessageSummary | undefined;
  #directory: Pick<BlfState, 'directory' | 'directoryStatus' | 'directoryError'> = { directory: [], directoryStatus: 'none' };
  #directoryAbort: AbortController | undefined;
  #pacer = new Pacer(() => this.timing);
  /** Bodies are read through this queue, so that a burst is spread over several short tasks. */
  #work = new SlicedQueue(SLICE_MS);
  #state: BlfState | undefined;
  #emitQueued = false;
  #warnings = 0;

  constructor(session: PhoneSession) {
    super();
    this.#session = session;
    // Contacts are read only once an element shows them, then follow the account.
    session.on('change', (s) => {
      if (this.#watchers.size || this.contacts.state.account) this.contacts.open(s.account?.identity);
    });
    this.contacts.on('change', () => this.#changed());
  }

  /** The current state; a new object after every change. */
  get state(): BlfState {
    this.#state ??= {
      online: Boolean(this.#link),
      lamps: new Map([...this.#watched].map(([ext, w]) => [ext, w.lamp])),
      ...(this.#voicemail ? { voicemail: this.#voicemail } : {}),
      ...this.#directory,
      contacts: this.contacts.state,
    };
    return this.#state;
  }

  /**
   * Keeps the lamps of `request.extensions` (and presence, voicemail when
   * asked) while the phone is registered. Returns the function that releases
   * them; call it when the element leaves the page.
   */
  watch(request: WatchRequest): () => void {
    const own = { ...request, extensions: [...request.extensions] };
    this.#watchers.add(own);
    this.contacts.open(this.#session.state.account?.identity);
    this.#sync();
    return () => {
      if (this.#watchers.delete(own)) this.#sync();
    };
  }

  /** Resolves once every NOTIFY received so far is reflected in `state` (bursts are read over several tasks). */
  settled(): Promise<void> {
    return this.#work.settled();
  }

  /** Sets the directory from data the page gives (an array of entries, or an object holding one). */
  setDirectory(data: unknown): void {
    this.#directoryAbort?.abort();
    const { entries, skipped } = parseDirectory(data);
    if (skipped) this.#warn(`${skipped} directory entries were skipped (no usable extension, or repeated)`);
    this.#directory = { directory: entries, directoryStatus: 'ready' };
    this.#changed();
  }

  /** Loads the directory from a JSON URL; failures show in `directoryError`. */
  async loadDirectory(src: string): Promise<void> {
    this.#directoryAbort?.abort();
    const abort = (this.#directoryAbort = new AbortController());
    this.#directory = { ...this.#directory, directoryStatus: 'loading', directoryError: undefined };
    this.#changed();
    try {
      const { entries } = await fetchDirectory(src, abort.signal);
      if (abort.signal.aborted) return;
      this.#directory = { directory: entries, directoryStatus: 'ready' };
    } catch (error) {
      if (abort.signal.aborted) return;
      this.#directory = { directory: [], directoryStatus: 'error', directoryError: error instanceof Error ? error.message : String(error) };
    }
    this.#changed();
  }

  up(link: SipLink): void {
    this.#link = link;
    this.#offNotify = link.agent.on('notify', ({ event, body }) => {
      if (event.split(';')[0]?.trim() === 'message-summary') this.#work.run(() => this.#mwiBody(body));
    });
    this.#sync();
    this.#changed();
  }

  down(): void {
    this.#offNotify?.();
    this.#offNotify = undefined;
    this.#link = undefined;
    this.#pacer.clear();
    this.#work.clear();
    this.#mwi?.stop();
    this.#mwi = undefined;
    for (const w of this.#watched.values()) {
      w.dialog?.stop();
      w.presence?.stop();
      w.dialog = w.presence = undefined;
      w.epoch++;
      w.dialogs = new Map();
      w.lamp = { state: 'unknown' };
    }
    this.#changed();
  }

  /** Brings subscriptions in line with what is watched. */
  #sync(): void {
    const wanted = new Map<string, boolean>();
    let voicemail = false;
    for (const w of this.#watchers) {
      voicemail ||= Boolean(w.voicemail);
      for (const ext of w.extensions) wanted.set(ext, (wanted.get(ext) ?? false) || Boolean(w.presence));
    }
    for (const [ext, w] of this.#watched) {
      if (wanted.has(ext)) continue;
      w.dialog?.stop();
      w.presence?.stop();
      this.#watched.delete(ext);
      this.#changed();
    }
    const link = this.#link;
    for (const [ext, presence] of wanted) {
      let w = this.#watched.get(ext);
      if (!w) {
        w = { epoch: 0, dialogs: new Map(), lamp: { state: 'unknown' } };
        this.#watched.set(ext, w);
        this.#changed();
      }
      if (!link) continue;
      const uri = parseDialTarget(ext, link.config.domain)?.uri;
      if (!uri) {
        this.#setLamp(w, { state: 'offline' });
        continue;
      }
      if (!w.dialog) (w.dialog = this.#dialogKeeper(link.agent, ext, w, uri)).start();
      if (presence && !w.presence) (w.presence = this.#presenceKeeper(link.agent, ext, w, uri)).start();
      if (!presence && w.presence) {
        w.presence.stop();
        w.presence = undefined;
        this.#setLamp(w, { state: w.lamp.state, ...(w.lamp.peer ? { peer: w.lamp.peer } : {}) });
      }
    }
    if (link && voicemail && !this.#mwi) {
      const identity = link.config.identity;
      this.#mwi = this.#keeper(() => link.agent.subscribe(identity, 'message-summary', 'application/simple-message-summary', MWI_EXPIRES), {
        active: () => undefined,
        notify: (body) => this.#work.run(() => this.#mwiBody(body)),
        lost: () => undefined,
      });
      this.#mwi.start();
    } else if (!voicemail && this.#mwi) {
      this.#mwi.stop();
      this.#mwi = undefined;
    }
  }

  #keeper(open: () => SipSubscription, events: KeeperEvents): SubscriptionKeeper {
    return new SubscriptionKeeper(open, events, this.#pacer, () => this.timing);
  }

  #dialogKeeper(agent: SipAgent, ext: string, w: Watched, uri: string): SubscriptionKeeper {
    return this.#keeper(
      () => {
        // A new subscription starts its own version count and its own dialogs.
        w.epoch++;
        w.version = undefined;
        w.dialogs = new Map();
        return agent.subscribe(uri, 'dialog', 'application/dialog-info+xml', DIALOG_EXPIRES);
      },
      {
        // Subscribed: idle until a body says otherwise (the first NOTIFY is often empty).
        active: () => {
          if (w.lamp.state === 'unknown' || w.lamp.state === 'offline') this.#setLamp(w, { ...w.lamp, state: 'idle', peer: undefined });
        },
        notify: (body, contentType) => {
          const epoch = w.epoch;
          this.#work.run(() => epoch === w.epoch && this.#watched.get(ext) === w && this.#dialogBody(ext, w, body, contentType));
        },
        lost: () => {
          w.dialogs = new Map();
          this.#setLamp(w, { state: 'offline', ...(w.lamp.presence ? { presence: w.lamp.presence } : {}) });
        },
      },
    );
  }

  #presenceKeeper(agent: SipAgent, ext: string, w: Watched, uri: string): SubscriptionKeeper {
    const withoutPresence = () => ({ state: w.lamp.state, ...(w.lamp.peer ? { peer: w.lamp.peer } : {}) });
    return this.#keeper(() => agent.subscribe(uri, 'presence', 'application/pidf+xml', PRESENCE_EXPIRES), {
      active: () => undefined,
      notify: (body) =>
        this.#work.run(() => {
          if (this.#watched.get(ext) !== w || !w.presence) return;
          const presence = parsePidf(body);
          if (presence) this.#setLamp(w, { ...withoutPresence(), presence });
          else this.#warn(`ignored a presence document for ${ext} that could not be read`);
        }),
      lost: () => this.#setLamp(w, withoutPresence()),
    });
  }

  #dialogBody(ext: string, w: Watched, body: string, contentType: string): void {
    if (contentType && !/dialog-info/i.test(contentType)) return this.#warn(`ignored a ${contentType} body on the dialog subscription of ${ext}`);
    const doc = parseDialogInfo(body);
    if (!doc) return this.#warn(`ignored a dialog-info body for ${ext} that could not be read`);
    // RFC 4235 §4.1: a partial update older than what we have is stale. Full documents always win.
    if (!doc.full && doc.version !== undefined && w.version !== undefined && doc.version <= w.version) return;
    if (doc.version !== undefined) w.version = doc.version;
    w.dialogs = applyDialogInfo(w.dialogs, doc);
    const { state, dialog } = lampOf(w.dialogs.values());
    this.#setLamp(w, { state, ...(dialog?.peer ? { peer: dialog.peer } : {}), ...(w.lamp.presence ? { presence: w.lamp.presence } : {}) });
  }

  #mwiBody(body: string): void {
    const summary = parseMessageSummary(body);
    if (!summary) return this.#warn('ignored a message-summary body that could not be read');
    this.#voicemail = summary;
    this.#changed();
  }

  #setLamp(w: Watched, lamp: KeyLamp): void {
    const clean: KeyLamp = { state: lamp.state, ...(lamp.peer ? { peer: lamp.peer } : {}), ...(lamp.presence ? { presence: lamp.presence } : {}) };
    if (sameLamp(w.lamp, clean)) return;
    w.lamp = clean;
    this.#changed();
  }

  /** Marks the state stale and announces it once for every change made in the same task. */
  #changed(): void {
    this.#state = undefined;
    if (this.#emitQueued) return;
    this.#emitQueued = true;
    queueMicrotask(() => {
      this.#emitQueued = false;
      this.emit('change', this.state);
    });
  }

  #warn(message: string): void {
    if (this.#warnings++ < MAX_WARNINGS) console.warn(`[phone] ${message}`);
  }
}
