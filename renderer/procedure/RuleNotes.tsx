import { useTranslation } from 'react-i18next';
import { describeUnmet } from '../../shared/rules/messages/index';
import type { AttendeeDraft } from '../../shared/domain/procedure';
import type { Unmet } from '../../shared/rules/unmet';
import { fieldLabel } from './field-labels';

/**
 * What the rules find open for sealing (never blocking the recording) and what they remind of,
 * each leading to the field that settles it. Nothing is shown when both lists are empty.
 */
export function RuleNotes({
  openForSealing,
  reminders,
  attendees,
  onGoTo,
}: {
  openForSealing: Unmet[];
  reminders: Unmet[];
  attendees?: readonly AttendeeDraft[];
  onGoTo: (field: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const list = (items: Unmet[]) => (
    <ul className="readiness-list">
      {items.map((u) => {
        // "Complete the marked field" names the field, as in the readiness list.
        const field = u.code.endsWith('.incomplete') ? fieldLabel(t, u.field, attendees) : null;
        return (
          <li key={`${u.code}-${u.field}`}>
            <button type="button" className="link-button" onClick={() => onGoTo(u.field)}>
              {describeUnmet(u, locale)}
              {field && <span className="readiness-field">{t('readiness.field', { field })}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
  return (
    <>
      {openForSealing.length > 0 && (
        <div className="readiness" data-testid="open-for-sealing">
          <h3 className="readiness-title">{t('situation.rules.sealing', { count: openForSealing.length })}</h3>
          <p>{t('situation.rules.sealingBody')}</p>
          {list(openForSealing)}
        </div>
      )}
      {reminders.length > 0 && (
        <div className="readiness" data-testid="reminders">
          <h3 className="readiness-title">{t('situation.rules.reminders')}</h3>
          {list(reminders)}
        </div>
      )}
    </>
  );
}
