import { css } from 'lit';

export const callCardStyles = css`
  :host([hidden]) {
    display: none;
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: 14px;
    margin-bottom: 10px;
  }
  .card[data-state='ringing'][data-direction='inbound'] {
    border-color: var(--_ok);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_ok) 20%, transparent);
  }
  .who {
    display: flex;
    align-items: center;
    gap: 12px;
  }
  .avatar {
    flex: none;
    width: 40px;
    height: 40px;
    border-radius: 50%;
    display: grid;
    place-items: center;
    background: var(--_surface);
    color: var(--_muted);
    font-weight: 600;
  }
  .names {
    min-width: 0;
    flex: 1;
  }
  .name {
    font-weight: 600;
    font-size: 1.05em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .number,
  .state {
    color: var(--_muted);
    font-size: 0.9em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .timer {
    font-variant-numeric: tabular-nums;
    color: var(--_fg);
    font-weight: 500;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-top: 12px;
  }
  .actions button {
    flex: 1 1 0;
    min-width: 84px;
    height: 40px;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    font-weight: 500;
  }
  .actions button[aria-pressed='true'] {
    background: var(--_fg);
    color: var(--_bg);
  }
  .actions .answer {
    background: var(--_ok);
    border-color: var(--_ok);
    color: var(--_on-ok);
  }
  .actions .hangup,
  .actions .reject {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-danger);
  }
  .ended {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    padding: 8px 12px;
    margin-bottom: 10px;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_muted);
    font-size: 0.9em;
  }
  .ended button {
    border: 0;
    background: transparent;
    color: var(--_muted);
    text-decoration: underline;
  }
`;
