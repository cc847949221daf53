/**
 * A microphone level for a settings screen: "is my microphone picking me up?"
 */

export interface LevelMeterOptions {
  /** Called about 20 times a second with the level, 0..1. */
  onLevel: (level: number) => void;
  /** Makes the AudioContext; tests inject one. */
  createContext?: () => AudioContext;
  /** Default `navigator.mediaDevices`. */
  mediaDevices?: Pick<MediaDevices, 'getUserMedia'>;
  /** Milliseconds between reports. Default 50 (20 Hz). */
  interval?: number;
}

/** What to measure: a stream the caller owns, or a microphone the meter opens (and closes) itself; '' = the default one. */
export type LevelSource = MediaStream | { deviceId: string };

/** The quietest level shown, in dBFS: a quiet room reads 0, speech a third to two thirds. */
const FLOOR_DB = -60;
/** How much of the last level remains after each report, so a short sound stays visible. */
const FALL = 0.8;
/** Events that can carry user activation (pointerup/click for touch). */
const GESTURES = ['pointerdown', 'pointerup', 'click', 'keydown'] as const;

/** 0..1 on a decibel scale from the RMS of samples: 0 at -60 dBFS and below, 1 at full scale. */
export function levelFromSamples(samples: Float32Array): number {
  let sum = 0;
  for (const v of samples) sum += v * v;
  const rms = Math.sqrt(sum / (samples.length || 1));
  if (rms <= 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db - FLOOR_DB) / -FLOOR_DB));
}

/**
 * Reports a microphone's level until `stop()`. A running context needs the
 * page to have had a user gesture; before one, the level reads 0 and the next
 * gesture starts the meter.
 */
export class LevelMeter {
  #options: LevelMeterOptions;
  #ctx: AudioContext | undefined;
  #ownStream: MediaStream | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #level = 0;
  #generation = 0;

  constructor(options: LevelMeterOptions) {
    this.#options = options;
  }

  /** The last level reported. */
  get level(): number {
    return this.#level;
  }

  /** True while measuring. */
  get running(): boolean {
    return this.#timer !== undefined;
  }

  /**
   * Starts measuring (stopping any previous source). Opening a microphone
   * may ask the user for permission; a refusal rejects with the
   * getUserMedia error (NotAllowedError) and leaves the meter stopped.
   */
  async start(source: LevelSource): Promise<void> {
    this.stop();
    const generation = this.#generation;
    let stream: MediaStream;
    if (source instanceof MediaStream) {
      stream = source;
    } else {
      const media = this.#options.mediaDevices ?? navigator.mediaDevices;
      const audio: MediaTrackConstraints | true = source.deviceId ? { deviceId: { exact: source.deviceId } } : true;
      stream = await media.getUserMedia({ audio, video: false });
      if (generation !== this.#generation) {
        // Stopped while the permission prompt was open.
        for (const track of stream.getTracks()) track.stop();
        return;
      }
      this.#ownStream = stream;
    }
    const ctx = (this.#options.createContext ?? (() => new AudioContext()))();
    this.#ctx = ctx;
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 1024;
    // An analyser with no outputs is still pulled: nothing reaches the speakers.
    ctx.createMediaStreamSource(stream).connect(analyser);
    const buf = new Float32Array(analyser.fftSize);
    this.#timer = setInterval(() => {
      analyser.getFloatTimeDomainData(buf);
      const now = ctx.state === 'running' ? levelFromSamples(buf) : 0;
      this.#level = Math.max(now, this.#level * FALL);
      if (this.#level < 0.005) this.#level = 0;
      this.#options.onLevel(this.#level);
    }, this.#options.interval ?? 50);
    if (ctx.state !== 'running') {
      ctx.resume().catch(() => undefined);
      for (const type of GESTURES) addEventListener(type, this.#resume, { capture: true });
    }
  }

  /** Stops measuring, stops the tracks it opened itself and closes its context. */
  stop(): void {
    this.#generation++;
    clearInterval(this.#timer);
    this.#timer = undefined;
    for (const type of GESTURES) removeEventListener(type, this.#resume, { capture: true });
    for (const track of this.#ownStream?.getTracks() ?? []) track.stop();
    this.#ownStream = undefined;
    if (this.#ctx && this.#ctx.state !== 'closed') this.#ctx.close().catch(() => undefined);
    this.#ctx = undefined;
    if (this.#level !== 0) {
      this.#level = 0;
      this.#options.onLevel(0);
    }
  }

  #resume = (): void => {
    this.#ctx?.resume().then(
      () => {
        if (this.#ctx?.state === 'running') {
          for (const type of GESTURES) removeEventListener(type, this.#resume, { capture: true });
        }
      },
      () => undefined,
    );
  };
}
