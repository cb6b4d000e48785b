import type { TFunction } from 'i18next';
import { ApiError, conflictReasons, type ConflictReason } from '../../shared/api/errors';
import { errorMessage } from '../api/error-message';

const isConflictReason = (value: unknown): value is ConflictReason =>
  (conflictReasons as readonly unknown[]).includes(value);

/**
 * Why a save or a logged event was refused, in the user's language. A conflict names its reason
 * (the record is fixed, consent was withdrawn, nothing is recording…), which says more than the
 * general message for a conflict.
 */
export function actionErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code === 'conflict') {
    const reason = error.details?.reason;
    if (isConflictReason(reason)) return t(`procedure.conflicts.${reason}`);
  }
  return errorMessage(t, error);
}
