import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { PageHeading } from '../components/PageHeading';
import { credentialsError } from './credentials';
import { RecoverWithKey } from './RecoverWithKey';

/**
 * The first screen of a session: username and password, or the recovery key when the
 * administrator's password is lost.
 */
export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [recovering, setRecovering] = useState(false);
  const [recovered, setRecovered] = useState(false);
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

  if (recovering) {
    return (
      <RecoverWithKey
        onBack={() => setRecovering(false)}
        onDone={(admin) => {
          setUsername(admin);
          setPassword('');
          setProblem(null);
          setRecovered(true);
          setRecovering(false);
        }}
      />
    );
  }

  return (
    <main className="session-screen">
      <PageHeading title={t('session.signInTitle')} />
      <p className="lead">{t('session.signInIntro')}</p>
      <div className="notice-slot" role="status">
        {recovered && <p className="notice">{t('session.recovered')}</p>}
      </div>
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
      <p>
        <button type="button" className="button" onClick={() => setRecovering(true)}>
          {t('session.useRecoveryKey')}
        </button>
      </p>
    </main>
  );
}
