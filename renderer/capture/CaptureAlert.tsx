import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors';
import { describeUnmet } from '../../shared/rules/messages/index';
import { allUnmetCodes, type Unmet } from '../../shared/rules/unmet';
import { errorMessage } from '../api/error-message';
import { DeviceLost, type Interruption } from './recording-session';

export type CaptureAlert =
  | { kind: 'noFormat' }
  | { kind: 'startFailed'; error: unknown }
  | { kind: 'stopFailed'; error: unknown }
  | { kind: 'interrupted'; why: Exclude<Interruption, 'closedByMain'>; error?: unknown }
  | { kind: 'stoppedByMain'; reason: string | null }
  | { kind: 'leaveBlocked' };

/** What main says is still missing before this hearing may be recorded, if that is the refusal. */
function unmetOf(error: unknown): Unmet[] | null {
  if (!(error instanceof ApiError) || error.code !== 'readiness_unmet') return null;
  const unmet = error.details?.unmet;
  if (!Array.isArray(unmet)) return null;
  return unmet.filter(
    (u): u is Unmet =>
      typeof u === 'object' &&
      u !== null &&
      (allUnmetCodes as readonly unknown[]).includes((u as { code?: unknown }).code),
  );
}

export function CaptureAlertText({ alert }: { alert: CaptureAlert }) {
  const { t, i18n } = useTranslation();
  switch (alert.kind) {
    case 'noFormat':
      return <p>{t('capture.errors.noFormat')}</p>;
    case 'startFailed': {
      const unmet = unmetOf(alert.error);
      if (unmet && unmet.length > 0) {
        return (
          <>
            <p>{t('capture.errors.notReady')}</p>
            <ul>
              {unmet.map((u) => (
                <li key={`${u.code}-${u.field}`}>
                  {describeUnmet(u, i18n.resolvedLanguage ?? 'en')}
                </li>
              ))}
            </ul>
          </>
        );
      }
      return (
        <p>
          {t('capture.errors.startFailed')} {errorMessage(t, alert.error)}
        </p>
      );
    }
    case 'stopFailed':
      return (
        <p>
          {t('capture.errors.stopFailed')} {errorMessage(t, alert.error)}
        </p>
      );
    case 'interrupted':
      if (alert.why === 'append') {
        return (
          <p>
            {t('capture.errors.appendFailed')} {errorMessage(t, alert.error)}
          </p>
        );
      }
      return (
        <p>
          {alert.why === 'device'
            ? alert.error instanceof DeviceLost
              ? t(`capture.errors.${alert.error.device}Lost`)
              : t('capture.errors.deviceLost')
            : t('capture.errors.recorderFailed')}
        </p>
      );
    case 'stoppedByMain':
      return (
        <p>
          {alert.reason === 'storage_full'
            ? t('capture.errors.stoppedDiskFull')
            : alert.reason === 'consent_withdrawn'
              ? t('capture.errors.stoppedConsentWithdrawn')
              : t('capture.errors.stoppedByApp')}
        </p>
      );
    case 'leaveBlocked':
      return <p>{t('capture.errors.leaveBlocked')}</p>;
  }
}
