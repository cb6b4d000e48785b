/** The languages Hearing Room speaks, in the order they are offered. */
export const locales = ['en', 'nl', 'fr', 'de'] as const;
export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = 'en';

/** Each language named in itself, so a person finds theirs whatever the current language. */
export const localeNames: Record<Locale, string> = {
  en: 'English',
  nl: 'Nederlands',
  fr: 'Français',
  de: 'Deutsch',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The supported locale of a language tag such as `nl-BE`, or null. */
export function localeOf(tag: string | null | undefined): Locale | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : null;
}

/**
 * The first supported locale among candidates given in order of preference: a locale forced in
 * the address, the one the person chose before, then the system's languages.
 */
export function pickLocale(candidates: readonly (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    const locale = localeOf(candidate);
    if (locale) return locale;
  }
  return defaultLocale;
}

/**
 * The region used to write dates and numbers: Belgium for its three languages, and British
 * conventions for English (day before month, 24-hour clock), which Belgian readers expect.
 */
const formatRegions: Record<Locale, string> = {
  en: 'en-GB',
  nl: 'nl-BE',
  fr: 'fr-BE',
  de: 'de-BE',
};

export function formatLocale(language: string | null | undefined): string {
  return formatRegions[localeOf(language) ?? defaultLocale];
}
