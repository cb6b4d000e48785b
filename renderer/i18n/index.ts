import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './de.json';
import en from './en.json';
import fr from './fr.json';
import nl from './nl.json';
import { defaultLocale, locales, pickLocale, type Locale } from './locale';

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

export function initI18n(): void {
  i18next.on('languageChanged', applyToDocument);
  void i18next.use(initReactI18next).init({
    resources: {
      en: { translation: en },
      nl: { translation: nl },
      fr: { translation: fr },
      de: { translation: de },
    },
    lng: initialLocale(),
    fallbackLng: defaultLocale,
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
  await i18next.changeLanguage(locale);
}
