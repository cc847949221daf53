import type { CallStats } from '../types.js';
import { assessQuality, summarize, type CallQuality, type QualitySummary } from './quality.js';

/**
 * Samples one call's media every second while it is connected: loss and
 * bitrate over the last second, RTT, jitter, codec, path; a quality verdict
 * for each sample, and the whole call's summary at the end.
 */
export class QualitySampler {
  #read: () => Promise<CallStats | null>;
  #onSample: (quality: CallQuality) => void;
  #timer: ReturnType<typeof setInterval> | undefined;
  #last: CallStats | undefined;
  #samples: CallQuality[] = [];

  constructor(read: () => Promise<CallStats | null>, onSample: (quality: CallQuality) => void) {
    this.#read = read;
    this.#onSample = onSample;
  }

  start(intervalMs = 1000): void {
    this.#timer ??= setInterval(() => void this.#sample(), intervalMs);
  }

  stop(): QualitySummary | undefined {
    clearInterval(this.#timer);
    this.#timer = undefined;
    return summarize(this.#samples);
  }

  async #sample(): Promise<void> {
    const now = await this.#read().catch(() => null);
    if (!now || !this.#timer) return;
    const last = this.#last;
    this.#last = now;
    if (!last) return;
    const received = now.packetsReceived - last.packetsReceived;
    const lost = Math.max(0, now.packetsLost - last.packetsLost);
    const quality = assessQuality({
      ...(now.roundTripTime !== undefined ? { rtt: now.roundTripTime * 1000 } : {}),
      ...(now.jitter !== undefined ? { jitter: now.jitter * 1000 } : {}),
      loss: received + lost > 0 ? (lost / (received + lost)) * 100 : 0,
      bitrate: Math.round(((now.bytesReceived - last.bytesReceived) * 8) / 1000),
      ...(now.codec ? { codec: now.codec } : {}),
      ...(now.path ? { path: now.path } : {}),
      ...(now.relayProtocol ? { relayProtocol: now.relayProtocol } : {}),
    });
    this.#samples.push(quality);
    if (this.#samples.length > 3600) this.#samples.shift();
    this.#onSample(quality);
  }
}
