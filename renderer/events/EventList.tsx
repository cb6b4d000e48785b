import { useTranslation } from 'react-i18next';
import { LoadFailed } from '../components/QueryStatus';
import type { EventsStore } from './use-events';
import { pauseReasons, type HearingEvent } from '../../shared/domain/events';
import { formatLocale } from '../i18n/locale';
import { formatBrusselsTime, formatInstant } from '../format/dates';
import { describeEvent } from './describe-event';
import { formatIntoRecording } from './format';

/**
 * The log as it stands, newest first: the Belgian wall-clock time, the time into the recording
 * (pauses excluded, as main counts it), what happened and its details. A reason given after its
 * pause is shown on the pause's line, with the time it was given, rather than on a line of its own.
 */
export function EventList({ events }: { events: HearingEvent[] }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  if (events.length === 0) return <p className="empty small">{t('events.empty')}</p>;
  const reasons = pauseReasons(events);
  const newestFirst = events.filter((event) => event.kind !== 'pause_explained').reverse();
  return (
    <div className="table-wrap event-table-wrap">
      <table className="events">
        <caption className="visually-hidden">{t('events.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('events.columns.time')}</th>
            <th scope="col">{t('events.columns.intoRecording')}</th>
            <th scope="col">{t('events.columns.event')}</th>
            <th scope="col">{t('events.columns.details')}</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((event) => (
            <tr key={event.id} data-kind={event.kind}>
              <td className="number">
                <time dateTime={event.at} title={formatInstant(event.at, locale)}>
                  {formatBrusselsTime(event.at, locale)}
                </time>
              </td>
              <td className="number">
                {event.offsetMs === null ? '—' : formatIntoRecording(event.offsetMs)}
              </td>
              <th scope="row" className="event-kind">
                {t(`events.kinds.${event.kind}`)}
              </th>
              <td className="event-details">
                {describeEvent(t, event, locale, reasons.get(event.seq))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The event log as main has it, or why it could not be read, with a way to try again. */
export function LoggedEvents({ events }: { events: EventsStore }) {
  const { t } = useTranslation();
  return (
    <>
      {events.error !== undefined && (
        <LoadFailed what={t('events.loadFailed')} error={events.error} onRetry={() => void events.reload()} />
      )}
      {events.events && <EventList events={events.events} />}
    </>
  );
}
