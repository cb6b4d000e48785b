import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { minPasswordLength } from '../../shared/domain/password-policy';
import { call } from '../api/client';
import { errorMessage } from '../api/error-message';
import { CopyButton } from '../components/CopyButton';
import { PageHeading } from '../components/PageHeading';

/**
 * The first start: nobody has an account yet. The person who installs the app becomes its first
 * administrator, then sees the recovery key once.
 */
export function FirstStart({ onCreated }: { onCreated: (recoveryKey: string) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ displayName: '', username: '', password: '', repeat: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const set = (field: keyof typeof values) => (event: { currentTarget: HTMLInputElement }) =>
    setValues({ ...values, [field]: event.currentTarget.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    if (values.password.length < minPasswordLength) return setProblem(t('session.passwordTooShort', { min: minPasswordLength }));
    if (values.password !== values.repeat) return setProblem(t('session.passwordsDiffer'));
    setPending(true);
    setProblem(null);
    try {
      const { recoveryKey } = await call('session.setup', {
        displayName: values.displayName,
        username: values.username,
        password: values.password,
      });
      onCreated(recoveryKey);
    } catch (err) {
      setProblem(errorMessage(t, err));
    } finally {
      setPending(false);
    }
  }

  const fields = [
    ['displayName', 'text', 'name'],
    ['username', 'text', 'username'],
    ['password', 'password', 'new-password'],
    ['repeat', 'password', 'new-password'],
  ] as const;
  return (
    <main className="session-screen">
      <PageHeading title={t('session.setupTitle')} />
      <p className="lead">{t('session.setupIntro')}</p>
      <form className="form" onSubmit={(event) => void submit(event)} aria-busy={pending}>
        {fields.map(([field, type, autoComplete]) => (
          <div className="field" key={field}>
            <label htmlFor={`setup-${field}`}>{t(`session.fields.${field}`)}</label>
            {field === 'password' && (
              <span id="setup-password-hint" className="field-hint">
                {t('session.passwordHint', { min: minPasswordLength })}
              </span>
            )}
            <input
              id={`setup-${field}`}
              className="input-text"
              type={type}
              autoComplete={autoComplete}
              spellCheck={false}
              required
              aria-describedby={field === 'password' ? 'setup-password-hint' : undefined}
              value={values[field]}
              onChange={set(field)}
            />
          </div>
        ))}
        <div className="notice-slot" role="alert">
          {problem && <p className="notice error">{problem}</p>}
        </div>
        <div className="actions">
          <button type="submit" className="button primary">
            {t('session.setupSubmit')}
          </button>
        </div>
      </form>
    </main>
  );
}

/**
 * The recovery key, shown this once: to print or write down and keep under lock. The person
 * confirms having kept it before going on; the app cannot show it again.
 */
export function RecoveryKeyNotice({ recoveryKey, onKept }: { recoveryKey: string; onKept: () => void }) {
  const { t } = useTranslation();
  const [kept, setKept] = useState(false);
  const keyRef = useRef<HTMLElement>(null);
  return (
    <main className="session-screen recovery-key">
      <PageHeading title={t('session.recoveryTitle')} />
      <p className="lead">{t('session.recoveryIntro')}</p>
      <p className="recovery-key-value">
        <code ref={keyRef} data-testid="recovery-key">
          {recoveryKey}
        </code>
      </p>
      <p className="actions no-print">
        <CopyButton value={recoveryKey} label={t('session.recoveryCopy')} target={() => keyRef.current} />
        <button type="button" className="button small" onClick={() => window.print()}>
          {t('session.recoveryPrint')}
        </button>
      </p>
      <p className="notice">{t('session.recoveryNever')}</p>
      <div className="field no-print">
        <label className="checkbox">
          <input type="checkbox" checked={kept} onChange={(event) => setKept(event.currentTarget.checked)} />{' '}
          {t('session.recoveryKept')}
        </label>
      </div>
      <div className="actions no-print">
        <button type="button" className="button primary" disabled={!kept} onClick={onKept}>
          {t('session.recoveryContinue')}
        </button>
      </div>
    </main>
  );
}
