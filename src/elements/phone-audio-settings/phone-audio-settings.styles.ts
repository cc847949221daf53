import { css } from 'lit';

export const audioSettingsStyles = css`
  :host {
    min-width: 0;
    background: var(--_bg);
  }
  .section {
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding: 12px 0;
  }
  .section:first-of-type {
    padding-top: 0;
  }
  .section:last-of-type {
    padding-bottom: 0;
  }
  .section + .section {
    border-top: 1px solid var(--_border);
  }
  .label {
    font-weight: 500;
    font-size: 0.92em;
  }
  .section > .label:not(:first-child),
  .slider-head {
    margin-top: 6px;
  }
  select {
    width: 100%;
    min-width: 0;
    height: 38px;
    padding: 0 10px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    text-overflow: ellipsis;
  }
  select:hover {
    border-color: color-mix(in srgb, var(--_fg) 35%, var(--_border));
  }
  select:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .row {
    display: flex;
    gap: 8px;
  }
  .row select {
    flex: 1;
  }
  button.secondary {
    height: 38px;
    padding: 0 14px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface);
    font-weight: 500;
    white-space: nowrap;
  }
  button.secondary:hover {
    filter: brightness(0.97);
  }
  .play {
    min-width: 72px;
  }
  .meter {
    position: relative;
    height: 8px;
    margin-top: 4px;
    border-radius: 4px;
    background: var(--_surface);
    box-shadow: inset 0 0 0 1px var(--_border);
    overflow: hidden;
  }
  .fill {
    position: absolute;
    inset: 0;
    background: var(--_ok);
    transform-origin: left center;
    transform: scaleX(0);
    transition: transform 60ms linear;
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .mic-test {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 10px;
  }
  .slider-head {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
  }
  .value {
    color: var(--_muted);
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  input[type='range'] {
    width: 100%;
    margin: 0;
    height: 24px;
    accent-color: var(--_accent);
    background: transparent;
  }
  .note {
    margin: 0;
    padding: 10px 12px;
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface);
    color: var(--_muted);
    font-size: 0.88em;
  }
  .note.warn {
    color: var(--_fg);
    background: color-mix(in srgb, var(--_warn) 12%, var(--_bg));
    border: 1px solid color-mix(in srgb, var(--_warn) 45%, var(--_border));
  }
  @media (prefers-reduced-motion: reduce) {
    .fill {
      transition: none;
    }
  }
`;
