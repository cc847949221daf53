/**
 * Plays one call's remote audio. The element is never attached to the page,
 * so the host page's DOM and CSS stay untouched; it is released with the call.
 */
export class RemoteAudio {
  #audio: HTMLAudioElement | undefined;

  play(stream: MediaStream): void {
    this.#audio ??= new Audio();
    this.#audio.autoplay = true;
    this.#audio.srcObject = stream;
    this.#audio.play().catch(() => {
      // Autoplay refused: media still flows; the next user gesture resumes it.
      const resume = () => this.#audio?.play().catch(() => undefined);
      addEventListener('pointerdown', resume, { once: true, capture: true });
      addEventListener('keydown', resume, { once: true, capture: true });
    });
  }

  stop(): void {
    if (!this.#audio) return;
    this.#audio.pause();
    this.#audio.srcObject = null;
    this.#audio = undefined;
  }
}
