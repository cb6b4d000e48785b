import type { Unmet, UnmetCode } from '../unmet';
import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';

/**
 * What the engine reports, in words a police interviewer acts on. Templates use i18next's
 * `{{param}}` syntax, so the renderer may also load them as a namespace (keys contain dots:
 * give that namespace `keySeparator: false`).
 */
export const messageLocales = ['en', 'nl', 'fr', 'de'] as const;
export type MessageLocale = (typeof messageLocales)[number];

export const unmetMessages: Record<MessageLocale, Record<UnmetCode, string>> = { en, nl, fr, de };

/** `nl-BE` -> `nl`; anything the application does not speak falls back to English. */
export function messageLocale(locale: string): MessageLocale {
  const language = locale.toLowerCase().split(/[-_]/)[0];
  return messageLocales.find((l) => l === language) ?? 'en';
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Calendar dates as the reader writes them: 15/03/2026, 15.03.2026. */
function formatParam(value: string | number, locale: MessageLocale): string {
  if (typeof value === 'number' || !isoDate.test(value)) return String(value);
  const instant = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(instant.getTime())) return value;
  return new Intl.DateTimeFormat(`${locale}-BE`, {
    timeZone: 'UTC',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(instant);
}

/** Fills `{{name}}` placeholders; an unknown one is left visible rather than blanked. */
export function interpolate(
  template: string,
  params: Record<string, string | number> | undefined,
  locale: MessageLocale = 'en',
): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => {
    const value = params?.[key];
    return value === undefined ? whole : formatParam(value, locale);
  });
}

export function describeUnmet(report: Unmet, locale: string): string {
  const l = messageLocale(locale);
  return interpolate(unmetMessages[l][report.code], report.params, l);
}
