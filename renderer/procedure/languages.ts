import { interfaceLanguages } from '../../shared/domain/procedure';

/**
 * Languages offered for the person heard, for consent and for the information given: the four
 * the application speaks first, then languages often needed in hearings of minors in Belgium
 * (interpreters in trafficking cases among them). Any other ISO 639 code can be typed.
 */
export const offeredLanguages: readonly string[] = [
  ...interfaceLanguages,
  'ar',
  'am',
  'bg',
  'zh',
  'prs',
  'es',
  'fa',
  'hu',
  'it',
  'ku',
  'ln',
  'pl',
  'ps',
  'pt',
  'rom',
  'ro',
  'ru',
  'so',
  'sq',
  'ti',
  'tr',
  'uk',
  'ur',
  'vi',
];

/** The value of the language list's "other language" entry: a code is then typed. */
export const otherLanguage = '*';

const names = new Map<string, Intl.DisplayNames>();

/** A language code named in the reader's language (`nl` read in French is "néerlandais"). */
export function languageName(code: string, locale: string): string {
  let display = names.get(locale);
  if (!display) {
    display = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
    names.set(locale, display);
  }
  try {
    return display.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The offered languages in the order shown: the application's four, then by name. */
export function sortedLanguages(locale: string): string[] {
  const first = [...interfaceLanguages] as string[];
  const rest = offeredLanguages
    .filter((code) => !first.includes(code))
    .sort((a, b) => languageName(a, locale).localeCompare(languageName(b, locale), locale));
  return [...first, ...rest];
}
