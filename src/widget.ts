/**
 * The single-script entry (`dist/phone-widget.js`): registers the elements,
 * reads its own script tag's `data-*` as the page's defaults, takes the
 * activation parameters out of the address bar at once, and, when the URL
 * activates a phone or the tag says `data-mount`, mounts a floating phone on
 * pages that have none.
 */
import { hasActivation, type ConfigInput } from './core/config.js';
import { takeUrlActivation } from './core/activation.js';
import { PhoneWidget } from './index.js';
import { applyLocale, pickLocale } from './i18n/locale.js';

const script = document.currentScript as HTMLScriptElement | null;
const data = script?.dataset ?? {};
const defaults: ConfigInput = {};
for (const key of ['server', 'domain', 'identity', 'authentication', 'username', 'password', 'display', 'destination', 'turn', 'turnUsername', 'turnCredential', 'forceRelay'] as const) {
  const value = data[key];
  if (value) defaults[key] = value;
}
PhoneWidget.scriptDefaults = defaults;
// `data-lang` picks the language of every phone that has no `lang` of its own.
if (data.lang) PhoneWidget.scriptLang = data.lang;
// Set now, not when a phone connects: switching is asynchronous, and the phone's
// first words ("Connecting…", its phone-status event) come right after it connects.
void applyLocale(pickLocale({ script: data.lang, languages: navigator.languages }));
if (data.preset) PhoneWidget.scriptPreset = data.preset;

const activation = data.urlActivation === 'false' ? {} : takeUrlActivation(window);
const mount = data.mount !== undefined && data.mount !== 'false';

function autoMount(): void {
  if (document.querySelector('phone-widget')) return;
  if (!mount && !hasActivation(activation)) return;
  const phone = document.createElement('phone-widget');
  phone.floating = true;
  if (data.theme === 'light' || data.theme === 'dark') phone.theme = data.theme;
  // A kiosk link (`…&kiosk`) or tag (`data-kiosk`) mounts the kiosk layout, not a floating panel.
  if (data.kiosk !== undefined || new URLSearchParams(location.search).has('kiosk')) {
    phone.kiosk = true;
    phone.floating = false;
  }
  document.body.append(phone);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', autoMount, { once: true });
else autoMount();
