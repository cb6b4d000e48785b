import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../components/DateInput';
import { formatBrusselsDateTime, formatCalendarDate } from '../format/dates';
import { formatLocale } from '../i18n/locale';
import { fieldId } from './field-ids';
import { brusselsInputToInstant, nowAsBrusselsInput } from './instants';
import { languageName, offeredLanguages, otherLanguage, sortedLanguages } from './languages';
import type { SectionForm } from './section-form';
import { fieldProblemMessage } from './validation';

interface FieldProps {
  form: SectionForm;
  /** The input's name in its section's form. */
  name: string;
  /** Its dotted path in the record, which gives its id (see field-ids.ts). */
  path: string;
  label: string;
  hint?: string;
  className?: string;
}

export interface Option {
  value: string;
  label: string;
}

function useLocale(): string {
  const { i18n } = useTranslation();
  return formatLocale(i18n.resolvedLanguage);
}

/** A field that cannot change any more: its label and its value as text. */
function ReadOnlyField({
  label,
  value,
  path,
  className,
}: {
  label: string;
  value: ReactNode;
  path: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const empty = value === '' || value === null || value === undefined;
  return (
    <div className={`field field-readonly ${className ?? ''}`} id={fieldId(path)} tabIndex={-1}>
      <span className="field-label">{label}</span>
      <span className="field-value">{empty ? t('procedure.notFilled') : value}</span>
    </div>
  );
}

/** Label, input, hint and the line for its problem; the line is kept while empty so nothing jumps. */
function Shell({
  form,
  name,
  path,
  label,
  hint,
  className,
  children,
}: FieldProps & { children: (aria: AriaProps) => ReactNode }) {
  const { t } = useTranslation();
  const id = fieldId(path);
  const problem = form.shown(name);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, problem ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
      {children({
        id,
        'aria-invalid': problem ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      <p id={errorId} className="field-error">
        {problem && fieldProblemMessage(t, problem)}
      </p>
    </div>
  );
}

interface AriaProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export function TextField(
  props: FieldProps & { multiline?: boolean; autoComplete?: string; width?: 'short' | 'full' },
) {
  const { form, name } = props;
  if (form.readOnly) {
    return (
      <ReadOnlyField
        label={props.label}
        value={form.text(name)}
        path={props.path}
        className={props.className}
      />
    );
  }
  return (
    <Shell {...props}>
      {(aria) =>
        props.multiline ? (
          <textarea
            {...aria}
            name={name}
            rows={3}
            value={form.text(name)}
            onChange={(event) => form.change(name, event.currentTarget.value)}
            onBlur={() => form.leave(name)}
          />
        ) : (
          <input
            {...aria}
            name={name}
            type="text"
            className={props.width === 'short' ? 'input-short' : 'input-text'}
            value={form.text(name)}
            autoComplete={props.autoComplete ?? 'off'}
            spellCheck={false}
            onChange={(event) => form.change(name, event.currentTarget.value)}
            onBlur={() => form.leave(name)}
          />
        )
      }
    </Shell>
  );
}

/** A calendar date, typed as the page's language writes it (see date-fields.ts). */
export function DateField(props: FieldProps) {
  const { t } = useTranslation();
  const { form, name } = props;
  const locale = useLocale();
  if (form.readOnly) {
    const value = form.text(name);
    return (
      <ReadOnlyField
        label={props.label}
        value={value && formatCalendarDate(value, locale)}
        path={props.path}
        className={props.className}
      />
    );
  }
  return (
    <Shell {...props} hint={props.hint ?? t('dates.dateHint', { pattern: t('dates.datePattern') })}>
      {(aria) => (
        <DateInput
          {...aria}
          kind="date"
          name={name}
          className="input-date"
          value={form.text(name)}
          onChange={(value, bad) => form.change(name, value, bad)}
          onBlur={(_, bad) => form.leave(name, bad)}
        />
      )}
    </Shell>
  );
}

/** A moment typed in Belgian time, with a button that fills in the present moment. */
export function InstantField(props: FieldProps) {
  const { t } = useTranslation();
  const { form, name } = props;
  const locale = useLocale();
  if (form.readOnly) {
    const instant = brusselsInputToInstant(form.text(name));
    return (
      <ReadOnlyField
        label={props.label}
        value={instant && formatBrusselsDateTime(instant, locale)}
        path={props.path}
        className={props.className}
      />
    );
  }
  const pattern = `${t('dates.datePattern')} ${t('dates.timePattern')}`;
  return (
    <Shell {...props} hint={props.hint ?? t('dates.instantHint', { pattern })}>
      {(aria) => (
        <span className="with-button">
          <DateInput
            {...aria}
            kind="instant"
            name={name}
            className="input-instant"
            value={form.text(name)}
            onChange={(value, bad) => form.change(name, value, bad)}
            onBlur={(_, bad) => form.leave(name, bad)}
          />
          <button
            type="button"
            className="button small"
            aria-label={t('procedure.nowFor', { field: props.label })}
            onClick={() => {
              form.change(name, nowAsBrusselsInput());
              form.leave(name, false);
            }}
          >
            {t('procedure.now')}
          </button>
        </span>
      )}
    </Shell>
  );
}

export function SelectField(props: FieldProps & { options: Option[] }) {
  const { t } = useTranslation();
  const { form, name, options } = props;
  if (form.readOnly) {
    const value = form.text(name);
    return (
      <ReadOnlyField
        label={props.label}
        value={options.find((o) => o.value === value)?.label ?? value}
        path={props.path}
        className={props.className}
      />
    );
  }
  return (
    <Shell {...props}>
      {(aria) => (
        <select
          {...aria}
          name={name}
          value={form.text(name)}
          onChange={(event) => {
            form.change(name, event.currentTarget.value);
            form.leave(name);
          }}
          onBlur={() => form.leave(name)}
        >
          <option value="">{t('procedure.choose')}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Shell>
  );
}

/** A yes/no question as a checkbox; `role="switch"` where it turns a part of the form on. */
export function CheckField(
  props: Omit<FieldProps, 'hint'> & { asSwitch?: boolean; description?: string },
) {
  const { t } = useTranslation();
  const { form, name, path } = props;
  const id = fieldId(path);
  if (form.readOnly) {
    return (
      <ReadOnlyField
        label={props.label}
        value={form.flag(name) ? t('procedure.yes') : t('procedure.no')}
        path={path}
        className={props.className}
      />
    );
  }
  const problem = form.shown(name);
  return (
    <div className={`field field-check ${props.className ?? ''}`}>
      <span className="check-line">
        <input
          id={id}
          name={name}
          type="checkbox"
          role={props.asSwitch ? 'switch' : undefined}
          checked={form.flag(name)}
          aria-describedby={props.description ? `${id}-hint` : undefined}
          onChange={(event) => {
            form.change(name, event.currentTarget.checked);
            form.leave(name);
          }}
        />
        <label htmlFor={id}>{props.label}</label>
      </span>
      {props.description && (
        <span id={`${id}-hint`} className="field-hint">
          {props.description}
        </span>
      )}
      {problem && <p className="field-error">{fieldProblemMessage(t, problem)}</p>}
    </div>
  );
}

/** Two or three exclusive choices, all visible at once. */
export function RadioField(
  props: Omit<FieldProps, 'hint'> & { options: Option[]; onChoose?: (value: string) => void },
) {
  const { t } = useTranslation();
  const { form, name, path, options } = props;
  const id = fieldId(path);
  if (form.readOnly) {
    const value = form.text(name);
    return (
      <ReadOnlyField
        label={props.label}
        value={options.find((o) => o.value === value)?.label ?? value}
        path={path}
        className={props.className}
      />
    );
  }
  const problem = form.shown(name);
  const errorId = `${id}-error`;
  return (
    <fieldset
      id={id}
      className={`field choices ${props.className ?? ''}`}
      aria-describedby={problem ? errorId : undefined}
    >
      <legend>{props.label}</legend>
      {options.map((option) => {
        const optionId = `${id}-${option.value}`;
        return (
          <span className="check-line" key={option.value}>
            <input
              id={optionId}
              type="radio"
              name={`${path}-choice`}
              value={option.value}
              checked={form.text(name) === option.value}
              onChange={() => {
                if (props.onChoose) props.onChoose(option.value);
                else form.change(name, option.value);
                form.leave(name);
              }}
            />
            <label htmlFor={optionId}>{option.label}</label>
          </span>
        );
      })}
      <p id={errorId} className="field-error">
        {problem && fieldProblemMessage(t, problem)}
      </p>
    </fieldset>
  );
}

/**
 * A language: a list of the usual ones, named in the reader's language, and "another language"
 * for any other ISO 639 code. `name` holds the code; `name#other` whether a code is typed.
 */
export function LanguageField(props: FieldProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { form, name, path } = props;
  const code = form.text(name);
  if (form.readOnly) {
    return (
      <ReadOnlyField
        label={props.label}
        value={code && `${languageName(code, locale)} (${code})`}
        path={path}
        className={props.className}
      />
    );
  }
  const typing = form.flag(otherKey(name));
  const selected = typing ? otherLanguage : code;
  const codeId = `${fieldId(path)}-code`;
  const problem = form.shown(name);
  return (
    <>
      <Shell {...props} form={typing ? { ...form, shown: () => undefined } : form}>
        {(aria) => (
          <select
            {...aria}
            value={selected}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (value === otherLanguage) {
                form.changeMany({ [name]: '', [otherKey(name)]: true });
                window.requestAnimationFrame(() => document.getElementById(codeId)?.focus());
              } else {
                form.changeMany({ [name]: value, [otherKey(name)]: false });
                form.leave(name);
              }
            }}
          >
            <option value="">{t('procedure.choose')}</option>
            {sortedLanguages(locale).map((c) => (
              <option key={c} value={c}>
                {languageName(c, locale)}
              </option>
            ))}
            <option value={otherLanguage}>{t('procedure.otherLanguage')}</option>
          </select>
        )}
      </Shell>
      {typing && (
        <div className="field">
          <label htmlFor={codeId}>{t('procedure.languageCode')}</label>
          <span id={`${codeId}-hint`} className="field-hint">
            {t('procedure.languageCodeHint')}
          </span>
          <input
            id={codeId}
            type="text"
            className="input-short"
            value={code}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${codeId}-hint${problem ? ` ${codeId}-error` : ''}`}
            onChange={(event) => form.change(name, event.currentTarget.value)}
            onBlur={() => form.leave(name)}
          />
          <p id={`${codeId}-error`} className="field-error">
            {problem && fieldProblemMessage(t, problem)}
          </p>
        </div>
      )}
    </>
  );
}

export const otherKey = (name: string) => `${name}#other`;

/** The form values of a language code: the code, and whether it is one typed by hand. */
export function languageValues(name: string, code: string | null | undefined) {
  const value = code ?? '';
  return { [name]: value, [otherKey(name)]: value !== '' && !offeredLanguages.includes(value) };
}
