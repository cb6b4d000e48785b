import { useTranslation } from 'react-i18next';
import { ReadinessChecklist } from './ReadinessChecklist';
import { RuleNotes } from './RuleNotes';
import { FollowUpSection } from './sections/FollowUpSection';
import { HearingLanguageSection } from './sections/HearingLanguageSection';
import { AttendeesSection } from './sections/AttendeesSection';
import { ConsentOrInformation } from './sections/ConsentSection';
import { HearingSection } from './sections/HearingSection';
import { OrderSection } from './sections/OrderSection';
import { PersonHeardSection } from './sections/PersonHeardSection';
import { PersonOfTrustSection } from './sections/PersonOfTrustSection';
import { RoomSection } from './sections/RoomSection';
import type { ProcedureStore, ProcedureView } from './use-procedure';

/**
 * The procedural record, section by section in the order of the law, each saving as it is
 * typed, beside what the rules still require. Once the hearing is recorded the record is fixed
 * and shown as it stands, except the people present, who can still be added.
 */
export function Preparation({
  store,
  view,
  sealed,
  onGoTo,
}: {
  store: ProcedureStore;
  view: ProcedureView;
  sealed: boolean;
  onGoTo: (field: string) => void;
}) {
  const { t } = useTranslation();
  const fixed = view.locked || sealed;
  const props = { store, view, readOnly: fixed };
  return (
    <div className="preparation">
      <div className="preparation-sections">
        {sealed ? (
          <p className="notice">{t('procedure.sealedNotice')}</p>
        ) : (
          view.locked && <p className="notice">{t('procedure.lockedNotice')}</p>
        )}
        {!fixed && <p className="muted">{t('procedure.savesItself')}</p>}
        <HearingSection {...props} />
        <OrderSection {...props} />
        <PersonHeardSection {...props} />
        <HearingLanguageSection {...props} />
        <ConsentOrInformation {...props} />
        <PersonOfTrustSection {...props} />
        <AttendeesSection {...props} readOnly={sealed} locked={view.locked} />
        <RoomSection {...props} />
        {(view.evaluation.facts.protectiveFollowUpRequired || view.draft.protectiveFollowUp) && (
          // Done after the hearing: it stays open after the recording, until the seal.
          <FollowUpSection {...props} readOnly={sealed} />
        )}
      </div>
      <aside className="preparation-aside" aria-label={t('readiness.title')}>
        <ReadinessChecklist
          id="readiness-preparation"
          unmet={view.evaluation.unmet}
          attendees={view.draft.attendees ?? []}
          onGoTo={onGoTo}
        />
        <RuleNotes
          openForSealing={view.evaluation.openForSealing}
          reminders={view.evaluation.reminders}
          attendees={view.draft.attendees ?? []}
          onGoTo={onGoTo}
        />
      </aside>
    </div>
  );
}
