/**
 * The Web Audio graph of a local conference: one mix per participant, made of
 * the user's microphone and every *other* participant (never their own
 * voice back), each mix a track that replaces what that call sends.
 *
 * ```
 * mic ─ micGain ─┬──────────────► mix(A) ─► track sent to A
 *                ├──────────────► mix(B) ─► track sent to B
 * A ── gain(A) ──┼─ (not to A) ─► mix(B), mix(C)…
 * B ── gain(B) ──┘                mix(A), mix(C)…
 * ```
 *
 * The user hears everyone through each call's own playback, not through this
 * graph. `close()` disconnects every node, stops the mix tracks and the
 * microphone copy, and closes the AudioContext.
 */

interface Participant {
  /** The participant's voice into the other mixes (0 when muted). */
  gain: GainNode;
  source?: MediaStreamAudioSourceNode;
  stream?: MediaStream;
  /** What this participant hears. */
  mix: MediaStreamAudioDestinationNode;
}

export class ConferenceMixer {
  #ctx: AudioContext;
  #mic: GainNode;
  #micSource: MediaStreamAudioSourceNode | undefined;
  #micTrack: MediaStreamTrack | undefined;
  #people = new Map<string, Participant>();
  #closed = false;

  /** @param mic the microphone; the mixer keeps its own copy of the track, stopped at `close()`. */
  constructor(mic?: MediaStreamTrack) {
    this.#ctx = new AudioContext({ latencyHint: 'interactive' });
    this.#mic = this.#ctx.createGain();
    if (mic) this.setMicrophone(mic);
    if (this.#ctx.state === 'suspended') void this.#ctx.resume().catch(() => undefined);
  }

  /** Uses `mic` as the microphone from now on (a copy of it). */
  setMicrophone(mic: MediaStreamTrack): void {
    this.#micSource?.disconnect();
    this.#micTrack?.stop();
    const copy = mic.clone();
    copy.enabled = true;
    this.#micTrack = copy;
    this.#micSource = this.#ctx.createMediaStreamSource(new MediaStream([copy]));
    this.#micSource.connect(this.#mic);
  }

  get hasMicrophone(): boolean {
    return Boolean(this.#micTrack);
  }

  /** Adds a participant; returns the track to send them (everyone but themselves). */
  add(id: string, remote?: MediaStream): MediaStreamTrack {
    const existing = this.#people.get(id);
    if (existing) return existing.mix.stream.getAudioTracks()[0]!;
    const p: Participant = { gain: this.#ctx.createGain(), mix: this.#ctx.createMediaStreamDestination() };
    this.#mic.connect(p.mix);
    for (const other of this.#people.values()) {
      other.gain.connect(p.mix);
      p.gain.connect(other.mix);
    }
    this.#people.set(id, p);
    if (remote) this.setRemote(id, remote);
    return p.mix.stream.getAudioTracks()[0]!;
  }

  /** The participant's audio arrived (or changed). */
  setRemote(id: string, remote: MediaStream): void {
    const p = this.#people.get(id);
    if (!p || p.stream === remote || !remote.getAudioTracks().length) return;
    p.source?.disconnect();
    p.stream = remote;
    p.source = this.#ctx.createMediaStreamSource(remote);
    p.source.connect(p.gain);
  }

  /** Removes a participant: nobody hears them any more and their mix stops. */
  remove(id: string): void {
    const p = this.#people.get(id);
    if (!p) return;
    this.#people.delete(id);
    p.source?.disconnect();
    p.gain.disconnect();
    try {
      this.#mic.disconnect(p.mix);
    } catch {
      // Not connected.
    }
    for (const t of p.mix.stream.getTracks()) t.stop();
  }

  /** The user's own mute: the microphone leaves every mix. */
  setMicMuted(muted: boolean): void {
    this.#mic.gain.value = muted ? 0 : 1;
  }

  /** A participant's mute: the others stop hearing them. */
  setMuted(id: string, muted: boolean): void {
    const p = this.#people.get(id);
    if (p) p.gain.gain.value = muted ? 0 : 1;
  }

  get size(): number {
    return this.#people.size;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const id of [...this.#people.keys()]) this.remove(id);
    this.#micSource?.disconnect();
    this.#mic.disconnect();
    this.#micTrack?.stop();
    this.#micTrack = undefined;
    await this.#ctx.close().catch(() => undefined);
  }
}
