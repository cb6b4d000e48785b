import { useTranslation } from 'react-i18next';
import { pauseReasons, type HearingEvent } from '../../shared/domain/events';
import type { PlacedEvent } from '../../shared/coding/timeline';
import { describeEvent } from '../events/describe-event';
import { formatBrusselsTime, formatInstant } from '../format/dates';
import { formatLocale } from '../i18n/locale';
import { formatPosition } from './playback';

/**
 * The event log beside the player, in the order of the timeline: each row moves the player to
 * its moment. Events outside any recording (before the first start) have no place to go to and
 * are listed apart.
 */
export function ReviewEvents({
  all,
  placed,
  unplaced,
  onSeek,
}: {
  all: readonly HearingEvent[];
  placed: readonly PlacedEvent[];
  unplaced: readonly HearingEvent[];
  onSeek: (ms: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const reasons = pauseReasons([...all]);
  const line = (event: HearingEvent) =>
    [t(`events.kinds.${event.kind}`), describeEvent(t, event, locale, reasons.get(event.seq))].filter(Boolean).join(' – ');
  return (
    <section className="panel review-events" aria-labelledby="review-events-title">
      <h2 id="review-events-title">{t('events.title')}</h2>
      {placed.length === 0 && unplaced.length === 0 && <p className="empty small">{t('events.empty')}</p>}
      <ol className="event-rows">
        {placed
          .filter(({ event }) => event.kind !== 'pause_explained')
          .map(({ event, atMs }) => (
            <li key={event.id}>
              <button type="button" className="event-row" onClick={() => onSeek(atMs)} data-testid="event-row">
                <span className="number">{formatPosition(atMs)}</span>{' '}
                <time dateTime={event.at} title={formatInstant(event.at, locale)}>
                  {formatBrusselsTime(event.at, locale)}
                </time>{' '}
                <span>{line(event)}</span>
              </button>
            </li>
          ))}
      </ol>
      {unplaced.length > 0 && (
        <>
          <h3>{t('review.events.outside')}</h3>
          <ul className="event-rows outside">
            {unplaced.map((event) => (
              <li key={event.id}>
                <time dateTime={event.at}>{formatBrusselsTime(event.at, locale)}</time> {line(event)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
