import { useTranslation } from 'react-i18next';
import { chooseLocale } from '../i18n';
import { isLocale, localeNames, locales, localeOf, defaultLocale } from '../i18n/locale';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = localeOf(i18n.resolvedLanguage) ?? defaultLocale;
  return (
    <div className="language">
      <label htmlFor="language">{t('app.language')}</label>
      <select
        id="language"
        value={current}
        onChange={(event) => {
          if (isLocale(event.target.value)) void chooseLocale(event.target.value);
        }}
      >
        {locales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {localeNames[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}
