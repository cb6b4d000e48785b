import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { isoDate } from '../../shared/api/schemas';
import { isoInstant, languageCode } from '../../shared/domain/procedure';
import { problemMessage, type FieldProblem } from '../forms/field-problem';
import { brusselsInputToInstant } from './instants';
import { issueCode } from '../../shared/api/issue-code';

export type { FieldProblem };

/**
 * What one input holds once read with the record's own schema: a value for the draft (null when
 * empty), or the problem that keeps it from being saved.
 */
export type Reading<T> = { ok: true; value: T | null } | { ok: false; problem: FieldProblem };

function checked<T>(schema: z.ZodType<T>, input: unknown): Reading<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, problem: issue ? issueCode(issue) : { code: 'invalid' } };
}

/** A text field checked with its schema; spaces alone count as empty. */
export function readText(schema: z.ZodType<string>, raw: string): Reading<string> {
  if (raw.trim() === '') return { ok: true, value: null };
  return checked(schema, raw);
}

/**
 * A calendar date from a date field (see DateInput). `badInput` says the field holds text that
 * is not a date, which it reports as an empty value: that is a wrong date, not a missing one.
 */
export function readDate(raw: string, badInput: boolean): Reading<string> {
  if (badInput) return { ok: false, problem: { code: 'date_invalid' } };
  if (raw === '') return { ok: true, value: null };
  return checked(isoDate, raw);
}

/** A moment from a date-and-time field, read as Brussels time (see instants.ts). */
export function readInstant(raw: string, badInput: boolean): Reading<string> {
  if (badInput) return { ok: false, problem: { code: 'instant_invalid' } };
  if (raw === '') return { ok: true, value: null };
  const instant = brusselsInputToInstant(raw);
  if (instant === null) return { ok: false, problem: { code: 'instant_invalid' } };
  return checked(isoInstant, instant);
}

export function readLanguage(raw: string): Reading<string> {
  if (raw.trim() === '') return { ok: true, value: null };
  const result = checked(languageCode, raw.trim().toLowerCase());
  return result.ok ? result : { ok: false, problem: { code: 'language_invalid' } };
}

/** The message for a field's problem, in the reader's language. */
export function fieldProblemMessage(t: TFunction, problem: FieldProblem): string {
  switch (problem.code) {
    case 'instant_invalid':
      return t('procedure.errors.instantInvalid', {
        pattern: `${t('dates.datePattern')} ${t('dates.timePattern')}`,
        example: t('dates.instantExample'),
      });
    case 'language_invalid':
      return t('procedure.errors.languageInvalid');
    case 'range_inverted':
      return t('procedure.errors.rangeInverted');
    case 'left_before_arrival':
      return t('procedure.errors.leftBeforeArrival');
    case 'same_as_refused':
      return t('procedure.errors.sameAsRefused');
    case 'country_invalid':
      return t('situation.errors.countryInvalid');
    case 'age_invalid':
      return t('situation.errors.ageInvalid');
    case 'languages_invalid':
      return t('situation.errors.languagesInvalid');
    default:
      return problemMessage(t, problem);
  }
}
