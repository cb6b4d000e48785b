import type { TFunction } from 'i18next';
import type { HearingEvent } from '../../shared/domain/events';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The details of an event in one line of the reader's language. */
export function describeEvent(t: TFunction, event: HearingEvent): string {
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
