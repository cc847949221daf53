import { css } from 'lit';

export const dialerStyles = css`
  .number {
    display: flex;
    align-items: center;
    gap: 4px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: 4px 4px 4px 12px;
  }
  .number:focus-within {
    border-color: var(--_focus);
  }
  input {
    flex: 1;
    min-width: 0;
    border: 0;
    background: transparent;
    color: var(--_fg);
    font: inherit;
    font-size: 1.4em;
    letter-spacing: 0.04em;
    padding: 6px 0;
  }
  input::placeholder {
    font-size: 0.8em;
    letter-spacing: 0;
    color: var(--_muted);
  }
  input:focus-visible {
    outline: none;
  }
  .erase {
    border: 0;
    background: transparent;
    width: 40px;
    height: 40px;
    border-radius: 50%;
    color: var(--_muted);
    font-size: 1.2em;
  }
  .erase:hover {
    background: var(--_surface);
  }
  .suggestions {
    list-style: none;
    margin: 4px 0 0;
    padding: 4px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .suggestions[hidden] {
    display: none;
  }
  .suggestions li {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    padding: 8px 10px;
    border-radius: 8px;
    cursor: pointer;
  }
  .suggestions li[aria-selected='true'],
  .suggestions li:hover {
    background: var(--_surface);
  }
  .s-name {
    font-weight: 500;
  }
  .s-meta {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .keypad {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: 8px;
    margin: 12px 0;
  }
  .key {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    height: 52px;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_surface);
    transition: filter 0.1s;
  }
  .key:hover {
    filter: brightness(0.96);
  }
  .key:active {
    filter: brightness(0.9);
  }
  .digit {
    font-size: 1.35em;
    font-weight: 500;
    line-height: 1.1;
  }
  .letters {
    font-size: 0.65em;
    letter-spacing: 0.12em;
    color: var(--_muted);
    min-height: 1em;
  }
  .call {
    width: 100%;
    height: 48px;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_ok);
    color: var(--_on-ok);
    font-weight: 600;
    font-size: 1.05em;
  }
  .call:hover {
    filter: brightness(1.05);
  }
  .message {
    min-height: 1.4em;
    margin: 8px 2px 0;
    color: var(--_danger);
    font-size: 0.9em;
  }
`;
