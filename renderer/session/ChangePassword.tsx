import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { minPasswordLength } from '../../shared/domain/password-policy';
import { call } from '../api/client';
import { changePasswordError } from './credentials';

/**
 * "Change my password", in a modal dialog opened from the header: the current password, then
 * the new one twice. Main checks the current one exactly as at sign-in (with its back-off) and
 * the new one against the rule of a new account; the person's other sessions end, this one goes
 * on. Escape or Cancel closes it; the focus goes back to the button that opened it.
 */
export function ChangePasswordButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Once the dialog is gone (a modal one keeps the focus from the page while open), back to the button.
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      <button ref={button} type="button" className="button small" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('session.changePassword')}
      </button>
      {open && (
        <ChangePasswordDialog
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const first = useRef<HTMLInputElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [values, setValues] = useState({ current: '', next: '', repeat: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<{ endedSessions: number } | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    first.current?.focus();
    return () => element?.close();
  }, []);

  useEffect(() => {
    if (done) closeButton.current?.focus();
  }, [done]);

  const set = (field: keyof typeof values) => (event: { currentTarget: HTMLInputElement }) =>
    setValues({ ...values, [field]: event.currentTarget.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    if (values.next.length < minPasswordLength) return setProblem(t('session.passwordTooShort', { min: minPasswordLength }));
    if (values.next !== values.repeat) return setProblem(t('session.passwordsDiffer'));
    if (values.next === values.current) return setProblem(t('session.samePassword'));
    setPending(true);
    setProblem(null);
    try {
      const result = await call('session.changePassword', { currentPassword: values.current, newPassword: values.next });
      setValues({ current: '', next: '', repeat: '' });
      setDone(result);
    } catch (err) {
      setValues({ ...values, current: '' });
      setProblem(changePasswordError(t, err));
      first.current?.focus();
    } finally {
      setPending(false);
    }
  }

  const fields = [
    ['current', 'currentPassword', 'current-password'],
    ['next', 'newPassword', 'new-password'],
    ['repeat', 'repeatNewPassword', 'new-password'],
  ] as const;
  return (
    <dialog
      ref={dialog}
      className="dialog password-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={`${id}-title`}>{t('session.changePassword')}</h2>
      {done ? (
        <>
          <div role="status" className="notice-slot">
            <p className="notice">
              {t('session.passwordChanged')}
              {done.endedSessions > 0 && <> {t('session.otherSessionsEnded', { count: done.endedSessions })}</>}
            </p>
          </div>
          <div className="actions">
            <button ref={closeButton} type="button" className="button primary" onClick={onClose}>
              {t('session.close')}
            </button>
          </div>
        </>
      ) : (
        <form className="form" onSubmit={(event) => void submit(event)} aria-busy={pending} aria-describedby={`${id}-intro`}>
          <p id={`${id}-intro`}>{t('session.changePasswordIntro')}</p>
          {fields.map(([field, label, autoComplete]) => (
            <div className="field" key={field}>
              <label htmlFor={`${id}-${field}`}>{t(`session.${label}`)}</label>
              {field === 'next' && (
                <span id={`${id}-hint`} className="field-hint">
                  {t('session.passwordHint', { min: minPasswordLength })}
                </span>
              )}
              <input
                ref={field === 'current' ? first : undefined}
                id={`${id}-${field}`}
                className="input-text"
                type="password"
                autoComplete={autoComplete}
                required
                aria-describedby={field === 'next' ? `${id}-hint` : undefined}
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
              {t('session.changePasswordSubmit')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('session.cancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
