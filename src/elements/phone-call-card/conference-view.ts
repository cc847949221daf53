/**
 * The call card's local conference: "Merge calls" while the user has two
 * calls or more, and the "Conference" group (the user's own mute, End
 * conference, and per participant Mute / Hold / Hang up).
 */
import { html, nothing, css } from 'lit';
import { msg, str } from '@lit/localize';
import type { PhoneSession } from '../../core/phone-session.js';
import type { CallView, PhoneState } from '../../core/types.js';
import { callStateText, remoteLabel } from '../../core/format.js';

/** The connected calls "Merge calls" would join, when there is something to merge. */
export function mergeable(state: PhoneState): CallView[] {
  const inConference = new Set(state.conference?.ids ?? []);
  const outside = state.calls.filter((c) => c.state === 'connected' && !c.consultFor && !inConference.has(c.id));
  return outside.length && outside.length + inConference.size >= 2 ? outside : [];
}

export function renderMerge(state: PhoneState, session: PhoneSession) {
  if (!mergeable(state).length) return nothing;
  return html`<div class="merge-bar">
    <button class="primary" type="button" ?disabled=${Boolean(state.conference?.pending)} @click=${() => session.merge()}>
      ${msg('Merge calls')}
    </button>
  </div>`;
}

function participantState(call: CallView, muted: boolean): string {
  const text = callStateText(call);
  return muted ? msg(str`${text} · muted for everyone`) : text;
}

export function renderConference(state: PhoneState, session: PhoneSession) {
  const conf = state.conference;
  if (!conf) return nothing;
  const people = conf.ids.map((id) => state.calls.find((c) => c.id === id)).filter((c): c is CallView => Boolean(c));
  const mutedIds = new Set(conf.mutedIds);
  return html`<section class="card conference" part="card conference" aria-label=${msg('Conference')}>
    <h3 class="conf-title">${msg('Conference')}${people.length ? html`<span class="conf-count">${msg(str`${people.length} participants`)}</span>` : nothing}</h3>
    ${conf.pending ? html`<p class="state" role="status">${msg('Merging…')}</p>` : nothing}
    <ul class="participants">
      ${people.map((call) => {
        const name = remoteLabel(call);
        const muted = mutedIds.has(call.id);
        return html`<li class="participant" ?data-held=${call.held}>
          <div class="names">
            <div class="name">${name}</div>
            <div class="state">${participantState(call, muted)}</div>
          </div>
          <div class="p-actions">
            <button type="button" aria-pressed=${muted ? 'true' : 'false'} aria-label=${msg(str`Mute ${name}`)} @click=${() => session.muteParticipant(call.id)}>
              ${msg('Mute')}
            </button>
            <button
              type="button"
              aria-label=${call.held ? msg(str`Resume ${name}`) : msg(str`Hold ${name}`)}
              ?disabled=${call.holdPending}
              @click=${() => session.hold(call.id)}
            >
              ${call.held ? msg('Resume') : msg('Hold')}
            </button>
            <button class="hangup" type="button" aria-label=${msg(str`Hang up ${name}`)} @click=${() => session.hangup(call.id)}>${msg('Hang up')}</button>
          </div>
        </li>`;
      })}
    </ul>
    ${people.length ? renderConferenceActions(conf, people, session) : nothing}
  </section>`;
}

function renderConferenceActions(conf: NonNullable<PhoneState['conference']>, people: CallView[], session: PhoneSession) {
  return html`
    <div class="actions" part="actions">
      <button type="button" aria-pressed=${conf.muted ? 'true' : 'false'} @click=${() => people[0] && session.mute(people[0].id)}>
        ${conf.muted ? msg('Unmute') : msg('Mute')}
      </button>
      <button type="button" @click=${() => session.endConference()}>${msg('End conference')}</button>
    </div>
  `;
}

export const conferenceStyles = css`
  .merge-bar {
    display: flex;
    margin-bottom: 10px;
  }
  .merge-bar button {
    flex: 1;
    height: 40px;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-fg);
    font-weight: 500;
  }
  .conf-title {
    margin: 0 0 8px;
    font-size: 1.05em;
    display: flex;
    justify-content: space-between;
    gap: 8px;
  }
  .conf-count {
    color: var(--_muted);
    font-weight: 400;
    font-size: 0.9em;
  }
  .participants {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 8px;
  }
  .participant {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    padding: 8px;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
  }
  .participant .names {
    flex: 1 1 7em;
  }
  .participant .state {
    white-space: normal;
  }
  .participant[data-held] {
    background: var(--_surface);
  }
  .p-actions {
    display: flex;
    gap: 6px;
  }
  .p-actions button {
    min-width: 44px;
    height: 32px;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
  }
  .p-actions button[aria-pressed='true'] {
    background: var(--_fg);
    color: var(--_bg);
  }
  .p-actions .hangup {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-danger);
  }
`;
