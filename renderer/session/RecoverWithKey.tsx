import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { minPasswordLength } from '../../shared/domain/password-policy';
import { call } from '../api/client';
import { PageHeading } from '../components/PageHeading';
import { recoveryError } from './credentials';

/**
 * Reached from the sign-in screen when the administrator's password is lost: the recovery key
 * shown at the first start, the administrator's username and a new password. Main checks the
 * key (with a back-off, every attempt audited) and resets only an administrator's password.
 */
export function RecoverWithKey({ onDone, onBack }: { onDone: (username: string) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ recoveryKey: '', username: '', password: '', repeat: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const first = useRef<HTMLTextAreaElement>(null);
  const set = (field: keyof typeof values) => (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
    setValues({ ...values, [field]: event.currentTarget.value });

  useEffect(() => first.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    if (values.password.length < minPasswordLength) return setProblem(t('session.passwordTooShort', { min: minPasswordLength }));
    if (values.password !== values.repeat) return setProblem(t('session.passwordsDiffer'));
    setPending(true);
    setProblem(null);
    try {
      await call('session.recoverWithKey', { recoveryKey: values.recoveryKey, username: values.username, newPassword: values.password });
      onDone(values.username.trim());
    } catch (err) {
      setProblem(recoveryError(t, err, values.recoveryKey));
    } finally {
      setPending(false);
    }
  }

  const passwords = [
    ['password', 'newPassword'],
    ['repeat', 'repeatNewPassword'],
  ] as const;
  return (
    <main className="session-screen">
      <PageHeading title={t('session.recoverTitle')} />
      <p className="lead">{t('session.recoverIntro')}</p>
      <form className="form" onSubmit={(event) => void submit(event)} aria-busy={pending}>
        <div className="field">
          <label htmlFor="recover-key">{t('session.recoveryKeyField')}</label>
          <span id="recover-key-hint" className="field-hint">
            {t('session.recoveryKeyHint')}
          </span>
          <textarea
            ref={first}
            id="recover-key"
            className="input-text recovery-key-input"
            rows={2}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            aria-describedby="recover-key-hint"
            value={values.recoveryKey}
            onChange={set('recoveryKey')}
          />
        </div>
        <div className="field">
          <label htmlFor="recover-username">{t('session.adminUsername')}</label>
          <input
            id="recover-username"
            className="input-text"
            autoComplete="username"
            spellCheck={false}
            required
            value={values.username}
            onChange={set('username')}
          />
        </div>
        {passwords.map(([field, label]) => (
          <div className="field" key={field}>
            <label htmlFor={`recover-${field}`}>{t(`session.${label}`)}</label>
            {field === 'password' && (
              <span id="recover-password-hint" className="field-hint">
                {t('session.passwordHint', { min: minPasswordLength })}
              </span>
            )}
            <input
              id={`recover-${field}`}
              className="input-text"
              type="password"
              autoComplete="new-password"
              required
              aria-describedby={field === 'password' ? 'recover-password-hint' : undefined}
              value={values[field]}
              onChange={set(field)}
            />
          </div>
        ))}
        <div className="notice-slot" role="alert">
          {problem && <p className="notice error">{problem}</p>}
        </div>
        <div className="actions">
          <button type="submit" className="button primary" disabled={pending}>
            {t('session.recoverSubmit')}
          </button>
          <button type="button" className="button" onClick={onBack}>
            {t('session.backToSignIn')}
          </button>
        </div>
      </form>
    </main>
  );
}
