/**
 * The phone's language. English is the source; the translations are compiled
 * from `xliff/*.xlf` into `src/generated/locales/*.ts` by `npm run localize:build`
 * and imported here, so the single script carries them and never fetches one.
 *
 * Which language, first that says anything: the element's `lang` attribute,
 * the script tag's `data-lang`, the browser's languages (`navigator.languages`,
 * in order). A region falls back to its language (`de-AT` → `de`); a language
 * the phone does not ship falls back to English.
 *
 * `@lit/localize` in runtime mode keeps one active locale per page, so two
 * phones on one page asking for different languages get the last one asked.
 */
import { configureLocalization } from '@lit/localize';
import type { LocaleModule } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import * as de from '../generated/locales/de.js';

/** A language the phone ships: `en`, `de`. */
export type Locale = typeof sourceLocale | (typeof targetLocales)[number];

const TRANSLATIONS: Record<(typeof targetLocales)[number], LocaleModule> = { de };

/**
 * A table looked up by full id, or by its first 7 characters: the single
 * script's build cuts the keys to that (see `shortLocaleKeys` in rollup.config.mjs).
 */
export const lookup = ({ templates }: LocaleModule): LocaleModule => {
  const table = templates as Record<string, LocaleModule['templates'][string]>;
  return {
    templates: new Proxy(table, {
      get: (t, id) => (typeof id === 'string' ? (Object.hasOwn(t, id) ? t[id] : Object.hasOwn(t, id.slice(0, 7)) ? t[id.slice(0, 7)] : undefined) : undefined),
    }),
  };
};

/** The shipped language a BCP 47 tag asks for (`de-AT` → `de`), or undefined. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const language = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  if (!language) return undefined;
  if (language === sourceLocale) return sourceLocale;
  return targetLocales.find((l) => l === language);
}

/** Where a language choice may come from, strongest first. */
export interface LocaleSources {
  /** `<phone-widget lang>`. */
  attribute?: string | null;
  /** The script tag's `data-lang`. */
  script?: string | null;
  /** The browser's preferred languages (`navigator.languages`). */
  languages?: readonly string[];
}

/**
 * Picks the phone's language: the attribute, else the script's `data-lang`, else
 * the first browser language the phone ships, else English. An attribute or
 * `data-lang` naming a language the phone lacks gives English.
 */
export function pickLocale({ attribute, script, languages = [] }: LocaleSources): Locale {
  for (const explicit of [attribute, script]) {
    if (explicit?.trim()) return matchLocale(explicit) ?? sourceLocale;
  }
  for (const tag of languages) {
    const hit = matchLocale(tag);
    if (hit) return hit;
  }
  return sourceLocale;
}

let runtime: ReturnType<typeof configureLocalization> | null | undefined;

/**
 * Makes `locale` the active language; elements marked `@localized()` re-render
 * when it is ready. Resolves at once when it is already active.
 */
export function applyLocale(locale: Locale): Promise<void> {
  if (runtime === undefined) {
    try {
      runtime = configureLocalization({
        sourceLocale,
        targetLocales,
        loadLocale: (l) => Promise.resolve(lookup(TRANSLATIONS[l as keyof typeof TRANSLATIONS])),
      });
    } catch {
      // The page set up @lit/localize itself (npm users sharing our copy): its choice stands.
      runtime = null;
    }
  }
  if (!runtime || runtime.getLocale() === locale) return Promise.resolve();
  return runtime.setLocale(locale);
}

/** The active language. */
export function activeLocale(): Locale {
  const current = runtime?.getLocale();
  return matchLocale(current) ?? sourceLocale;
}

/**
 * The locale for dates and times (`Intl`): the browser's own when it speaks the
 * active language (an `en-GB` browser keeps its 24-hour clock), else the active language.
 */
export function formatLocale(): string {
  const active = activeLocale();
  return (typeof navigator !== 'undefined' && navigator.languages?.find((tag) => matchLocale(tag) === active)) || active;
}
