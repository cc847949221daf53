import { css } from 'lit';

/** The buttons of the panels (contacts, history): quiet by default, `.primary` and `.danger` where they matter. */
export const controlStyles = css`
  button {
    border: 1px solid var(--_border);
    background: var(--_surface);
    border-radius: calc(var(--_radius) - 4px);
    min-height: 32px;
    padding: 0 10px;
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
  }
  .danger {
    color: var(--_danger);
    background: var(--_bg);
  }
`;
