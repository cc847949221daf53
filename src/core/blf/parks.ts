/**
 * Call parks: every configured park slot watched with the dialog event
 * package, through the BLF service's subscriptions (a slot is watched like a
 * BLF key). A slot with a live dialog holds a parked call; the dialog's
 * remote identity says who waits there, and the slot remembers since when
 * (from the moment this phone first saw it taken: dialog-info carries no
 * start time that servers agree on).
 */
import { Emitter } from '../emitter.js';
import type { PhoneSession, DialResult } from '../phone-session.js';
import type { KeyLamp } from './lamp.js';

/** One park slot as the phone sees it. */
export interface ParkSlotView {
  /** The slot's extension (`71`, `*5901`). */
  slot: string;
  /** `unknown`: not subscribed (yet), or the subscription was refused or lost. */
  state: 'free' | 'occupied' | 'unknown';
  /** Who waits in the slot (name or number), when the server says. */
  parked?: string;
  /** When this phone first saw the slot taken (ms since epoch). */
  since?: number;
}

export interface ParksState {
  slots: readonly ParkSlotView[];
  /** How many slots hold a call. */
  parked: number;
}

const OCCUPIED = new Set(['ringing', 'busy', 'held']);

/**
 * The slots after the lamps changed: a slot that stays taken by the same
 * party keeps its `since`; a newly taken one starts at `now`.
 */
export function parkSlots(
  slots: readonly string[],
  lamps: ReadonlyMap<string, KeyLamp>,
  previous: readonly ParkSlotView[],
  now: number,
): ParkSlotView[] {
  const before = new Map(previous.map((p) => [p.slot, p]));
  return slots.map((slot) => {
    const lamp = lamps.get(slot);
    if (!lamp || lamp.state === 'unknown' || lamp.state === 'offline') return { slot, state: 'unknown' };
    if (!OCCUPIED.has(lamp.state)) return { slot, state: 'free' };
    const old = before.get(slot);
    const since = old?.state === 'occupied' && old.parked === lamp.peer && old.since !== undefined ? old.since : now;
    return { slot, state: 'occupied', ...(lamp.peer ? { parked: lamp.peer } : {}), since };
  });
}

const same = (a: readonly ParkSlotView[], b: readonly ParkSlotView[]): boolean =>
  a.length === b.length && a.every((x, i) => x.slot === b[i]!.slot && x.state === b[i]!.state && x.parked === b[i]!.parked && x.since === b[i]!.since);

/** Watches the phone's configured park slots (`settings.parkSlots`) while it has any. */
export class ParkWatch extends Emitter<{ change: ParksState }> {
  readonly #session: PhoneSession;
  #slots: readonly string[] = [];
  #release: (() => void) | undefined;
  #offBlf: (() => void) | undefined;
  #state: ParksState = { slots: [], parked: 0 };

  constructor(session: PhoneSession) {
    super();
    this.#session = session;
    session.on('change', (s) => this.#configure(s.settings.parkSlots ?? []));
  }

  /** The slots and how many hold a call; a new object after every change. */
  get state(): ParksState {
    return this.#state;
  }

  /** Calls a slot to take the call parked there. */
  retrieve(slot: string): DialResult {
    return this.#session.dial(slot);
  }

  #configure(slots: readonly string[]): void {
    if (slots.join() === this.#slots.join()) return;
    this.#slots = [...slots];
    this.#release?.();
    this.#offBlf?.();
    this.#release = this.#offBlf = undefined;
    const blf = this.#session.blf;
    if (slots.length) {
      this.#offBlf = blf.on('change', () => this.#refresh());
      this.#release = blf.watch({ extensions: slots });
    }
    this.#refresh();
  }

  #refresh(): void {
    const slots = parkSlots(this.#slots, this.#session.blf.state.lamps, this.#state.slots, Date.now());
    if (same(slots, this.#state.slots)) return;
    this.#state = { slots, parked: slots.filter((s) => s.state === 'occupied').length };
    this.emit('change', this.#state);
  }
}
