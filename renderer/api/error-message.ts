import type { TFunction } from 'i18next';
import { ApiError, errorCodes, type ErrorCode } from '../../shared/api/errors';
import { isUnreachable } from './retry';

const isErrorCode = (code: unknown): code is ErrorCode =>
  (errorCodes as readonly unknown[]).includes(code);

/**
 * What to tell a person about a failed call, in their language. The API's own messages are plain
 * English for logs and scripts; they are shown only for an error this version cannot name.
 */
export function errorMessage(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    if (isUnreachable(err)) return t('errors.unreachable');
    if (isErrorCode(err.code)) return t(`errors.${err.code}`);
    return err.message;
  }
  return t('errors.internal');
}
