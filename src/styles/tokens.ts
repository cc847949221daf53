import { css } from 'lit';

/**
 * Design tokens shared by every element. Each `--phone-*` property can be set
 * by the host page; these are the defaults, as light/dark pairs.
 *
 * `all: initial` keeps the host page's inherited CSS (fonts, colours, line
 * height) out of the phone. `color-scheme` is the one thing inherited on
 * purpose: `<phone-widget>` sets it (from the OS, or its `theme` attribute)
 * and every element inside follows, through `light-dark()`.
 */
export const tokens = css`
  :host {
    all: initial;
    color-scheme: inherit;
    display: block;
    box-sizing: border-box;
    --_bg: var(--phone-bg, light-dark(#ffffff, #161b22));
    --_surface: var(--phone-surface, light-dark(#f1f3f6, #222831));
    --_fg: var(--phone-fg, light-dark(#1c2430, #e6edf3));
    --_muted: var(--phone-muted, light-dark(#55606e, #9aa5b1));
    --_border: var(--phone-border, light-dark(#dde1e6, #323a44));
    --_accent: var(--phone-accent, light-dark(#2458d6, #6ea2ff));
    --_accent-fg: var(--phone-accent-fg, light-dark(#ffffff, #0d1117));
    --_ok: var(--phone-ok, light-dark(#157a3b, #2ea043));
    --_on-ok: var(--phone-on-ok, light-dark(#ffffff, #0d1117));
    --_danger: var(--phone-danger, light-dark(#c42b2b, #f85149));
    --_on-danger: var(--phone-on-danger, light-dark(#ffffff, #0d1117));
    --_warn: var(--phone-warn, light-dark(#a35200, #d29922));
    --_focus: var(--phone-focus, light-dark(#2458d6, #79b8ff));
    --_radius: var(--phone-radius, 12px);
    font-family: var(--phone-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--phone-font-size, 14px);
    line-height: 1.4;
    color: var(--_fg);
    -webkit-font-smoothing: antialiased;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
