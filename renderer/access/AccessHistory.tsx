import { useCallback } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AccessEntry } from '../../shared/domain/accounts';
import { call } from '../api/client';
import { useQuery } from '../api/use-query';
import { LoadFailed, Loading } from '../components/QueryStatus';
import { formatLocale } from '../i18n/locale';

/** Who did what with this hearing and when, from the audit log; shown to its team. */
export function AccessHistory({ hearingId }: { hearingId: string }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const load = useCallback(() => call('hearings.accessHistory', { hearingId }), [hearingId]);
  const history = useQuery(`access:${hearingId}`, load);
  // Entries written by another version may name an action or role this one has no words for.
  const known = (key: string) => i18n.exists(key);
  return (
    <section className="panel" aria-labelledby="access-title">
      <h2 id="access-title">{t('access.title')}</h2>
      <p>
        <button type="button" className="button small" onClick={history.reload}>
          {t('access.refresh')}
        </button>
      </p>
      {history.value ? (
        <div className="table-wrap">
          <table className="access-history">
            <caption className="visually-hidden">{t('access.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('access.when')}</th>
                <th scope="col">{t('access.who')}</th>
                <th scope="col">{t('access.role')}</th>
                <th scope="col">{t('access.what')}</th>
              </tr>
            </thead>
            <tbody>
              {history.value.map((entry) => (
                <tr key={entry.seq}>
                  <td>{new Date(entry.at).toLocaleString(locale, { timeZone: 'Europe/Brussels' })}</td>
                  <td>{entry.displayName}</td>
                  <td>{known(`roles.${entry.role}`) ? t(`roles.${entry.role}` as never) : entry.role}</td>
                  <td>{describe(t, known, entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : history.error !== undefined ? (
        <LoadFailed what={t('access.loadFailed')} error={history.error} onRetry={history.reload} />
      ) : (
        <Loading />
      )}
    </section>
  );
}

function describe(t: TFunction, known: (key: string) => boolean, entry: AccessEntry): string {
  const key = `access.actions.${entry.action.replace(/\./g, '_')}`;
  const what = known(key) ? String(t(key as never)) : entry.action;
  const reason = entry.details.reason;
  if (typeof reason === 'string') return `${what}: ${reason}`;
  const ranges = entry.details.ranges;
  if (Array.isArray(ranges) && ranges.length > 0) {
    const read = (ranges as Array<[number, number]>).map(([first, last]) => `${first}–${last}`).join(', ');
    return `${what} (${t('access.rangesRead', { ranges: read })})`;
  }
  return what;
}
