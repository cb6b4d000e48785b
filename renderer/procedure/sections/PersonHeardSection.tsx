import { useTranslation } from 'react-i18next';
import { compareDates, parseIsoDate } from '../../../shared/domain/dates';
import {
  personCategories,
  personHeard,
  type PersonHeardDraft,
} from '../../../shared/domain/procedure';
import { describeAgeUsed } from '../../../shared/rules/messages/facts';
import {
  CheckField,
  DateField,
  LanguageField,
  SelectField,
  TextField,
  languageValues,
} from '../fields';
import { fieldId } from '../field-ids';
import { optionsFor } from '../options';
import { Section } from '../Section';
import { useSectionForm } from '../section-form';
import type { ProcedureView } from '../use-procedure';
import type { SectionProps } from './props';
import {
  AgeAssessmentFields,
  SituationFields,
  readAgeAssessment,
  readSituation,
  situationValues,
} from './SituationFields';

/**
 * The person heard. When the date of birth is not known for certain, an age assessment gives the
 * earliest and latest possible dates; the rules then read the ages protectively.
 */
export function PersonHeardSection({ store, view, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const options = optionsFor(t);
  const form = useSectionForm({
    section: 'personHeard',
    store,
    readOnly,
    initial: () => {
      const p = view.draft.personHeard;
      return {
        name: p?.name ?? '',
        certain: p?.dateOfBirthCertain !== false,
        dateOfBirth: p?.dateOfBirth ?? '',
        earliest: p?.dateOfBirthRange?.earliest ?? '',
        latest: p?.dateOfBirthRange?.latest ?? '',
        ...languageValues('language', p?.language),
        category: p?.category ?? '',
        ...situationValues(p),
      };
    },
    build: (read, stored): PersonHeardDraft => {
      const certain = read.flag('certain') !== false;
      const earliest = read.date('earliest', stored?.dateOfBirthRange?.earliest, false);
      const latest = read.date('latest', stored?.dateOfBirthRange?.latest, false);
      const from = earliest ? parseIsoDate(earliest) : null;
      const to = latest ? parseIsoDate(latest) : null;
      if (!certain && from && to && compareDates(from, to) > 0) {
        read.problem('latest', { code: 'range_inverted' });
      }
      // An age assessment gives the range of dates itself: then the dates are not asked for.
      const ageAssessment = certain ? null : readAgeAssessment(read, stored?.ageAssessment);
      const assessed = ageAssessment?.minAge != null && ageAssessment.maxAge != null;
      if (!certain && !assessed && !earliest) read.problem('earliest', { code: 'required' });
      if (!certain && !assessed && !latest) read.problem('latest', { code: 'required' });
      return {
        name: read.text('name', personHeard.shape.name, stored?.name),
        dateOfBirthCertain: certain,
        dateOfBirth: read.date('dateOfBirth', stored?.dateOfBirth, certain),
        dateOfBirthRange: earliest || latest ? { earliest, latest } : null,
        language: read.language('language', stored?.language),
        category: read.choice('category', personCategories),
        // Kept as stored: no field on this page changes them.
        otherLanguages: stored?.otherLanguages ?? null,
        ageAssessment,
        ...readSituation(read, stored),
      };
    },
  });
  const labels = {
    name: t('procedure.person.name'),
    certain: t('procedure.person.certain'),
    dateOfBirth: t('procedure.person.dateOfBirth'),
    earliest: t('procedure.person.earliest'),
    latest: t('procedure.person.latest'),
    language: t('procedure.person.language'),
    category: t('procedure.person.category'),
  };
  const certain = form.flag('certain');
  return (
    <Section path="personHeard" title={t('procedure.person.title')} form={form} labels={labels}>
      <div className="field-grid">
        <TextField
          form={form}
          name="name"
          path="personHeard.name"
          label={labels.name}
          className="wide"
        />
        <CheckField
          form={form}
          name="certain"
          path="personHeard.dateOfBirthCertain"
          label={labels.certain}
          description={t('procedure.person.certainHint')}
          asSwitch
          className="wide"
        />
        {certain ? (
          <DateField
            form={form}
            name="dateOfBirth"
            path="personHeard.dateOfBirth"
            label={labels.dateOfBirth}
          />
        ) : (
          <fieldset className="field-range wide" id={fieldId('personHeard.dateOfBirthRange')}>
            <legend>{t('procedure.person.range')}</legend>
            <DateField
              form={form}
              name="earliest"
              path="personHeard.dateOfBirthRange.earliest"
              label={labels.earliest}
            />
            <DateField
              form={form}
              name="latest"
              path="personHeard.dateOfBirthRange.latest"
              label={labels.latest}
            />
          </fieldset>
        )}
        {!certain && <AgeAssessmentFields form={form} />}
        <LanguageField
          form={form}
          name="language"
          path="personHeard.language"
          label={labels.language}
        />
        <SelectField
          form={form}
          name="category"
          path="personHeard.category"
          label={labels.category}
          options={options.categories}
        />
        <SituationFields form={form} facts={view.evaluation.facts} />
      </div>
      <AgeFacts facts={view.evaluation.facts} />
    </Section>
  );
}

/** What the rules make of the age: shown so nobody has to count. */
function AgeFacts({ facts }: { facts: ProcedureView['evaluation']['facts'] }) {
  const { t, i18n } = useTranslation();
  // The lowest age is the one used (art. 7 §3 Guardianship Law): said in so many words.
  const used = describeAgeUsed(facts, i18n.resolvedLanguage ?? 'en');
  const age =
    facts.ageAtHearing !== null
      ? t('procedure.person.age', { count: facts.ageAtHearing })
      : used
        ? t('situation.age.used', { words: used })
        : facts.ageRange
          ? t('procedure.person.ageRange', { min: facts.ageRange.min, max: facts.ageRange.max })
          : null;
  if (age === null) return null;
  const then = facts.consentRequired
    ? t('procedure.person.consentFollows')
    : facts.informationRequired
      ? t('procedure.person.informationFollows')
      : null;
  return (
    <p className="note" data-testid="age-facts">
      {age}
      {then && ` ${then}`}
    </p>
  );
}
