import { useTranslation } from 'react-i18next';
import { formatLocale } from '../../i18n/locale';
import { LanguageField, languageValues } from '../fields';
import { languageName } from '../languages';
import { Section } from '../Section';
import { useSectionForm } from '../section-form';
import type { SectionProps } from './props';

/**
 * The language the interviewer conducts the hearing in. When the person's language is another,
 * the rules require an interpreter for it, and consent and information name the interpreter.
 */
export function HearingLanguageSection({ store, view, readOnly }: SectionProps) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const form = useSectionForm({
    section: 'hearingLanguage',
    store,
    readOnly,
    initial: () => languageValues('hearingLanguage', view.draft.hearingLanguage),
    build: (read, stored) => read.language('hearingLanguage', stored, false),
  });
  const labels = { hearingLanguage: t('situation.language.hearing') };
  const facts = view.evaluation.facts;
  const own = view.draft.personHeard?.language;
  return (
    // The section's own id differs from its one input's, which takes the path `hearingLanguage`.
    <Section path="hearingLanguage.section" title={t('situation.language.title')} form={form} labels={labels}>
      <div className="field-grid">
        <LanguageField
          form={form}
          name="hearingLanguage"
          path="hearingLanguage"
          label={labels.hearingLanguage}
          hint={t('situation.language.hearingHint')}
        />
      </div>
      {facts.interpreterRequired === true && own && (
        <p className="note" data-testid="interpreter-required">
          {t('situation.language.interpreterRequired', { language: languageName(own, locale) })}
        </p>
      )}
      {facts.interpreterRequired === false && <p className="note">{t('situation.language.noInterpreter')}</p>}
    </Section>
  );
}
