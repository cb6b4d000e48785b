import { useTranslation } from 'react-i18next';
import { ReadinessChecklist } from './ReadinessChecklist';
import { formatBrusselsDateTime } from '../format/dates';
import { formatLocale } from '../i18n/locale';
import { startUnavailableId, type Workspace } from './workspace';

/**
 * Beside the Start button: why recording is not available yet, and the list of what is
 * missing, each item leading to its input. Nothing while a segment is being recorded.
 */
export function StartReadiness({ workspace }: { workspace: Workspace }) {
  const { t, i18n } = useTranslation();
  const view = workspace.procedure.view;
  if (!view || workspace.controls) return null;
  const unmet = view.evaluation.unmet;
  // Until recording, a planned hearing is checked for its planned time; the real start is checked again.
  const plannedNote = view.planned ? (
    <p className="muted planned-for">
      {t('changes.plan.checkedFor', { at: formatBrusselsDateTime(view.evaluatedAt, formatLocale(i18n.resolvedLanguage)) })}
    </p>
  ) : null;
  if (unmet.length === 0) {
    return (
      <>
        {plannedNote}
        <p className="start-ready">
          <span className="check-symbol" aria-hidden="true" />
          {t('readiness.readyShort')}
        </p>
      </>
    );
  }
  return (
    <div className="start-readiness">
      {plannedNote}
      <p id={startUnavailableId} className="start-unavailable">
        {t('readiness.startUnavailable', { count: unmet.length })}
      </p>
      <ReadinessChecklist
        id="readiness-hearing"
        unmet={unmet}
        attendees={view.draft.attendees ?? []}
        onGoTo={workspace.goTo}
      />
    </div>
  );
}
