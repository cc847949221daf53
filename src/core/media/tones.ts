/**
 * Every sound the phone makes by itself, synthesised with Web Audio: ringtones,
 * the call-waiting beep, ringback and DTMF key tones. No audio files.
 *
 * Two outputs, each with its own AudioContext so they can play on different
 * devices: the *ringer* (ringtones, call waiting) and the *speaker* (ringback,
 * DTMF). Contexts are created on first use, never at page load.
 *
 * Autoplay: a context created before the page has had a user gesture starts
 * suspended. The player then reports `locked` (and emits `lock`) so the UI can
 * ask for a click, listens for the next gesture itself, and a ring started
 * while locked sounds as soon as the context is allowed to run.
 */
import { msg } from '@lit/localize';
import { Emitter } from '../emitter.js';

/** The generated ringtones. */
export type RingtoneId = 'classic' | 'double' | 'digital' | 'soft' | 'pulse';

/** The ringtones, in the order a settings list shows them. */
export const RINGTONES: ReadonlyArray<{ id: RingtoneId; label: string }> = [
  // Getters: the name comes out in the language active when it is shown.
  { id: 'classic', get label() { return msg('Classic'); } },
  { id: 'double', get label() { return msg('Double ring'); } },
  { id: 'digital', get label() { return msg('Digital'); } },
  { id: 'soft', get label() { return msg('Soft chime'); } },
  { id: 'pulse', get label() { return msg('Pulse'); } },
];

/** True for the id of a ringtone in `RINGTONES`. */
export function isRingtoneId(value: unknown): value is RingtoneId {
  return RINGTONES.some((r) => r.id === value);
}

/** Which of the player's two outputs. */
export type ToneOutput = 'ringer' | 'speaker';

/** The repeating pattern that is playing. */
export type PlayingTone = 'ringtone' | 'call-waiting' | 'ringback';

/** Ringback cadence: North American (440+480 Hz, 2 s on, 4 s off) or European (425 Hz, 1 s on, 4 s off). */
export type RingbackRegion = 'us' | 'eu';

export interface TonePlayerEvents {
  /** Sound is blocked until a user gesture (`locked: true`), or no longer (`false`). */
  lock: { locked: boolean };
  /** What plays changed. */
  change: { playing: PlayingTone | null; previewing: RingtoneId | null };
}

export interface TonePlayerOptions {
  /** Makes an AudioContext; tests inject one. Default: `new AudioContext({ latencyHint: 'playback' })`. */
  createContext?: () => AudioContext;
  /** Ringback cadence. Default `'us'`. */
  ringbackRegion?: RingbackRegion;
  /** Where the call-waiting beep plays. Default `'ringer'`. */
  callWaitingOutput?: ToneOutput;
  /** The event target whose gestures unlock sound. Default `window`. */
  gestureTarget?: EventTarget;
}

/** One tone of a pattern: `freqs` sound together from `at` for `dur` seconds. */
interface Note {
  at: number;
  dur: number;
  freqs: readonly number[];
  /** Relative loudness, 0..1. */
  gain?: number;
  wave?: OscillatorType;
  /** Alternates the (single) frequency with this one, `rate` times a second: the warble of an electronic ringer. */
  trill?: { alt: number; rate: number };
  /** A struck-bell envelope: falls off over the note instead of holding. */
  bell?: boolean;
}

/** A cycle of notes repeated every `period` seconds, at `level` of the output's volume. */
interface Pattern {
  notes: readonly Note[];
  period: number;
  level: number;
}

const beeps = (start: number, count: number, on: number, off: number, note: Omit<Note, 'at' | 'dur'>): Note[] =>
  Array.from({ length: count }, (_, i) => ({ ...note, at: start + i * (on + off), dur: on }));

const RINGTONE_PATTERNS: Record<RingtoneId, Pattern> = {
  // An electronic desk-phone ring: two tones warbling, 2 s on, 4 s off.
  classic: { period: 6, level: 0.45, notes: [{ at: 0, dur: 2, freqs: [1000], trill: { alt: 1250, rate: 25 }, wave: 'triangle' }] },
  // The British double ring: 400+450 Hz, 0.4 on 0.2 off 0.4 on, 2 s off.
  double: { period: 3, level: 0.5, notes: [0, 0.6].map((at) => ({ at, dur: 0.4, freqs: [400, 450] })) },
  // Two bursts of four short square beeps.
  digital: {
    period: 3,
    level: 0.22,
    notes: [...beeps(0, 4, 0.07, 0.05, { freqs: [1400], wave: 'square' }), ...beeps(0.65, 4, 0.07, 0.05, { freqs: [1400], wave: 'square' })],
  },
  // A three-note door chime, E5 C5 G4, each note a decaying bell.
  soft: {
    period: 4,
    level: 0.55,
    notes: [659.25, 523.25, 392].map((f, i) => ({ at: i * 0.42, dur: 1.3, freqs: [f, f * 2], bell: true, gain: 1 - i * 0.1 })),
  },
  // Five soft pulses, rising a little, then a pause.
  pulse: {
    period: 2.6,
    level: 0.45,
    notes: [784, 784, 880, 880, 988].map((f, i) => ({ at: i * 0.2, dur: 0.12, freqs: [f] })),
  },
};

const CALL_WAITING: Pattern = { period: 4, level: 0.18, notes: beeps(0, 2, 0.2, 0.15, { freqs: [440] }) };

const RINGBACK: Record<RingbackRegion, Pattern> = {
  us: { period: 6, level: 0.2, notes: [{ at: 0, dur: 2, freqs: [440, 480] }] },
  eu: { period: 5, level: 0.2, notes: [{ at: 0, dur: 1, freqs: [425] }] },
};

/** DTMF: the low (row) and high (column) frequency of each key. */
const DTMF: Record<string, [number, number]> = {
  '1': [697, 1209], '2': [697, 1336], '3': [697, 1477], A: [697, 1633],
  '4': [770, 1209], '5': [770, 1336], '6': [770, 1477], B: [770, 1633],
  '7': [852, 1209], '8': [852, 1336], '9': [852, 1477], C: [852, 1633],
  '*': [941, 1209], '0': [941, 1336], '#': [941, 1477], D: [941, 1633],
};
const DTMF_SECONDS = 0.12;
const DTMF_LEVEL = 0.2;

/** Cycles are scheduled this far ahead, so a throttled background tab keeps ringing evenly. */
const LOOKAHEAD_S = 8;
const PUMP_MS = 250;
/** A fresh context may take a moment to start even when allowed: wait this long before reporting a lock. */
const LOCK_GRACE_MS = 250;
/** Events that can carry user activation (pointerdown for mice, pointerup/click for touch). */
const GESTURES = ['pointerdown', 'pointerup', 'click', 'keydown'] as const;

/** AudioContext.setSinkId (Chromium 110+), absent from TypeScript's DOM types. */
type SinkableContext = AudioContext & { setSinkId?: (id: string) => Promise<void> };

type Route = 'context' | 'element' | 'none';

/** How an output device can be chosen in this browser: on the AudioContext, through an `<audio>` element, or not at all. */
export function outputRoute(): Route {
  if (typeof AudioContext !== 'undefined' && 'setSinkId' in AudioContext.prototype) return 'context';
  if (typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype) return 'element';
  return 'none';
}

/** True when this browser lets a page choose the output device (speaker, ringer). */
export function canChooseOutput(): boolean {
  return outputRoute() !== 'none';
}

interface Output {
  name: ToneOutput;
  ctx?: AudioContext;
  route: Route;
  master?: GainNode;
  tap?: AnalyserNode;
  element?: HTMLAudioElement;
  sinkId: string;
  volume: number;
}

interface Run {
  kind: PlayingTone | 'preview';
  ringtone?: RingtoneId;
  output: Output;
  pattern: Pattern;
  bus: GainNode;
  next: number;
  cyclesLeft: number;
  end: number;
  sources: Set<OscillatorNode>;
}

/** Slider position → gain: a square law, so half-way sounds about half as loud. */
const curve = (v: number) => v * v;
const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 1);

/** Generates and plays the phone's tones. One per phone; `dispose()` when done. */
export class TonePlayer extends Emitter<TonePlayerEvents> {
  /** The ringtone `startRingtone()` plays when given none. */
  ringtone: RingtoneId = 'classic';
  /** Ringback cadence. */
  ringbackRegion: RingbackRegion;

  #createContext: () => AudioContext;
  #callWaitingOutput: ToneOutput;
  #gestureTarget: EventTarget | undefined;
  #outputs: Record<ToneOutput, Output>;
  #run: Run | undefined;
  #pump: ReturnType<typeof setInterval> | undefined;
  #oneShots = new Set<AudioNode>();
  #locked = false;
  #lockTimer: ReturnType<typeof setTimeout> | undefined;
  #armed = false;
  #disposed = false;

  constructor(options: TonePlayerOptions = {}) {
    super();
    this.#createContext = options.createContext ?? (() => new AudioContext({ latencyHint: 'playback' }));
    this.ringbackRegion = options.ringbackRegion ?? 'us';
    this.#callWaitingOutput = options.callWaitingOutput ?? 'ringer';
    this.#gestureTarget = options.gestureTarget ?? (typeof window === 'undefined' ? undefined : window);
    const route = outputRoute();
    this.#outputs = {
      ringer: { name: 'ringer', route, sinkId: '', volume: 0.8 },
      speaker: { name: 'speaker', route, sinkId: '', volume: 1 },
    };
  }

  /** The repeating tone that is playing, if any (a preview is not one). */
  get playing(): PlayingTone | null {
    return this.#run && this.#run.kind !== 'preview' ? this.#run.kind : null;
  }

  /** The ringtone being previewed, if any. */
  get previewing(): RingtoneId | null {
    return this.#run?.kind === 'preview' ? (this.#run.ringtone ?? null) : null;
  }

  /** True while a tone should be sounding but the browser holds audio until a user gesture. */
  get locked(): boolean {
    return this.#locked;
  }

  /**
   * Rings on the ringer until `stop()`, with `id`, or with `ringtone` when
   * `id` is missing or unknown (a saved id from an older version, say).
   */
  startRingtone(id: RingtoneId | (string & {}) = this.ringtone): void {
    this.#start('ringtone', 'ringer', RINGTONE_PATTERNS[isRingtoneId(id) ? id : this.ringtone] ?? RINGTONE_PATTERNS.classic);
  }

  /** The call-waiting beep (a quiet double beep every 4 s), until `stop()`. */
  startCallWaiting(): void {
    this.#start('call-waiting', this.#callWaitingOutput, CALL_WAITING);
  }

  /** The ringback tone a caller hears while the other side rings, on the speaker, until `stop()`. */
  startRingback(): void {
    this.#start('ringback', 'speaker', RINGBACK[this.ringbackRegion] ?? RINGBACK.us);
  }

  /**
   * Plays one cycle of a ringtone on the ringer, for a settings screen. Does
   * nothing (returns false) while a real tone plays: a preview never hides a call.
   */
  preview(id: RingtoneId): boolean {
    if (this.playing) return false;
    this.#start('preview', 'ringer', RINGTONE_PATTERNS[isRingtoneId(id) ? id : 'classic'], id);
    return this.#run?.kind === 'preview';
  }

  /** Stops the ringtone, call waiting, ringback or preview at once. */
  stop(): void {
    if (!this.#halt()) return;
    this.#emitChange();
    this.#refreshLock();
  }

  /** Silences the current run; true if there was one. */
  #halt(): boolean {
    const run = this.#run;
    if (!run) return false;
    this.#run = undefined;
    clearInterval(this.#pump);
    this.#pump = undefined;
    const ctx = run.output.ctx!;
    const now = ctx.currentTime;
    // A 15 ms fade: silent at once, without a click.
    run.bus.gain.cancelScheduledValues(now);
    run.bus.gain.setValueAtTime(run.bus.gain.value, now);
    run.bus.gain.linearRampToValueAtTime(0, now + 0.015);
    for (const osc of run.sources) {
      try {
        osc.stop(now + 0.02);
      } catch {
        // Already stopped.
      }
    }
    setTimeout(() => run.bus.disconnect(), 60);
    return true;
  }

  /**
   * A short (120 ms) DTMF tone on the speaker for 0-9, *, # (and A-D).
   * Returns false for any other key. A tone that could not play within
   * 300 ms (sound locked) is dropped rather than played late.
   */
  dtmf(key: string): boolean {
    const pair = DTMF[key.toUpperCase()];
    if (!pair || this.#disposed) return false;
    const out = this.#ensure('speaker');
    this.#resume(out);
    const ctx = out.ctx!;
    const gain = ctx.createGain();
    gain.gain.value = DTMF_LEVEL;
    gain.connect(out.master!);
    this.#oneShots.add(gain);
    const t = ctx.currentTime + 0.01;
    this.#schedule(ctx, gain, { at: 0, dur: DTMF_SECONDS, freqs: pair }, t, undefined);
    setTimeout(() => {
      gain.disconnect();
      this.#oneShots.delete(gain);
    }, 300);
    return true;
  }

  /** Chooses the ringer's output device ('' = system default). Never throws; ignored where unsupported. */
  setRingerDevice(deviceId: string): void {
    this.#setSink(this.#outputs.ringer, deviceId);
  }

  /** Chooses the speaker's output device ('' = system default). Never throws; ignored where unsupported. */
  setSpeakerDevice(deviceId: string): void {
    this.#setSink(this.#outputs.speaker, deviceId);
  }

  /** Ringer volume, 0..1 (ringtones, call waiting, previews). */
  setRingVolume(volume: number): void {
    this.#setVolume(this.#outputs.ringer, volume);
  }

  /** Volume of the tones on the speaker, 0..1 (ringback, DTMF). */
  setSpeakerVolume(volume: number): void {
    this.#setVolume(this.#outputs.speaker, volume);
  }

  /** Resumes suspended audio. Call it from a user gesture (a click on a "Click to enable sound" cue). */
  unlock(): void {
    for (const out of Object.values(this.#outputs)) this.#resume(out);
  }

  /**
   * The RMS level (0 = silence, about 0.7 for a full-scale sine) of what an
   * output is playing now, measured after its volume. 0 before the output is
   * first used. For tests and meters.
   */
  outputLevel(output: ToneOutput): number {
    const tap = this.#outputs[output]?.tap;
    if (!tap) return 0;
    const buf = new Float32Array(tap.fftSize);
    tap.getFloatTimeDomainData(buf);
    let sum = 0;
    for (const v of buf) sum += v * v;
    return Math.sqrt(sum / buf.length);
  }

  /** Stops everything and closes both contexts; the player is unusable afterwards. */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.stop();
    this.#disposed = true;
    clearTimeout(this.#lockTimer);
    this.#disarm();
    for (const node of this.#oneShots) node.disconnect();
    this.#oneShots.clear();
    const closing: Promise<void>[] = [];
    for (const out of Object.values(this.#outputs)) {
      if (out.element) {
        out.element.pause();
        out.element.srcObject = null;
        out.element = undefined;
      }
      if (out.ctx && out.ctx.state !== 'closed') closing.push(out.ctx.close().catch(() => undefined));
    }
    this.#setLocked(false);
    this.removeAllListeners();
    await Promise.all(closing);
  }

  // ── internals ──────────────────────────────────────────────────────────

  #start(kind: Run['kind'], name: ToneOutput, pattern: Pattern, ringtone?: RingtoneId): void {
    if (this.#disposed) return;
    this.#halt();
    const output = this.#ensure(name);
    const ctx = output.ctx!;
    const bus = ctx.createGain();
    bus.gain.value = pattern.level;
    bus.connect(output.master!);
    const start = ctx.currentTime + 0.03;
    this.#run = {
      kind,
      ringtone,
      output,
      pattern,
      bus,
      next: start,
      cyclesLeft: kind === 'preview' ? 1 : Infinity,
      end: kind === 'preview' ? start + Math.max(...pattern.notes.map((n) => n.at + n.dur)) : Infinity,
      sources: new Set(),
    };
    this.#pumpRun();
    this.#pump = setInterval(() => this.#pumpRun(), PUMP_MS);
    this.#resume(output);
    this.#emitChange();
    this.#refreshLock();
  }

  /** Schedules the cycles that start within the lookahead; ends a finished preview. */
  #pumpRun(): void {
    const run = this.#run;
    if (!run) return;
    const ctx = run.output.ctx!;
    if (ctx.currentTime >= run.end) {
      this.stop();
      return;
    }
    while (run.cyclesLeft > 0 && run.next < ctx.currentTime + LOOKAHEAD_S) {
      for (const note of run.pattern.notes) this.#schedule(ctx, run.bus, note, run.next + note.at, run.sources);
      run.next += run.pattern.period;
      run.cyclesLeft--;
    }
  }

  #schedule(ctx: AudioContext, into: AudioNode, note: Note, t: number, sources: Set<OscillatorNode> | undefined): void {
    const env = ctx.createGain();
    const peak = (note.gain ?? 1) / note.freqs.length;
    const end = t + note.dur;
    env.gain.setValueAtTime(0, t);
    if (note.bell) {
      env.gain.linearRampToValueAtTime(peak, t + 0.005);
      env.gain.setTargetAtTime(0, t + 0.005, note.dur / 5);
    } else {
      const ramp = Math.min(0.008, note.dur / 4);
      env.gain.linearRampToValueAtTime(peak, t + ramp);
      env.gain.setValueAtTime(peak, end - ramp);
      env.gain.linearRampToValueAtTime(0, end);
    }
    env.connect(into);
    let pending = note.freqs.length;
    for (const freq of note.freqs) {
      const osc = ctx.createOscillator();
      osc.type = note.wave ?? 'sine';
      osc.frequency.setValueAtTime(freq, t);
      if (note.trill) {
        const step = 1 / note.trill.rate;
        for (let i = 1, s = t + step; s < end; i++, s += step) osc.frequency.setValueAtTime(i % 2 ? note.trill.alt : freq, s);
      }
      osc.connect(env);
      osc.start(t);
      osc.stop(end + 0.01);
      sources?.add(osc);
      osc.onended = () => {
        sources?.delete(osc);
        osc.disconnect();
        if (--pending === 0) env.disconnect();
      };
    }
  }

  /** The output's context and nodes, created on first use: gain (volume) → analyser tap → device. */
  #ensure(name: ToneOutput): Output {
    const out = this.#outputs[name];
    if (out.ctx && out.ctx.state !== 'closed') return out;
    const ctx = this.#createContext();
    out.ctx = ctx;
    out.master = ctx.createGain();
    out.master.gain.value = curve(out.volume);
    out.tap = ctx.createAnalyser();
    out.tap.fftSize = 2048;
    out.master.connect(out.tap);
    if (out.route === 'element') {
      // No AudioContext.setSinkId: play the context through an <audio> element, which has one.
      const dest = ctx.createMediaStreamDestination();
      out.tap.connect(dest);
      out.element = new Audio();
      out.element.srcObject = dest.stream;
    } else {
      out.tap.connect(ctx.destination);
    }
    ctx.addEventListener('statechange', () => this.#refreshLock());
    if (out.sinkId) this.#applySink(out);
    return out;
  }

  #resume(out: Output): void {
    const ctx = out.ctx;
    if (!ctx || ctx.state === 'closed') return;
    if (ctx.state !== 'running') ctx.resume().then(() => this.#refreshLock(), () => undefined);
    if (out.element?.paused) out.element.play().then(() => this.#refreshLock(), () => undefined);
  }

  #setSink(out: Output, deviceId: string): void {
    const id = typeof deviceId === 'string' ? deviceId : '';
    if (id === out.sinkId) return;
    out.sinkId = id;
    if (out.ctx) this.#applySink(out);
  }

  #applySink(out: Output): void {
    const id = out.sinkId;
    const fallBack = () => {
      // The device is gone or not allowed: play on the default one rather than nowhere.
      if (id && out.sinkId === id) void set('').catch(() => undefined);
    };
    const set = (sink: string): Promise<void> => {
      try {
        if (out.route === 'context') {
          const ctx = out.ctx as SinkableContext;
          if (ctx.state === 'closed' || !ctx.setSinkId) return Promise.resolve();
          return ctx.setSinkId(sink);
        }
        if (out.route === 'element' && out.element) return out.element.setSinkId(sink);
      } catch (error) {
        return Promise.reject(error);
      }
      return Promise.resolve();
    };
    set(id).catch(fallBack);
  }

  #setVolume(out: Output, volume: number): void {
    const v = clamp01(volume);
    if (v === out.volume) return;
    out.volume = v;
    const master = out.master;
    if (!master) return;
    const ctx = out.ctx!;
    master.gain.setTargetAtTime(curve(out.volume), ctx.currentTime, 0.02);
  }

  /** Locked = the running tone's output is held suspended (after a short grace for a context that is just starting). */
  #refreshLock(): void {
    if (this.#disposed) return;
    const out = this.#run?.output;
    const held = !!out?.ctx && (out.ctx.state === 'suspended' || out.ctx.state === ('interrupted' as AudioContextState) || !!out.element?.paused);
    if (!held) {
      clearTimeout(this.#lockTimer);
      this.#lockTimer = undefined;
      this.#disarm();
      this.#setLocked(false);
      return;
    }
    this.#arm();
    if (this.#locked || this.#lockTimer) return;
    this.#lockTimer = setTimeout(() => {
      this.#lockTimer = undefined;
      const o = this.#run?.output;
      if (o?.ctx && o.ctx.state !== 'running' && o.ctx.state !== 'closed') this.#setLocked(true);
      else if (o?.element?.paused) this.#setLocked(true);
    }, LOCK_GRACE_MS);
  }

  #setLocked(locked: boolean): void {
    if (locked === this.#locked) return;
    this.#locked = locked;
    this.emit('lock', { locked });
  }

  #onGesture = (): void => this.unlock();

  /** Listens (capture phase, so nothing on the page can swallow it) for the gesture that unlocks sound. */
  #arm(): void {
    if (this.#armed || !this.#gestureTarget) return;
    this.#armed = true;
    for (const type of GESTURES) this.#gestureTarget.addEventListener(type, this.#onGesture, { capture: true });
  }

  #disarm(): void {
    if (!this.#armed || !this.#gestureTarget) return;
    this.#armed = false;
    for (const type of GESTURES) this.#gestureTarget.removeEventListener(type, this.#onGesture, { capture: true });
  }

  #emitChange(): void {
    this.emit('change', { playing: this.playing, previewing: this.previewing });
  }
}
