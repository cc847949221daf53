/**
 * Records one call in the browser: what we send (the microphone, or the
 * conference mix) and what we receive, mixed with Web Audio into one track,
 * encoded by MediaRecorder as Opus in WebM. One recorder is one segment.
 */

const TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus'];

export class CallRecorder {
  #ctx: AudioContext;
  #sources: MediaStreamAudioSourceNode[] = [];
  #out: MediaStreamAudioDestinationNode;
  #recorder: MediaRecorder;
  #chunks: Blob[] = [];
  #stopped: Promise<Blob> | undefined;
  /** When recording started (ms since epoch). */
  readonly startedAt = Date.now();

  /** Starts at once. Throws when the browser cannot record. */
  constructor(tracks: ReadonlyArray<MediaStreamTrack | undefined>) {
    this.#ctx = new AudioContext();
    this.#out = this.#ctx.createMediaStreamDestination();
    try {
      for (const track of tracks) {
        if (!track || track.readyState !== 'live') continue;
        const source = this.#ctx.createMediaStreamSource(new MediaStream([track]));
        source.connect(this.#out);
        this.#sources.push(source);
      }
      const mimeType = TYPES.find((t) => MediaRecorder.isTypeSupported(t));
      this.#recorder = new MediaRecorder(this.#out.stream, { ...(mimeType ? { mimeType } : {}), audioBitsPerSecond: 48000 });
      this.#recorder.addEventListener('dataavailable', (e) => {
        if (e.data.size) this.#chunks.push(e.data);
      });
      // Chunks every second: a long segment never waits in one buffer.
      this.#recorder.start(1000);
    } catch (error) {
      this.#release();
      throw error;
    }
    if (this.#ctx.state === 'suspended') void this.#ctx.resume().catch(() => undefined);
  }

  get mimeType(): string {
    return this.#recorder.mimeType || 'audio/webm';
  }

  /** Stops and gives the segment's audio. Calling it again gives the same audio. */
  stop(): Promise<Blob> {
    this.#stopped ??= new Promise<Blob>((resolve) => {
      const done = () => {
        this.#release();
        resolve(new Blob(this.#chunks, { type: this.mimeType }));
      };
      if (this.#recorder.state === 'inactive') return done();
      this.#recorder.addEventListener('stop', done, { once: true });
      this.#recorder.stop();
    });
    return this.#stopped;
  }

  #release(): void {
    for (const s of this.#sources) s.disconnect();
    this.#sources = [];
    for (const t of this.#out.stream.getTracks()) t.stop();
    void this.#ctx.close().catch(() => undefined);
  }
}
