import { css } from 'lit';

export const parksStyles = css`
  :host {
    display: block;
  }
  .parks {
    display: grid;
    gap: 8px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: 10px;
  }
  h2 {
    margin: 0;
    font-size: 1.05em;
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .badge {
    min-width: 1.4em;
    padding: 0 6px;
    border-radius: 999px;
    background: var(--_danger);
    color: var(--_on-danger);
    font-weight: 600;
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
    text-align: center;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 6px;
  }
  li {
    display: grid;
    grid-template-columns: auto 1fr auto auto;
    align-items: center;
    gap: 8px;
    padding: 6px 8px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 4px);
    background: var(--_surface);
  }
  .lamp {
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--_muted);
  }
  li[data-state='free'] .lamp {
    background: var(--_ok);
  }
  li[data-state='occupied'] .lamp {
    background: var(--_danger);
  }
  .who {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .slot {
    font-weight: 600;
  }
  .state,
  .wait {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  button {
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-fg);
    border-radius: calc(var(--_radius) - 4px);
    min-height: 32px;
    padding: 0 10px;
  }
  p {
    margin: 0;
  }
  .error {
    color: var(--_danger);
  }
`;
