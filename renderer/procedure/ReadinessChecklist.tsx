import { useTranslation } from 'react-i18next';
import { describeUnmet } from '../../shared/rules/messages/index';
import type { AttendeeDraft } from '../../shared/domain/procedure';
import type { Unmet } from '../../shared/rules/unmet';
import { fieldLabel } from './field-labels';

/** Reports whose message says only "fill in the marked field": the item names that field. */
const namesItsField = (u: Unmet) =>
  u.code.endsWith('.incomplete') ||
  (u.code === 'room.not_confirmed' && u.field !== 'roomChecklist');

/**
 * What the rules still require before this hearing may be recorded, in plain words; each item
 * leads to the input that fixes it. Empty: the hearing is ready to record.
 */
export function ReadinessChecklist({
  unmet,
  attendees,
  onGoTo,
  id,
  headingLevel = 3,
}: {
  unmet: Unmet[];
  attendees?: readonly AttendeeDraft[];
  onGoTo: (field: string) => void;
  id: string;
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  if (unmet.length === 0) {
    return (
      <div className="readiness ready" id={id}>
        <Heading className="readiness-title">
          <span className="check-symbol" aria-hidden="true" />
          {t('readiness.ready')}
        </Heading>
        <p>{t('readiness.readyBody')}</p>
      </div>
    );
  }
  return (
    <div className="readiness" id={id}>
      <Heading className="readiness-title">
        {t('readiness.needed', { count: unmet.length })}
      </Heading>
      <ol className="readiness-list">
        {unmet.map((u) => {
          const field = namesItsField(u) ? fieldLabel(t, u.field, attendees) : null;
          return (
            <li key={`${u.code}-${u.field}`}>
              <button type="button" className="link-button" onClick={() => onGoTo(u.field)}>
                {describeUnmet(u, i18n.resolvedLanguage ?? 'en')}
                {field && (
                  <span className="readiness-field">{t('readiness.field', { field })}</span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
