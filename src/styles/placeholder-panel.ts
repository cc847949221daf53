import { css } from 'lit';

/** A quiet dashed panel for elements that have nothing to show yet. */
export const placeholderPanel = css`
  .panel {
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: 12px;
    color: var(--_muted);
  }
`;
