import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { HISTORY_LIMITS, type SavedSettings } from '../../core/saved-settings.js';
import type { CallSettings, PhoneState } from '../../core/types.js';
import { VERSION } from '../../version.js';

export interface SettingsInput {
  state: PhoneState;
  historyLimit: number;
  /** The page lets the user keep the account (with its password) on this device. */
  canRemember: boolean;
  remembered: boolean;
  notificationsOn: boolean;
  /** A setting changed: apply it and save it for the account. */
  change(patch: SavedSettings): void;
  remember(on: boolean): void;
  askNotifications(): void;
  signOut(): void;
  done(): void;
}

/** The settings of the phone: account, calls, sound, notifications, version. */
export function renderSettings(input: SettingsInput) {
  const { state } = input;
  const settings = state.settings;
  const account = state.account;
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
  const checked = (e: Event) => (e.target as HTMLInputElement).checked;
  const inCall = state.calls.length > 0;
  return html`<section class="settings" aria-label=${msg('Settings')}>
    ${account
      ? html`<fieldset class="group">
          <legend>${msg('Account')}</legend>
          <label class="setting">
            ${msg('Display name')}
            <input
              type="text"
              maxlength="100"
              autocomplete="off"
              .value=${account.displayName ?? ''}
              ?disabled=${inCall}
              @change=${(e: Event) => input.change({ display: value(e).trim() })}
            />
          </label>
          <p class="setting">
            <span>${msg('User name')}</span><output class="readonly">${account.user}</output>
          </p>
          <p class="setting">
            <span>${msg('Password')}</span><output class="readonly" aria-label=${msg('Password: hidden')}>••••••••</output>
          </p>
          ${input.canRemember
            ? html`<label class="setting check">
                <input type="checkbox" .checked=${input.remembered} @change=${(e: Event) => input.remember(checked(e))} />
                ${msg('Remember me on this device (the password is kept in this browser)')}
              </label>`
            : nothing}
          <button class="sign-out" type="button" ?disabled=${inCall} @click=${() => input.signOut()}>${msg('Sign out')}</button>
        </fieldset>`
      : nothing}
    <phone-audio-settings></phone-audio-settings>
    <label class="setting">
      ${msg('Call waiting tone')}
      <select .value=${settings.callWaiting} @change=${(e: Event) => input.change({ callWaiting: value(e) as CallSettings['callWaiting'] })}>
        <option value="enable">${msg('Enable')}</option>
        <option value="once">${msg('One time')}</option>
        <option value="disabled">${msg('Disabled')}</option>
      </select>
    </label>
    <label class="setting check">
      <input type="checkbox" .checked=${settings.autoAnswer} @change=${(e: Event) => input.change({ autoAnswer: checked(e) })} />
      ${msg('Answer calls automatically')}
    </label>
    <label class="setting check">
      <input type="checkbox" .checked=${input.notificationsOn} @change=${() => input.askNotifications()} />
      ${msg('Notify me of calls when this page is in the background')}
    </label>
    <label class="setting">
      ${msg('Call history keeps')}
      <select @change=${(e: Event) => input.change({ historyLimit: Number(value(e)) })}>
        ${[...new Set([...HISTORY_LIMITS, input.historyLimit])].sort((a, b) => a - b).map((n) => html`<option value=${n} ?selected=${n === input.historyLimit}>${msg(str`the last ${n.toLocaleString()} calls`)}</option>`)}
      </select>
    </label>
    <p class="version">${msg(str`Version ${VERSION}`)}</p>
    <button class="done" type="button" @click=${() => input.done()}>${msg('Done')}</button>
  </section>`;
}
