/**
 * The call card's server conference room (`conference-room`): "Conference"
 * under a call's More, "In your conference" on the user's call to the room,
 * "Add participant" there for the user's other calls, and the "Your
 * conference" chip that rejoins the room while it is active.
 */
import { html, nothing, css } from 'lit';
import { msg, str } from '@lit/localize';
import type { PhoneSession } from '../../core/phone-session.js';
import type { CallView, PhoneState } from '../../core/types.js';
import { callStateText, remoteLabel } from '../../core/format.js';

/** The call is the user's own call to the room. */
export const isRoomCall = (call: CallView, state: PhoneState): boolean => Boolean(state.room?.callId && state.room.callId === call.id);

/** A call that can go into the room: connected, the user's own, and nothing else under way on it. */
const movable = (call: CallView, state: PhoneState): boolean =>
  call.state === 'connected' && !isRoomCall(call, state) && !call.consultFor && !call.monitor && !call.transfer && !state.conference?.ids.includes(call.id);

/** "Conference" is offered on this call (under More): a room is set up and the user is not in it yet. */
export const offersRoom = (call: CallView, state: PhoneState): boolean => Boolean(state.room && !state.room.callId && movable(call, state));

/** The call's state in words: "In your conference" for the user's call to the room. */
export function roomCallState(call: CallView, state: PhoneState): string {
  return isRoomCall(call, state) && call.state === 'connected' && !call.held && !call.holdPending ? msg('In your conference') : callStateText(call);
}

/** "Conference" under More. */
export function renderRoomMore(call: CallView, state: PhoneState, session: PhoneSession) {
  if (!offersRoom(call, state)) return nothing;
  return html`<button type="button" @click=${() => session.sendToRoom(call.id)}>${msg('Conference')}</button>`;
}

/** On the room call: "Add participant" for the user's other call ("Add Bob", "Add Carol" when there are several). */
export function renderRoomActions(call: CallView, state: PhoneState, session: PhoneSession) {
  if (!isRoomCall(call, state) || call.state !== 'connected') return nothing;
  const others = state.calls.filter((c) => movable(c, state));
  if (others.length === 1) return html`<button class="primary room-add" type="button" @click=${() => session.sendToRoom(others[0]!.id)}>${msg('Add participant')}</button>`;
  return others.map((c) => html`<button class="room-add several" type="button" @click=${() => session.sendToRoom(c.id)}>${msg(str`Add ${remoteLabel(c)}`)}</button>`);
}

/** "Your conference": rejoins the room while it is active and the user is not in it. */
export function renderRoomChip(state: PhoneState, session: PhoneSession) {
  const room = state.room;
  if (!room?.active || room.callId) return nothing;
  return html`<div class="room-bar">
    <button class="chip room-chip" part="chip room" type="button" @click=${() => session.joinRoom()}>
      <span class="dot" aria-hidden="true"></span>
      <span class="chip-name">${msg('Your conference')}</span>
      <span class="chip-state">${msg('Rejoin', { desc: 'Beside "Your conference": dial the conference room again' })}</span>
    </button>
  </div>`;
}

export const roomStyles = css`
  /* "Add participant" on a row of its own above the call's controls (it does not fit a third of 320 px). */
  .actions .room-add {
    flex: 1 1 100%;
    order: -1;
  }
  .actions .room-add.several {
    flex-basis: 40%;
  }
  .room-bar {
    margin-bottom: 10px;
  }
  .room-chip {
    border-color: var(--_accent);
  }
  .room-chip .dot {
    background: var(--_accent);
  }
`;
