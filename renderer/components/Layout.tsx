import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../routing/routes';
import { LanguageSwitcher } from './LanguageSwitcher';

export function Layout({ onHome, children }: { onHome: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // The hash holds the route, so move the focus instead of following the link.
          event.preventDefault();
          main.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <a className="app-name" href={hrefFor({ name: 'hearings' })}>
            {t('app.name')}
          </a>
          <nav aria-label={t('app.navigation')} className="app-nav">
            <a href={hrefFor({ name: 'hearings' })} aria-current={onHome ? 'page' : undefined}>
              {t('hearings.title')}
            </a>
          </nav>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="app-main">
        {children}
      </main>
    </>
  );
}
