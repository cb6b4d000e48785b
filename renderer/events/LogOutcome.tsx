import { useTranslation } from 'react-i18next';
import { actionErrorMessage } from '../procedure/action-error';
import { formatLocale } from '../i18n/locale';
import { formatBrusselsTime } from '../format/dates';
import { formatIntoRecording } from './format';
import type { Outcome } from './use-log-actions';

/**
 * What became of the last event logged: announced, shown, or why it was not logged. Shown in one
 * place at a time (the recording bar while it is there, the event log otherwise), so a screen
 * reader hears it once.
 */
export function LogOutcome({ outcome, hideError }: { outcome: Outcome; hideError?: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const logged = outcome?.kind === 'logged' ? outcome.event : null;
  const what = logged && t(`events.kinds.${logged.kind}`);
  const time = logged && formatBrusselsTime(logged.at, locale);
  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite">
        {logged && t('events.logged', { event: what, time })}
      </p>
      <div className="notice-slot" role="alert">
        {outcome?.kind === 'failed' && !hideError && (
          <p className="notice error">
            {t('events.notLogged', { reason: actionErrorMessage(t, outcome.error) })}
          </p>
        )}
      </div>
      {logged && (
        <p className="last-logged" aria-hidden="true">
          {logged.offsetMs === null
            ? t('events.lastLoggedNoRecording', { event: what, time })
            : t('events.lastLogged', {
                event: what,
                time,
                offset: formatIntoRecording(logged.offsetMs),
              })}
        </p>
      )}
    </>
  );
}
