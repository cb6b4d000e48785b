import type { TFunction } from 'i18next';
import { ApiError, conflictReasons, type ConflictReason } from '../../shared/api/errors';
import i18next from 'i18next';
import { errorMessage } from '../api/error-message';
import { isDateErrorCode, problemMessage } from '../forms/field-problem';
import { formatLocale } from '../i18n/locale';

const isConflictReason = (value: unknown): value is ConflictReason =>
  (conflictReasons as readonly unknown[]).includes(value);

/**
 * Why a save or a logged event was refused, in the user's language. A conflict names its reason
 * (the record is fixed, consent was withdrawn, nothing is recording…), which says more than the
 * general message for a conflict.
 */
export function actionErrorMessage(t: TFunction, error: unknown): string {
  // An impossible date main refused (born in the future, a hearing date too far away…): say which.
  if (error instanceof ApiError && error.code === 'invalid_input') {
    const dates = (error.issues ?? []).filter((i) => isDateErrorCode(i.code));
    if (dates.length > 0) {
      const locale = formatLocale(i18next.resolvedLanguage);
      return dates.map((i) => problemMessage(t, { code: i.code, ...(i.params ? { params: i.params } : {}) }, locale)).join(' ');
    }
  }
  if (error instanceof ApiError && error.code === 'conflict') {
    const reason = error.details?.reason;
    if (isConflictReason(reason)) return t(`procedure.conflicts.${reason}`);
  }
  return errorMessage(t, error);
}
