import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors';
import { call } from '../api/client';
import { errorMessage } from '../api/error-message';
import { PageHeading } from '../components/PageHeading';
import { localToday } from '../format/dates';
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
import { hrefFor } from '../routing/routes';

type Problems = Partial<Record<HearingField, FieldProblem>>;

const inputTypes: Record<HearingField, 'text' | 'date'> = {
  caseReference: 'text',
  minorName: 'text',
  dateOfBirth: 'date',
  hearingDate: 'date',
};

export function NewHearingForm() {
  const { t } = useTranslation();
  const [values, setValues] = useState<HearingValues>(() => ({
    caseReference: '',
    minorName: '',
    dateOfBirth: '',
    hearingDate: localToday(),
  }));
  const [touched, setTouched] = useState<Partial<Record<HearingField, boolean>>>({});
  // A date typed only in part leaves the input's value empty: it is a wrong date, not a missing one.
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

  function change(field: HearingField, input: HTMLInputElement) {
    setValues((previous) => ({ ...previous, [field]: input.value }));
    setPartial((previous) => ({ ...previous, [field]: input.validity.badInput }));
    setFromMain(({ [field]: _, ...rest }) => rest);
  }

  function leave(field: HearingField, input: HTMLInputElement) {
    setTouched((previous) => ({ ...previous, [field]: true }));
    setPartial((previous) => ({ ...previous, [field]: input.validity.badInput }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    setFormError(null);
    const now = Object.fromEntries(
      hearingFields.map((field) => [field, inputs.current[field]?.validity.badInput ?? false]),
    );
    setPartial(now);
    const problems = checkAll(values, now);
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
      problems[field] ??= mine?.code === issue.code ? mine : { code: issue.code };
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
          return (
            <div className="field" key={field}>
              <label htmlFor={field}>{t(`form.${field}`)}</label>
              <input
                ref={(element) => {
                  inputs.current[field] = element;
                }}
                id={field}
                name={field}
                type={inputTypes[field]}
                value={values[field]}
                onChange={(event) => change(field, event.currentTarget)}
                onBlur={(event) => leave(field, event.currentTarget)}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? errorId : undefined}
                autoComplete="off"
                spellCheck={inputTypes[field] === 'text' ? false : undefined}
                className={inputTypes[field] === 'date' ? 'input-date' : 'input-text'}
              />
              {/* The line is kept while empty, so a message appearing on blur never moves the
                  button under the pointer. */}
              <p id={errorId} className="field-error">
                {problem && problemMessage(t, problem)}
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
