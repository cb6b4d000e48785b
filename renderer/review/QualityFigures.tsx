import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation, Author } from '../../shared/coding/annotations';
import { qualityFigures } from '../../shared/coding/figures';
import type { CodingScheme } from '../../shared/coding/scheme';
import { formatDuration } from '../format/duration';
import { formatLocale } from '../i18n/locale';
import { codeLabel } from './labels';

/**
 * The quality figures of one coder's annotations (two coders of one hearing code the same
 * prompts, so their counts are never added up), recomputed at every change. The bars are drawn
 * beside their numbers, in tables a screen reader reads row by row; the section prints alone.
 */
export function QualityFigures({
  scheme,
  annotations,
  me,
}: {
  scheme: CodingScheme;
  annotations: readonly Annotation[];
  me: Author | null;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const locale = formatLocale(language);
  const coders = useMemo(() => {
    const byId = new Map<string, Author>();
    for (const a of annotations) byId.set(a.author.userId, a.author);
    return [...byId.values()];
  }, [annotations]);
  const [chosen, setChosen] = useState<string | null>(null);
  const coder = coders.find((c) => c.userId === chosen) ?? coders.find((c) => c.userId === me?.userId) ?? coders[0];
  const figures = useMemo(
    () => (coder && scheme.figures ? qualityFigures(scheme, annotations, coder.userId) : null),
    [annotations, coder, scheme],
  );
  const percent = (share: number | null) =>
    share === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
  const label = (tierId: string, code: string) => codeLabel(scheme, tierId, code, language);

  return (
    <section className="panel quality-figures" aria-labelledby="figures-title" data-testid="quality-figures">
      <h2 id="figures-title">{t('review.figures.title')}</h2>
      {!figures || !coder || !scheme.figures ? (
        <p className="empty">{t('review.figures.empty')}</p>
      ) : (
        <>
          <div className="figures-head">
            {coders.length > 1 ? (
              <div className="field">
                <label htmlFor="figures-coder">{t('review.figures.coder')}</label>
                <select id="figures-coder" value={coder.userId} onChange={(e) => setChosen(e.target.value)}>
                  {coders.map((c) => (
                    <option key={c.userId} value={c.userId}>
                      {c.displayName}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <p>{t('review.figures.codedBy', { name: coder.displayName })}</p>
            )}
            <button type="button" className="button small no-print" onClick={() => window.print()}>
              {t('review.figures.print')}
            </button>
          </div>
          <p className="figure-lead" data-testid="open-share">
            {t('review.figures.openShare', {
              share: percent(figures.prompts.open.share),
              open: figures.prompts.open.count,
              total: figures.prompts.total,
            })}
          </p>
          <p>
            {t('review.figures.openInSubstantive', {
              share: percent(figures.prompts.openInSubstantivePhases.share),
              open: figures.prompts.openInSubstantivePhases.count,
              total: figures.prompts.openInSubstantivePhases.total,
            })}
          </p>
          {figures.prompts.uncoded > 0 && <p className="muted">{t('review.figures.uncoded', { count: figures.prompts.uncoded })}</p>}
          <table className="figures-table" data-testid="prompt-figures">
            <caption>{t('review.figures.prompts')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('review.figures.promptType')}</th>
                <th scope="col">{t('review.figures.count')}</th>
                <th scope="col">{t('review.figures.share')}</th>
                <th scope="col" className="bar-col">
                  <span className="visually-hidden">{t('review.figures.bar')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {figures.prompts.byCode.map((row) => (
                <tr key={row.code}>
                  <th scope="row">{label(scheme.figures!.promptTierId, row.code)}</th>
                  <td className="number">{row.count}</td>
                  <td className="number">{percent(row.share)}</td>
                  <td className="bar-col">
                    <Bar fraction={row.share ?? 0} open={figures.prompts.open.codes.includes(row.code)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="figures-table">
            <caption>{t('review.figures.phases')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('review.figures.phase')}</th>
                <th scope="col">{t('review.figures.intervals')}</th>
                <th scope="col">{t('review.figures.time')}</th>
                <th scope="col" className="bar-col">
                  <span className="visually-hidden">{t('review.figures.bar')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {figures.phases.byCode.map((row) => (
                <tr key={row.code}>
                  <th scope="row">{label(scheme.figures!.phaseTierId, row.code)}</th>
                  <td className="number">{row.count}</td>
                  <td className="number">{formatDuration(row.durationMs)}</td>
                  <td className="bar-col">
                    <Bar fraction={figures.phases.totalMs === 0 ? 0 : row.durationMs / figures.phases.totalMs} open={false} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {/* Wide with many response codes: the wrapper scrolls, and takes the focus to scroll by keyboard. */}
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t('review.figures.answers')}>
            <table className="figures-table answers">
              <caption>{t('review.figures.answers')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('review.figures.promptType')}</th>
                  <th scope="col">{t('review.figures.count')}</th>
                  {figures.answers[0]?.responses.map((r) => (
                    <th scope="col" key={r.code}>
                      {label(scheme.figures!.responseTierId, r.code)}
                    </th>
                  ))}
                  <th scope="col">{t('review.figures.withoutResponse')}</th>
                </tr>
              </thead>
              <tbody>
                {figures.answers.map((row) => (
                  <tr key={row.promptCode ?? 'before'}>
                    <th scope="row">
                      {row.promptCode === null ? t('review.figures.beforeFirstPrompt') : label(scheme.figures!.promptTierId, row.promptCode)}
                    </th>
                    <td className="number">{row.prompts}</td>
                    {row.responses.map((r) => (
                      <td className="number" key={r.code}>
                        {r.count}
                      </td>
                    ))}
                    <td className="number">{row.withoutResponse}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted small-print">{t('review.figures.basis', { basis: figures.basis })}</p>
        </>
      )}
    </section>
  );
}

/** A bar drawn to scale; its value is in the cells beside it. */
function Bar({ fraction, open }: { fraction: number; open: boolean }) {
  return (
    <svg className="bar" width="100%" height="14" aria-hidden="true">
      <rect className="bar-track" x="0" y="0" width="100%" height="14" />
      <rect className={open ? 'bar-fill open' : 'bar-fill'} x="0" y="0" width={`${Math.round(fraction * 1000) / 10}%`} height="14" />
    </svg>
  );
}
