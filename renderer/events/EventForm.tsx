import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newEvent, type NewEvent } from '../../shared/domain/events';
import { actionErrorMessage } from '../procedure/action-error';
import type { Option } from '../procedure/fields';
import { issueCode } from '../../shared/api/issue-code';
import { fieldProblemMessage, type FieldProblem } from '../procedure/validation';

export interface EventField {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'select';
  options?: Option[];
  /** Names offered while typing (the people present), through a datalist. */
  suggestions?: string[];
  initial?: string;
}

/**
 * A small form that logs one event: its fields checked with the event's own schema when it is
 * sent, then `onSubmit` (which logs it, and may pause the recorder). Cancel closes it.
 */
export function EventForm({
  id,
  title,
  fields,
  submitLabel,
  toEvent,
  onSubmit,
  onCancel,
}: {
  id: string;
  title: string;
  fields: EventField[];
  submitLabel: string;
  toEvent: (values: Record<string, string>) => NewEvent;
  onSubmit: (event: NewEvent) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, f.initial ?? ''])),
  );
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const [failed, setFailed] = useState<{ error: unknown } | null>(null);
  const [pending, setPending] = useState(false);
  const first = useRef<HTMLElement | null>(null);

  useEffect(() => {
    first.current?.focus();
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const candidate = toEvent(values);
    const checked = newEvent.safeParse(candidate);
    if (!checked.success) {
      const found: Record<string, FieldProblem> = {};
      for (const issue of checked.error.issues) {
        const name = String(issue.path[0] ?? '');
        found[name] ??= issueCode(issue);
      }
      setProblems(found);
      const name = fields.find((f) => found[f.name])?.name;
      if (name) document.getElementById(`${id}-${name}`)?.focus();
      return;
    }
    setProblems({});
    setFailed(null);
    setPending(true);
    try {
      await onSubmit(checked.data);
    } catch (error) {
      setFailed({ error });
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="event-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      <div className="field-grid">
        {fields.map((field, index) => {
          const inputId = `${id}-${field.name}`;
          const problem = problems[field.name];
          const common = {
            id: inputId,
            value: values[field.name] ?? '',
            'aria-invalid': problem ? true : undefined,
            'aria-describedby': problem ? `${inputId}-error` : undefined,
            ref: (element: HTMLElement | null) => {
              if (index === 0) first.current = element;
            },
            onChange: (e: { currentTarget: { value: string } }) => {
              const value = e.currentTarget.value;
              setValues((previous) => ({ ...previous, [field.name]: value }));
            },
          };
          return (
            <div className={`field ${field.type === 'textarea' ? 'wide' : ''}`} key={field.name}>
              <label htmlFor={inputId}>{field.label}</label>
              {field.type === 'textarea' ? (
                <textarea {...common} rows={3} />
              ) : field.type === 'select' ? (
                <select {...common}>
                  <option value="">{t('procedure.choose')}</option>
                  {field.options?.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              ) : (
                <>
                  <input
                    {...common}
                    type="text"
                    autoComplete="off"
                    list={field.suggestions?.length ? `${inputId}-list` : undefined}
                  />
                  {field.suggestions && field.suggestions.length > 0 && (
                    <datalist id={`${inputId}-list`}>
                      {field.suggestions.map((s) => (
                        <option key={s} value={s} />
                      ))}
                    </datalist>
                  )}
                </>
              )}
              <p id={`${inputId}-error`} className="field-error">
                {problem && fieldProblemMessage(t, problem)}
              </p>
            </div>
          );
        })}
      </div>
      <div className="notice-slot" role="alert">
        {failed && (
          <p className="notice error">
            {t('events.notLogged', { reason: actionErrorMessage(t, failed.error) })}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={pending}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('events.cancel')}
        </button>
      </div>
    </form>
  );
}
