import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/api/contract';
import type { CodingScheme } from '../../shared/coding/scheme';
import { call } from '../api/client';
import { errorMessage } from '../api/error-message';
import { formatInteger } from '../format/size';
import { formatLocale } from '../i18n/locale';
import { inLanguage } from './labels';

type Outcome = CallOutput<'annotations.import'>;
/** What main takes at most (the contract's limit), checked here too so a huge file is not sent. */
const maxBytes = 5_000_000;

type State =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'preview'; fileName: string; xml: string; preview: Outcome }
  | { step: 'importing'; fileName: string; xml: string; preview: Outcome }
  | { step: 'done'; result: Outcome }
  | { step: 'failed'; error: unknown; fileName: string | null };

/**
 * Importing an ELAN file into the hearing as the reader's own annotations: choose the file, see
 * what main read in it (its tiers, how many annotations, where they go, what cannot be kept as
 * written), then import. The page only reads the file's text; main parses and checks it.
 */
export function EafImport({
  hearingId,
  scheme,
  sealed,
  onImported,
}: {
  hearingId: string;
  scheme: CodingScheme;
  sealed: boolean;
  onImported: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const ids = useId();
  const [state, setState] = useState<State>({ step: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const n = (v: number) => formatInteger(v, locale);
  const tierName = (id: string) => {
    const tier = scheme.tiers.find((x) => x.id === id);
    return tier ? inLanguage(tier.label, i18n.resolvedLanguage) : id;
  };

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    if (file.size > maxBytes) {
      setState({ step: 'failed', error: new Error(t('review.import.tooLarge', { name: file.name })), fileName: file.name });
      return;
    }
    setState({ step: 'reading' });
    try {
      const xml = await file.text();
      const preview = await call('annotations.import', { hearingId, fileName: file.name, xml, apply: false });
      setState({ step: 'preview', fileName: file.name, xml, preview });
    } catch (error) {
      setState({ step: 'failed', error, fileName: file.name });
    }
  }

  async function importNow() {
    if (state.step !== 'preview') return;
    setState({ ...state, step: 'importing' });
    try {
      const result = await call('annotations.import', { hearingId, fileName: state.fileName, xml: state.xml, apply: true });
      setState({ step: 'done', result });
      onImported();
    } catch (error) {
      setState({ step: 'failed', error, fileName: state.fileName });
    }
  }

  function reset() {
    setState({ step: 'idle' });
    if (input.current) input.current.value = '';
    input.current?.focus();
  }

  if (sealed) return null;
  const preview = state.step === 'preview' || state.step === 'importing' ? state.preview : null;
  const lost = preview?.notes.filter((x) => x.level !== 'info') ?? [];

  return (
    <section className="panel no-print eaf-import" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('review.import.title')}</h2>
      <p className="muted">{t('review.import.intro')}</p>
      <p>
        <label htmlFor={`${ids}-file`}>{t('review.import.choose')}</label>{' '}
        <input
          ref={input}
          id={`${ids}-file`}
          type="file"
          accept=".eaf,application/xml,text/xml"
          disabled={state.step === 'reading' || state.step === 'importing'}
          onChange={(e) => void choose(e)}
        />
      </p>
      <div role="status" className="notice-slot">
        {state.step === 'reading' && <p className="pending">{t('review.import.reading')}</p>}
        {state.step === 'importing' && <p className="pending">{t('review.import.importing')}</p>}
        {state.step === 'done' && (
          <p className="notice">{t('review.import.done', { count: state.result.count, n: n(state.result.count), name: state.result.fileName })}</p>
        )}
      </div>
      <div role="alert" className="notice-slot">
        {state.step === 'failed' && (
          <p className="notice error">
            <strong>{t('review.import.failed', { name: state.fileName ?? '' })}</strong> {errorMessage(t, state.error)}
          </p>
        )}
      </div>
      {preview && (
        <div className="import-preview">
          <h3>{t('review.import.previewTitle', { name: preview.fileName })}</h3>
          <p>{t('review.import.summary', { count: preview.count, n: n(preview.count), tiers: n(preview.tiers.length) })}</p>
          <div className="table-wrap">
            <table className="hearings" data-testid="import-tiers">
              <caption className="visually-hidden">{t('review.import.tiersCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('review.import.tier')}</th>
                  <th scope="col" className="number">
                    {t('review.import.count')}
                  </th>
                  <th scope="col">{t('review.import.goesTo')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.tiers.map((tier) => (
                  <tr key={tier.name}>
                    <th scope="row">{tier.name}</th>
                    <td className="number">{n(tier.count)}</td>
                    <td>
                      {tier.created
                        ? t('review.import.newTier', { tier: tier.name })
                        : tier.asNotes === 0
                        ? tierName(tier.target)
                        : tier.kept === 0
                          ? t('review.import.asNotes', { tier: tierName('notes') })
                          : t('review.import.partly', { tier: tierName(tier.target), notes: tierName('notes'), count: tier.asNotes, n: n(tier.asNotes) })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {lost.length > 0 && (
            <details className="import-notes">
              <summary>{t('review.import.notKept', { count: lost.length, n: n(lost.length) })}</summary>
              <p className="muted">{t('review.import.notKeptInEnglish')}</p>
              <ul>
                {lost.map((x, i) => (
                  <li key={i} lang="en">
                    <strong>{x.subject}</strong>: {x.message}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <p className="actions">
            <button type="button" className="button primary" disabled={state.step === 'importing'} onClick={() => void importNow()}>
              {t('review.import.confirm', { count: preview.count, n: n(preview.count) })}
            </button>
            <button type="button" className="button" disabled={state.step === 'importing'} onClick={reset}>
              {t('review.import.cancel')}
            </button>
          </p>
        </div>
      )}
    </section>
  );
}
