import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useQuery } from '../api/use-query';
import { PageHeading } from '../components/PageHeading';
import { LoadFailed, Loading } from '../components/QueryStatus';
import { HearingStatusBadge } from '../components/StatusBadge';
import { brusselsToday, formatBrusselsClock, formatCalendarDate } from '../format/dates';
import { addDays } from '../../shared/domain/plausible-dates';
import { formatIsoDate, parseIsoDate } from '../../shared/domain/dates';
import { plannedDays } from './planned-days';
import './hearing-changes.css';
import { formatInteger } from '../format/size';
import { navigate } from '../routing/router';
import { hrefFor } from '../routing/routes';
import type { HearingSummary } from '../../shared/domain/hearing';
import { formatLocale } from '../i18n/locale';
import { RecoveryNotice } from '../events/RecoveryNotice';
import { AccessForReason } from '../access/AccessForReason';

const loadHearings = () => call('hearings.list', {});

export function HearingsList() {
  const { t } = useTranslation();
  const hearings = useQuery('hearings', loadHearings);

  return (
    <>
      <div className="page-head">
        <PageHeading title={t('hearings.title')} />
        <button
          type="button"
          className="button primary"
          onClick={() => navigate({ name: 'newHearing' })}
        >
          {t('hearings.new')}
        </button>
      </div>
      <RecoveryNotice />
      {hearings.value && <PlannedByDay hearings={hearings.value} />}
      {hearings.value ? (
        <HearingsTable hearings={hearings.value} />
      ) : hearings.error ? (
        <LoadFailed
          what={t('hearings.loadFailed')}
          error={hearings.error}
          onRetry={hearings.reload}
        />
      ) : (
        <Loading />
      )}
      <AccessForReason />
    </>
  );
}

function PlannedByDay({ hearings }: { hearings: HearingSummary[] }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const days = plannedDays(hearings);
  if (days.length === 0) return null;
  const today = brusselsToday();
  const tomorrow = formatIsoDate(addDays(parseIsoDate(today)!, 1));
  const heading = (day: string) => {
    const date = formatCalendarDate(day, locale);
    if (day === today) return t('hearings.today', { date });
    if (day === tomorrow) return t('hearings.tomorrow', { date });
    return date;
  };
  return (
    <section className="panel planned" aria-labelledby="planned-title">
      <h2 id="planned-title">{t('hearings.planned')}</h2>
      <p className="muted">{t('hearings.plannedCaption')}</p>
      {days.map(({ day, hearings: list }) => (
        <div className="planned-day" key={day}>
          <h3>{heading(day)}</h3>
          <ul>
            {list.map((h) => (
              <li key={h.id}>
                {formatBrusselsClock(h.plannedAt ?? '', locale)}{' '}
                <a href={hrefFor({ name: 'hearing', hearingId: h.id })}>{h.caseReference}</a> — {h.minorName}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function HearingsTable({ hearings }: { hearings: HearingSummary[] }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  if (hearings.length === 0) return <p className="empty">{t('hearings.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="hearings">
        <caption className="visually-hidden">{t('hearings.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hearing.caseReference')}</th>
            <th scope="col">{t('hearing.minorName')}</th>
            <th scope="col">{t('hearing.hearingDate')}</th>
            <th scope="col">{t('hearing.status')}</th>
            <th scope="col" className="number">
              {t('recordings.title')}
            </th>
          </tr>
        </thead>
        <tbody>
          {hearings.map((hearing) => (
            <tr key={hearing.id}>
              <th scope="row">
                <a href={hrefFor({ name: 'hearing', hearingId: hearing.id })}>
                  {hearing.caseReference}
                </a>
              </th>
              <td>{hearing.minorName}</td>
              <td>{formatCalendarDate(hearing.hearingDate, locale)}</td>
              <td>
                <HearingStatusBadge status={hearing.status} />
              </td>
              <td className="number">{formatInteger(hearing.recordingCount, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
