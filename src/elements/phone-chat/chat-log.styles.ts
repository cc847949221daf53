import { css } from 'lit';

export const chatLogStyles = css`
  :host {
    display: block;
    min-height: 0;
  }
  .scroller {
    height: 100%;
    overflow-y: auto;
    overflow-anchor: none;
    overscroll-behavior: contain;
  }
  .scroller:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  ol {
    list-style: none;
    margin: 0;
    padding-left: 0;
    padding-right: 0;
  }
  li {
    padding: 3px 10px;
    display: flow-root;
  }
  .msg {
    display: grid;
    justify-items: start;
    max-width: 85%;
  }
  .msg[data-dir='out'] {
    margin-left: auto;
    justify-items: end;
  }
  .who {
    font-size: 0.75em;
    color: var(--_muted);
    margin: 0 4px 2px;
  }
  .bubble {
    border-radius: 14px;
    padding: 6px 10px;
    background: var(--_surface);
    max-width: 100%;
    overflow-wrap: anywhere;
  }
  .msg[data-dir='out'] .bubble {
    background: var(--_accent);
    color: var(--_accent-fg);
    border-bottom-right-radius: 4px;
  }
  .msg[data-dir='in'] .bubble {
    border-bottom-left-radius: 4px;
  }
  .msg[data-state='failed'] .bubble {
    outline: 2px dashed var(--_danger);
    outline-offset: 1px;
  }
  .text {
    margin: 0;
    white-space: pre-wrap;
  }
  a {
    color: inherit;
    text-decoration: underline;
  }
  .file {
    display: grid;
    gap: 4px;
  }
  .preview {
    display: block;
    max-width: 100%;
    max-height: 160px;
    border-radius: 8px;
  }
  .size {
    font-size: 0.8em;
  }
  .meta {
    font-size: 0.72em;
    color: var(--_muted);
    margin: 2px 4px 0;
  }
  .msg[data-state='stored'] .state {
    color: var(--_warn);
  }
  .msg[data-state='failed'] .state,
  .partial {
    color: var(--_danger);
  }
  .partial {
    font-size: 0.72em;
    margin: 0 4px;
  }
  .retry {
    margin-top: 2px;
    border: 1px solid var(--_border);
    background: var(--_bg);
    border-radius: 8px;
    padding: 2px 10px;
    font-size: 0.8em;
  }
`;
