/**
 * The call card's local recording indicator: "Recording · part 2" (a status
 * for screen readers) with the elapsed time beside it, the consent reminder,
 * and why a recording failed.
 */
import { html, nothing, css } from 'lit';
import { msg, str } from '@lit/localize';
import type { CallSettings, CallView } from '../../core/types.js';
import { formatDuration } from '../../core/format.js';

/** The consent reminder when the page sets none. */
export const defaultConsent = () => msg('Tell the other party that this call is being recorded.');

export function renderRecording(call: CallView, settings: CallSettings, now: number) {
  const local = call.localRecording;
  const consent = (local || call.recording) && (settings.recordingConsent || (settings.localRecording ? defaultConsent() : ''));
  return html`
    ${local
      ? html`<div class="recording local-recording">
          <span class="rec-dot" aria-hidden="true"></span>
          <span role="status">${msg(str`Recording · part ${local.segment}`)}</span>
          <span class="rec-time" role="timer" aria-label=${msg('Time recorded')}>${formatDuration((now - local.since) / 1000)}</span>
        </div>`
      : nothing}
    ${consent ? html`<p class="consent">${consent}</p>` : nothing}
    ${call.recordingError && !local ? html`<p class="rec-error" role="alert">${call.recordingError}</p>` : nothing}
  `;
}

export const recordingStyles = css`
  .rec-time {
    font-variant-numeric: tabular-nums;
    margin-left: auto;
  }
  .consent {
    margin: 6px 0 0;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .rec-error {
    margin: 8px 0 0;
    padding: 6px 8px;
    border-radius: var(--_radius);
    border: 1px solid var(--_danger);
    color: var(--_danger);
    font-size: 0.85em;
  }
`;
