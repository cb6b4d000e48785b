import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { PageHeading } from '../components/PageHeading';
import { credentialsError } from './credentials';

/** The first screen of a session: username and password. */
export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setProblem(null);
    try {
      await call('session.signIn', { username, password });
      setPassword('');
      onSignedIn();
    } catch (err) {
      setPassword('');
      setProblem(credentialsError(t, err));
    } finally {
      setPending(false);
    }
  }

  return (
    <main className="session-screen">
      <PageHeading title={t('session.signInTitle')} />
      <p className="lead">{t('session.signInIntro')}</p>
      <form className="form" onSubmit={(event) => void submit(event)} aria-busy={pending}>
        <div className="field">
          <label htmlFor="sign-in-username">{t('session.username')}</label>
          <input
            id="sign-in-username"
            className="input-text"
            autoComplete="username"
            spellCheck={false}
            required
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">{t('session.password')}</label>
          <input
            id="sign-in-password"
            className="input-text"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
        </div>
        <div className="notice-slot" role="alert">
          {problem && <p className="notice error">{problem}</p>}
        </div>
        <div className="actions">
          <button type="submit" className="button primary">
            {t('session.signIn')}
          </button>
        </div>
      </form>
    </main>
  );
}
