import { css } from 'lit';

export const blfPanelStyles = css`
  :host {
    --_lamp-idle: var(--phone-lamp-idle, var(--_ok));
    --_lamp-ringing: var(--phone-lamp-ringing, var(--_warn));
    --_lamp-busy: var(--phone-lamp-busy, var(--_danger));
    --_lamp-off: var(--phone-lamp-off, var(--_muted));
    --_list-height: var(--phone-blf-max-height, 420px);
  }
  .panel {
    display: grid;
    gap: 8px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: 10px;
    min-width: 0;
  }
  p {
    margin: 0;
  }
  h3 {
    margin: 0;
    font-size: 1.05em;
  }
  .link {
    border: 0;
    background: transparent;
    color: var(--_accent);
    padding: 0;
    min-height: 28px;
    justify-self: start;
  }

  /* Voicemail and DND */
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
  }
  .vm,
  .dnd {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 32px;
    padding: 0 12px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    font-size: 0.9em;
  }
  .vm[data-waiting='true'] {
    border-color: var(--_danger);
  }
  .badge {
    min-width: 1.6em;
    padding: 0 6px;
    border-radius: 999px;
    background: var(--_danger);
    color: var(--_on-danger);
    font-weight: 600;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  .dnd {
    margin-left: auto;
  }
  .dnd[aria-pressed='true'] {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-danger);
    font-weight: 600;
  }

  /* Views */
  .tabs {
    display: flex;
    border-bottom: 1px solid var(--_border);
  }
  .tabs [role='tab'] {
    flex: 1;
    border: 0;
    border-bottom: 2px solid transparent;
    border-radius: 0;
    background: transparent;
    color: var(--_muted);
    padding: 6px 4px;
  }
  .tabs [aria-selected='true'] {
    color: var(--_fg);
    border-bottom-color: var(--_accent);
    font-weight: 600;
  }
  .view {
    display: grid;
    gap: 8px;
    min-width: 0;
  }
  .empty,
  .hint {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .error {
    color: var(--_danger);
    font-size: 0.9em;
  }
  .status:empty {
    display: none;
  }
  .status {
    font-size: 0.9em;
  }

  /* Keys */
  .keys,
  .rows {
    list-style: none;
    margin: 0;
    padding: 0;
    max-height: var(--_list-height);
    overflow: auto;
  }
  .keys {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
    gap: 6px;
  }
  .slot {
    display: flex;
    gap: 4px;
    min-width: 0;
    /* Off-screen keys of a long list cost nothing to lay out. */
    content-visibility: auto;
    contain-intrinsic-size: auto 48px;
  }
  .key {
    flex: 1;
    min-width: 0;
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    column-gap: 8px;
    align-items: center;
    text-align: left;
    padding: 5px 8px;
  }
  .key .lamp {
    grid-row: span 2;
  }
  .lamp,
  .dot {
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--_lamp-off);
    flex: none;
    display: inline-block;
  }
  [state='idle'] .lamp,
  [presence='available'] .dot,
  .dot[presence='available'] {
    background: var(--_lamp-idle);
  }
  [state='busy'] .lamp,
  [presence='busy'] .dot,
  .dot[presence='busy'] {
    background: var(--_lamp-busy);
  }
  [state='ringing'] .lamp {
    background: var(--_lamp-ringing);
    /* A discrete (visibility) blink: an opacity animation would give each of hundreds of lamps its own compositor layer. */
    animation: blink 1s step-end infinite;
  }
  [state='ringing'] {
    border-color: var(--_lamp-ringing);
  }
  [state='held'] .lamp {
    background: transparent;
    box-shadow: inset 0 0 0 2px var(--_lamp-off);
  }
  @keyframes blink {
    50% {
      visibility: hidden;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [state='ringing'] .lamp {
      animation: none;
      box-shadow: 0 0 0 3px color-mix(in srgb, var(--_lamp-ringing) 35%, transparent);
    }
  }
  .label,
  .name {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .sub {
    color: var(--_muted);
    font-size: 0.85em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .listen {
    font-size: 0.85em;
    padding: 0 6px;
  }

  /* Directory and contacts */
  .rows {
    display: grid;
    gap: 4px;
  }
  .row {
    width: 100%;
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    column-gap: 8px;
    align-items: center;
    text-align: left;
    padding: 5px 8px;
  }
  .row .dot {
    grid-row: span 2;
  }
  .contact {
    display: flex;
    gap: 4px;
  }
  .star {
    flex: none;
    width: 36px;
    padding: 0;
    font-size: 1.1em;
  }
  .star[aria-pressed='true'] {
    color: var(--_warn);
  }
  .field {
    display: grid;
    gap: 2px;
    font-size: 0.85em;
    color: var(--_muted);
    min-width: 0;
  }
  .field input,
  .field select,
  .phone-row input,
  .phone-row select {
    font: inherit;
    font-size: 1.1em;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 4px);
    padding: 5px 8px;
    min-width: 0;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .tools .grow {
    flex: 1 1 100%;
  }
  .tools .field:not(.grow) {
    flex: 1 1 40%;
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .row-actions button,
  label.button {
    font-size: 0.9em;
  }
  .vcard {
    display: contents;
  }
  .vcard summary {
    align-self: center;
    color: var(--_accent);
    cursor: pointer;
    font-size: 0.9em;
    padding: 4px 2px;
  }
  .vcard[open] > .row-actions {
    flex-basis: 100%;
  }
  label.button {
    display: inline-flex;
    align-items: center;
    border: 1px solid var(--_border);
    background: var(--_surface);
    border-radius: calc(var(--_radius) - 4px);
    min-height: 32px;
    padding: 0 10px;
    cursor: pointer;
  }
  label.button:focus-within {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .detail,
  .form {
    display: grid;
    gap: 8px;
  }
  .numbers {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 4px;
  }
  .numbers li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
  }
  .note {
    font-size: 0.9em;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 4px);
    margin: 0;
    padding: 6px 8px 8px;
    display: grid;
    gap: 6px;
  }
  legend {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .phone-row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto auto;
    gap: 4px;
  }
`;
