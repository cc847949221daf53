/**
 * Server conference rooms (seeds 002, 003): the user's room on the PBX, an
 * extension or SIP URI in `settings.conferenceRoom`.
 *
 * - "Conference" on a call sends its other party into the room (a blind
 *   REFER, the session's transfer) and, unless the user is there already,
 *   dials the room so the user joins. "Add participant" is the same REFER for
 *   a further call while the user is in the room.
 * - The room is watched with the dialog event package, like a BLF key: it is
 *   `active` while its lamp says someone is in it. Where the server says
 *   nothing about the room (no subscription, refused, lost), it counts as
 *   active for `RECENT_MS` after a party was last sent there, which is the
 *   most the phone can honestly claim.
 *
 * The room's state lives in `PhoneState.room` (so follower tabs mirror it);
 * a follower computes nothing itself.
 */
import { msg, str } from '@lit/localize';
import { parseDialTarget } from './dial-target.js';
import type { DialResult, PhoneSession } from './phone-session.js';
import type { CallView, ConferenceRoomView, PhoneState } from './types.js';
import type { LampState } from './blf/lamp.js';

/** Without dialog state, a room counts as active this long after a party was sent there. */
export const RECENT_MS = 15 * 60 * 1000;

const KNOWN: ReadonlySet<LampState> = new Set(['idle', 'ringing', 'busy', 'held']);
const OCCUPIED: ReadonlySet<LampState> = new Set(['ringing', 'busy', 'held']);

/** Whether the room is active: from its lamp when the server says, else from when a party was last sent there. */
export function roomActive(lamp: LampState | undefined, sentAt: number | undefined, now: number): boolean {
  if (lamp && KNOWN.has(lamp)) return OCCUPIED.has(lamp);
  return sentAt !== undefined && now - sentAt < RECENT_MS;
}

/** The user's live call to the room: the one dialled for it, or any outbound call to the room's address. */
export function roomCall(calls: readonly CallView[], roomUri: string | undefined, dialledId: string | undefined): CallView | undefined {
  const live = calls.filter((c) => c.state !== 'ended');
  return live.find((c) => c.id === dialledId) ?? (roomUri ? live.find((c) => c.direction === 'outbound' && sameUri(c.remote.uri, roomUri)) : undefined);
}

const sameUri = (a: string, b: string): boolean => a.replace(/^sips?:/i, '').split(/[;?>]/)[0]!.toLowerCase() === b.replace(/^sips?:/i, '').split(/[;?>]/)[0]!.toLowerCase();

const sameView = (a: ConferenceRoomView | undefined, b: ConferenceRoomView | undefined): boolean =>
  a === b || (!!a && !!b && a.target === b.target && a.callId === b.callId && a.active === b.active);

/** What the room needs from the session besides its public face. */
export interface RoomHost {
  /** Puts the room's view into the session's state. */
  publish(room: ConferenceRoomView | undefined): void;
  notify(kind: 'info' | 'error', text: string): void;
}

export class ConferenceRoom {
  readonly #session: PhoneSession;
  readonly #host: RoomHost;
  #target = '';
  #release: (() => void) | undefined;
  #dialledId: string | undefined;
  #sentAt: number | undefined;
  #expiry: ReturnType<typeof setTimeout> | undefined;

  constructor(session: PhoneSession, host: RoomHost) {
    this.#session = session;
    this.#host = host;
    session.on('change', (state) => this.#follow(state));
    session.blf.on('change', () => this.#follow(session.state));
  }

  /**
   * Sends call `id`'s other party into the room (blind REFER) and, unless the
   * user is in the room already, dials the room. False when nothing was sent.
   */
  async send(id: string | undefined): Promise<boolean> {
    const target = this.#target;
    const call = this.#session.state.calls.find((c) => (id ? c.id === id : c.state === 'connected'));
    if (!target || !call || call.id === this.#session.state.room?.callId) return false;
    const label = call.remote.name ?? call.remote.number;
    const ok = await this.#session.transfer(call.id, target, 'blind');
    if (!ok) return false;
    this.#sentAt = Date.now();
    this.#scheduleExpiry();
    const inRoom = this.#session.state.room?.callId;
    if (!inRoom) this.join();
    else this.#backToRoom(inRoom, call.id);
    this.#follow(this.#session.state);
    this.#host.notify('info', msg(str`${label} was sent to your conference`));
    return true;
  }

  /** Dials the room ("Your conference"): the user joins or rejoins it. */
  join(): DialResult {
    if (!this.#target) return { ok: false, message: msg('No conference room is set up on this phone.') };
    const result = this.#session.dial(this.#target);
    if (result.ok && result.id) this.#dialledId = result.id;
    this.#follow(this.#session.state);
    return result;
  }

  /** After adding the last other call, the user is back in the room: its call is resumed. */
  #backToRoom(roomId: string, sentId: string): void {
    const calls = this.#session.state.calls;
    const room = calls.find((c) => c.id === roomId);
    const talking = calls.some((c) => c.id !== roomId && c.id !== sentId && c.state === 'connected' && !c.held);
    if (room?.held && !talking) void this.#session.hold(roomId, false);
  }

  /** Stops watching the room. */
  dispose(): void {
    this.#release?.();
    this.#release = undefined;
    clearTimeout(this.#expiry);
  }

  #follow(state: PhoneState): void {
    if (this.#session.tabRole === 'follower') return;
    const target = state.settings.conferenceRoom?.trim() ?? '';
    if (target !== this.#target) this.#configure(target);
    if (!target) {
      if (state.room) this.#host.publish(undefined);
      return;
    }
    const domain = this.#session.domain;
    const uri = domain ? parseDialTarget(target, domain)?.uri : undefined;
    const call = roomCall(state.calls, uri, this.#dialledId);
    if (!call) this.#dialledId = undefined;
    const lamp = this.#session.blf.state.lamps.get(target)?.state;
    const view: ConferenceRoomView = {
      target: (domain && parseDialTarget(target, domain)?.display) || target,
      ...(call ? { callId: call.id } : {}),
      active: Boolean(call && call.state === 'connected') || roomActive(lamp, this.#sentAt, Date.now()),
    };
    if (!sameView(view, state.room)) this.#host.publish(view);
  }

  #configure(target: string): void {
    this.dispose();
    this.#target = target;
    this.#dialledId = this.#sentAt = undefined;
    if (target) this.#release = this.#session.blf.watch({ extensions: [target] });
  }

  /** Without dialog state, the room stops counting as active once the last send is old. */
  #scheduleExpiry(): void {
    clearTimeout(this.#expiry);
    this.#expiry = setTimeout(() => this.#follow(this.#session.state), RECENT_MS + 1000);
  }
}
