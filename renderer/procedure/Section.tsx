import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { actionErrorMessage } from './action-error';
import { fieldId } from './field-ids';
import type { SectionForm } from './section-form';
import { fieldProblemMessage } from './validation';

/**
 * One part of the preparation: its title, the quiet line that says whether it is saved, and its
 * fields. The section's element carries the id of its path, so a report about the section as a
 * whole (nothing entered yet) leads to its first input.
 */
export function Section({
  path,
  title,
  form,
  labels,
  intro,
  children,
}: {
  path: string;
  title: string;
  form?: SectionForm;
  /** The label of each input by its name, to say which one keeps the section from saving. */
  labels?: Record<string, string>;
  /** What the section is for; left out once the section can no longer change. */
  intro?: ReactNode;
  children: ReactNode;
}) {
  const id = fieldId(path);
  return (
    <section className="prep-section" id={id} aria-labelledby={`${id}-title`}>
      <header className="prep-section-head">
        <h3 id={`${id}-title`} tabIndex={-1}>
          {title}
        </h3>
        {form && !form.readOnly && <SaveStatusLine form={form} labels={labels ?? {}} />}
      </header>
      {!form?.readOnly && intro}
      {children}
    </section>
  );
}

function SaveStatusLine({ form, labels }: { form: SectionForm; labels: Record<string, string> }) {
  const { t } = useTranslation();
  const [first] = form.blocking;
  const status = form.status;
  let text = '';
  let tone = 'quiet';
  if (first) {
    const [name, problem] = first;
    const field = labels[name.replace(/^[0-9a-f-]{36}\./, '')] ?? labels[name] ?? '';
    text = t('procedure.save.notSavedField', {
      field,
      problem: fieldProblemMessage(t, problem),
    });
    tone = 'warning';
  } else if (status.kind === 'saving') {
    text = t('procedure.save.saving');
  } else if (status.kind === 'failed') {
    text = t('procedure.save.failed', { reason: actionErrorMessage(t, status.error) });
    tone = 'warning';
  } else if (status.kind === 'saved') {
    text = t('procedure.save.saved');
  }
  return (
    <div className="save-status" data-tone={tone}>
      <p role="status" aria-live="polite" className="save-status-text">
        {text}
      </p>
      {!first && status.kind === 'failed' && (
        <button type="button" className="button small" onClick={form.retry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
