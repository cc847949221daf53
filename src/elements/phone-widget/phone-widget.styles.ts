import { css } from 'lit';

export const widgetStyles = css`
  :host {
    color-scheme: light dark;
    max-width: 420px;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  .shell {
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) + 4px);
    overflow: hidden;
  }
  :host([floating]) {
    position: fixed;
    right: var(--phone-float-right, 20px);
    bottom: var(--phone-float-bottom, 20px);
    width: min(360px, calc(100vw - 24px));
    z-index: var(--phone-z-index, 2147483000);
  }
  :host([floating]) .shell {
    box-shadow:
      0 12px 32px rgb(0 0 0 / 0.18),
      0 2px 6px rgb(0 0 0 / 0.08);
    max-height: calc(100vh - 40px);
    overflow: auto;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 12px 14px;
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
  }
  :host([collapsed]) .bar {
    border-bottom: 0;
  }
  .dot {
    flex: none;
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--_muted);
  }
  .dot[data-status='ready'] {
    background: var(--_ok);
  }
  .dot[data-status='in-call'] {
    background: var(--_accent);
  }
  .dot[data-status='connecting'] {
    background: var(--_warn);
  }
  .dot[data-status='disconnected'] {
    background: var(--_danger);
  }
  .status {
    flex: 1;
    min-width: 0;
  }
  .status-text {
    font-weight: 600;
  }
  .reason,
  .account {
    color: var(--_muted);
    font-size: 0.85em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .reason {
    color: var(--_danger);
    white-space: normal;
  }
  .toggle {
    border: 1px solid var(--_border);
    background: var(--_bg);
    border-radius: 8px;
    padding: 4px 10px;
    font-size: 0.85em;
  }
  .dnd {
    border: 1px solid var(--_border);
    background: var(--_bg);
    border-radius: 8px;
    padding: 4px 8px;
    font-size: 0.8em;
    font-weight: 600;
    letter-spacing: 0.04em;
    color: var(--_muted);
  }
  .dnd[aria-pressed='true'] {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-danger);
  }
  .settings-toggle {
    border: 1px solid var(--_border);
    background: var(--_bg);
    border-radius: 8px;
    padding: 2px 8px;
    font-size: 1em;
    color: var(--_muted);
  }
  .settings-toggle[aria-expanded='true'] {
    color: var(--_accent);
    border-color: var(--_accent);
  }
  .unlock {
    width: 100%;
    margin: 0 0 12px;
    padding: 10px 12px;
    border: 1px dashed var(--_warn);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_warn) 10%, transparent);
    color: var(--_fg);
    text-align: left;
  }
  .settings {
    display: grid;
    gap: 12px;
  }
  .setting {
    display: grid;
    gap: 6px;
    color: var(--_fg);
  }
  .setting.check {
    display: flex;
    align-items: center;
    gap: 8px;
    color: var(--_fg);
  }
  .setting select {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 8px 10px;
  }
  .group {
    display: grid;
    gap: 10px;
    margin: 0;
    padding: 10px 12px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .group legend {
    padding: 0 4px;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .setting input[type='text'] {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 8px 10px;
  }
  p.setting {
    margin: 0;
    display: flex;
    justify-content: space-between;
    gap: 8px;
  }
  .readonly {
    color: var(--_muted);
  }
  .sign-out {
    justify-self: start;
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_danger);
    border-radius: var(--_radius);
    padding: 6px 14px;
  }
  .version {
    margin: 0;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .done {
    justify-self: end;
    border: 1px solid var(--_border);
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: 6px 16px;
  }
  .tabs {
    display: flex;
    gap: 4px;
    margin: -4px 0 12px;
    padding: 3px;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .tabs [role='tab'] {
    flex: 1;
    border: 0;
    background: transparent;
    border-radius: calc(var(--_radius) - 3px);
    padding: 6px 8px;
    color: var(--_muted);
    font-weight: 500;
  }
  .tabs [role='tab'][aria-selected='true'] {
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: 0 1px 2px rgb(0 0 0 / 0.08);
  }
  /* With a fifth tab (Parks), tighter tabs so that all five fit in 320 px. */
  .tabs:has([role='tab']:nth-child(5)) [role='tab'] {
    padding-inline: 2px;
    font-size: 0.9em;
  }
  /* The badge sits on the tab's corner, so five tabs still fit in 320 px. */
  .tabs [role='tab']:has(.tab-badge) {
    position: relative;
  }
  .tab-badge {
    position: absolute;
    top: -3px;
    inset-inline-end: 0;
    min-width: 1.4em;
    padding: 0 5px;
    line-height: 1.4;
    border-radius: 999px;
    background: var(--_danger);
    color: var(--_on-danger);
    font-size: 0.8em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .notice {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    margin: 0 0 12px;
    padding: 8px 12px;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_accent) 12%, transparent);
  }
  .notice[data-kind='error'] {
    background: color-mix(in srgb, var(--_danger) 12%, transparent);
    color: var(--_danger);
  }
  .notice button {
    border: 0;
    background: transparent;
    font-size: 1.2em;
    line-height: 1;
    padding: 2px 6px;
    color: inherit;
  }
  .body {
    padding: 14px;
  }
  .setup {
    color: var(--_muted);
    margin: 0 0 12px;
  }
  .error {
    margin: 0 0 12px;
    padding: 10px 12px;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_danger) 12%, transparent);
    color: var(--_danger);
  }
`;

export const kioskStyles = css`
  :host([kiosk]) {
    max-width: none;
  }
  .kiosk {
    display: grid;
    gap: 20px;
    justify-items: stretch;
    padding: 24px;
    background: var(--_bg);
    border-radius: calc(var(--_radius) + 8px);
    border: 1px solid var(--_border);
  }
  .kiosk-status {
    margin: 0;
    text-align: center;
    font-size: 1.4em;
    color: var(--_muted);
  }
  .kiosk-button {
    min-height: 96px;
    border: 0;
    border-radius: calc(var(--_radius) + 8px);
    font-size: 1.8em;
    font-weight: 600;
    background: var(--_surface);
  }
  .kiosk-button.call,
  .kiosk-button.answer {
    background: var(--_ok);
    color: var(--_on-ok);
  }
  .kiosk-button.hangup {
    background: var(--_danger);
    color: var(--_on-danger);
  }
  .kiosk-button:disabled {
    opacity: 0.5;
  }
  .kiosk-keypad {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: 12px;
  }
  .kiosk-keypad button {
    min-height: 72px;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_surface);
    font-size: 1.6em;
  }
`;
