import { css } from 'lit';

export const chatStyles = css`
  /* Set here, not only on :host: a page's CSS reaches the host of an element it places itself. */
  .panel {
    color: var(--_fg);
    font-family: var(--phone-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--phone-font-size, 14px);
    line-height: 1.4;
    display: flex;
    flex-direction: column;
    height: var(--phone-chat-height, 440px);
    min-width: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    overflow: hidden;
  }
  .view {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
  }
  .head {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 8px 10px;
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
  }
  .title {
    font-weight: 600;
    flex: 1;
    min-width: 0;
  }
  .names {
    flex: 1;
    min-width: 0;
  }
  .name {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .sub {
    color: var(--_muted);
    font-size: 0.8em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  button {
    border: 1px solid var(--_border);
    background: var(--_bg);
    border-radius: calc(var(--_radius) - 4px);
    padding: 6px 10px;
    min-height: 32px;
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  button.icon {
    flex: none;
    width: 32px;
    height: 32px;
    padding: 0;
    border: 0;
    background: transparent;
    font-size: 1.1em;
    line-height: 1;
  }
  button.icon svg {
    width: 18px;
    height: 18px;
    display: block;
    margin: auto;
  }
  button.icon:hover {
    background: color-mix(in srgb, var(--_fg) 8%, transparent);
  }
  button.icon[aria-pressed='true'],
  button.icon[aria-expanded='true'] {
    background: color-mix(in srgb, var(--_accent) 16%, transparent);
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
    font-weight: 500;
  }
  button.small {
    padding: 4px 10px;
    min-height: 30px;
    font-size: 0.9em;
  }
  button.danger {
    color: var(--_danger);
  }
  button.link {
    border: 0;
    background: none;
    padding: 0;
    min-height: 0;
    color: var(--_accent);
    text-decoration: underline;
    justify-self: start;
  }
  button[aria-pressed='true']:not(.icon) {
    border-color: var(--_accent);
    color: var(--_accent);
    font-weight: 500;
  }
  .badge {
    flex: none;
    min-width: 20px;
    height: 20px;
    padding: 0 6px;
    border-radius: 10px;
    background: var(--_accent);
    color: var(--_accent-fg);
    font-size: 0.75em;
    font-weight: 600;
    line-height: 20px;
    text-align: center;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 4px;
    overflow-y: auto;
    flex: 1;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 10px;
    width: 100%;
    border: 0;
    background: transparent;
    text-align: left;
    padding: 8px;
    border-radius: calc(var(--_radius) - 4px);
  }
  .row:hover {
    background: var(--_surface);
  }
  .avatar {
    flex: none;
    width: 36px;
    height: 36px;
    border-radius: 50%;
    display: grid;
    place-items: center;
    background: var(--_surface);
    color: var(--_muted);
    font-weight: 600;
  }
  .row:hover .avatar {
    background: var(--_bg);
  }
  .main {
    flex: 1;
    min-width: 0;
    display: grid;
    gap: 2px;
  }
  .line {
    display: flex;
    align-items: center;
    gap: 6px;
    min-width: 0;
  }
  .line .name {
    flex: 1;
  }
  .row[data-unread='true'] .name,
  .row[data-unread='true'] .preview {
    font-weight: 600;
    color: var(--_fg);
  }
  .time {
    flex: none;
    color: var(--_muted);
    font-size: 0.78em;
  }
  .pin {
    flex: none;
    display: inline-flex;
    color: var(--_muted);
  }
  .pin svg {
    width: 14px;
    height: 14px;
  }
  .preview {
    flex: 1;
    min-width: 0;
    color: var(--_muted);
    font-size: 0.88em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .dock {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    padding: 8px 10px 0;
  }
  .chip {
    border-radius: 16px;
    font-size: 0.85em;
    padding: 4px 10px;
    min-height: 28px;
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .empty,
  .note {
    color: var(--_muted);
    font-size: 0.88em;
    margin: 10px;
  }
  .note {
    margin: 6px 10px;
  }
  .error {
    color: var(--_danger);
    font-size: 0.88em;
    margin: 4px 10px;
  }
  .new {
    gap: 10px;
  }
  .new label,
  .options label {
    display: grid;
    gap: 4px;
    margin: 0 10px;
    font-size: 0.88em;
    color: var(--_muted);
  }
  .new > .primary {
    margin: 0 10px;
    justify-self: start;
    align-self: flex-start;
  }
  input {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 4px);
    padding: 7px 10px;
  }
  .options {
    display: grid;
    gap: 8px;
    padding: 10px 0;
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
    max-height: 55%;
    overflow-y: auto;
  }
  .options > p,
  .options > .link {
    margin: 0 10px;
    font-size: 0.9em;
  }
  .options .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    padding: 0 10px;
  }
  .people {
    padding: 0 10px;
    font-size: 0.88em;
  }
  .people .label {
    color: var(--_muted);
  }
  .people ul {
    margin: 2px 0 0;
    padding: 0;
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 4px 10px;
  }
  .people .num {
    color: var(--_muted);
  }
  phone-chat-log {
    flex: 1;
    min-height: 0;
  }
  .typing {
    min-height: 1.3em;
    margin: 0;
    padding: 0 12px;
    color: var(--_muted);
    font-size: 0.8em;
    font-style: italic;
  }
`;
