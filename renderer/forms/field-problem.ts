import type { TFunction } from 'i18next';
import { newHearingInput } from '../../shared/api/contract';
import { issueCode } from '../../shared/api/issue-code';
import { brusselsDate, parseIsoDate } from '../../shared/domain/dates';
import { checkPlausibleDates, datePlausibilityCodes } from '../../shared/domain/plausible-dates';
import { formatCalendarDate } from '../format/dates';

export const hearingFields = ['caseReference', 'minorName', 'dateOfBirth', 'hearingDate'] as const;
export type HearingField = (typeof hearingFields)[number];
export type HearingValues = Record<HearingField, string>;

/** What is wrong with a field: the stable issue code main uses, and the limit when it has one. */
export interface FieldProblem {
  code: string;
  max?: number;
  /** What the message names (a limit, a date), as main or the local check gave it. */
  params?: Record<string, string | number>;
}

/** Codes for which the message is `form.dateErrors.<code>`: impossible dates, planning, reasons. */
const dateErrorCodes: readonly string[] = [...datePlausibilityCodes, 'planned_in_past', 'reason_required', 'unchanged'];

export const isDateErrorCode = (code: string): boolean => dateErrorCodes.includes(code);

/**
 * Checks one field with the contract's own schema. `partial` says the input holds something it
 * cannot read as a value (a date typed in part), which the input reports as an empty value.
 */
export function checkField(
  field: HearingField,
  value: string,
  partial = false,
): FieldProblem | null {
  if (value.trim() === '') return { code: partial ? 'date_invalid' : 'required' };
  const result = newHearingInput.shape[field].safeParse(value);
  const issue = result.error?.issues[0];
  return issue ? issueCode(issue) : null;
}

export function checkAll(
  values: HearingValues,
  partial: Partial<Record<HearingField, boolean>> = {},
  now: Date = new Date(),
): Partial<Record<HearingField, FieldProblem>> {
  const problems: Partial<Record<HearingField, FieldProblem>> = {};
  for (const field of hearingFields) {
    const problem = checkField(field, values[field], partial[field]);
    if (problem) problems[field] = problem;
  }
  // Impossible dates, as main will judge them; the limit for past hearing dates is main's alone.
  for (const p of checkPlausibleDates(values, brusselsDate(now), null)) {
    problems[p.path] ??= { code: p.code, params: p.params };
  }
  return problems;
}

export function isHearingField(path: string): path is HearingField {
  return (hearingFields as readonly string[]).includes(path);
}

export function problemMessage(t: TFunction, problem: FieldProblem, locale = 'en'): string {
  if (dateErrorCodes.includes(problem.code)) {
    // Dates named in the message are shown as the reader writes them.
    const params = Object.fromEntries(
      Object.entries(problem.params ?? {}).map(([k, v]) => [
        k,
        typeof v === 'string' && parseIsoDate(v) ? formatCalendarDate(v, locale) : v,
      ]),
    );
    return t(`form.dateErrors.${problem.code as (typeof datePlausibilityCodes)[number]}`, params);
  }
  switch (problem.code) {
    case 'required':
      return t('form.errors.required');
    case 'too_long':
      return problem.max
        ? t('form.errors.tooLong', { max: problem.max })
        : t('form.errors.tooLongNoLimit');
    case 'date_invalid':
      return t('form.errors.dateInvalid', {
        pattern: t('dates.datePattern'),
        example: t('dates.dateExample'),
      });
    default:
      return t('form.errors.invalid');
  }
}
