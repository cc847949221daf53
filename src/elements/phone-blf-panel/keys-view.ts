import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { msg, str } from '@lit/localize';
import { activeLocale } from '../../i18n/locale.js';
import { keyAction, listenTarget, type FeatureCodes } from '../../core/blf/key-action.js';
import type { BlfKey } from '../../core/blf/keys.js';
import { LAMP_WORDS, type KeyLamp } from '../../core/blf/lamp.js';
import type { CallView } from '../../core/types.js';

export interface KeysViewInput {
  keys: readonly BlfKey[];
  lamps: ReadonlyMap<string, KeyLamp>;
  calls: readonly CallView[];
  codes: FeatureCodes;
  /** Who the keys are for ("1001"), for the empty state. */
  account?: string;
  press(key: BlfKey): void;
  listen(key: BlfKey): void;
}

const UNKNOWN: KeyLamp = { state: 'unknown' };

/** The other party, shown while the lamp is lit. */
const peerOf = (lamp: KeyLamp) => (lamp.peer && (lamp.state === 'ringing' || lamp.state === 'busy' || lamp.state === 'held') ? lamp.peer : '');

/**
 * "Bob, 1003, busy" ("1003, busy" when the label is the extension), then the
 * other party when known: the key's visible text, word for word, so that
 * speech users can say what they see.
 */
export const keyName = (key: BlfKey, lamp: KeyLamp): string =>
  [key.label === key.extension ? '' : key.label, key.extension, LAMP_WORDS[lamp.state], peerOf(lamp)].filter(Boolean).join(', ');

/** The grid of BLF keys. Each is one button; its lamp state is in its name, its text and its `state` attribute. */
export function renderKeys(input: KeysViewInput) {
  if (!input.keys.length) {
    const account = input.account;
    return html`<p class="empty">${account ? msg(str`No BLF keys configured for ${account}.`) : msg('No account set up.')}</p>`;
  }
  return html`<ul class="keys" part="keys" aria-label=${msg('BLF keys')}>
    ${input.keys.map((key) => {
      const lamp = input.lamps.get(key.extension) ?? UNKNOWN;
      // Lamp objects change only when a lamp does: with 500 keys, only the keys that changed are rendered again
      // (all of them when the language changes).
      return guard([key, lamp, input.calls, input.codes.pickup, input.codes.listen, activeLocale()], () => renderKey(key, lamp, input));
    })}
  </ul>`;
}

function renderKey(key: BlfKey, lamp: KeyLamp, input: KeysViewInput) {
  const state = lamp.state;
  const action = keyAction(key, state, input.calls, input.codes);
  const listen = (state === 'busy' || state === 'held') && listenTarget(key.extension, input.codes);
  const peer = peerOf(lamp);
  const plain = key.label === key.extension;
  return html`<li class="slot">
    <button
      type="button"
      class="key"
      part="key key-${state}"
      state=${state}
      aria-label=${keyName(key, lamp)}
      title=${action.text}
      @click=${() => input.press(key)}
    >
      <span class="lamp" part="lamp lamp-${state}" aria-hidden="true"></span>
      <span class="label">${key.label}</span>
      <span class="sub">${plain ? '' : `${key.extension} · `}${LAMP_WORDS[state]}${peer ? ` · ${peer}` : ''}</span>
    </button>
    ${listen
      ? html`<button type="button" class="listen" part="listen" aria-label=${msg(str`Listen to ${key.label}`)} @click=${() => input.listen(key)}>${msg('Listen')}</button>`
      : nothing}
  </li>`;
}
