import { useTranslation } from 'react-i18next';
import { receptionCentres } from '../../../shared/domain/reception-centres';
import {
  brochureHanded,
  guardianInformed,
  receptionCentreContact,
  reflectionPeriodNoted,
  type ProtectiveFollowUpDraft,
} from '../../../shared/domain/procedure';
import { describeReflectionPeriod } from '../../../shared/rules/messages/facts';
import { fieldId } from '../field-ids';
import { DateField, InstantField, LanguageField, SelectField, TextField, languageValues } from '../fields';
import { instantToBrusselsInput } from '../instants';
import { Section } from '../Section';
import { useSectionForm, type Reader } from '../section-form';
import type { SectionProps } from './props';

/** An object whose fields are all empty is no entry at all. */
const entry = <T extends Record<string, unknown>>(value: T): T | null =>
  Object.values(value).some((v) => v !== null) ? value : null;

/**
 * The protective follow-up of a victim of trafficking or exploitation (study §§56, 78, 85-87): a
 * specialised reception centre contacted (the list is the rule set's), the brochure handed in a
 * language the person reads, the reflection period noted with its last day worked out by the
 * rules, and the guardian informed. It closes the hearing, so it stays open to change after the
 * recording, until the seal.
 */
export function FollowUpSection({ store, view, readOnly }: SectionProps) {
  const { t, i18n } = useTranslation();
  const facts = view.evaluation.facts;
  const form = useSectionForm({
    section: 'protectiveFollowUp',
    store,
    readOnly,
    initial: () => {
      const f = view.draft.protectiveFollowUp;
      return {
        centre: f?.receptionCentre?.centre ?? '',
        centreAt: instantToBrusselsInput(f?.receptionCentre?.at),
        centreBy: f?.receptionCentre?.by ?? '',
        ...languageValues('brochureLanguage', f?.brochure?.language),
        brochureAt: instantToBrusselsInput(f?.brochure?.at),
        brochureBy: f?.brochure?.by ?? '',
        reflectionStart: f?.reflectionPeriod?.start ?? '',
        reflectionBy: f?.reflectionPeriod?.notedBy ?? '',
        guardianAt: instantToBrusselsInput(f?.guardianInformed?.at),
        guardianBy: f?.guardianInformed?.by ?? '',
      };
    },
    build: (read: Reader, stored): ProtectiveFollowUpDraft | null => {
      const centre = read.choice('centre', receptionCentres.map((c) => c.id), false);
      const value: ProtectiveFollowUpDraft = {
        receptionCentre: entry({
          centre,
          at: read.instant('centreAt', stored?.receptionCentre?.at, centre !== null),
          by: read.text('centreBy', receptionCentreContact.shape.by, stored?.receptionCentre?.by, centre !== null),
        }),
        brochure: entry({
          language: read.language('brochureLanguage', stored?.brochure?.language, false),
          at: read.instant('brochureAt', stored?.brochure?.at, false),
          by: read.text('brochureBy', brochureHanded.shape.by, stored?.brochure?.by, false),
        }),
        reflectionPeriod: entry({
          start: read.date('reflectionStart', stored?.reflectionPeriod?.start, false),
          notedBy: read.text('reflectionBy', reflectionPeriodNoted.shape.notedBy, stored?.reflectionPeriod?.notedBy, false),
        }),
        guardianInformed: entry({
          at: read.instant('guardianAt', stored?.guardianInformed?.at, false),
          by: read.text('guardianBy', guardianInformed.shape.by, stored?.guardianInformed?.by, false),
        }),
      };
      return Object.values(value).some((v) => v !== null) ? value : null;
    },
  });
  const labels = {
    centre: t('situation.followUp.centre'),
    centreAt: t('situation.followUp.centreAt'),
    centreBy: t('situation.followUp.centreBy'),
    brochureLanguage: t('situation.followUp.brochureLanguage'),
    brochureAt: t('situation.followUp.brochureAt'),
    brochureBy: t('situation.followUp.brochureBy'),
    reflectionStart: t('situation.followUp.reflectionStart'),
    reflectionBy: t('situation.followUp.reflectionBy'),
    guardianAt: t('situation.followUp.guardianAt'),
    guardianBy: t('situation.followUp.guardianBy'),
  };
  const status = view.draft.personHeard?.guardian?.status;
  const hasGuardian = status === 'appointed' || status === 'temporary' || !!view.draft.protectiveFollowUp?.guardianInformed;
  const period = describeReflectionPeriod(facts, i18n.resolvedLanguage ?? 'en');
  const at = 'protectiveFollowUp';
  return (
    <Section
      path={at}
      title={t('situation.followUp.title')}
      form={form}
      labels={labels}
      intro={<p className="note">{t('situation.followUp.intro')}</p>}
    >
      <fieldset className="field-range" id={fieldId(`${at}.receptionCentre`)}>
        <legend>{labels.centre}</legend>
        <div className="field-grid">
          <SelectField
            form={form}
            name="centre"
            path={`${at}.receptionCentre.centre`}
            label={labels.centre}
            options={receptionCentres.map((c) => ({ value: c.id, label: `${c.name} (${c.place})` }))}
          />
          <InstantField form={form} name="centreAt" path={`${at}.receptionCentre.at`} label={labels.centreAt} />
          <TextField form={form} name="centreBy" path={`${at}.receptionCentre.by`} label={labels.centreBy} />
        </div>
      </fieldset>
      <fieldset className="field-range" id={fieldId(`${at}.brochure`)}>
        <legend>{t('situation.followUp.brochure')}</legend>
        <div className="field-grid">
          <LanguageField form={form} name="brochureLanguage" path={`${at}.brochure.language`} label={labels.brochureLanguage} />
          <InstantField form={form} name="brochureAt" path={`${at}.brochure.at`} label={labels.brochureAt} />
          <TextField form={form} name="brochureBy" path={`${at}.brochure.by`} label={labels.brochureBy} />
        </div>
      </fieldset>
      <fieldset className="field-range" id={fieldId(`${at}.reflectionPeriod`)}>
        <legend>{t('situation.followUp.reflection')}</legend>
        <p className="note">{t('situation.followUp.reflectionStartHint')}</p>
        <div className="field-grid">
          <DateField form={form} name="reflectionStart" path={`${at}.reflectionPeriod.start`} label={labels.reflectionStart} />
          <TextField form={form} name="reflectionBy" path={`${at}.reflectionPeriod.notedBy`} label={labels.reflectionBy} />
        </div>
        {period && (
          <p className="note" data-testid="reflection-period">
            {t('situation.followUp.reflectionEnd', { words: period })}
          </p>
        )}
      </fieldset>
      {hasGuardian && (
        <fieldset className="field-range" id={fieldId(`${at}.guardianInformed`)}>
          <legend>{t('situation.followUp.guardian')}</legend>
          <div className="field-grid">
            <InstantField form={form} name="guardianAt" path={`${at}.guardianInformed.at`} label={labels.guardianAt} />
            <TextField form={form} name="guardianBy" path={`${at}.guardianInformed.by`} label={labels.guardianBy} />
          </div>
        </fieldset>
      )}
    </Section>
  );
}
