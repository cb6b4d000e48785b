import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import {
  ageAssessment as ageAssessmentSchema,
  ageAssessmentMethods,
  guardian as guardianSchema,
  guardianStatuses,
  medicalAgeTests,
  officeWarning,
  type AgeAssessmentDraft,
  type GuardianDraft,
  type PersonHeardDraft,
} from '../../../shared/domain/procedure';
import { formatLocale } from '../../i18n/locale';
import { fieldId } from '../field-ids';
import { CheckField, DateField, InstantField, RadioField, SelectField, TextField } from '../fields';
import { instantToBrusselsInput } from '../instants';
import type { Reader, SectionForm, Values } from '../section-form';
import type { ProcedureView } from '../use-procedure';

/** A nationality typed as its two-letter code, in either case: `al` is Albania. */
const nationalityInput = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().refine((v) => /^[A-Z]{2}$/.test(v), { params: { code: 'country_invalid' } }));

/** An age in whole years, as typed. */
const ageInput = z
  .string()
  .trim()
  .refine((v) => /^\d{1,2}$/.test(v), { params: { code: 'age_invalid' } });

const countryName = (code: string, locale: string): string => {
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
};

const testKey = (test: string) => `ageTest.${test}`;

/** The form values of the person's situation and age assessment, from the stored section. */
export function situationValues(p: PersonHeardDraft | null | undefined): Values {
  const g = p?.guardian;
  const a = p?.ageAssessment;
  return {
    nationality: p?.nationality ?? '',
    accompanied: p?.accompanied === true ? 'yes' : p?.accompanied === false ? 'no' : '',
    guardianStatus: g?.status ?? '',
    guardianName: g?.name ?? '',
    warnedAt: instantToBrusselsInput(g?.officeWarned?.at),
    warnedBy: g?.officeWarned?.by ?? '',
    warnedReference: g?.officeWarned?.reference ?? '',
    ageMethod: a?.method ?? '',
    ageDate: a?.date ?? '',
    ageBy: a?.assessedBy ?? '',
    ageMin: a?.minAge === null || a?.minAge === undefined ? '' : String(a.minAge),
    ageMax: a?.maxAge === null || a?.maxAge === undefined ? '' : String(a.maxAge),
    ...Object.fromEntries(medicalAgeTests.map((test) => [testKey(test), !!a?.medicalTests?.includes(test)])),
  };
}

/**
 * Nationality, accompanied or not, and for an unaccompanied minor the guardian and the warning
 * to the Guardianship Office. The guardian is kept only for an unaccompanied person.
 */
export function readSituation(
  read: Reader,
  stored: PersonHeardDraft | null | undefined,
): Pick<PersonHeardDraft, 'nationality' | 'accompanied' | 'guardian'> {
  const nationality = read.text('nationality', nationalityInput, stored?.nationality, false);
  const raw = read.raw('accompanied');
  const accompanied = raw === 'yes' ? true : raw === 'no' ? false : null;
  return { nationality, accompanied, guardian: accompanied === false ? readGuardian(read, stored?.guardian) : null };
}

function readGuardian(read: Reader, stored: GuardianDraft | null | undefined): GuardianDraft | null {
  const status = read.choice('guardianStatus', guardianStatuses, false);
  const name = read.text('guardianName', guardianSchema.shape.name.unwrap().unwrap(), stored?.name, status !== null && status !== 'not_yet');
  const warned = {
    at: read.instant('warnedAt', stored?.officeWarned?.at, false),
    by: read.text('warnedBy', officeWarning.shape.by, stored?.officeWarned?.by, false),
    reference: read.text('warnedReference', officeWarning.shape.reference.unwrap().unwrap(), stored?.officeWarned?.reference, false),
  };
  const anyWarned = Object.values(warned).some((v) => v !== null);
  if (!status && !name && !anyWarned) return null;
  return { status, name, officeWarned: anyWarned ? warned : null };
}

/** The age assessment (study §69): method, the X-rays of a medical one, day, and the range of ages. */
export function readAgeAssessment(read: Reader, stored: AgeAssessmentDraft | null | undefined): AgeAssessmentDraft | null {
  const method = read.choice('ageMethod', ageAssessmentMethods, false);
  const ageOf = (name: string, fallback: number | null | undefined) => {
    const text = read.text(name, ageInput, fallback === null || fallback === undefined ? null : String(fallback), false);
    return text === null ? null : Number(text);
  };
  const minAge = ageOf('ageMin', stored?.minAge);
  const maxAge = ageOf('ageMax', stored?.maxAge);
  if (minAge !== null && maxAge !== null && minAge > maxAge) read.problem('ageMax', { code: 'range_inverted' });
  const tests = method === 'medical' ? medicalAgeTests.filter((test) => read.flag(testKey(test)) === true) : [];
  const assessment: AgeAssessmentDraft = {
    method,
    medicalTests: tests.length ? tests : null,
    date: read.date('ageDate', stored?.date, false),
    assessedBy: read.text('ageBy', ageAssessmentSchema.shape.assessedBy.unwrap().unwrap(), stored?.assessedBy, false),
    minAge,
    maxAge,
  };
  return Object.values(assessment).some((v) => v !== null) ? assessment : null;
}

/** The fields of the person's situation, inside the person heard's section. */
export function SituationFields({ form, facts }: { form: SectionForm; facts: ProcedureView['evaluation']['facts'] }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const nationality = form.text('nationality').trim().toUpperCase();
  const unaccompanied = form.text('accompanied') === 'no';
  const status = form.text('guardianStatus');
  return (
    <>
      <TextField
        form={form}
        name="nationality"
        path="personHeard.nationality"
        label={t('situation.person.nationality')}
        hint={t('situation.person.nationalityHint')}
      />
      {/^[A-Z]{2}$/.test(nationality) && (
        <p className="note" data-testid="nationality-facts">
          {countryName(nationality, locale)}
          {facts.eeaNational === true && ` — ${t('situation.person.eea')}`}
          {facts.eeaNational === false && ` — ${t('situation.person.notEea')}`}
        </p>
      )}
      <RadioField
        form={form}
        name="accompanied"
        path="personHeard.accompanied"
        label={t('situation.person.accompanied')}
        options={[
          { value: 'yes', label: t('situation.person.accompaniedYes') },
          { value: 'no', label: t('situation.person.accompaniedNo') },
        ]}
        className="wide"
      />
      {unaccompanied && (
        <fieldset className="field-range wide" id={fieldId('personHeard.guardian')}>
          <legend>{t('situation.guardian.title')}</legend>
          <p className="note">{t('situation.guardian.intro')}</p>
          <RadioField
            form={form}
            name="guardianStatus"
            path="personHeard.guardian.status"
            label={t('situation.guardian.status')}
            options={guardianStatuses.map((value) => ({ value, label: t(`situation.guardian.statuses.${value}`) }))}
            className="wide"
          />
          {status !== 'not_yet' && (
            <TextField form={form} name="guardianName" path="personHeard.guardian.name" label={t('situation.guardian.name')} />
          )}
          <fieldset className="field-range wide" id={fieldId('personHeard.guardian.officeWarned')}>
            <legend>{t('situation.guardian.warned')}</legend>
            <InstantField form={form} name="warnedAt" path="personHeard.guardian.officeWarned.at" label={t('situation.guardian.warnedAt')} />
            <TextField form={form} name="warnedBy" path="personHeard.guardian.officeWarned.by" label={t('situation.guardian.warnedBy')} />
            <TextField
              form={form}
              name="warnedReference"
              path="personHeard.guardian.officeWarned.reference"
              label={t('situation.guardian.warnedReference')}
              hint={t('situation.guardian.warnedReferenceHint')}
            />
          </fieldset>
        </fieldset>
      )}
    </>
  );
}

/** The age assessment, shown when the date of birth is not known for certain. */
export function AgeAssessmentFields({ form }: { form: SectionForm }) {
  const { t } = useTranslation();
  const medical = form.text('ageMethod') === 'medical';
  return (
    <fieldset className="field-range wide" id={fieldId('personHeard.ageAssessment')}>
      <legend>{t('situation.age.title')}</legend>
      <p className="note">{t('situation.age.intro')}</p>
      <SelectField
        form={form}
        name="ageMethod"
        path="personHeard.ageAssessment.method"
        label={t('situation.age.method')}
        options={ageAssessmentMethods.map((value) => ({ value, label: t(`situation.age.methods.${value}`) }))}
      />
      {medical && (
        <fieldset className="field choices wide" id={fieldId('personHeard.ageAssessment.medicalTests')}>
          <legend>{t('situation.age.tests')}</legend>
          {medicalAgeTests.map((test) => (
            <CheckField
              key={test}
              form={form}
              name={testKey(test)}
              path={`personHeard.ageAssessment.medicalTests.${test}`}
              label={t(`situation.age.testNames.${test}`)}
            />
          ))}
        </fieldset>
      )}
      <DateField form={form} name="ageDate" path="personHeard.ageAssessment.date" label={t('situation.age.date')} />
      <TextField form={form} name="ageBy" path="personHeard.ageAssessment.assessedBy" label={t('situation.age.by')} />
      <TextField
        form={form}
        name="ageMin"
        path="personHeard.ageAssessment.minAge"
        label={t('situation.age.min')}
        hint={t('situation.age.minHint')}
      />
      <TextField form={form} name="ageMax" path="personHeard.ageAssessment.maxAge" label={t('situation.age.max')} />
    </fieldset>
  );
}
