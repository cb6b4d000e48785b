import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/api/contract';
import { nonEmptyText } from '../../shared/api/schemas';
import { call } from '../api/client';
import { actionErrorMessage } from '../procedure/action-error';
import { formatLocale } from '../i18n/locale';
import { formatBrusselsTime } from '../format/dates';
import { fieldProblemMessage, readText, type FieldProblem } from '../procedure/validation';
import { formatIntoRecording } from './format';

type Withdrawal = CallOutput<'consent.withdraw'>;

/**
 * "Consent withdrawn": guarded by a confirmation, because it cannot be undone. Main stops a
 * running recording at once and refuses any new one; `onWithdrawn` then stops the recorder here
 * without waiting for its next chunk to be refused.
 */
export function ConsentWithdrawal({
  hearingId,
  suggestedName,
  onWithdrawn,
}: {
  hearingId: string;
  suggestedName: string;
  onWithdrawn: (result: Withdrawal) => Promise<void>;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(suggestedName);
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const [failed, setFailed] = useState<{ error: unknown } | null>(null);
  const [pending, setPending] = useState(false);

  function open() {
    setName((current) => current || suggestedName);
    setProblem(null);
    setFailed(null);
    dialog.current?.showModal();
    nameInput.current?.focus();
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const reading = readText(nonEmptyText(200), name);
    if (!reading.ok || reading.value === null) {
      setProblem(reading.ok ? { code: 'required' } : reading.problem);
      nameInput.current?.focus();
      return;
    }
    setProblem(null);
    setPending(true);
    try {
      const result = await call('consent.withdraw', { hearingId, notedBy: reading.value });
      dialog.current?.close();
      await onWithdrawn(result);
    } catch (error) {
      setFailed({ error });
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <button type="button" className="button danger" onClick={open}>
        {t('events.withdraw.action')}
      </button>
      <dialog
        ref={dialog}
        className="dialog"
        aria-labelledby="withdraw-title"
        aria-describedby="withdraw-body"
      >
        <form noValidate onSubmit={(event) => void confirm(event)}>
          <h2 id="withdraw-title">{t('events.withdraw.title')}</h2>
          <p id="withdraw-body">{t('events.withdraw.body')}</p>
          <div className="field">
            <label htmlFor="withdraw-noted-by">{t('events.withdraw.notedBy')}</label>
            <input
              ref={nameInput}
              id="withdraw-noted-by"
              type="text"
              autoComplete="off"
              value={name}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? 'withdraw-noted-by-error' : undefined}
              onChange={(event) => setName(event.currentTarget.value)}
            />
            <p id="withdraw-noted-by-error" className="field-error">
              {problem && fieldProblemMessage(t, problem)}
            </p>
          </div>
          <div className="notice-slot" role="alert">
            {failed && (
              <p className="notice error">
                {t('events.withdraw.failed', { reason: actionErrorMessage(t, failed.error) })}
              </p>
            )}
          </div>
          <div className="actions">
            <button type="submit" className="button danger-solid" disabled={pending}>
              {t('events.withdraw.confirm')}
            </button>
            <button type="button" className="button" onClick={() => dialog.current?.close()}>
              {t('events.withdraw.cancel')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

/** What happened when consent was withdrawn, kept on screen for the rest of the hearing. */
export function WithdrawalNotice({
  at,
  offsetMs,
  stoppedRecording,
}: {
  at: string;
  offsetMs: number | null;
  stoppedRecording: boolean | null;
}) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const time = formatBrusselsTime(at, locale);
  return (
    <div className="notice warning withdrawal-notice">
      <p>
        <strong>{t('events.withdraw.doneTitle', { time })}</strong>
      </p>
      <p>
        {stoppedRecording
          ? t('events.withdraw.doneStopped', {
              offset: offsetMs === null ? '—' : formatIntoRecording(offsetMs),
            })
          : stoppedRecording === false
            ? t('events.withdraw.doneNoRecording')
            : t('events.withdraw.doneEarlier')}
      </p>
    </div>
  );
}
