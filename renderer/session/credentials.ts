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
