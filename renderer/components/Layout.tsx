import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../routing/routes';
import { ChangePasswordButton } from '../session/ChangePassword';
import { useSession } from '../session/session-context';
import { LanguageSwitcher } from './LanguageSwitcher';

export function Layout({ onHome, children }: { onHome: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  const session = useSession();
  const administrator = session.user.role === 'administrator';
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
              {administrator ? t('accounts.title') : t('hearings.title')}
            </a>
          </nav>
          <div className="app-user">
            <span className="app-user-name">
              {t('session.signedInAs', { name: session.user.displayName, role: t(`roles.${session.user.role}`) })}
            </span>
            <ChangePasswordButton />
            <button type="button" className="button small" onClick={() => void session.lock()}>
              {t('session.lock')}
            </button>
            <button type="button" className="button small" onClick={() => void session.signOut()}>
              {t('session.signOut')}
            </button>
          </div>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="app-main">
        {children}
      </main>
    </>
  );
}
