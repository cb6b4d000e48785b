import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors';
import type { CorrectableField, Hearing, HearingCorrection } from '../../shared/domain/hearing';
import { correctableFields } from '../../shared/domain/hearing';
import { call } from '../api/client';
import { useQuery } from '../api/use-query';
import { DateInput } from '../components/DateInput';
import { LoadFailed, Loading } from '../components/QueryStatus';
import { formatBrusselsDateTime, formatCalendarDate, formatInstant } from '../format/dates';
import { problemMessage } from '../forms/field-problem';
import { formatLocale } from '../i18n/locale';
import { actionErrorMessage } from '../procedure/action-error';
import { brusselsInputToInstant, instantToBrusselsInput } from '../procedure/instants';
import { navigate } from '../routing/router';
import { useSession } from '../session/session-context';
import './hearing-changes.css';

/** Who plans, corrects and removes (the contract says the same; main enforces it). */
const keepers: readonly string[] = ['interviewer', 'technician', 'magistrate'];
const minReason = 5;

/** A refusal in the reader's language: a field's problem, a conflict's reason, or the general message. */
function refusalMessage(
  t: ReturnType<typeof useTranslation>['t'],
  locale: string,
  error: unknown,
): string {
  if (error instanceof ApiError && error.code === 'invalid_input' && error.issues?.length) {
    return error.issues
      .map((issue) =>
        problemMessage(
          t,
          { code: issue.code, ...(issue.params ? { params: issue.params } : {}) },
          locale,
        ),
      )
      .join(' ');
  }
  return actionErrorMessage(t, error);
}

/**
 * Planning, corrections and removal of one hearing, each with its reason and on the record:
 * planning until it is recorded, corrections until it is sealed (after that, an addendum), and
 * removal only of a hearing never recorded.
 */
export function HearingChanges({
  hearing,
  onChanged,
}: {
  hearing: Hearing;
  onChanged: () => void;
}) {
  const { user } = useSession();
  const load = useCallback(
    () => call('hearings.corrections', { hearingId: hearing.id }),
    [hearing.id],
  );
  const corrections = useQuery(`corrections:${hearing.id}`, load);
  const { reload } = corrections;
  const changed = useCallback(() => {
    onChanged();
    reload();
  }, [onChanged, reload]);
  const mayChange = keepers.includes(user.role);
  const sealed = hearing.status === 'sealed';
  const recorded = hearing.recordings.length > 0;
  return (
    <>
      {mayChange && !sealed && !recorded && <PlanPanel hearing={hearing} onChanged={changed} />}
      <CorrectionPanel
        hearing={hearing}
        mayChange={mayChange}
        corrections={corrections}
        onChanged={changed}
      />
      {mayChange && !sealed && !recorded && <RemovePanel hearing={hearing} />}
    </>
  );
}

function PlanPanel({ hearing, onChanged }: { hearing: Hearing; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const [when, setWhen] = useState(() => instantToBrusselsInput(hearing.plannedAt));
  const [bad, setBad] = useState(false);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const replanning = hearing.plannedAt !== null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const plannedAt = bad ? null : brusselsInputToInstant(when);
    if (!plannedAt) {
      setMessage({
        ok: false,
        text: problemMessage(t, { code: when === '' ? 'required' : 'date_invalid' }, locale),
      });
      return;
    }
    if (replanning && reason.trim().length < minReason) {
      setMessage({ ok: false, text: t('changes.reasonTooShort') });
      return;
    }
    setPending(true);
    setMessage(null);
    try {
      await call('hearings.plan', {
        hearingId: hearing.id,
        plannedAt,
        ...(replanning ? { reason: reason.trim() } : {}),
      });
      setReason('');
      setMessage({
        ok: true,
        text: t('changes.plan.saved', { at: formatBrusselsDateTime(plannedAt, locale) }),
      });
      onChanged();
    } catch (error) {
      setMessage({
        ok: false,
        text: `${t('changes.plan.failed')} ${refusalMessage(t, locale, error)}`,
      });
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="plan-title">
      <h2 id="plan-title">{t('changes.plan.title')}</h2>
      <p className="muted">{t('changes.plan.intro')}</p>
      <form className="form changes-form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor="planned-at">{t('changes.plan.field')}</label>
          <span id="planned-at-hint" className="field-hint">
            {t('dates.dateHint', {
              pattern: `${t('dates.datePattern')} ${t('dates.timePattern')}`,
            })}
          </span>
          <DateInput
            id="planned-at"
            kind="instant"
            className="input-date"
            aria-describedby="planned-at-hint"
            value={when}
            onChange={(value, isBad) => {
              setWhen(value);
              setBad(isBad);
            }}
          />
        </div>
        {replanning && (
          <div className="field">
            <label htmlFor="plan-reason">{t('changes.plan.reason')}</label>
            <textarea
              id="plan-reason"
              rows={2}
              maxLength={1000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={pending}>
            {t('changes.plan.submit')}
          </button>
        </div>
        <div className="notice-slot" role="status">
          {message && <p className={message.ok ? 'notice' : 'notice error'}>{message.text}</p>}
        </div>
      </form>
    </section>
  );
}

function CorrectionPanel({
  hearing,
  mayChange,
  corrections,
  onChanged,
}: {
  hearing: Hearing;
  mayChange: boolean;
  corrections: ReturnType<typeof useQuery<HearingCorrection[]>>;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const [field, setField] = useState<CorrectableField>('caseReference');
  const [value, setValue] = useState('');
  const [bad, setBad] = useState(false);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const sealed = hearing.status === 'sealed';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (value.trim() === '' || bad) {
      setMessage({
        ok: false,
        text: problemMessage(t, { code: bad ? 'date_invalid' : 'required' }, locale),
      });
      return;
    }
    if (reason.trim().length < minReason) {
      setMessage({ ok: false, text: t('changes.reasonTooShort') });
      return;
    }
    setPending(true);
    setMessage(null);
    try {
      await call('hearings.correct', {
        hearingId: hearing.id,
        field,
        value: value.trim(),
        reason: reason.trim(),
      });
      setValue('');
      setReason('');
      setMessage({ ok: true, text: t('changes.correct.saved') });
      onChanged();
    } catch (error) {
      setMessage({
        ok: false,
        text: `${t('changes.correct.failed')} ${refusalMessage(t, locale, error)}`,
      });
    } finally {
      setPending(false);
    }
  }

  const label = (f: HearingCorrection['field']) =>
    f === 'plannedAt' ? t('hearing.plannedAt') : t(`hearing.${f}`);
  const shownValue = (c: HearingCorrection, v: string | null) =>
    v === null || v === ''
      ? '—'
      : c.field === 'plannedAt'
        ? formatBrusselsDateTime(v, locale)
        : c.field === 'dateOfBirth'
          ? formatCalendarDate(v, locale)
          : v;

  return (
    <section className="panel" aria-labelledby="correct-title">
      <h2 id="correct-title">{t('changes.correct.title')}</h2>
      {mayChange && (
        <>
          <p className={sealed ? 'notice' : 'muted'}>
            {sealed ? t('changes.correct.sealed') : t('changes.correct.intro')}
          </p>
          <form className="form changes-form" noValidate onSubmit={(event) => void submit(event)}>
            <div className="field">
              <label htmlFor="correct-field">{t('changes.correct.field')}</label>
              <select
                id="correct-field"
                value={field}
                onChange={(event) => {
                  setField(event.target.value as CorrectableField);
                  setValue('');
                  setBad(false);
                }}
              >
                {correctableFields.map((f) => (
                  <option key={f} value={f}>
                    {t(`hearing.${f}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="correct-value">{t('changes.correct.value')}</label>
              {field === 'dateOfBirth' ? (
                <DateInput
                  id="correct-value"
                  kind="date"
                  className="input-date"
                  value={value}
                  onChange={(v, isBad) => {
                    setValue(v);
                    setBad(isBad);
                  }}
                />
              ) : (
                <input
                  id="correct-value"
                  type="text"
                  className="input-text"
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={field === 'caseReference' ? 100 : 200}
                  value={value}
                  onChange={(event) => setValue(event.target.value)}
                />
              )}
            </div>
            <div className="field">
              <label htmlFor="correct-reason">{t('changes.correct.reason')}</label>
              <textarea
                id="correct-reason"
                rows={2}
                maxLength={1000}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            </div>
            <div className="actions">
              <button type="submit" className="button" disabled={pending}>
                {t('changes.correct.submit')}
              </button>
            </div>
            <div className="notice-slot" role="status">
              {message && <p className={message.ok ? 'notice' : 'notice error'}>{message.text}</p>}
            </div>
          </form>
        </>
      )}
      <h3 id="corrections-history">{t('changes.history.title')}</h3>
      {corrections.value ? (
        corrections.value.length === 0 ? (
          <p className="empty">{t('changes.history.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="corrections" aria-labelledby="corrections-history">
              <thead>
                <tr>
                  <th scope="col">{t('changes.history.when')}</th>
                  <th scope="col">{t('changes.history.who')}</th>
                  <th scope="col">{t('changes.history.field')}</th>
                  <th scope="col">{t('changes.history.old')}</th>
                  <th scope="col">{t('changes.history.new')}</th>
                  <th scope="col">{t('changes.history.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {corrections.value.map((c) => (
                  <tr key={c.id}>
                    <td>{formatInstant(c.correctedAt, locale)}</td>
                    <td>{c.correctedByName ?? c.correctedBy}</td>
                    <td>{label(c.field)}</td>
                    <td>{shownValue(c, c.oldValue)}</td>
                    <td>{shownValue(c, c.newValue)}</td>
                    <td>
                      {c.reason}
                      {c.addendum !== undefined && (
                        <>
                          {' '}
                          <span className="badge">
                            {t('changes.history.addendum', { number: c.addendum })}
                          </span>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : corrections.error !== undefined ? (
        <LoadFailed
          what={t('changes.history.title')}
          error={corrections.error}
          onRetry={corrections.reload}
        />
      ) : (
        <Loading />
      )}
    </section>
  );
}

function RemovePanel({ hearing }: { hearing: Hearing }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      cancelButton.current?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);

  async function confirm() {
    if (pending) return;
    if (reason.trim().length < minReason) {
      setProblem(t('changes.reasonTooShort'));
      return;
    }
    setPending(true);
    setProblem(null);
    try {
      await call('hearings.remove', { hearingId: hearing.id, reason: reason.trim() });
      setOpen(false);
      navigate({ name: 'hearings' });
    } catch (error) {
      setProblem(`${t('changes.remove.failed')} ${refusalMessage(t, locale, error)}`);
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="remove-title">
      <h2 id="remove-title">{t('changes.remove.title')}</h2>
      <p className="muted">{t('changes.remove.intro')}</p>
      <button
        type="button"
        className="button danger"
        onClick={() => {
          setReason('');
          setProblem(null);
          setOpen(true);
        }}
      >
        {t('changes.remove.button')}
      </button>
      <dialog
        ref={dialog}
        className="changes-dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        onCancel={(event) => {
          event.preventDefault();
          setOpen(false);
        }}
      >
        <h2 id={`${id}-title`}>{t('changes.remove.confirmTitle')}</h2>
        <p id={`${id}-body`}>
          {t('changes.remove.confirmBody', { caseReference: hearing.caseReference })}
        </p>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('changes.remove.reason')}</label>
          <textarea
            id={`${id}-reason`}
            rows={3}
            maxLength={1000}
            value={reason}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-problem`}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        <p id={`${id}-problem`} className="field-error" role="alert">
          {problem}
        </p>
        <div className="actions">
          <button
            type="button"
            className="button danger"
            disabled={pending}
            onClick={() => void confirm()}
          >
            {t('changes.remove.confirm')}
          </button>
          <button
            ref={cancelButton}
            type="button"
            className="button"
            onClick={() => setOpen(false)}
          >
            {t('changes.remove.cancel')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
