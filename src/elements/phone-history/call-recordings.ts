import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { formatDuration } from '../../core/format.js';
import type { PhoneSession } from '../../core/phone-session.js';
import type { RecordingSegment } from '../../storage/recording-store.js';

/**
 * The recordings of the selected call in the history: its parts, each
 * playable and downloadable. Reads the parts when another call is selected
 * and when a part is saved; object URLs live only while shown.
 */
export class CallRecordings implements ReactiveController {
  #host: ReactiveControllerHost;
  #session: () => PhoneSession | undefined;
  #callId = '';
  #segments: RecordingSegment[] = [];
  /** Object URLs of the parts loaded for playing, by part number. */
  #urls = new Map<number, string>();
  #off: (() => void) | undefined;
  #generation = 0;

  constructor(host: ReactiveControllerHost, session: () => PhoneSession | undefined) {
    this.#host = host;
    this.#session = session;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.show('');
  }

  /** Shows the recordings of call `id` ('' for none). */
  show(id: string): void {
    if (id === this.#callId && (id || !this.#off)) return;
    this.#callId = id;
    this.#segments = [];
    this.#revoke();
    this.#off?.();
    this.#off = undefined;
    const session = this.#session();
    if (!id || !session) return;
    this.#off = session.on('recording-saved', (segment) => {
      if (segment.historyId === this.#callId) void this.#read();
    });
    void this.#read();
  }

  async #read(): Promise<void> {
    const generation = ++this.#generation;
    const segments = (await this.#session()?.recordings?.listSegments(this.#callId)) ?? [];
    if (generation !== this.#generation) return;
    this.#segments = segments;
    this.#host.requestUpdate();
  }

  async #load(segment: number): Promise<void> {
    const blob = await this.#session()?.recordings?.getSegmentBlob(this.#callId, segment);
    if (!blob) return;
    this.#urls.set(segment, URL.createObjectURL(blob));
    this.#host.requestUpdate();
  }

  #revoke(): void {
    for (const url of this.#urls.values()) URL.revokeObjectURL(url);
    this.#urls.clear();
  }

  render() {
    if (!this.#segments.length) return nothing;
    return html`<ul class="recordings" aria-label=${msg('Recordings')}>
      ${this.#segments.map((s) => {
        const label = msg(str`Recording ${s.segment}`);
        const url = this.#urls.get(s.segment);
        return html`<li>
          <span>${label} · ${formatDuration(s.duration)}</span>
          ${url
            ? html`<audio controls src=${url} aria-label=${label}></audio>
                <a href=${url} download=${`call-${this.#callId}-part-${s.segment}.webm`}>${msg('Download')}</a>`
            : html`<button type="button" aria-label=${msg(str`Play ${label}`)} @click=${() => void this.#load(s.segment)}>${msg('Play')}</button>`}
        </li>`;
      })}
    </ul>`;
  }
}
