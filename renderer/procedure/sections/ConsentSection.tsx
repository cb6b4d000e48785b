import { useTranslation } from 'react-i18next';
import {
  consent,
  consentDecisions,
  information,
  type ConsentDraft,
} from '../../../shared/domain/procedure';
import type { SectionValue } from '../use-procedure';
import { formatLocale } from '../../i18n/locale';
import { InstantField, LanguageField, RadioField, TextField, languageValues } from '../fields';
import { formatBrusselsDateTime } from '../../format/dates';
import { instantToBrusselsInput } from '../instants';
import { fieldId } from '../field-ids';
import { optionsFor } from '../options';
import { Section } from '../Section';
import { useSectionForm } from '../section-form';
import type { SectionProps } from './props';
import type { ProcedureView } from '../use-procedure';

const interpreterName = information.shape.interpretedBy.unwrap().unwrap();

/**
 * Whether to ask through whom it was said: when it was said in a language other than the
 * hearing's (an interpreter is then needed), or when a name is already there.
 */
function throughInterpreter(view: ProcedureView, language: string, interpretedBy: string): boolean {
  if (interpretedBy.trim() !== '') return true;
  const hearing = view.evaluation.facts.hearingLanguage;
  const primary = (code: string) => code.toLowerCase().split('-')[0];
  if (language && hearing) return primary(language) !== primary(hearing);
  return view.evaluation.facts.interpreterRequired === true;
}

/**
 * Consent from 12 (and from adults), information below 12: which one the law asks follows from
 * the age on the hearing day, so only that one is shown.
 */
export function ConsentOrInformation(props: SectionProps) {
  const { t } = useTranslation();
  const facts = props.view.evaluation.facts;
  if (facts.consentRequired) return <ConsentSection {...props} />;
  if (facts.informationRequired) return <InformationSection {...props} />;
  return (
    <Section path="consent" title={t('procedure.consent.titleUnknown')}>
      <p className="note">{t('procedure.consent.ageFirst')}</p>
    </Section>
  );
}

function ConsentSection({ store, view, readOnly }: SectionProps) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const options = optionsFor(t);
  const withdrawal = view.draft.consent?.withdrawal;
  const form = useSectionForm({
    section: 'consent',
    store,
    readOnly: readOnly || !!withdrawal,
    initial: () => {
      const c = view.draft.consent;
      return {
        decision: c?.decision ?? '',
        takenBy: c?.takenBy ?? '',
        at: instantToBrusselsInput(c?.at),
        ...languageValues('language', c?.language),
        wordsSaid: c?.wordsSaid ?? '',
        interpretedBy: c?.interpretedBy ?? '',
      };
    },
    build: (read, stored): Omit<ConsentDraft, 'withdrawal'> => ({
      decision: read.choice('decision', consentDecisions),
      takenBy: read.text('takenBy', consent.shape.takenBy, stored?.takenBy),
      at: read.instant('at', stored?.at),
      language: read.language('language', stored?.language),
      wordsSaid: read.text('wordsSaid', consent.shape.wordsSaid, stored?.wordsSaid),
      interpretedBy: read.text('interpretedBy', interpreterName, stored?.interpretedBy, false),
    }),
  });
  const labels = {
    decision: t('procedure.consent.decision'),
    takenBy: t('procedure.consent.takenBy'),
    at: t('procedure.consent.at'),
    language: t('procedure.consent.language'),
    wordsSaid: t('procedure.consent.wordsSaid'),
  };
  return (
    <Section
      path="consent"
      title={t('procedure.consent.title')}
      form={form}
      labels={labels}
      intro={<p className="note">{t('procedure.consent.intro')}</p>}
    >
      {withdrawal && (
        <p className="notice warning" id={fieldId('consent.withdrawal')} tabIndex={-1}>
          {t('procedure.consent.withdrawn', {
            at: withdrawal.at ? formatBrusselsDateTime(withdrawal.at, locale) : '—',
            by: withdrawal.notedBy ?? '—',
          })}
        </p>
      )}
      <div className="field-grid">
        <RadioField
          form={form}
          name="decision"
          path="consent.decision"
          label={labels.decision}
          options={options.decisions}
          className="wide"
        />
        <TextField form={form} name="takenBy" path="consent.takenBy" label={labels.takenBy} />
        <InstantField form={form} name="at" path="consent.at" label={labels.at} />
        <LanguageField
          form={form}
          name="language"
          path="consent.language"
          label={labels.language}
        />
        <TextField
          form={form}
          name="wordsSaid"
          path="consent.wordsSaid"
          label={labels.wordsSaid}
          hint={t('procedure.consent.wordsSaidHint')}
          multiline
          className="wide"
        />
        {throughInterpreter(view, form.text('language'), form.text('interpretedBy')) && (
          <TextField
            form={form}
            name="interpretedBy"
            path="consent.interpretedBy"
            label={t('situation.interpretedBy.label')}
            hint={t('situation.interpretedBy.hint')}
          />
        )}
      </div>
    </Section>
  );
}

function InformationSection({ store, view, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const form = useSectionForm({
    section: 'information',
    store,
    readOnly,
    initial: () => {
      const i = view.draft.information;
      return {
        givenBy: i?.givenBy ?? '',
        at: instantToBrusselsInput(i?.at),
        ...languageValues('language', i?.language),
        interpretedBy: i?.interpretedBy ?? '',
      };
    },
    build: (read, stored): SectionValue<'information'> => ({
      givenBy: read.text('givenBy', information.shape.givenBy, stored?.givenBy),
      at: read.instant('at', stored?.at),
      language: read.language('language', stored?.language),
      interpretedBy: read.text('interpretedBy', interpreterName, stored?.interpretedBy, false),
    }),
  });
  const labels = {
    givenBy: t('procedure.information.givenBy'),
    at: t('procedure.information.at'),
    language: t('procedure.information.language'),
  };
  return (
    <Section
      path="information"
      title={t('procedure.information.title')}
      form={form}
      labels={labels}
      intro={<p className="note">{t('procedure.information.intro')}</p>}
    >
      <div className="field-grid">
        <TextField form={form} name="givenBy" path="information.givenBy" label={labels.givenBy} />
        <InstantField form={form} name="at" path="information.at" label={labels.at} />
        <LanguageField
          form={form}
          name="language"
          path="information.language"
          label={labels.language}
        />
        {throughInterpreter(view, form.text('language'), form.text('interpretedBy')) && (
          <TextField
            form={form}
            name="interpretedBy"
            path="information.interpretedBy"
            label={t('situation.interpretedBy.label')}
            hint={t('situation.interpretedBy.hint')}
          />
        )}
      </div>
    </Section>
  );
}
