import type { TFunction } from 'i18next';
import type { HearingEvent, PauseReason } from '../../shared/domain/events';
import { formatBrusselsTime } from '../format/dates';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The details of an event in one line of the reader's language. A pause is described with its
 * reason, which may have been given after it (`pauseReason`, from pauseReasons).
 */
export function describeEvent(
  t: TFunction,
  event: HearingEvent,
  locale: string,
  pauseReason?: PauseReason,
): string {
  const d = event.details;
  switch (event.kind) {
    case 'recording_started':
      return t('events.details.segment', { segment: String(d.segment ?? '') });
    case 'recording_stopped': {
      const reason = text(d.reason);
      const known = ['stopped', 'device_lost', 'storage_full', 'consent_withdrawn', 'interrupted'];
      return t('events.details.stopped', {
        segment: String(d.segment ?? ''),
        reason: known.includes(reason)
          ? t(`events.stopReasons.${reason as 'stopped'}`)
          : reason || t('events.stopReasons.stopped'),
      });
    }
    case 'paused':
      if (!pauseReason) return t('events.details.noReason');
      return pauseReason.notedAt
        ? t('events.details.decidedLater', {
            reason: pauseReason.reason,
            by: pauseReason.decidedBy,
            time: formatBrusselsTime(pauseReason.notedAt, locale),
          })
        : t('events.details.decided', { reason: pauseReason.reason, by: pauseReason.decidedBy });
    case 'interruption':
    case 'pause_explained':
      return t('events.details.decided', { reason: text(d.reason), by: text(d.decidedBy) });
    case 'attendee_arrived':
    case 'attendee_left': {
      const role = text(d.role);
      const room = text(d.room);
      return [
        text(d.name),
        role ? t(`procedure.roles.${role as 'other'}`) : '',
        room ? t(`procedure.rooms.${room as 'hearing_room'}`) : '',
      ]
        .filter(Boolean)
        .join(' · ');
    }
    case 'question_from_control_room':
      return t('events.details.question', { from: text(d.from), text: text(d.text) });
    case 'mark':
      return text(d.label);
    case 'technical_incident':
      return text(d.description);
    case 'consent_withdrawn':
      return t('events.details.notedBy', { name: text(d.notedBy) });
    case 'resumed':
      return '';
  }
}
