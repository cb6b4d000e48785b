import { useTranslation } from 'react-i18next';
import { ReadinessChecklist } from './ReadinessChecklist';
import { startUnavailableId, type Workspace } from './workspace';

/**
 * Beside the Start button: why recording is not available yet, and the list of what is
 * missing, each item leading to its input. Nothing while a segment is being recorded.
 */
export function StartReadiness({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const view = workspace.procedure.view;
  if (!view || workspace.controls) return null;
  const unmet = view.evaluation.unmet;
  if (unmet.length === 0) {
    return (
      <p className="start-ready">
        <span className="check-symbol" aria-hidden="true" />
        {t('readiness.readyShort')}
      </p>
    );
  }
  return (
    <div className="start-readiness">
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
