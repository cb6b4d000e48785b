import { useEffect, useRef, useState, type InputHTMLAttributes, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import {
  dateFieldText,
  instantFieldText,
  readDateField,
  readInstantField,
} from '../format/date-fields';

type Kind = 'date' | 'instant';

const fieldText = (kind: Kind, value: string, language: string | undefined) =>
  kind === 'date' ? dateFieldText(value, language) : instantFieldText(value, language);

function read(kind: Kind, text: string) {
  const reading = kind === 'date' ? readDateField(text) : readInstantField(text);
  return { value: reading.kind === 'ok' ? reading.value : '', bad: reading.kind === 'invalid' };
}

type Passed = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'value' | 'onChange' | 'onBlur' | 'defaultValue'
>;

/**
 * A date (`kind="date"`, value YYYY-MM-DD) or a date and time (`kind="instant"`, value a
 * Brussels wall-clock time such as 2026-11-28T14:30) typed as the page's language writes it; see
 * date-fields.ts. It reports the value and whether the text cannot be read (`bad`), as the
 * browser's date inputs did with `validity.badInput`: something typed that is not a date is a
 * wrong date, not a missing one. The text is kept as typed until it is left.
 */
export function DateInput({
  kind,
  value,
  onChange,
  onBlur,
  ...input
}: Passed & {
  ref?: Ref<HTMLInputElement>;
  kind: Kind;
  value: string;
  onChange: (value: string, bad: boolean) => void;
  onBlur?: (value: string, bad: boolean) => void;
}) {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const [text, setText] = useState(() => fieldText(kind, value, language));
  // What this field last reported: a value that differs came from elsewhere (a reload, the
  // "Now" button) and replaces the text; a change of language rewrites a date in its way.
  const reported = useRef({ value, language });

  useEffect(() => {
    const before = reported.current;
    if (before.value === value && before.language === language) return;
    reported.current = { value, language };
    // A new language with no date to rewrite keeps what is typed, wrong date and all.
    if (before.value === value && value === '') return;
    setText(fieldText(kind, value, language));
  }, [kind, value, language]);

  return (
    <input
      {...input}
      type="text"
      autoComplete="off"
      spellCheck={false}
      value={text}
      onChange={(event) => {
        const typed = event.currentTarget.value;
        setText(typed);
        const reading = read(kind, typed);
        reported.current = { value: reading.value, language };
        onChange(reading.value, reading.bad);
      }}
      onBlur={() => {
        const reading = read(kind, text);
        if (!reading.bad) setText(fieldText(kind, reading.value, language));
        onBlur?.(reading.value, reading.bad);
      }}
    />
  );
}
