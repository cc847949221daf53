/**
 * Plays one call's remote audio. The element is never attached to the page,
 * so the host page's DOM and CSS stay untouched; it is released with the call.
 */
export class RemoteAudio {
  #audio: HTMLAudioElement | undefined;
  #muted = false;

  /** Plays `stream` on the chosen speaker (`deviceId` '' = default) at `volume` (0–1). */
  play(stream: MediaStream, output: { deviceId: string; volume: number } = { deviceId: '', volume: 1 }): void {
    this.#audio ??= new Audio();
    this.#audio.autoplay = true;
    this.#audio.srcObject = stream;
    this.#audio.muted = this.#muted;
    this.#audio.volume = Math.min(1, Math.max(0, output.volume));
    const sink = this.#audio as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };
    if (output.deviceId && sink.setSinkId) void sink.setSinkId(output.deviceId).catch(() => undefined);
    this.#audio.play().catch(() => {
      // Autoplay refused: media still flows; the next user gesture resumes it.
      const resume = () => this.#audio?.play().catch(() => undefined);
      addEventListener('pointerdown', resume, { once: true, capture: true });
      addEventListener('keydown', resume, { once: true, capture: true });
    });
  }

  /** Moves the call audio to another speaker or volume while it plays. */
  setOutput(output: { deviceId: string; volume: number }): void {
    const audio = this.#audio as (HTMLAudioElement & { setSinkId?: (id: string) => Promise<void>; sinkId?: string }) | undefined;
    if (!audio) return;
    audio.volume = Math.min(1, Math.max(0, output.volume));
    if (audio.setSinkId && audio.sinkId !== output.deviceId) void audio.setSinkId(output.deviceId).catch(() => undefined);
  }

  /** Silences this call's audio for the user (a participant muted in a conference), or brings it back. */
  setMuted(muted: boolean): void {
    this.#muted = muted;
    if (this.#audio) this.#audio.muted = muted;
  }

  stop(): void {
    if (!this.#audio) return;
    this.#audio.pause();
    this.#audio.srcObject = null;
    this.#audio = undefined;
  }
}
