import { useTranslation } from 'react-i18next';
import {
  chosenPersonOfTrust,
  issuers,
  magistrate,
  noneChosen,
  refusedPerson,
  refusedPersonOfTrust,
  type PersonOfTrustChoiceDraft,
  type PersonOfTrustDraft,
} from '../../../shared/domain/procedure';
import {
  DateField,
  InstantField,
  RadioField,
  SelectField,
  TextField,
  type Option,
} from '../fields';
import { instantToBrusselsInput } from '../instants';
import { optionsFor } from '../options';
import { Section } from '../Section';
import type { Reader } from '../section-form';
import { useSectionForm, type SectionForm, type Values } from '../section-form';
import type { SectionProps } from './props';

const kinds = ['chosen', 'none_chosen', 'refused'] as const;
const nextKinds = ['chosen', 'none_chosen'] as const;

/** The form values of a choice (someone, or nobody), under a prefix for the choice after a refusal. */
function choiceValues(prefix: string, choice: PersonOfTrustChoiceDraft | null | undefined): Values {
  return {
    [`${prefix}name`]: choice?.kind === 'chosen' ? (choice.name ?? '') : '',
    [`${prefix}dateOfBirth`]: choice?.kind === 'chosen' ? (choice.dateOfBirth ?? '') : '',
    [`${prefix}relation`]: choice?.kind === 'chosen' ? (choice.relation ?? '') : '',
    [`${prefix}recordedBy`]: choice?.kind === 'none_chosen' ? (choice.recordedBy ?? '') : '',
    [`${prefix}at`]: choice?.kind === 'none_chosen' ? instantToBrusselsInput(choice.at) : '',
  };
}

function readChoice(
  read: Reader,
  kind: 'chosen' | 'none_chosen',
  prefix: string,
  stored: PersonOfTrustChoiceDraft | null | undefined,
): PersonOfTrustChoiceDraft {
  if (kind === 'chosen') {
    const was = stored?.kind === 'chosen' ? stored : null;
    return {
      kind,
      name: read.text(`${prefix}name`, chosenPersonOfTrust.shape.name, was?.name),
      dateOfBirth: read.date(`${prefix}dateOfBirth`, was?.dateOfBirth),
      relation: read.text(`${prefix}relation`, chosenPersonOfTrust.shape.relation, was?.relation),
    };
  }
  const was = stored?.kind === 'none_chosen' ? stored : null;
  return {
    kind,
    recordedBy: read.text(`${prefix}recordedBy`, noneChosen.shape.recordedBy, was?.recordedBy),
    at: read.instant(`${prefix}at`, was?.at),
  };
}

const sameName = (a: string, b: string) => {
  const norm = (s: string) =>
    s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
};

/**
 * The person of trust (art. 91bis): the minor's choice of an adult, or of nobody; or the
 * magistrate's reasoned refusal of the person chosen, followed by the minor's next choice.
 */
export function PersonOfTrustSection({ store, view, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const options = optionsFor(t);
  const form = useSectionForm({
    section: 'personOfTrust',
    store,
    readOnly,
    initial: () => {
      const p = view.draft.personOfTrust;
      const refused = p?.kind === 'refused' ? p : null;
      return {
        kind: p?.kind ?? '',
        ...choiceValues('', p?.kind === 'refused' ? null : p),
        'refused.name': refused?.refusedPerson?.name ?? '',
        'refused.relation': refused?.refusedPerson?.relation ?? '',
        'decidedBy.role': refused?.decidedBy?.role ?? '',
        'decidedBy.name': refused?.decidedBy?.name ?? '',
        decidedAt: instantToBrusselsInput(refused?.decidedAt),
        reasons: refused?.reasons ?? '',
        'then.kind': refused?.then?.kind ?? '',
        ...choiceValues('then.', refused?.then),
      };
    },
    build: (read, stored): PersonOfTrustDraft | null => {
      const kind = read.choice('kind', kinds, false);
      if (kind === null) return null;
      if (kind !== 'refused') {
        return readChoice(read, kind, '', stored?.kind === kind ? stored : null);
      }
      const was = stored?.kind === 'refused' ? stored : null;
      const refusedName = read.text(
        'refused.name',
        refusedPerson.shape.name,
        was?.refusedPerson?.name,
      );
      const nextKind = read.choice('then.kind', nextKinds, false);
      const then = nextKind ? readChoice(read, nextKind, 'then.', was?.then) : null;
      if (then?.kind === 'chosen' && then.name && refusedName && sameName(then.name, refusedName)) {
        read.problem('then.name', { code: 'same_as_refused' });
      }
      return {
        kind,
        refusedPerson: {
          name: refusedName,
          relation: read.text(
            'refused.relation',
            refusedPerson.shape.relation,
            was?.refusedPerson?.relation,
          ),
        },
        decidedBy: {
          role: read.choice('decidedBy.role', issuers),
          name: read.text('decidedBy.name', magistrate.shape.name, was?.decidedBy?.name),
        },
        decidedAt: read.instant('decidedAt', was?.decidedAt),
        reasons: read.text('reasons', refusedPersonOfTrust.shape.reasons, was?.reasons),
        then,
      };
    },
  });
  const labels: Record<string, string> = {
    kind: t('procedure.trust.decision'),
    name: t('procedure.trust.name'),
    dateOfBirth: t('procedure.trust.dateOfBirth'),
    relation: t('procedure.trust.relation'),
    recordedBy: t('procedure.trust.recordedBy'),
    at: t('procedure.trust.at'),
    'refused.name': t('procedure.trust.refusedName'),
    'refused.relation': t('procedure.trust.refusedRelation'),
    'decidedBy.role': t('procedure.trust.decidedByRole'),
    'decidedBy.name': t('procedure.trust.decidedByName'),
    decidedAt: t('procedure.trust.decidedAt'),
    reasons: t('procedure.trust.reasons'),
    'then.kind': t('procedure.trust.then'),
    'then.name': t('procedure.trust.name'),
    'then.dateOfBirth': t('procedure.trust.dateOfBirth'),
    'then.relation': t('procedure.trust.relation'),
    'then.recordedBy': t('procedure.trust.recordedBy'),
    'then.at': t('procedure.trust.at'),
  };

  if (view.evaluation.facts.isMinor === false) {
    return (
      <Section path="personOfTrust" title={t('procedure.trust.title')}>
        <p className="note">{t('procedure.trust.notForAdults')}</p>
      </Section>
    );
  }

  const kindOptions: Option[] = kinds.map((value) => ({
    value,
    label: t(`procedure.trust.kinds.${value}`),
  }));
  const nextOptions: Option[] = nextKinds.map((value) => ({
    value,
    label: t(`procedure.trust.nextKinds.${value}`),
  }));
  const kind = form.text('kind');
  const nextKind = form.text('then.kind');
  return (
    <Section
      path="personOfTrust"
      title={t('procedure.trust.title')}
      form={form}
      labels={labels}
      intro={<p className="note">{t('procedure.trust.intro')}</p>}
    >
      <RadioField
        form={form}
        name="kind"
        path="personOfTrust.kind"
        label={labels.kind ?? ''}
        options={kindOptions}
      />
      {kind === 'chosen' && <ChoiceFields form={form} prefix="" labels={labels} />}
      {kind === 'none_chosen' && <ChoiceFields form={form} prefix="" labels={labels} nobody />}
      {kind === 'refused' && (
        <>
          <div className="field-grid nested">
            <TextField
              form={form}
              name="refused.name"
              path="personOfTrust.refusedPerson.name"
              label={labels['refused.name'] ?? ''}
            />
            <TextField
              form={form}
              name="refused.relation"
              path="personOfTrust.refusedPerson.relation"
              label={labels['refused.relation'] ?? ''}
            />
            <SelectField
              form={form}
              name="decidedBy.role"
              path="personOfTrust.decidedBy.role"
              label={labels['decidedBy.role'] ?? ''}
              options={options.issuers}
            />
            <TextField
              form={form}
              name="decidedBy.name"
              path="personOfTrust.decidedBy.name"
              label={labels['decidedBy.name'] ?? ''}
            />
            <InstantField
              form={form}
              name="decidedAt"
              path="personOfTrust.decidedAt"
              label={labels.decidedAt ?? ''}
            />
            <TextField
              form={form}
              name="reasons"
              path="personOfTrust.reasons"
              label={labels.reasons ?? ''}
              hint={t('procedure.trust.reasonsHint')}
              multiline
              className="wide"
            />
          </div>
          <RadioField
            form={form}
            name="then.kind"
            path="personOfTrust.then"
            label={labels['then.kind'] ?? ''}
            options={nextOptions}
          />
          {nextKind === 'chosen' && <ChoiceFields form={form} prefix="then." labels={labels} />}
          {nextKind === 'none_chosen' && (
            <ChoiceFields form={form} prefix="then." labels={labels} nobody />
          )}
        </>
      )}
    </Section>
  );
}

function ChoiceFields({
  form,
  prefix,
  labels,
  nobody = false,
}: {
  form: SectionForm;
  prefix: '' | 'then.';
  labels: Record<string, string>;
  nobody?: boolean;
}) {
  const { t } = useTranslation();
  const path = (name: string) => `personOfTrust.${prefix}${name}`;
  const label = (name: string) => labels[`${prefix}${name}`] ?? '';
  if (nobody) {
    return (
      <div className="field-grid nested">
        <TextField
          form={form}
          name={`${prefix}recordedBy`}
          path={path('recordedBy')}
          label={label('recordedBy')}
        />
        <InstantField form={form} name={`${prefix}at`} path={path('at')} label={label('at')} />
      </div>
    );
  }
  return (
    <div className="field-grid nested">
      <TextField form={form} name={`${prefix}name`} path={path('name')} label={label('name')} />
      <DateField
        form={form}
        name={`${prefix}dateOfBirth`}
        path={path('dateOfBirth')}
        label={label('dateOfBirth')}
        hint={t('procedure.trust.adultHint')}
      />
      <TextField
        form={form}
        name={`${prefix}relation`}
        path={path('relation')}
        label={label('relation')}
      />
    </div>
  );
}
