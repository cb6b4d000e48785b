import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors';
import { call } from '../api/client';
import { errorMessage } from '../api/error-message';
import { PageHeading } from '../components/PageHeading';
import { DateInput } from '../components/DateInput';
import { brusselsToday } from '../format/dates';
import {
  checkAll,
  checkField,
  hearingFields,
  isHearingField,
  problemMessage,
  type FieldProblem,
  type HearingField,
  type HearingValues,
} from '../forms/field-problem';
import { navigate } from '../routing/router';
import { formatLocale } from '../i18n/locale';
import { hrefFor } from '../routing/routes';

type Problems = Partial<Record<HearingField, FieldProblem>>;

const inputTypes: Record<HearingField, 'text' | 'date'> = {
  caseReference: 'text',
  minorName: 'text',
  dateOfBirth: 'date',
  hearingDate: 'date',
};

export function NewHearingForm() {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const [values, setValues] = useState<HearingValues>(() => ({
    caseReference: '',
    minorName: '',
    dateOfBirth: '',
    hearingDate: brusselsToday(),
  }));
  const [touched, setTouched] = useState<Partial<Record<HearingField, boolean>>>({});
  // A date that cannot be read leaves the value empty: it is a wrong date, not a missing one.
  const [partial, setPartial] = useState<Partial<Record<HearingField, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [fromMain, setFromMain] = useState<Problems>({});
  const [formError, setFormError] = useState<{ error: unknown } | null>(null);
  const [pending, setPending] = useState(false);
  const inputs = useRef<Partial<Record<HearingField, HTMLInputElement | null>>>({});

  const local = checkAll(values, partial);
  const shown = (field: HearingField): FieldProblem | undefined =>
    fromMain[field] ?? (submitted || touched[field] ? local[field] : undefined);

  function focusFirst(problems: Problems) {
    const first = hearingFields.find((field) => problems[field]);
    if (first) inputs.current[first]?.focus();
  }

  function change(field: HearingField, value: string, bad = false) {
    setValues((previous) => ({ ...previous, [field]: value }));
    setPartial((previous) => ({ ...previous, [field]: bad }));
    setFromMain(({ [field]: _, ...rest }) => rest);
  }

  function leave(field: HearingField) {
    setTouched((previous) => ({ ...previous, [field]: true }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    setFormError(null);
    const problems = checkAll(values, partial);
    if (Object.keys(problems).length > 0) {
      focusFirst(problems);
      return;
    }
    setPending(true);
    try {
      const hearing = await call('hearings.create', values);
      navigate({ name: 'hearing', hearingId: hearing.id });
    } catch (err) {
      const problems = err instanceof ApiError ? problemsFromMain(err) : null;
      if (problems) {
        setFromMain(problems);
        focusFirst(problems);
      } else {
        setFormError({ error: err });
      }
    } finally {
      setPending(false);
    }
  }

  /** Maps main's refusal back onto the fields; null if some of it belongs to no field. */
  function problemsFromMain(err: ApiError): Problems | null {
    if (err.code !== 'invalid_input' || !err.issues?.length) return null;
    const problems: Problems = {};
    for (const issue of err.issues) {
      const field = issue.path.split('.')[0] ?? '';
      if (!isHearingField(field)) return null;
      // Prefer the local reading of the same problem: it knows limits such as a maximum length.
      const mine = checkField(field, values[field]);
      problems[field] ??= mine?.code === issue.code ? mine : { code: issue.code, ...(issue.params ? { params: issue.params } : {}) };
    }
    return problems;
  }

  return (
    <>
      <PageHeading title={t('form.title')} />
      <p className="lead">{t('form.intro')}</p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => void submit(event)}
        aria-busy={pending}
      >
        {hearingFields.map((field) => {
          const problem = shown(field);
          const errorId = `${field}-error`;
          const hintId = `${field}-hint`;
          const describedBy = [
            inputTypes[field] === 'date' ? hintId : null,
            problem ? errorId : null,
          ].filter(Boolean);
          const common = {
            ref: (element: HTMLInputElement | null) => {
              inputs.current[field] = element;
            },
            id: field,
            name: field,
            'aria-invalid': problem ? true : undefined,
            'aria-describedby': describedBy.length > 0 ? describedBy.join(' ') : undefined,
          } as const;
          return (
            <div className="field" key={field}>
              <label htmlFor={field}>{t(`form.${field}`)}</label>
              {inputTypes[field] === 'date' && (
                <span id={hintId} className="field-hint">
                  {t('dates.dateHint', { pattern: t('dates.datePattern') })}
                </span>
              )}
              {inputTypes[field] === 'date' ? (
                <DateInput
                  {...common}
                  kind="date"
                  className="input-date"
                  value={values[field]}
                  onChange={(value, bad) => change(field, value, bad)}
                  onBlur={() => leave(field)}
                />
              ) : (
                <input
                  {...common}
                  type="text"
                  value={values[field]}
                  onChange={(event) => change(field, event.currentTarget.value)}
                  onBlur={() => leave(field)}
                  autoComplete="off"
                  spellCheck={false}
                  className="input-text"
                />
              )}
              {/* The line is kept while empty, so a message appearing on blur never moves the
                  button under the pointer. */}
              <p id={errorId} className="field-error">
                {problem && problemMessage(t, problem, locale)}
              </p>
            </div>
          );
        })}
        <div className="notice-slot" role="alert">
          {formError && (
            <p className="notice error">
              <strong>{t('form.createFailed')}</strong> {errorMessage(t, formError.error)}
            </p>
          )}
        </div>
        <div className="actions">
          <button type="submit" className="button primary">
            {t('form.submit')}
          </button>
          <a className="button" href={hrefFor({ name: 'hearings' })}>
            {t('form.cancel')}
          </a>
          {pending && (
            <span className="pending" role="status">
              {t('form.creating')}
            </span>
          )}
        </div>
      </form>
    </>
  );
}
