import { useTranslation } from 'react-i18next';
import { formatLocale } from '../../i18n/locale';
import { DateField } from '../fields';
import { formatBrusselsDateTime } from '../../format/dates';
import { Section } from '../Section';
import { useSectionForm } from '../section-form';
import { nothingToSave } from '../use-procedure';
import type { SectionProps } from './props';

/** The day of the hearing: the ages, and so consent or information, are counted on it. */
export function HearingSection({ store, view, readOnly }: SectionProps) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const form = useSectionForm({
    section: 'hearingDate',
    store,
    readOnly,
    initial: () => ({ hearingDate: view.draft.hearingDate ?? '' }),
    build: (read, stored) => read.date('hearingDate', stored) ?? nothingToSave,
  });
  const labels = { hearingDate: t('procedure.hearing.date') };
  const start = view.draft.hearingStart;
  return (
    <Section path="hearingDate" title={t('procedure.hearing.title')} form={form} labels={labels}>
      <div className="field-grid">
        <DateField form={form} name="hearingDate" path="hearingDate" label={labels.hearingDate} />
        {start && (
          <div className="field field-readonly">
            <span className="field-label">{t('procedure.hearing.start')}</span>
            <span className="field-value">{formatBrusselsDateTime(start, locale)}</span>
          </div>
        )}
      </div>
    </Section>
  );
}
