/**
 * A local conference, as a desk phone makes one with any PBX: the user's
 * calls are joined in the browser (`ConferenceMixer`), each remote party
 * hearing the user and every other party. The session owns one; it keeps the
 * calls themselves (hold, hang up) and tells this object when one ends.
 */
import { msg, str } from '@lit/localize';
import type { SipCall } from './sip/agent.js';
import type { CallView, ConferenceView } from './types.js';
import { ConferenceMixer } from './media/conference-mixer.js';

/** What the conference needs from the session. */
export interface ConferenceHost {
  /** The live call with this id. */
  call(id: string): SipCall | undefined;
  view(id: string): CallView | undefined;
  /** Holds or resumes by re-INVITE; false when refused. */
  hold(id: string, held: boolean): Promise<boolean>;
  /** Changes a call's view (its `muted`). */
  patch(id: string, patch: Partial<CallView>): void;
  /** Silences (or not) the user's playback of one call. */
  silence(id: string, silenced: boolean): void;
  /** The conference changed; undefined when there is none any more. */
  changed(view: ConferenceView | undefined): void;
  notify(kind: 'info' | 'error', text: string): void;
}

/** How many remote parties one conference takes. */
export const MAX_PARTICIPANTS = 6;

const label = (view: CallView | undefined) => view?.remote.name ?? view?.remote.number ?? msg('the caller');

export class LocalConference {
  #host: ConferenceHost;
  #mixer: ConferenceMixer | undefined;
  #ids: string[] = [];
  #muted = false;
  #mutedIds = new Set<string>();
  /** The track each call sent before it joined (its own microphone), put back when it leaves. */
  #originals = new Map<string, MediaStreamTrack | undefined>();
  #pending = false;

  constructor(host: ConferenceHost) {
    this.#host = host;
  }

  /** The calls in the conference. */
  get ids(): readonly string[] {
    return this.#ids;
  }

  has(id: string): boolean {
    return this.#ids.includes(id);
  }

  get muted(): boolean {
    return this.#muted;
  }

  /**
   * Joins calls `ids` (with the conference, if there is one). Held calls are
   * resumed first; a call that cannot be resumed stays out of it.
   */
  async merge(ids: readonly string[]): Promise<boolean> {
    if (this.#pending) return false;
    const joining = ids.filter((id) => !this.has(id) && this.#host.view(id)?.state === 'connected');
    if (!joining.length || this.#ids.length + joining.length < 2) return false;
    if (this.#ids.length + joining.length > MAX_PARTICIPANTS) {
      this.#host.notify('error', msg(str`A conference takes at most ${MAX_PARTICIPANTS} calls.`));
      return false;
    }
    this.#pending = true;
    this.#publish();
    try {
      const resumed: string[] = [];
      for (const id of [...this.#ids, ...joining]) {
        const view = this.#host.view(id);
        if (!view || view.state !== 'connected') continue;
        // A participant that cannot be resumed stays in the conference, held; a new call stays out.
        if (view.held && !(await this.#host.hold(id, false))) continue;
        if (!this.has(id)) resumed.push(id);
      }
      const joinable = resumed.filter((id) => this.#host.call(id));
      if (this.#ids.length + joinable.length < 2) {
        this.#host.notify('error', msg('The calls could not be merged.'));
        return false;
      }
      // A user muted on any of the calls stays muted in the conference.
      if (joinable.some((id) => this.#host.view(id)?.muted)) this.#muted = true;
      this.#mixer ??= new ConferenceMixer();
      for (const id of joinable) await this.#join(id);
      this.#mixer.setMicMuted(this.#muted);
      for (const id of this.#ids) this.#host.patch(id, { muted: this.#muted });
      return true;
    } finally {
      this.#pending = false;
      this.#publish();
    }
  }

  async #join(id: string): Promise<void> {
    const call = this.#host.call(id);
    const mixer = this.#mixer;
    if (!call || !mixer) return;
    // The mix carries the user's mute; the call's own mute (which disables what it sends) must be off.
    call.setMuted(false);
    const original = call.audio().sending;
    if (original && !mixer.hasMicrophone) mixer.setMicrophone(original);
    const track = mixer.add(id, call.audio().remote);
    this.#originals.set(id, original);
    this.#ids.push(id);
    await call.sendTrack(track);
  }

  /** The user's own mute, in every mix. */
  setMuted(muted = !this.#muted): void {
    if (!this.#ids.length) return;
    this.#muted = muted;
    this.#mixer?.setMicMuted(muted);
    for (const id of this.#ids) this.#host.patch(id, { muted });
    this.#publish();
  }

  /** Mutes a participant: nobody in the conference hears them (toggles without `muted`). */
  setParticipantMuted(id: string, muted = !this.#mutedIds.has(id)): void {
    if (!this.has(id)) return;
    if (muted) this.#mutedIds.add(id);
    else this.#mutedIds.delete(id);
    this.#mixer?.setMuted(id, muted);
    this.#host.silence(id, muted);
    this.#publish();
  }

  /** A participant's audio arrived (or changed). */
  remoteStream(id: string, stream: MediaStream): void {
    if (this.has(id)) this.#mixer?.setRemote(id, stream);
  }

  /** A participant's call ended: the others go on; with one left, it is a plain call again. */
  left(id: string): void {
    if (!this.has(id)) return;
    this.#drop(id);
    if (this.#ids.length >= 2) {
      this.#publish();
      return;
    }
    const last = this.#ids[0];
    if (last) {
      const view = this.#host.view(last);
      this.#restore(last);
      this.#host.notify('info', msg(str`Conference over: back with ${label(view)}.`));
    }
    this.#close();
  }

  /** "End conference": every participant is put on hold on their own call, to be resumed or ended one by one. */
  async end(): Promise<void> {
    const ids = [...this.#ids];
    if (!ids.length) return;
    for (const id of ids) this.#restore(id);
    this.#close();
    await Promise.all(ids.map((id) => this.#host.hold(id, true)));
  }

  /** Releases the audio graph without touching the calls (the phone stops). */
  dispose(): void {
    this.#close();
  }

  #restore(id: string): void {
    const call = this.#host.call(id);
    const original = this.#originals.get(id);
    this.#drop(id);
    if (!call) return;
    if (original && original.readyState === 'live') void call.sendTrack(original);
    call.setMuted(this.#muted);
    this.#host.patch(id, { muted: this.#muted });
  }

  #drop(id: string): void {
    this.#ids = this.#ids.filter((x) => x !== id);
    this.#originals.delete(id);
    if (this.#mutedIds.delete(id)) this.#host.silence(id, false);
    this.#mixer?.remove(id);
  }

  #close(): void {
    for (const id of this.#mutedIds) this.#host.silence(id, false);
    this.#ids = [];
    this.#originals.clear();
    this.#mutedIds.clear();
    this.#muted = false;
    const mixer = this.#mixer;
    this.#mixer = undefined;
    void mixer?.close();
    this.#publish();
  }

  #publish(): void {
    if (!this.#ids.length && !this.#pending) {
      this.#host.changed(undefined);
      return;
    }
    this.#host.changed({
      ids: [...this.#ids],
      muted: this.#muted,
      mutedIds: [...this.#mutedIds],
      ...(this.#pending ? { pending: true } : {}),
    });
  }
}
