import { formatIsoDate, parseIsoDate } from '../../shared/domain/dates';
import { localeOf, type Locale } from '../i18n/locale';

/**
 * Dates and times as people type them, in the language of the page rather than the browser's:
 * day first, then month and year (`28/11/2026`; `28.11.2026` in German), and the 24-hour clock
 * (`14:30`). The browser's own date inputs follow the computer's locale, which can show
 * mm/dd/yyyy and AM/PM to a Belgian reader; these fields never do.
 *
 * Reading is strict: a four-digit year, a day and a month that exist, hours 0 to 23. The
 * separators the language uses are accepted, and so are the other usual ones (`/`, `.`, `-`),
 * since day-first is never ambiguous.
 */
export type FieldReading = { kind: 'empty' } | { kind: 'ok'; value: string } | { kind: 'invalid' };

const separators: Record<Locale, string> = { en: '/', nl: '/', fr: '/', de: '.' };

const separatorOf = (language: string | null | undefined) => separators[localeOf(language) ?? 'en'];

const datePart = String.raw`(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})`;
const timePart = String.raw`(\d{1,2})[:h.](\d{2})(?::(\d{2}))?`;
const dateOnly = new RegExp(`^${datePart}$`);
const dateAndTime = new RegExp(`^${datePart}(?:\\s*,\\s*|\\s+)${timePart}$`, 'i');

const two = (n: number | string) => String(n).padStart(2, '0');

function isoFrom(day: string, month: string, year: string): string | null {
  const date = parseIsoDate(`${year}-${two(month)}-${two(day)}`);
  return date && formatIsoDate(date);
}

/** A calendar date (YYYY-MM-DD) as the field shows it; '' when it is not one. */
export function dateFieldText(iso: string, language: string | null | undefined): string {
  const date = parseIsoDate(iso);
  if (!date) return '';
  const sep = separatorOf(language);
  return `${two(date.day)}${sep}${two(date.month)}${sep}${date.year}`;
}

/** What a date field holds, as an ISO calendar date. */
export function readDateField(text: string): FieldReading {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const m = dateOnly.exec(trimmed);
  const iso = m && isoFrom(m[1] ?? '', m[3] ?? '', m[4] ?? '');
  return iso ? { kind: 'ok', value: iso } : { kind: 'invalid' };
}

/**
 * A wall-clock time (`2026-11-28T14:30`, as instants.ts reads it in Brussels time) as the field
 * shows it, to the minute; '' when it is not one.
 */
export function instantFieldText(wallClock: string, language: string | null | undefined): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(wallClock);
  if (!m) return '';
  return `${dateFieldText(m[1] ?? '', language)} ${m[2]}:${m[3]}`;
}

/** What a date-and-time field holds, as a wall-clock time (`2026-11-28T14:30`). */
export function readInstantField(text: string): FieldReading {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const m = dateAndTime.exec(trimmed);
  if (!m) return { kind: 'invalid' };
  const iso = isoFrom(m[1] ?? '', m[3] ?? '', m[4] ?? '');
  const hour = Number(m[5]);
  const minute = Number(m[6]);
  const second = m[7] === undefined ? null : Number(m[7]);
  if (!iso || hour > 23 || minute > 59 || (second !== null && second > 59)) {
    return { kind: 'invalid' };
  }
  const seconds = second === null ? '' : `:${two(second)}`;
  return { kind: 'ok', value: `${iso}T${two(hour)}:${two(minute)}${seconds}` };
}
