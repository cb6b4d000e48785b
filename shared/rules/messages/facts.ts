import type { Facts } from '../engine';
import { interpolate, messageLocale, type MessageLocale } from './index';

/**
 * Facts the engine worked out, in words for the page and the written record. The lowest age is
 * the one the Guardianship Law keeps (art. 7 §3, study §69), so it is said in so many words.
 */
export const factTemplateNames = [
  'ageAssessed',
  'ageRange',
  'reflectionMonths',
  'reflectionDays',
] as const;
export type FactTemplate = (typeof factTemplateNames)[number];

export const factMessages: Record<MessageLocale, Record<FactTemplate, string>> = {
  en: {
    ageAssessed: 'assessed {{min}}–{{max}} on {{date}}; {{used}} is used on the day of the hearing',
    ageRange: 'between {{min}} and {{max}} on the day of the hearing; {{used}} is used',
    reflectionMonths: 'reflection period of {{count}} months from {{start}} to {{end}}',
    reflectionDays: 'reflection period of {{count}} days from {{start}} to {{end}}',
  },
  nl: {
    ageAssessed:
      'leeftijd geschat op {{min}}–{{max}} jaar op {{date}}; op de dag van het verhoor wordt {{used}} jaar in aanmerking genomen',
    ageRange:
      'tussen {{min}} en {{max}} jaar op de dag van het verhoor; {{used}} jaar wordt in aanmerking genomen',
    reflectionMonths: 'reflectieperiode van {{count}} maanden van {{start}} tot {{end}}',
    reflectionDays: 'reflectieperiode van {{count}} dagen van {{start}} tot {{end}}',
  },
  fr: {
    ageAssessed:
      "âge estimé à {{min}}–{{max}} ans le {{date}} ; le jour de l'audition, l'âge pris en considération est {{used}} ans",
    ageRange:
      "entre {{min}} et {{max}} ans le jour de l'audition ; l'âge pris en considération est {{used}} ans",
    reflectionMonths: 'période de réflexion de {{count}} mois du {{start}} au {{end}}',
    reflectionDays: 'période de réflexion de {{count}} jours du {{start}} au {{end}}',
  },
  de: {
    ageAssessed:
      'Alter am {{date}} auf {{min}}–{{max}} Jahre geschätzt; am Tag der Vernehmung werden {{used}} Jahre zugrunde gelegt',
    ageRange:
      'zwischen {{min}} und {{max}} Jahren am Tag der Vernehmung; {{used}} Jahre werden zugrunde gelegt',
    reflectionMonths: 'Bedenkzeit von {{count}} Monaten vom {{start}} bis zum {{end}}',
    reflectionDays: 'Bedenkzeit von {{count}} Tagen vom {{start}} bis zum {{end}}',
  },
};

/**
 * The age used, said with where it comes from: "assessed 15–17 on 10/03/2026; 15 is used on the
 * day of the hearing". Null when the date of birth is certain (the age says it all) or unknown.
 */
export function describeAgeUsed(facts: Facts, locale: string): string | null {
  const l = messageLocale(locale);
  if (facts.ageUsed === null || facts.ageAtHearing !== null) return null;
  const assessed = facts.ageAssessment;
  if (assessed) {
    const params = {
      min: assessed.min,
      max: assessed.max,
      date: assessed.date,
      used: facts.ageUsed,
    };
    return interpolate(factMessages[l].ageAssessed, params, l);
  }
  if (!facts.ageRange) return null;
  const params = { ...facts.ageRange, used: facts.ageUsed };
  return interpolate(factMessages[l].ageRange, params, l);
}

/** "reflection period of 3 months from 30/11/2024 to 28/02/2025", or null when not noted. */
export function describeReflectionPeriod(facts: Facts, locale: string): string | null {
  const l = messageLocale(locale);
  const period = facts.reflectionPeriod;
  if (!period) return null;
  const { start, end, length } = period;
  return 'months' in length
    ? interpolate(factMessages[l].reflectionMonths, { start, end, count: length.months }, l)
    : interpolate(factMessages[l].reflectionDays, { start, end, count: length.days }, l);
}
