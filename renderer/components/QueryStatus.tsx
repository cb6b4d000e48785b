import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message';

/** "Loading" that appears only if loading takes long enough to notice, so fast screens do not flicker. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

export function LoadFailed({
  what,
  error,
  onRetry,
}: {
  what: string;
  error: unknown;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="notice error" role="alert">
      <p>
        <strong>{what}</strong> {errorMessage(t, error)}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </div>
  );
}
