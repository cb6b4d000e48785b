import { useTranslation } from 'react-i18next';
import { describeUnmet } from '../../shared/rules/messages/index';
import type { Unmet } from '../../shared/rules/unmet';

/**
 * What the rules still require before this hearing may be recorded, in plain words; each item
 * leads to the input that fixes it. Empty: the hearing is ready to record.
 */
export function ReadinessChecklist({
  unmet,
  onGoTo,
  id,
  headingLevel = 3,
}: {
  unmet: Unmet[];
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
        {unmet.map((u) => (
          <li key={`${u.code}-${u.field}`}>
            <button type="button" className="link-button" onClick={() => onGoTo(u.field)}>
              {describeUnmet(u, i18n.resolvedLanguage ?? 'en')}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
