import { useTranslation } from 'react-i18next';
import {
  capacities,
  decisionNotToRecord,
  issuers,
  magistrate,
  offenceCategories,
  order,
  type OrderDraft,
} from '../../../shared/domain/procedure';
import { CheckField, DateField, SelectField, TextField } from '../fields';
import { optionsFor } from '../options';
import { Section } from '../Section';
import { useSectionForm } from '../section-form';
import type { SectionProps } from './props';

/** The order to record: who gave it, its reference and date, the offence and the capacity. */
export function OrderSection({ store, view, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const options = optionsFor(t);
  const form = useSectionForm({
    section: 'order',
    store,
    readOnly,
    initial: () => {
      const o = view.draft.order;
      const d = o?.decisionNotToRecord;
      return {
        issuedBy: o?.issuedBy ?? '',
        magistrateName: o?.magistrateName ?? '',
        reference: o?.reference ?? '',
        date: o?.date ?? '',
        offenceCategory: o?.offenceCategory ?? '',
        capacity: o?.capacity ?? '',
        decided: !!d,
        'decision.reasons': d?.reasons ?? '',
        'decision.role': d?.by?.role ?? '',
        'decision.name': d?.by?.name ?? '',
        'decision.date': d?.date ?? '',
      };
    },
    build: (read, stored): OrderDraft => {
      const kept = stored?.decisionNotToRecord;
      return {
        issuedBy: read.choice('issuedBy', issuers),
        magistrateName: read.text(
          'magistrateName',
          order.shape.magistrateName,
          stored?.magistrateName,
        ),
        reference: read.text('reference', order.shape.reference, stored?.reference),
        date: read.date('date', stored?.date),
        offenceCategory: read.choice('offenceCategory', offenceCategories),
        capacity: read.choice('capacity', capacities),
        decisionNotToRecord: read.flag('decided')
          ? {
              reasons: read.text(
                'decision.reasons',
                decisionNotToRecord.shape.reasons,
                kept?.reasons,
              ),
              by: {
                role: read.choice('decision.role', issuers),
                name: read.text('decision.name', magistrate.shape.name, kept?.by?.name),
              },
              date: read.date('decision.date', kept?.date),
            }
          : null,
      };
    },
  });
  const labels = {
    issuedBy: t('procedure.order.issuedBy'),
    magistrateName: t('procedure.order.magistrateName'),
    reference: t('procedure.order.reference'),
    date: t('procedure.order.date'),
    offenceCategory: t('procedure.order.offence'),
    capacity: t('procedure.order.capacity'),
    decided: t('procedure.order.decided'),
    'decision.reasons': t('procedure.order.reasons'),
    'decision.role': t('procedure.order.decidedByRole'),
    'decision.name': t('procedure.order.decidedByName'),
    'decision.date': t('procedure.order.decisionDate'),
  };
  const ruleApplies = view.evaluation.facts.recordingIsTheRule === true;
  return (
    <Section path="order" title={t('procedure.order.title')} form={form} labels={labels}>
      <div className="field-grid">
        <SelectField
          form={form}
          name="issuedBy"
          path="order.issuedBy"
          label={labels.issuedBy}
          options={options.issuers}
        />
        <TextField
          form={form}
          name="magistrateName"
          path="order.magistrateName"
          label={labels.magistrateName}
        />
        <TextField form={form} name="reference" path="order.reference" label={labels.reference} />
        <DateField form={form} name="date" path="order.date" label={labels.date} />
        <SelectField
          form={form}
          name="offenceCategory"
          path="order.offenceCategory"
          label={labels.offenceCategory}
          options={options.offences}
          className="wide"
        />
        <SelectField
          form={form}
          name="capacity"
          path="order.capacity"
          label={labels.capacity}
          options={options.capacities}
        />
      </div>
      {ruleApplies && <p className="note">{t('procedure.order.recordingIsTheRule')}</p>}
      <CheckField
        form={form}
        name="decided"
        path="order.decisionNotToRecord"
        label={labels.decided}
        description={t('procedure.order.decidedHint')}
        asSwitch
      />
      {form.flag('decided') && (
        <div className="field-grid nested">
          <TextField
            form={form}
            name="decision.reasons"
            path="order.decisionNotToRecord.reasons"
            label={labels['decision.reasons']}
            multiline
            className="wide"
          />
          <SelectField
            form={form}
            name="decision.role"
            path="order.decisionNotToRecord.by.role"
            label={labels['decision.role']}
            options={options.issuers}
          />
          <TextField
            form={form}
            name="decision.name"
            path="order.decisionNotToRecord.by.name"
            label={labels['decision.name']}
          />
          <DateField
            form={form}
            name="decision.date"
            path="order.decisionNotToRecord.date"
            label={labels['decision.date']}
          />
        </div>
      )}
    </Section>
  );
}
