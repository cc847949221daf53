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
