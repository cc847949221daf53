import { LitElement, html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { SessionController } from '../../context/session-controller.js';
import { callStateText, endedText, formatDuration, remoteLabel } from '../../core/format.js';
import type { CallView, PhoneState } from '../../core/types.js';
import { PhoneViewRequestEvent } from '../../events/internal-events.js';
import { tokens } from '../../styles/tokens.js';
import { ClockController } from '../shared/clock-controller.js';
import { ParksController } from '../shared/parks-controller.js';
import { callCardStyles } from './phone-call-card.styles.js';
import { conferenceStyles, renderConference, renderMerge } from './conference-view.js';
import { recordingStyles, renderRecording } from './recording-view.js';
import { offersRoom, renderRoomActions, renderRoomChip, renderRoomMore, roomCallState, roomStyles } from './room-view.js';

const PERSON = svg`<svg viewBox="0 0 24 24"><path d="M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9Zm0 2c-4.4 0-8 2.2-8 5v2h16v-2c0-2.8-3.6-5-8-5Z"/></svg>`;

const DTMF_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/**
 * The live calls of the phone: who, state, timer and every control a desk
 * phone has for each (answer, ignore, reject, mute, hold, keypad, transfer,
 * add call, swap, hang up); then, briefly, why the last call ended.
 *
 * With `compact`, each call is one small chip that brings the calls back
 * (used beside the dial pad while calls go on).
 *
 * @summary Active and ringing calls. Place it inside a `<phone-widget>`.
 * @csspart card - one call
 * @csspart actions - the row of call controls
 * @csspart keypad - the in-call DTMF keypad
 * @csspart transfer - the transfer form
 * @csspart chip - one call in compact mode
 * @csspart ended - the "call ended" notice
 */
@customElement('phone-call-card')
@localized()
export class PhoneCallCard extends LitElement {
  static override styles = [tokens, callCardStyles, conferenceStyles, recordingStyles, roomStyles];

  #phone = new SessionController(this);
  /** Park slots free or taken, for the Park choices. */
  #parks = new ParksController(this, this.#phone);
  #clock = new ClockController(this, () => Boolean(this.#phone.state?.calls.some((c) => c.state === 'connected')));

  /** Show each call as a small chip that brings the calls view back. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** The id of the ended call whose notice the user dismissed. */
  @state() private dismissed = '';
  /** The call whose DTMF keypad is open. */
  @state() private keypadFor = '';
  /** The call whose transfer form is open. */
  @state() private transferFor = '';
  @state() private transferTarget = '';
  /** The call whose statistics are open. */
  @state() private statsFor = '';
  /** The call whose further actions (park, switch phone, record) are open. */
  @state() private moreFor = '';

  #timer(call: CallView) {
    return call.state === 'connected' && call.answeredAt
      ? html` · <span class="timer" role="timer">${formatDuration((this.#clock.now - call.answeredAt) / 1000)}</span>`
      : nothing;
  }

  #askView(view: 'dialer' | 'calls'): void {
    this.dispatchEvent(new PhoneViewRequestEvent(view));
  }

  #openTransfer(call: CallView): void {
    this.transferFor = this.transferFor === call.id ? '' : call.id;
    this.keypadFor = '';
    this.transferTarget = '';
  }

  async #transfer(call: CallView, how: 'blind' | 'attended' | 'voicemail'): Promise<void> {
    const session = this.#phone.session!;
    const target = this.transferTarget.trim();
    if (!target) return;
    this.transferFor = '';
    if (how === 'attended') await session.startAttendedTransfer(call.id, target);
    else await session.transfer(call.id, target, how);
  }

  #renderActions(call: CallView, state: PhoneState) {
    const session = this.#phone.session!;
    if (call.direction === 'inbound' && call.state === 'ringing') {
      return html`
        <button class="answer" type="button" @click=${() => session.answer(call.id)}>${msg('Answer')}</button>
        ${call.silenced ? nothing : html`<button type="button" @click=${() => session.ignore(call.id)}>${msg('Ignore')}</button>`}
        <button class="reject" type="button" @click=${() => session.reject(call.id)}>${msg('Reject')}</button>
      `;
    }
    if (call.state !== 'connected') {
      return html`<button class="hangup" type="button" @click=${() => session.hangup(call.id)}>${msg('Hang up')}</button>`;
    }
    const consult = call.consultFor ? state.calls.find((c) => c.id === call.consultFor) : undefined;
    const connected = state.calls.filter((c) => c.state === 'connected');
    const other = connected.find((c) => c.id !== call.id);
    return html`
      <button type="button" aria-pressed=${call.muted ? 'true' : 'false'} @click=${() => session.mute(call.id)}>
        ${call.muted ? msg('Unmute') : msg('Mute')}
      </button>
      <button type="button" aria-pressed=${call.held ? 'true' : 'false'} ?disabled=${call.holdPending} @click=${() => session.hold(call.id)}>
        ${call.held ? msg('Resume') : msg('Hold')}
      </button>
      <button
        type="button"
        aria-expanded=${this.keypadFor === call.id ? 'true' : 'false'}
        @click=${() => {
          this.keypadFor = this.keypadFor === call.id ? '' : call.id;
          this.transferFor = '';
        }}
      >
        ${msg('Keypad')}
      </button>
      ${consult
        ? html`
            <button class="primary" type="button" @click=${() => session.completeTransfer(call.id)}>${msg('Complete transfer')}</button>
            <button type="button" @click=${() => session.cancelTransfer(call.id)}>${msg('Cancel transfer')}</button>
          `
        : call.transfer?.state === 'consulting'
          ? nothing
          : html`<button type="button" aria-expanded=${this.transferFor === call.id ? 'true' : 'false'} @click=${() => this.#openTransfer(call)}>
              ${msg('Transfer')}
            </button>`}
      ${connected.length === 2 && other && (call.held || other.held)
        ? html`<button type="button" @click=${() => session.swap(call.held ? call.id : other.id)}>${msg('Swap calls')}</button>`
        : nothing}
      ${call.monitor ? this.#renderMonitor(call) : nothing} ${renderRoomActions(call, state, session)}
      <button
        type="button"
        @click=${async () => {
          await session.hold(call.id, true);
          this.#askView('dialer');
        }}
      >
        ${msg('Add call')}
      </button>
      ${this.#hasMore(state) || offersRoom(call, state)
        ? html`<button type="button" aria-expanded=${this.moreFor === call.id ? 'true' : 'false'} @click=${() => (this.moreFor = this.moreFor === call.id ? '' : call.id)}>
            ${msg('More')}
          </button>`
        : nothing}
      <button type="button" @click=${() => this.#askView('dialer')}>${msg('Hide call')}</button>
      <button class="hangup" type="button" @click=${() => session.hangup(call.id)}>${msg('Hang up')}</button>
    `;
  }

  #renderKeypad(call: CallView) {
    const session = this.#phone.session!;
    return html`
      <div class="keypad" part="keypad" role="group" aria-label=${msg(str`Keypad for ${remoteLabel(call)}`)}>
        <output class="sent" aria-live="polite" aria-label=${msg('Digits sent')}>${call.dtmf ?? ''}</output>
        ${DTMF_KEYS.map((k) => html`<button class="key" type="button" @click=${() => session.sendDtmf(k, call.id)}>${k}</button>`)}
      </div>
    `;
  }

  #renderTransfer(call: CallView, state: PhoneState) {
    const listId = `recent-${call.id}`;
    const numbers = [...new Set(state.recent.map((r) => r.number))].slice(0, 20);
    const voicemail = Boolean(state.settings.voicemailPrefix);
    return html`
      <form
        class="transfer"
        part="transfer"
        aria-label=${msg(str`Transfer ${remoteLabel(call)}`)}
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.#transfer(call, 'blind');
        }}
      >
        <label>
          ${msg('Transfer to')}
          <input
            type="text"
            inputmode="tel"
            autocomplete="off"
            list=${listId}
            .value=${this.transferTarget}
            @input=${(e: Event) => (this.transferTarget = (e.target as HTMLInputElement).value)}
          />
        </label>
        <datalist id=${listId}>${numbers.map((n) => html`<option value=${n}></option>`)}</datalist>
        <div class="row">
          <button type="submit" class="primary" ?disabled=${!this.transferTarget.trim()}>${msg('Blind transfer')}</button>
          <button type="button" ?disabled=${!this.transferTarget.trim()} @click=${() => this.#transfer(call, 'attended')}>${msg('Attended transfer')}</button>
          ${voicemail
            ? html`<button type="button" ?disabled=${!this.transferTarget.trim()} @click=${() => this.#transfer(call, 'voicemail')}>${msg('To voicemail')}</button>`
            : nothing}
          <button type="button" @click=${() => (this.transferFor = '')}>${msg('Cancel')}</button>
        </div>
      </form>
    `;
  }

  #hasMore(state: PhoneState): boolean {
    const s = state.settings;
    return Boolean(s.parkCode || s.parkSlots?.length || s.switchTargets?.length || s.recordCode || s.localRecording);
  }

  #renderMore(call: CallView, state: PhoneState) {
    const session = this.#phone.session!;
    const s = state.settings;
    return html`<div class="more" part="more" role="group" aria-label=${msg(str`More for ${remoteLabel(call)}`)}>
      ${s.parkSlots?.map((slot, i) => this.#renderParkSlot(call, slot, i))}
      ${renderRoomMore(call, state, session)}
      ${s.parkCode ? html`<button type="button" @click=${() => session.park(call.id)}>${msg('Park')}</button>` : nothing}
      ${s.switchTargets?.map((t) => html`<button type="button" @click=${() => session.transfer(call.id, t.target, 'blind')}>${msg(str`Switch to ${t.label}`)}</button>`)}
      ${s.recordCode || s.localRecording
        ? html`<button type="button" aria-pressed=${call.recording || call.localRecording ? 'true' : 'false'} @click=${() => session.toggleRecording(call.id)}>
            ${call.recording || call.localRecording ? msg('Stop recording') : msg('Record')}
          </button>`
        : nothing}
    </div>`;
  }

  /** "Park on 71", and beside it whether the slot is free or who waits there. */
  #renderParkSlot(call: CallView, slot: string, i: number) {
    const session = this.#phone.session!;
    const view = this.#parks.state?.slots.find((p) => p.slot === slot);
    const words = view?.state === 'free' ? msg('Free', { desc: 'Park slot state' }) : view?.state === 'occupied' ? (view.parked ? msg(str`Taken: ${view.parked}`) : msg('Taken', { desc: 'Park slot state' })) : '';
    return html`<span class="park-slot" data-state=${view?.state ?? 'unknown'}>
      <button type="button" aria-describedby=${words ? `park-state-${i}` : nothing} @click=${() => session.park(call.id, slot)}>${msg(str`Park on ${slot}`)}</button>
      ${words ? html`<span class="slot-state" id="park-state-${i}">${words}</span>` : nothing}
    </span>`;
  }

  #renderMonitor(call: CallView) {
    const session = this.#phone.session!;
    const modes = [
      ['listen', msg('Listen only')],
      ['whisper', msg('Whisper')],
      ['barge', msg('Barge')],
    ] as const;
    return modes.map(
      ([mode, label]) => html`<button type="button" aria-pressed=${call.monitor === mode ? 'true' : 'false'} @click=${() => session.setMonitorMode(mode, call.id)}>
        ${label}
      </button>`,
    );
  }

  #renderStats(call: CallView) {
    const q = call.quality!;
    const row = (label: string, value: string | undefined) => (value === undefined ? nothing : html`<dt>${label}</dt><dd>${value}</dd>`);
    return html`<dl class="stats" part="stats" aria-label=${msg('Call statistics')}>
      ${row(msg('Quality (MOS)'), q.mos.toFixed(2))} ${row(msg('Codec'), q.codec)} ${row(msg('Round trip'), q.rtt === undefined ? undefined : `${Math.round(q.rtt)} ms`)}
      ${row(msg('Jitter'), q.jitter === undefined ? undefined : `${Math.round(q.jitter)} ms`)} ${row(msg('Packet loss'), q.loss === undefined ? undefined : `${q.loss.toFixed(1)} %`)}
      ${row(msg('Bitrate'), q.bitrate === undefined ? undefined : `${q.bitrate} kbit/s`)} ${row(msg('Path'), q.path === 'relay' ? (q.relayProtocol ? msg(str`Through a relay (TURN over ${q.relayProtocol.toUpperCase()})`) : msg('Through a relay (TURN)')) : q.path ? msg('Direct') : undefined)}
    </dl>`;
  }

  #renderCall(call: CallView, state: PhoneState) {
    const label = remoteLabel(call);
    const consultOf = call.consultFor ? state.calls.find((c) => c.id === call.consultFor) : undefined;
    return html`
      <section
        class="card"
        part="card"
        data-state=${call.state}
        data-direction=${call.direction}
        ?data-held=${call.held}
        aria-label=${msg(str`Call with ${label}`)}
      >
        <div class="who">
          <div class="avatar" aria-hidden="true">${/^\p{L}/u.test(label) ? label.slice(0, 1).toUpperCase() : PERSON}</div>
          <div class="names">
            <div class="name">${label}</div>
            ${call.remote.name ? html`<div class="number">${call.remote.number}</div>` : nothing}
            <div class="state">${roomCallState(call, state)}${this.#timer(call)}</div>
            ${consultOf ? html`<div class="note">${msg(str`Consulting before transferring ${remoteLabel(consultOf)}`)}</div>` : nothing}
            ${call.quality?.warnings.length
              ? html`<div class="warn" role="status">${msg(str`Poor connection: ${call.quality.warnings.join(', ')}`)}</div>`
              : nothing}
          </div>
          ${call.state === 'connected' && call.quality
            ? html`<button
                class="stats-toggle"
                type="button"
                aria-expanded=${this.statsFor === call.id ? 'true' : 'false'}
                @click=${() => (this.statsFor = this.statsFor === call.id ? '' : call.id)}
              >
                ${call.quality.path === 'relay' ? msg('Relay') : msg('Direct')}
                <span class="visually-hidden">${msg('connection: call statistics', { desc: 'Read after "Direct" or "Relay" on the statistics button' })}</span>
              </button>`
            : nothing}
        </div>
        ${renderRecording(call, state.settings, this.#clock.now)}
        ${call.recording && !call.localRecording ? html`<div class="recording" role="status"><span class="rec-dot" aria-hidden="true"></span>${msg('Recording')}</div>` : nothing}
        ${this.statsFor === call.id && call.quality ? this.#renderStats(call) : nothing}
        ${this.moreFor === call.id && call.state === 'connected' ? this.#renderMore(call, state) : nothing}
        <div class="actions" part="actions">${this.#renderActions(call, state)}</div>
        ${this.keypadFor === call.id && call.state === 'connected' ? this.#renderKeypad(call) : nothing}
        ${this.transferFor === call.id && call.state === 'connected' ? this.#renderTransfer(call, state) : nothing}
      </section>
    `;
  }

  #renderChips(state: PhoneState) {
    return html`<div class="chips" role="group" aria-label=${msg('Calls in progress')}>
      ${state.calls.map(
        (call) => html`<button class="chip" part="chip" type="button" data-state=${call.state} ?data-held=${call.held} @click=${() => this.#askView('calls')}>
          <span class="dot" aria-hidden="true"></span>
          <span class="chip-name">${remoteLabel(call)}</span>
          <span class="chip-state">${callStateText(call)}${this.#timer(call)}</span>
        </button>`,
      )}
    </div>`;
  }

  override render() {
    const state = this.#phone.state;
    if (!state) return nothing;
    if (this.compact) return html`${state.calls.length ? this.#renderChips(state) : nothing}${renderRoomChip(state, this.#phone.session!)}`;
    const ended = state.lastEnded;
    const showEnded = ended && state.calls.length === 0 && ended.id !== this.dismissed;
    return html`
      ${renderRoomChip(state, this.#phone.session!)} ${renderConference(state, this.#phone.session!)}
      ${state.calls.filter((call) => !state.conference?.ids.includes(call.id)).map((call) => this.#renderCall(call, state))}
      ${renderMerge(state, this.#phone.session!)}
      ${showEnded
        ? html`<div class="ended" part="ended">
            <span>${endedText(ended)}</span>
            <button type="button" @click=${() => (this.dismissed = ended.id)}>${msg('Dismiss')}</button>
          </div>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'phone-call-card': PhoneCallCard;
  }
}
