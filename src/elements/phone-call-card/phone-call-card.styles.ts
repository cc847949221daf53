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
    flex: 1 1 30%;
    min-width: 76px;
    height: 40px;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    font-weight: 500;
  }
  .actions button[aria-expanded='true'] {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .actions button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .actions .primary,
  .transfer .row .primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
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
  .card[data-held] {
    background: var(--_surface);
  }
  .warn {
    color: var(--_warn);
    font-size: 0.85em;
  }
  .stats-toggle {
    align-self: flex-start;
    border: 1px solid var(--_border);
    background: var(--_bg);
    border-radius: 999px;
    padding: 2px 10px;
    font-size: 0.8em;
    color: var(--_muted);
  }
  .stats-toggle[aria-expanded='true'] {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .stats {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 4px 12px;
    margin: 12px 0 0;
    padding: 10px 12px;
    border-radius: var(--_radius);
    background: var(--_surface);
    font-size: 0.9em;
  }
  .stats dt {
    color: var(--_muted);
  }
  .stats dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .more {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-top: 10px;
  }
  .more button {
    flex: 1 1 auto;
    height: 36px;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    padding: 0 10px;
  }
  .park-slot {
    display: inline-flex;
    flex: 1 1 auto;
    align-items: center;
    gap: 6px;
  }
  .slot-state {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .park-slot[data-state='occupied'] .slot-state {
    color: var(--_danger);
  }
  .more button[aria-pressed='true'] {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-danger);
  }
  .recording {
    display: flex;
    align-items: center;
    gap: 6px;
    margin-top: 8px;
    color: var(--_danger);
    font-size: 0.85em;
    font-weight: 600;
  }
  .rec-dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--_danger);
  }
  @media (prefers-reduced-motion: no-preference) {
    .rec-dot {
      animation: blink 1.2s ease-in-out infinite;
    }
  }
  @keyframes blink {
    50% {
      opacity: 0.3;
    }
  }
  .note {
    color: var(--_accent);
    font-size: 0.85em;
  }
  .keypad {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: 6px;
    margin-top: 12px;
  }
  .keypad .sent {
    grid-column: 1 / -1;
    min-height: 1.4em;
    text-align: center;
    letter-spacing: 0.2em;
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .keypad .key {
    height: 40px;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_surface);
    font-size: 1.1em;
  }
  .transfer {
    display: grid;
    gap: 8px;
    margin-top: 12px;
  }
  .transfer label {
    display: grid;
    gap: 4px;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .transfer input {
    font: inherit;
    font-size: 1.05em;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 8px 10px;
  }
  .transfer .row {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .transfer .row button {
    flex: 1 1 auto;
    height: 36px;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    padding: 0 10px;
  }
  .transfer .row button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  .chips {
    display: grid;
    gap: 6px;
    margin-bottom: 10px;
  }
  .chip {
    display: flex;
    align-items: center;
    gap: 8px;
    width: 100%;
    padding: 8px 12px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    text-align: left;
  }
  .chip .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--_ok);
    flex: none;
  }
  .chip[data-held] .dot {
    background: var(--_warn);
  }
  .avatar svg {
    width: 20px;
    height: 20px;
    fill: currentColor;
  }
  .chip-name {
    font-weight: 600;
  }
  .chip-state {
    color: var(--_muted);
    font-size: 0.9em;
    margin-left: auto;
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
