/**
 * One phone: the single SIP agent of one `<phone-widget>`, its registration
 * and the state of every call (line). Plain TypeScript, no Lit, no DOM rendering.
 *
 * Elements read `state` and listen for `change`; they send commands through
 * the public methods. The session never throws into its callers: failures
 * become state (`reason`, `configError`, a call's `cause`, a `notice`) and
 * `error` events.
 */
import { msg, str } from '@lit/localize';
import { Emitter } from './emitter.js';
import { statusText } from './format.js';
import type { ConfigError, ConfigResult, PhoneConfig } from './config.js';
import { parseDialTarget } from './dial-target.js';
import type { SipAgent, SipCall } from './sip/agent.js';
import { describeEnd, describeRegistrationFailure } from './sip/causes.js';
import { AudioSettings } from './media/audio-settings.js';
import { BlfService } from './blf/blf-service.js';
import { ParkWatch } from './blf/parks.js';
import { ChatService } from './chat/chat-service.js';
import { RemoteAudio } from './media/remote-audio.js';
import { LocalConference } from './local-conference.js';
import { ConferenceRoom } from './conference-room.js';
import { LocalRecording } from './local-recording.js';
import type { RecordingSegment, RecordingStore } from '../storage/recording-store.js';
import { QualitySampler } from './media/quality-sampler.js';
import { historyRecord, recentFrom } from './call-history.js';
import { CallHistoryStore } from '../storage/call-history-store.js';
import { wipeAccount } from '../storage/account-store.js';
import type { HistoryReader } from './history-query.js';
import { keepAwake } from './keep-awake.js';
import { soundCue, type SoundCue } from './media/sound-cue.js';
import { askNotificationPermission, notifyIncoming } from './notify.js';
import { TabShare, mirrorPatch, tabShareName } from './tabs/tab-share.js';
import { forwardWhileFollowing, runForwarded } from './tabs/forwarding.js';
import type { SharedEventName } from './tabs/tab-link.js';
import {
  DEFAULT_CALL_SETTINGS,
  type CallEndCause,
  type CallHistoryRecord,
  type CallSettings,
  type CallStats,
  type CallView,
  type Notice,
  type PhoneState,
  type PhoneStatus,
  type RecentCall,
} from './types.js';

export interface PhoneErrorInfo {
  /** A stable code: a `ConfigError` code, `dial`, `registration`, `agent`, `hold`, `transfer`. */
  code: string;
  message: string;
}

export interface SessionEvents {
  change: PhoneState;
  status: { status: PhoneStatus; text: string; reason?: string };
  incoming: CallView;
  'call-start': CallView;
  'call-end': CallView & { duration: number };
  error: PhoneErrorInfo;
  /** A part of a local recording was stored (`recordings.listSegments(historyId)` has it now). */
  'recording-saved': RecordingSegment;
}

export type DialResult = { ok: true; id: string } | { ok: false; message: string };

/** What a feature gets while the phone is registered: the agent and the account. */
export interface SipLink {
  agent: SipAgent;
  config: PhoneConfig;
}

/**
 * A part of the phone that works through the SIP agent while registered
 * (BLF and voicemail subscriptions, chat). `up` is called after every
 * (re-)registration, `down` when the connection or the account goes away.
 */
export interface SessionFeature {
  up(link: SipLink): void;
  down(): void;
}

export type SessionAgentFactory = (config: PhoneConfig, media: () => MediaStreamConstraints) => SipAgent;

interface Line {
  call: SipCall;
  view: CallView;
  audio: RemoteAudio;
  /** Ended quietly: replaced by a transfer, or a silent feature-code call. */
  quiet?: boolean;
  /** Set when the call ends because of a transfer. */
  endAs?: CallEndCause;
  closeNotification?: () => void;
  autoAnswerTimer?: ReturnType<typeof setTimeout>;
  quality?: QualitySampler;
}

const MAX_RECENT = 50;

export class PhoneSession extends Emitter<SessionEvents> {
  #createAgent: SessionAgentFactory;
  #agent: SipAgent | undefined;
  #config: PhoneConfig | undefined;
  #lines = new Map<string, Line>();
  #registered = false;
  #state: PhoneState = {
    status: 'idle',
    statusText: statusText('idle'),
    calls: [],
    recent: [],
    settings: DEFAULT_CALL_SETTINGS,
  };
  #pendingDestination: string | undefined;
  #stopped = false;
  #cue: SoundCue = null;
  #waitingToneDone = new Set<string>();
  #noticeId = 0;
  #features: SessionFeature[] = [];
  #history: CallHistoryStore | undefined;
  #historyLimit = 5000;
  /** Releases the Web Lock that keeps the page from being frozen while the agent runs. */
  #awake: (() => void) | undefined;
  #featuresUp = false;
  #tabs: TabShare | undefined;
  /** Following: the features' agent, through the elected tab's (see tabs/remote-agent.ts). */
  #remoteAgent: SipAgent | undefined;
  /**
   * Share one registration with the other tabs (and phones) of this browser
   * that use the same account: one is elected to run the SIP agent and carry
   * the media, the others show its state and send it their commands. Read
   * when an account is configured.
   */
  shareTabs = false;

  /** Audio devices, volumes, ringtone, and the tones the phone plays. */
  readonly audio: AudioSettings;
  /** BLF keys, presence, voicemail indicator, directory and contacts. */
  readonly blf: BlfService;
  /** The configured park slots, who waits in each and since when. */
  readonly parks: ParkWatch;
  /** Conversations over SIP MESSAGE. */
  readonly chat: ChatService;
  #conference: LocalConference;
  #room: ConferenceRoom;
  #recording: LocalRecording;

  constructor(createAgent: SessionAgentFactory, audio: AudioSettings = new AudioSettings()) {
    super();
    this.#createAgent = createAgent;
    this.audio = audio;
    this.blf = new BlfService(this);
    this.parks = new ParkWatch(this);
    this.chat = new ChatService(this);
    this.use(this.blf);
    this.use(this.chat);
    forwardWhileFollowing(this, () => this.#tabs);
    this.#conference = new LocalConference({
      call: (id) => this.#lines.get(id)?.call,
      view: (id) => this.#lines.get(id)?.view,
      hold: (id, held) => this.hold(id, held),
      patch: (id, patch) => {
        const line = this.#lines.get(id);
        if (line) this.#patchCall(line, patch);
      },
      silence: (id, silenced) => this.#lines.get(id)?.audio.setMuted(silenced),
      changed: (conference) => this.#update({ conference }),
      notify: (kind, text) => this.#notify(kind, text),
    });
    this.#room = new ConferenceRoom(this, {
      publish: (room) => this.#update({ room }),
      notify: (kind, text) => this.#notify(kind, text),
    });
    this.#recording = new LocalRecording({
      call: (id) => this.#lines.get(id)?.call,
      view: (id) => this.#lines.get(id)?.view,
      patch: (id, patch) => {
        const line = this.#lines.get(id);
        if (line) this.#patchCall(line, patch);
      },
      notify: (kind, text) => this.#notify(kind, text),
      saved: (segment) => this.emit('recording-saved', segment),
    });
    // Call audio follows the speaker choice, mid-call included.
    audio.on('change', () => {
      for (const line of this.#lines.values()) line.audio.setOutput(this.#speaker());
    });
  }

  #speaker(): { deviceId: string; volume: number } {
    return { deviceId: this.audio.state.speakerId, volume: this.audio.state.speakerVolume };
  }

  /** The current state; a new object after every change, never mutated. */
  get state(): PhoneState {
    return this.#state;
  }

  /** The configured destination (`destination=`), for kiosks. */
  get destination(): string | undefined {
    return this.#config?.destination;
  }

  /** The account's SIP domain, once configured. */
  get domain(): string | undefined {
    return this.#config?.domain;
  }

  /**
   * Applies a configuration. The same account again is a no-op; another
   * account replaces the agent (ending its calls).
   */
  configure(result: ConfigResult): void {
    if (!result.ok) {
      if (result.error) this.#configFailed(result.error);
      return;
    }
    const next = result.config;
    const same =
      this.#config &&
      this.#config.identity === next.identity &&
      this.#config.password === next.password &&
      this.#config.authorization === next.authorization &&
      this.#config.servers.join() === next.servers.join() &&
      this.#config.displayName === next.displayName &&
      this.#config.iceTransportPolicy === next.iceTransportPolicy &&
      JSON.stringify(this.#config.iceServers) === JSON.stringify(next.iceServers);
    if (same) return;
    this.#teardown();
    this.#config = next;
    this.#pendingDestination = next.destination;
    this.#stopped = false;
    const account = {
      user: next.user,
      identity: next.identity,
      ...(next.displayName ? { displayName: next.displayName } : {}),
    };
    this.#update({ account, configError: undefined, recent: [] });
    this.#openHistory(next.identity);
    this.#recording.open(next.identity);
    if (this.shareTabs) this.#shareTabs(next);
    else this.#startAgent(next);
    void this.audio.start();
  }

  /** Whether this tab runs the SIP agent (`leader`), follows the tab that does, or waits to know. */
  get tabRole(): 'alone' | 'waiting' | 'leader' | 'follower' {
    return this.#tabs?.role ?? 'alone';
  }

  #shareTabs(config: PhoneConfig): void {
    const share: TabShare = new TabShare(tabShareName(config.user, config.domain), this, {
      lead: () => {
        // The calls shown were the previous elected tab's: they went with it.
        this.#update({ calls: [], lastEnded: undefined });
        this.#featuresChange(false);
        this.#remoteAgent = undefined;
        this.#startAgent(config);
        if (this.#agent) share.serve(this.#agent);
      },
      mirror: (state) => {
        if (this.#tabs !== share) return;
        this.#update(mirrorPatch(this.#state, state));
        // Features (BLF, voicemail, chat sending) work through the elected tab while it is registered.
        const registered = state.status === 'ready' || state.status === 'in-call';
        if (registered && !this.#featuresUp) {
          this.#remoteAgent ??= share.remoteAgent();
          this.#featuresChange(true);
        } else if (!registered) this.#featuresChange(false);
        const destination = this.#pendingDestination;
        if (destination && state.status === 'ready') {
          this.#pendingDestination = undefined;
          this.dial(destination);
        }
      },
      replay: (name: SharedEventName, payload) => this.emit(name, payload as never),
      execute: (name, args) => runForwarded(this, name, args),
      snapshot: () => this.#state,
    });
    this.#tabs = share;
    this.#setStatus('connecting');
  }

  #startAgent(next: PhoneConfig): void {
    this.#awake?.();
    this.#awake = keepAwake();
    try {
      this.#agent = this.#createAgent(next, () => ({ audio: this.audio.microphoneConstraints(), video: false }));
    } catch (error) {
      this.#agent = undefined;
      const why = error instanceof Error ? error.message : String(error);
      const message = msg(str`The phone could not start: ${why}`);
      this.#update({ configError: message });
      this.#setStatus('disconnected', message);
      this.emit('error', { code: 'agent', message });
      return;
    }
    this.#wire(this.#agent);
    this.#setStatus('connecting');
    this.#agent.start();
  }

  /** Adds a feature that works through the agent while registered (see `SessionFeature`). */
  use(feature: SessionFeature): void {
    this.#features.push(feature);
    const agent = this.#agent ?? this.#remoteAgent;
    if (this.#featuresUp && agent && this.#config) feature.up({ agent, config: this.#config });
  }

  #featuresChange(up: boolean): void {
    if (!up && !this.#featuresUp) return;
    this.#featuresUp = up;
    const agent = this.#agent ?? this.#remoteAgent;
    for (const feature of this.#features) {
      try {
        if (up && agent && this.#config) feature.up({ agent, config: this.#config });
        else if (!up) feature.down();
      } catch (error) {
        console.warn('[phone] feature failed', error);
      }
    }
  }

  /** Changes call settings (DND, auto-answer, call waiting, DTMF mode…). */
  updateSettings(patch: Partial<CallSettings>): void {
    const before = this.#state.settings;
    const settings = { ...before, ...patch };
    this.#update({ settings });
    if (patch.dnd !== undefined && patch.dnd !== before.dnd) {
      const code = settings.dnd ? settings.dndOnCode : settings.dndOffCode;
      if (code) this.#featureCode(code);
    }
    this.#refreshSound();
  }

  /** Turns Do Not Disturb on or off (toggles without `on`). */
  setDnd(on = !this.#state.settings.dnd): void {
    this.updateSettings({ dnd: on });
  }

  /**
   * Calls a number, extension or SIP URI. Calls in progress are put on hold
   * first, as on a desk phone. Says why when the target is not dialable or the
   * phone is not ready (an `error` event says it too).
   */
  dial(target: string): DialResult {
    return this.#dial(target);
  }

  /**
   * Asked before every call the user or the page places: return the target
   * (possibly rewritten) to go ahead, or null to veto. `<phone-widget>` turns
   * it into its cancelable `phone-dial-request` event.
   */
  dialFilter: ((target: string) => string | null) | undefined;

  /** The number to fill in for quick redial: the most recent call's. */
  get redialNumber(): string | undefined {
    return this.#state.recent[0]?.number;
  }

  /** Answers the given ringing call, or the oldest one; a call in progress goes on hold. */
  answer(id?: string): void {
    const line = this.#line(id, (v) => v.direction === 'inbound' && v.state === 'ringing');
    if (!line || line.view.state !== 'ringing' || line.view.direction !== 'inbound') return;
    void askNotificationPermission();
    this.#holdOthers(line.call.id);
    this.#clearAutoAnswer(line);
    line.call.answer();
  }

  /** Ends the given call, or the newest one: hangs up, cancels or rejects. */
  hangup(id?: string): void {
    this.#line(id)?.call.hangup();
  }

  /** Rejects a ringing incoming call (480 Temporarily Unavailable by default). */
  reject(id?: string, code = this.#state.settings.rejectCode): void {
    this.#line(id, (v) => v.direction === 'inbound' && v.state === 'ringing')?.call.reject(code);
  }

  /** Silences our ringing for a call; it still rings on the user's other devices until the caller stops. */
  ignore(id?: string): void {
    const line = this.#line(id, (v) => v.direction === 'inbound' && v.state === 'ringing' && !v.silenced);
    if (line) this.#patchCall(line, { silenced: true });
  }

  /** Mutes or unmutes the microphone on a call (toggles without `muted`); in the conference, for every participant. */
  mute(id?: string, muted?: boolean): void {
    const line = this.#line(id, (v) => v.state === 'connected');
    if (!line) return;
    const next = muted ?? !line.view.muted;
    if (this.#conference.has(line.call.id)) return this.#conference.setMuted(next);
    line.call.setMuted(next);
    this.#patchCall(line, { muted: next });
  }

  /** Holds or resumes a call by re-INVITE (toggles without `held`). A refused hold never drops the call. */
  async hold(id?: string, held?: boolean): Promise<boolean> {
    const line = this.#line(id, (v) => v.state === 'connected' && !v.held) ?? this.#line(id, (v) => v.state === 'connected');
    if (!line || line.view.state !== 'connected' || line.view.holdPending) return false;
    const next = held ?? !line.view.held;
    if (next === line.view.held) return true;
    this.#patchCall(line, { holdPending: true });
    const result = await line.call.setHeld(next);
    if (!this.#lines.has(line.call.id)) return false;
    this.#patchCall(line, { holdPending: false, ...(result.ok ? { held: next } : {}) });
    if (!result.ok) {
      const code = result.code ? ` (${result.code})` : '';
      const text = next ? msg(str`Could not hold the call${code}. The call goes on.`) : msg(str`Could not resume the call${code}. The call goes on.`);
      this.#notify('error', text);
      this.emit('error', { code: 'hold', message: text });
    }
    return result.ok;
  }

  /**
   * Local conference: joins calls `ids` (by default every connected call) into
   * one, mixed in the browser; held calls are resumed first. With a conference
   * already going, the calls join it.
   */
  merge(ids?: readonly string[]): Promise<boolean> {
    const all = [...this.#lines.values()].filter((l) => l.view.state === 'connected' && !l.view.consultFor).map((l) => l.call.id);
    return this.#conference.merge(ids ?? all);
  }

  /** Ends the local conference: every participant is put on hold on their own call. */
  endConference(): Promise<void> {
    return this.#conference.end();
  }

  /** Mutes a conference participant for everyone (toggles without `muted`). */
  muteParticipant(id: string, muted?: boolean): void {
    this.#conference.setParticipantMuted(id, muted);
  }

  /**
   * Server conference room: sends call `id`'s other party into the configured
   * room (blind REFER) and, unless the user is there already, dials the room
   * so the user joins ("Conference", then "Add participant" for more calls).
   */
  sendToRoom(id?: string): Promise<boolean> {
    return this.#room.send(id);
  }

  /** Dials the configured conference room: the user joins or rejoins it ("Your conference"). */
  joinRoom(): DialResult {
    return this.#room.join();
  }

  /** Resumes call `id` and holds every other call in progress. */
  async swap(id: string): Promise<void> {
    this.#holdOthers(id);
    await this.hold(id, false);
  }

  /** Sends DTMF on a call (the connected one by default) and plays the key's tone locally. */
  sendDtmf(key: string, id?: string): void {
    if (!/^[0-9*#A-D]$/i.test(key)) return;
    const line = this.#line(id, (v) => v.state === 'connected' && !v.held) ?? this.#line(id, (v) => v.state === 'connected');
    if (!line || line.view.state !== 'connected') return;
    line.call.sendDtmf(key, this.#state.settings.dtmfMode);
    this.audio.tones.dtmf(key);
    this.#patchCall(line, { dtmf: (line.view.dtmf ?? '') + key });
  }

  /**
   * Blind transfer (REFER): the far end is sent to `target` and our call ends
   * when the transfer succeeds. `voicemail` sends it to the target's mailbox
   * through the configured prefix.
   */
  async transfer(id: string | undefined, target: string, kind: 'blind' | 'voicemail' = 'blind'): Promise<boolean> {
    const line = this.#line(id, (v) => v.state === 'connected');
    if (!line || !this.#config) return false;
    const prefix = kind === 'voicemail' ? this.#state.settings.voicemailPrefix : '';
    if (kind === 'voicemail' && !prefix) {
      this.#notify('error', msg('Voicemail transfer is not set up on this phone.'));
      return false;
    }
    const parsed = parseDialTarget(target, this.#config.domain);
    if (!parsed) return this.#transferFailed(line, `"${target}" is not a number or address that can be called.`);
    const uri = prefix ? `sip:${prefix}${parsed.user}@${this.#config.domain}` : parsed.uri;
    this.#patchCall(line, { transfer: { kind, target: parsed.display, state: 'referring' } });
    const result = await line.call.refer(uri);
    if (!this.#lines.has(line.call.id)) {
      if (result.ok) this.#notify('info', kind === 'voicemail' ? msg(str`Call transferred to the voicemail of ${parsed.display}`) : msg(str`Call transferred to ${parsed.display}`));
      return result.ok;
    }
    if (!result.ok) {
      this.#patchCall(line, { transfer: undefined });
      const why = describeEnd(result.reason, result.code, 'remote').text;
      return this.#transferFailed(line, msg(str`Transfer to ${parsed.display} failed: ${why}`));
    }
    line.endAs = { code: 'transferred', text: msg(str`Transferred to ${parsed.display}`), by: 'local' };
    line.quiet = true;
    this.#notify('info', kind === 'voicemail' ? msg(str`Call transferred to the voicemail of ${parsed.display}`) : msg(str`Call transferred to ${parsed.display}`));
    line.call.hangup();
    return true;
  }

  /**
   * Attended transfer, step 1: holds the call and calls `target` to consult.
   * If the target does not answer, the first call is resumed by itself.
   */
  async startAttendedTransfer(id: string | undefined, target: string): Promise<DialResult> {
    const line = this.#line(id, (v) => v.state === 'connected');
    if (!line) return { ok: false, message: msg('There is no call to transfer.') };
    if (!line.view.held) await this.hold(line.call.id, true);
    const consult = this.#dial(target, line.call.id);
    if (consult.ok) {
      this.#patchCall(line, { transfer: { kind: 'attended', target: this.#lines.get(consult.id)!.view.remote.number, state: 'consulting', consultId: consult.id } });
    } else {
      await this.hold(line.call.id, false);
    }
    return consult;
  }

  /** Attended transfer, step 2: joins the first caller and the consulted party (REFER with Replaces); we leave both calls. */
  async completeTransfer(id?: string): Promise<boolean> {
    const { original, consult } = this.#transferPair(id);
    if (!original || !consult || consult.view.state !== 'connected') return false;
    this.#patchCall(original, { transfer: { ...original.view.transfer!, state: 'referring' } });
    const result = await original.call.refer(consult.call.remoteTarget, consult.call);
    const label = consult.view.remote.name ?? consult.view.remote.number;
    if (!result.ok) {
      if (this.#lines.has(original.call.id)) this.#patchCall(original, { transfer: { ...original.view.transfer!, state: 'consulting' } });
      const why = describeEnd(result.reason, result.code, 'remote').text;
      this.#notify('error', msg(str`Transfer to ${label} failed: ${why}`));
      return false;
    }
    for (const l of [original, consult]) {
      l.endAs = { code: 'transferred', text: msg(str`Transferred to ${label}`), by: 'local' };
      l.quiet = true;
    }
    const first = original.view.remote.name ?? original.view.remote.number;
    this.#notify('info', msg(str`Transfer complete: ${first} is now with ${label}`));
    original.call.hangup();
    // The target ends our consult call itself when it takes over; make sure.
    setTimeout(() => consult.call.hangup(), 3000);
    return true;
  }

  /** Attended transfer: ends the consult call and resumes the first one. */
  cancelTransfer(id?: string): void {
    const { original, consult } = this.#transferPair(id);
    if (consult) consult.call.hangup();
    else if (original) {
      this.#patchCall(original, { transfer: undefined });
      void this.hold(original.call.id, false);
    }
  }

  /** Parks a call on a slot (or by the dynamic park code): a blind transfer, confirmed by a notice. */
  async park(id: string | undefined, slot?: string): Promise<boolean> {
    const target = slot ?? this.#state.settings.parkCode;
    if (!target) return false;
    const ok = await this.transfer(id, target, 'blind');
    if (ok) this.#notify('info', slot ? msg(str`Call parked on ${slot}`) : msg('Call parked'));
    return ok;
  }

  /**
   * "Record" / "Stop recording": server recording by its DTMF code, local
   * recording in the browser (a new numbered segment each time), or both,
   * as configured; the call shows the state.
   */
  toggleRecording(id?: string): void {
    const { recordCode: code, localRecording: local } = this.#state.settings;
    const line = this.#line(id, (v) => v.state === 'connected' && !v.held) ?? this.#line(id, (v) => v.state === 'connected');
    if ((!code && !local) || !line || line.view.state !== 'connected') return;
    const on = !(line.view.recording || this.#recording.isRecording(line.call.id));
    if (code && Boolean(line.view.recording) !== on) {
      for (const key of code) line.call.sendDtmf(key, this.#state.settings.dtmfMode);
      this.#patchCall(line, { recording: on });
    }
    if (local) void (on ? this.#recording.start(line.call.id) : this.#recording.stop(line.call.id));
  }

  /** The account's local call recordings, by history entry id (undefined before an account is set). */
  get recordings(): RecordingStore | undefined {
    return this.#recording.store;
  }

  /** Supervisor: listens in on an extension's calls (monitoring code + extension). */
  monitor(extension: string): DialResult {
    const m = this.#state.settings.monitor;
    if (!m) return this.#dialError(msg('Monitoring is not set up on this phone.'));
    const result = this.#dial(`${m.listenCode}${extension}`);
    if (result.ok) this.#patchCall(this.#lines.get(result.id)!, { monitor: 'listen' });
    return result;
  }

  /** In a monitoring call: whisper to the agent, barge in, or go back to listening only (DTMF codes). */
  setMonitorMode(mode: 'listen' | 'whisper' | 'barge', id?: string): void {
    const m = this.#state.settings.monitor;
    const line = this.#line(id, (v) => Boolean(v.monitor) && v.state === 'connected');
    if (!m || !line) return;
    const code = mode === 'whisper' ? m.whisper : mode === 'barge' ? m.barge : m.listenOnly;
    for (const key of code) line.call.sendDtmf(key, this.#state.settings.dtmfMode);
    this.#patchCall(line, { monitor: mode });
  }

  /** Headers of the INVITE of an incoming call, for screen pops (only the names asked for). */
  callHeaders(id: string, names: readonly string[]): Record<string, string> {
    const call = this.#lines.get(id)?.call;
    const out: Record<string, string> = {};
    if (!call) return out;
    for (const name of names) {
      const value = call.header(name);
      if (value !== undefined) out[name] = value;
    }
    return out;
  }

  /** Live media figures of a call (bytes, packets, jitter, RTT, codec). */
  stats(id?: string): Promise<CallStats | null> {
    return this.#line(id)?.call.stats() ?? Promise.resolve(null);
  }

  /** Removes the current notice. */
  dismissNotice(): void {
    this.#update({ notice: undefined });
  }

  /** Ends every call, unregisters and disconnects. The session can be configured again later. */
  stop(): void {
    this.#teardown();
    this.audio.stop();
    this.#config = undefined;
    this.#update({ account: undefined });
    this.#setStatus('idle');
  }

  /** The account's stored call history (undefined before an account is set): the history view reads it page by page. */
  get history(): HistoryReader | undefined {
    return this.#history;
  }

  /** How many calls the history keeps; lowering it deletes the oldest at once. */
  get historyLimit(): number {
    return this.#historyLimit;
  }
  set historyLimit(value: number) {
    if (!(value >= 1) || value === this.#historyLimit) return;
    this.#historyLimit = Math.floor(value);
    void this.#history?.prune(this.#historyLimit);
  }

  /** Deletes every stored call of this account (and the recent list made from them). */
  async clearHistory(): Promise<void> {
    this.#update({ recent: [] });
    await Promise.all([this.#history?.clear(), this.recordings?.clear()]);
  }

  /** Deletes one call from the history. */
  async forgetCall(record: Pick<CallHistoryRecord, 'id' | 'startedAt'>): Promise<void> {
    this.#update({ recent: this.#state.recent.filter((r) => r.id !== record.id) });
    await Promise.all([this.#history?.delete(record), this.recordings?.deleteForCall(record.id)]);
  }

  /** Logs out: stops, and deletes everything stored for this account (history, chat, contacts, settings, recordings). */
  async logout(): Promise<void> {
    const identity = this.#state.account?.identity;
    this.stop();
    this.#history = undefined;
    this.#update({ recent: [] });
    this.blf.contacts.open(undefined);
    // History, chat, contacts, settings and recordings of the account: all of it.
    if (identity) await wipeAccount(identity);
  }

  #openHistory(identity: string): void {
    let told = false;
    const history = new CallHistoryStore(identity, (problem) => {
      if (told) return;
      told = true;
      this.#notify('error', problem === 'full' ? msg('Storage is full: new calls are kept in this tab only.') : msg('This browser does not let the phone save its call history: it is kept in this tab only.'));
    });
    this.#history = history;
    void history.latest(MAX_RECENT).then((records) => {
      if (this.#history !== history) return;
      const known = new Set(this.#state.recent.map((r) => r.id));
      const loaded = records.filter((r) => !known.has(r.id) && !r.open).map(recentFrom);
      this.#update({ recent: [...this.#state.recent, ...loaded].sort((a, b) => b.startedAt - a.startedAt).slice(0, MAX_RECENT) });
      return history.prune(this.#historyLimit);
    });
  }

  /** Stops for good: also closes the audio contexts. */
  async dispose(): Promise<void> {
    this.stop();
    await this.audio.dispose();
  }

  #dial(requested: string, consultFor?: string): DialResult {
    const agent = this.#agent;
    if (!agent || !this.#config) return this.#dialError(msg('The phone is not set up yet.'));
    if (!this.#registered) return this.#dialError(msg('The phone is not connected yet.'));
    let target = requested;
    if (this.dialFilter) {
      const allowed = this.dialFilter(requested);
      if (allowed === null) return this.#dialError(msg(str`The call to ${requested} was stopped by the page.`));
      target = allowed;
    }
    const parsed = parseDialTarget(target, this.#config.domain);
    if (!parsed) return this.#dialError(`"${target}" is not a number or address that can be called.`);
    void askNotificationPermission();
    this.#holdOthers();
    let call: SipCall;
    try {
      call = agent.call(parsed.uri);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return this.#dialError(msg(str`The call could not start: ${why}`));
    }
    this.#addLine(call, {
      ...this.#newView(call, 'calling'),
      remote: { ...call.remote, number: parsed.display },
      ...(consultFor ? { consultFor } : {}),
    });
    return { ok: true, id: call.id };
  }

  #newView(call: SipCall, state: CallView['state']): CallView {
    return {
      id: call.id,
      direction: call.direction,
      remote: call.remote,
      state,
      startedAt: Date.now(),
      muted: false,
      held: false,
      remoteHeld: false,
    };
  }

  /** Dials a feature code without a line on screen (DND on/off on the server). */
  #featureCode(code: string): void {
    if (!this.#agent || !this.#config || !this.#registered) return;
    const parsed = parseDialTarget(code, this.#config.domain);
    if (!parsed) return;
    try {
      const call = this.#agent.call(parsed.uri);
      const end = setTimeout(() => call.hangup(), 8000);
      call.on('accepted', () => setTimeout(() => call.hangup(), 1500));
      call.on('ended', () => clearTimeout(end));
    } catch {
      // A feature code that cannot be dialled changes nothing locally.
    }
  }

  #holdOthers(exceptId?: string): void {
    for (const l of this.#lines.values()) {
      if (l.call.id !== exceptId && l.view.state === 'connected' && !l.view.held && !l.view.holdPending) void this.hold(l.call.id, true);
    }
  }

  #transferPair(id?: string): { original?: Line; consult?: Line } {
    const lines = [...this.#lines.values()];
    const line = id ? this.#lines.get(id) : lines.find((l) => l.view.transfer?.kind === 'attended' || l.view.consultFor);
    if (!line) return {};
    if (line.view.consultFor) return { original: this.#lines.get(line.view.consultFor), consult: line };
    const consultId = line.view.transfer?.consultId;
    return { original: line, ...(consultId && this.#lines.has(consultId) ? { consult: this.#lines.get(consultId) } : {}) };
  }

  #transferFailed(line: Line, message: string): false {
    this.#notify('error', message);
    this.emit('error', { code: 'transfer', message });
    if (line.view.held) void this.hold(line.call.id, false);
    return false;
  }

  #line(id?: string, match?: (view: CallView) => boolean): Line | undefined {
    if (id) return this.#lines.get(id);
    const lines = [...this.#lines.values()].filter((l) => !match || match(l.view));
    return match ? lines[0] : lines[lines.length - 1];
  }

  #dialError(message: string): DialResult {
    this.emit('error', { code: 'dial', message });
    return { ok: false, message };
  }

  #notify(kind: Notice['kind'], text: string): void {
    this.#update({ notice: { kind, text, id: ++this.#noticeId } });
  }

  #configFailed(error: ConfigError): void {
    this.#teardown();
    this.#config = undefined;
    this.#update({ configError: error.message, account: undefined });
    this.#setStatus('disconnected', error.message);
    this.emit('error', { code: error.code, message: error.message });
  }

  #wire(agent: SipAgent): void {
    let connected = false;
    agent.on('connected', () => {
      connected = true;
    });
    agent.on('connecting', () => {
      if (!this.#registered && this.#state.status !== 'disconnected') this.#setStatus('connecting');
    });
    agent.on('disconnected', () => {
      if (this.#stopped) return;
      this.#registered = false;
      // Once this agent has been connected, a drop is a lost connection until it is back.
      const reason = connected ? msg('Connection to the server lost, reconnecting…') : msg('Server unreachable, retrying…');
      this.#setStatus('disconnected', reason);
      this.#featuresChange(false);
    });
    agent.on('registered', () => {
      const again = this.#registered;
      this.#registered = true;
      this.#refreshStatus();
      // Registration refreshes also fire 'registered': features start only after a real (re-)registration.
      if (!again) this.#featuresChange(true);
      const destination = this.#pendingDestination;
      this.#pendingDestination = undefined;
      if (destination) this.dial(destination);
    });
    agent.on('unregistered', () => {
      this.#registered = false;
      this.#featuresChange(false);
      if (!this.#stopped) this.#setStatus('disconnected', msg('Not registered'));
    });
    agent.on('registrationFailed', ({ cause, code }) => {
      this.#registered = false;
      this.#featuresChange(false);
      const { text, final } = describeRegistrationFailure(cause, code);
      if (final) {
        // Retrying wrong credentials only locks the account on many servers.
        this.#stopped = true;
        agent.stop();
      }
      this.#setStatus('disconnected', text);
      this.emit('error', { code: 'registration', message: text });
    });
    agent.on('incoming', (call) => this.#incoming(call));
  }

  #incoming(call: SipCall): void {
    const settings = this.#state.settings;
    const view = this.#newView(call, 'ringing');
    if (settings.dnd) {
      // Logged as missed, never rung, never shown as ringing.
      this.#addLine(call, { ...view, silenced: true }, { endAs: { code: 'dnd', text: msg('Rejected: Do Not Disturb'), by: 'local' } });
      call.reject(settings.dndCode);
      return;
    }
    this.#addLine(call, view);
    const line = this.#lines.get(call.id)!;
    const label = call.remote.name ?? call.remote.number;
    line.closeNotification = notifyIncoming(msg('Incoming call'), call.remote.name ? `${call.remote.name} (${call.remote.number})` : call.remote.number, call.id, () => undefined);
    this.emit('incoming', line.view);
    const others = [...this.#lines.values()].some((l) => l !== line && l.view.state !== 'ended');
    const delay = settings.autoAnswer
      ? settings.autoAnswerDelay
      : settings.allowRemoteAutoAnswer && call.autoAnswerAfter !== undefined
        ? call.autoAnswerAfter
        : undefined;
    if (delay !== undefined && !others) {
      line.autoAnswerTimer = setTimeout(() => this.answer(call.id), delay * 1000);
      this.#notify('info', msg(str`Answering ${label} automatically`));
    }
  }

  #clearAutoAnswer(line: Line): void {
    clearTimeout(line.autoAnswerTimer);
    line.autoAnswerTimer = undefined;
  }

  #addLine(call: SipCall, view: CallView, init: Partial<Line> = {}): void {
    const line: Line = { call, view, audio: new RemoteAudio(), ...init };
    this.#lines.set(call.id, line);
    // Written now and completed at the end: a tab closed mid-call still leaves its call.
    void this.#history?.put(historyRecord(view));
    call.on('ringing', ({ earlyMedia }) => {
      if (line.view.state === 'calling' || line.view.state === 'ringing') this.#patchCall(line, { state: 'ringing', earlyMedia });
    });
    call.on('remoteStream', (stream) => {
      line.audio.play(stream, this.#speaker());
      this.#conference.remoteStream(call.id, stream);
    });
    call.on('remoteHold', ({ held }) => this.#patchCall(line, { remoteHeld: held }));
    call.on('accepted', () => {
      // The microphone is open now: device labels and permission can be read.
      void this.audio.refreshDevices();
      line.closeNotification?.();
      line.quality = new QualitySampler(
        () => line.call.stats(),
        (quality) => this.#lines.has(line.call.id) && this.#patchCall(line, { quality }),
      );
      line.quality.start();
      this.#patchCall(line, { state: 'connected', answeredAt: Date.now() });
      this.emit('call-start', line.view);
    });
    call.on('referred', ({ call: next }) => {
      // The far end transferred us: the new call takes this line's place once it is answered.
      this.#addLine(next, { ...this.#newView(next, 'calling') });
      next.on('accepted', () => {
        line.endAs = { code: 'transferred', text: msg(str`Transferred to ${next.remote.name ?? next.remote.number}`), by: 'remote' };
        line.quiet = true;
        line.call.hangup();
      });
    });
    call.on('replaced', ({ call: next }) => {
      // After an attended transfer elsewhere, another party takes over this call.
      line.endAs = { code: 'transferred', text: msg(str`Transferred to ${next.remote.name ?? next.remote.number}`), by: 'remote' };
      line.quiet = true;
      this.#addLine(next, { ...this.#newView(next, 'ringing'), direction: 'inbound' });
    });
    call.on('ended', ({ cause, code, by }) => this.#ended(line, describeEnd(cause, code, by)));
    this.#update({ calls: this.#callViews() });
    this.#refreshStatus();
    this.#refreshSound();
  }

  #ended(line: Line, described: CallEndCause): void {
    const id = line.call.id;
    line.audio.stop();
    line.closeNotification?.();
    this.#clearAutoAnswer(line);
    this.#lines.delete(id);
    this.#conference.left(id);
    this.#recording.ended(id);
    this.#waitingToneDone.delete(id);
    const endedAt = Date.now();
    const ended: CallView = { ...line.view, state: 'ended', endedAt, cause: line.endAs ?? described };
    const duration = ended.answeredAt ? Math.round((endedAt - ended.answeredAt) / 1000) : 0;
    const summary = line.quality?.stop();
    const record = { ...historyRecord(ended), ...(summary ? { quality: summary } : {}) };
    const recent: RecentCall = recentFrom(record);
    const history = this.#history;
    // The history keeps its size limit as calls come in, not only when it is opened.
    void history?.put(record).then(() => history.prune(this.#historyLimit));
    this.#update({
      calls: this.#callViews(),
      recent: [recent, ...this.#state.recent].slice(0, MAX_RECENT),
      ...(line.quiet ? {} : { lastEnded: ended }),
    });
    this.#afterEnd(line, ended);
    this.#refreshStatus();
    this.#refreshSound();
    this.emit('call-end', { ...ended, duration });
  }

  /** Consequences of a call ending for the others: a failed consult returns to the first caller. */
  #afterEnd(line: Line, ended: CallView): void {
    const originalId = line.view.consultFor;
    const original = originalId ? this.#lines.get(originalId) : undefined;
    if (original && !line.quiet) {
      this.#patchCall(original, { transfer: undefined });
      void this.hold(original.call.id, false);
      const label = original.view.remote.name ?? original.view.remote.number;
      this.#notify(
        ended.answeredAt ? 'info' : 'error',
        ended.answeredAt ? msg(str`Transfer cancelled. Back with ${label}.`) : msg(str`${ended.remote.number} did not answer: ${ended.cause!.text}. Back with ${label}.`),
      );
    }
    // An attended transfer whose first call ended: the consult goes on as a normal call.
    for (const l of this.#lines.values()) if (l.view.consultFor === line.call.id) this.#patchCall(l, { consultFor: undefined });
  }

  #patchCall(line: Line, patch: Partial<CallView>): void {
    line.view = { ...line.view, ...patch };
    for (const key of Object.keys(line.view) as Array<keyof CallView>) {
      if (line.view[key] === undefined) delete line.view[key];
    }
    this.#update({ calls: this.#callViews() });
    this.#refreshStatus();
    this.#refreshSound();
  }

  #callViews(): CallView[] {
    return [...this.#lines.values()].filter((l) => !(l.view.silenced && l.endAs?.code === 'dnd')).map((l) => l.view);
  }

  #refreshSound(): void {
    const calls = [...this.#lines.values()].map((l) => l.view);
    const cue = soundCue(calls, this.#state.settings, this.#waitingToneDone);
    if (cue === this.#cue) return;
    this.#cue = cue;
    const tones = this.audio.tones;
    tones.stop();
    if (cue === 'ringtone') tones.startRingtone(this.audio.state.ringtone);
    else if (cue === 'ringback') tones.startRingback();
    else if (cue === 'call-waiting') {
      tones.startCallWaiting();
      if (this.#state.settings.callWaiting === 'once') {
        for (const c of calls) if (c.direction === 'inbound' && c.state === 'ringing') this.#waitingToneDone.add(c.id);
        setTimeout(() => this.#refreshSound(), 1500);
      }
    }
  }

  #refreshStatus(): void {
    if (!this.#registered) return;
    const busy = [...this.#lines.values()].some(
      (l) => (l.view.direction === 'outbound' && l.view.state !== 'ended') || l.view.state === 'connected',
    );
    this.#setStatus(busy ? 'in-call' : 'ready');
  }

  #setStatus(status: PhoneStatus, reason?: string): void {
    if (this.#state.status === status && this.#state.reason === reason) return;
    const text = statusText(status);
    this.#update({ status, statusText: text, reason });
    this.emit('status', { status, text, ...(reason ? { reason } : {}) });
  }

  #update(patch: Partial<PhoneState>): void {
    const next = { ...this.#state, ...patch };
    for (const key of Object.keys(next) as Array<keyof PhoneState>) {
      if (next[key] === undefined) delete next[key];
    }
    this.#state = next;
    this.emit('change', next);
  }

  #teardown(): void {
    this.#conference.dispose();
    this.#recording.dispose();
    this.#featuresChange(false);
    this.#stopped = true;
    this.#registered = false;
    for (const line of this.#lines.values()) {
      line.quality?.stop();
      line.call.hangup();
      line.audio.stop();
      line.closeNotification?.();
      this.#clearAutoAnswer(line);
    }
    this.#lines.clear();
    this.#agent?.stop();
    this.#agent = undefined;
    this.#awake?.();
    this.#awake = undefined;
    this.#pendingDestination = undefined;
    this.#update({ calls: [] });
    this.#refreshSound();
    // After the calls are cleared, so that the other tabs see them go; then another tab is elected.
    this.#tabs?.close();
    this.#tabs = undefined;
    this.#remoteAgent = undefined;
  }
}
