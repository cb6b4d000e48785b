import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { locales, pickLocale, type Locale } from './locale';

type Messages = Record<string, unknown>;

// Each language is its own chunk: the first screen loads only the one it shows (about 70 KiB of
// text each), and another is fetched when a person chooses it.
const bundles: Record<Locale, () => Promise<{ default: Messages }>> = {
  en: () => import('./en.json'),
  nl: () => import('./nl.json'),
  fr: () => import('./fr.json'),
  de: () => import('./de.json'),
};

async function load(locale: Locale): Promise<void> {
  if (i18next.hasResourceBundle(locale, 'translation')) return;
  const { default: messages } = await bundles[locale]();
  i18next.addResourceBundle(locale, 'translation', messages, true, true);
}

const storageKey = 'hearingRoom.locale';
/** `?lang=xx` in the address forces a language, for tests and for links sent to a colleague. */
const queryParam = 'lang';

function storedLocale(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

function initialLocale(): Locale {
  const forced = new URLSearchParams(window.location.search).get(queryParam);
  return pickLocale([forced, storedLocale(), ...navigator.languages, navigator.language]);
}

function applyToDocument(lng: string): void {
  document.documentElement.lang = lng;
}

/** Loads the language to show first, then starts i18next with it; the page renders after. */
export async function initI18n(): Promise<void> {
  i18next.on('languageChanged', applyToDocument);
  const lng = initialLocale();
  const { default: messages } = await bundles[lng]();
  await i18next.use(initReactI18next).init({
    resources: { [lng]: { translation: messages } },
    // The other languages are added as they are chosen (every language has every key: tests).
    partialBundledLanguages: true,
    lng,
    // No fallback: only the language shown is loaded, and it has every key.
    fallbackLng: false,
    supportedLngs: locales,
    interpolation: { escapeValue: false },
    returnEmptyString: false,
    initAsync: false,
    showSupportNotice: false,
  });
}

/** Switches the language now and for the next start; a language forced in the address yields. */
export async function chooseLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Without storage the choice lasts as long as the window.
  }
  const url = new URL(window.location.href);
  if (url.searchParams.has(queryParam)) {
    url.searchParams.delete(queryParam);
    window.history.replaceState(
      window.history.state,
      '',
      `${url.pathname}${url.search}${url.hash}`,
    );
  }
  await load(locale);
  await i18next.changeLanguage(locale);
}
