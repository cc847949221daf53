import { css, unsafeCSS } from 'lit';

/** Every row has this height: the list computes which rows are in view from it. */
export const ROW_HEIGHT = 52;

export const historyStyles = css`
  .history {
    display: grid;
    gap: 8px;
    min-width: 0;
  }
  p {
    margin: 0;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .filters button {
    border-radius: 999px;
    min-height: 28px;
    padding: 0 10px;
    font-size: 0.9em;
    background: transparent;
    color: var(--_muted);
  }
  .filters [aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
    font-weight: 600;
  }
  .list {
    max-height: var(--phone-history-height, 360px);
    overflow-y: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: var(--before, 0) 0 var(--after, 0);
  }
  li {
    display: flex;
    align-items: center;
    height: ${unsafeCSS(ROW_HEIGHT)}px;
    border-bottom: 1px solid var(--_border);
    padding-right: 6px;
  }
  .row {
    flex: 1;
    min-width: 0;
    height: 100%;
    display: grid;
    grid-template-columns: 22px 1fr;
    grid-template-rows: auto auto;
    align-content: center;
    column-gap: 6px;
    border: 0;
    border-radius: 0;
    background: transparent;
    text-align: left;
    padding: 0 8px;
  }
  li:has(.row[aria-pressed='true']) {
    background: var(--_surface);
  }
  .row:focus-visible {
    outline-offset: -2px;
  }
  .arrow {
    grid-row: span 2;
    align-self: center;
    text-align: center;
    font-size: 1.1em;
    color: var(--_ok);
  }
  [data-direction='outbound'] .arrow {
    color: var(--_accent);
  }
  [data-outcome='missed'] .arrow,
  [data-outcome='rejected'] .arrow,
  [data-outcome='missed'] .who {
    color: var(--_danger);
  }
  .who,
  .detail {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .who {
    font-weight: 600;
  }
  .number,
  .detail {
    color: var(--_muted);
    font-weight: 400;
    font-size: 0.88em;
  }
  .call {
    flex: none;
    width: 36px;
    height: 36px;
    padding: 0;
    display: grid;
    place-items: center;
    border-radius: 50%;
    border: 0;
    background: transparent;
    color: var(--_ok);
  }
  .call:hover {
    background: var(--_surface);
  }
  .call svg {
    width: 18px;
    height: 18px;
    fill: currentColor;
  }
  .empty {
    padding: 24px 12px;
    text-align: center;
    color: var(--_muted);
  }
  .actions {
    display: grid;
    gap: 8px;
    padding: 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .actions .summary {
    font-size: 0.92em;
  }
  .recordings {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 6px;
  }
  .recordings li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    font-size: 0.92em;
  }
  .recordings audio {
    width: 100%;
    height: 32px;
  }
  .recordings a {
    color: var(--_accent);
  }
  .buttons,
  .tools,
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
  }
  .actions button:not(.primary):not(.danger) {
    background: var(--_bg);
  }
  .tools {
    justify-content: flex-end;
  }
  .status:empty {
    display: none;
  }
  .status {
    font-size: 0.9em;
    color: var(--_muted);
  }
`;
