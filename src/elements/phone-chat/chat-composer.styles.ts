import { css } from 'lit';

export const composerStyles = css`
  .composer {
    border-top: 1px solid var(--_border);
    padding: 6px;
    display: grid;
    gap: 6px;
  }
  .row {
    display: flex;
    align-items: flex-end;
    gap: 4px;
  }
  textarea {
    flex: 1;
    min-width: 0;
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 16px;
    padding: 6px 12px;
    resize: none;
    field-sizing: content;
    min-height: 34px;
    max-height: 120px;
  }
  textarea:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 0;
  }
  button {
    flex: none;
    width: 34px;
    height: 34px;
    border: 0;
    border-radius: 50%;
    background: transparent;
    font-size: 1.1em;
    line-height: 1;
    padding: 0;
  }
  button svg {
    width: 18px;
    height: 18px;
    display: block;
    margin: auto;
  }
  .emoji button {
    font-size: 1.15em;
  }
  button:hover:not(:disabled) {
    background: var(--_surface);
  }
  button[aria-expanded='true'] {
    background: color-mix(in srgb, var(--_accent) 16%, transparent);
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .send {
    background: var(--_accent);
    color: var(--_accent-fg);
  }
  .send:hover:not(:disabled) {
    background: var(--_accent);
  }
  .emoji {
    display: grid;
    grid-template-columns: repeat(8, 1fr);
    gap: 2px;
    max-height: 120px;
    overflow-y: auto;
  }
  .emoji button {
    width: auto;
    height: 32px;
    border-radius: 8px;
  }
`;
