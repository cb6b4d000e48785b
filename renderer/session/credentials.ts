import type { TFunction } from 'i18next';
import { ApiError } from '../../shared/api/errors';
import { errorMessage } from '../api/error-message';

/** What to tell a person whose password was refused: wrong, or wait before trying again. */
export function credentialsError(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    const retryAfterMs = Number(err.details?.retryAfterMs ?? 0);
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    if (err.code === 'too_many_attempts') return t('session.tooManyAttempts', { seconds });
    if (err.details?.reason === 'wrong_credentials') {
      return retryAfterMs > 0 ? `${t('session.wrongCredentials')} ${t('session.waitBeforeRetry', { seconds })}` : t('session.wrongCredentials');
    }
    if (err.details?.reason === 'not_team') return t('session.notTeam');
  }
  return errorMessage(t, err);
}

/** What to tell a person whose password change was refused. */
export function changePasswordError(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.issues?.some((i) => i.code === 'same_password')) return t('session.samePassword');
    if (err.details?.reason === 'wrong_credentials') {
      const retryAfterMs = Number(err.details.retryAfterMs ?? 0);
      const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
      return retryAfterMs > 0 ? `${t('session.wrongCurrentPassword')} ${t('session.waitBeforeRetry', { seconds })}` : t('session.wrongCurrentPassword');
    }
  }
  return credentialsError(t, err);
}

/** What to tell a person whose recovery key, or the username typed with it, was refused. */
export function recoveryError(t: TFunction, err: unknown, typedKey: string): string {
  if (err instanceof ApiError) {
    const retryAfterMs = Number(err.details?.retryAfterMs ?? 0);
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    if (err.code === 'too_many_attempts') return t('session.tooManyRecoveryAttempts', { seconds });
    if (err.details?.reason === 'not_administrator') return t('session.notAdministrator');
    if (err.details?.reason === 'wrong_recovery_key') {
      const what = looksLikeRecoveryKey(typedKey) ? t('session.wrongRecoveryKey') : t('session.notARecoveryKey');
      return retryAfterMs > 0 ? `${what} ${t('session.waitBeforeRetry', { seconds })}` : what;
    }
  }
  return errorMessage(t, err);
}

/** Whether a typed key has the form of one (52 characters of Crockford's base32, once spaces and dashes are gone). */
export function looksLikeRecoveryKey(typed: string): boolean {
  return /^[0-9A-Z]{52}$/i.test(typed.replace(/[\s-]/g, ''));
}
