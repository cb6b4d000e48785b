import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationChange } from '../../shared/api/contract';
import { sortAnnotations, type Annotation } from '../../shared/coding/annotations';
import { tierOf, type CodingScheme } from '../../shared/coding/scheme';
import { formatInstant } from '../format/dates';
import { formatLocale } from '../i18n/locale';
import { codeLabel, inLanguage } from './labels';
import { formatPosition, parsePosition } from './playback';
import type { CodingStore } from './use-coding';

export interface CodingActions {
  /** A code's key or button: at the player's position, or a live mark while recording. */
  code: (key: string) => void;
  /** A note on the free-text tier, at the player's position or live. */
  note: (tierId: string, text: string) => Promise<boolean>;
  change: (changes: AnnotationChange[]) => void;
  seek: (ms: number) => void;
  now: () => number;
  undo: () => void;
  redo: () => void;
}

/**
 * The coding panel: the scheme's tiers with their codes and keys, the intervals open now, undo
 * and redo, and every annotation of the hearing with its author and when, each changeable by
 * its author only. While a recording runs, codes are marked live on main's clock. After the seal,
 * the sealed annotations are marked and cannot change; those added since are marked with the
 * number of the signed addendum that holds them.
 */
export function CodingPanel({
  scheme,
  coding,
  actions,
  live,
  sealed,
  status,
}: {
  scheme: CodingScheme;
  coding: CodingStore;
  actions: CodingActions;
  live: boolean;
  sealed: boolean;
  status: { kind: 'done' | 'error'; text: string } | null;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  return (
    <section className="panel coding" aria-labelledby="coding-title" data-testid="coding-panel">
      <h2 id="coding-title">{t('review.coding.title')}</h2>
      <p className="muted">
        {t('review.coding.scheme', { id: scheme.id, version: scheme.version })}{' '}
        {live ? t('review.live.intro') : t('review.coding.intro')} {sealed && t('review.addenda.intro')}
      </p>
      <div className="status-line" role="status" data-testid="coding-status">
        {status?.kind === 'done' ? status.text : ''}
      </div>
      <div role="alert" className="alert-slot">
        {status?.kind === 'error' && <p className="notice error">{status.text}</p>}
      </div>
      <div className="tiers">
        {scheme.tiers.map((tier) => (
          <fieldset key={tier.id} className="tier">
            <legend>{inLanguage(tier.label, language)}</legend>
            {tier.vocabulary === null ? (
              <NoteForm tierId={tier.id} live={live} onNote={actions.note} />
            ) : (
              <ul className="codes">
                {tier.vocabulary.map((entry) => (
                  <li key={entry.code}>
                    <button
                      type="button"
                      className="button small code-button"
                      disabled={entry.key === null}
                      onClick={() => entry.key && actions.code(entry.key)}
                      aria-describedby={entry.description ? `def-${tier.id}-${entry.code}` : undefined}
                    >
                      {entry.key && <kbd>{entry.key.toUpperCase()}</kbd>} {live ? t('review.live.markNow', { label: inLanguage(entry.label, language) }) : inLanguage(entry.label, language)}
                    </button>
                    {entry.description && (
                      <span id={`def-${tier.id}-${entry.code}`} className="visually-hidden">
                        {inLanguage(entry.description, language)}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        ))}
      </div>
      {coding.open.length > 0 && (
        <ul className="open-intervals" aria-label={t('review.coding.openTitle')}>
          {coding.open.map((o) => (
            <li key={o.id}>
              {t('review.coding.open', { label: codeLabel(scheme, o.tierId, o.code, language), at: formatPosition(o.startMs) })}{' '}
              <button type="button" className="button small" onClick={() => coding.discardOpen(o.id)}>
                {t('review.coding.discard')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="actions">
        <button type="button" className="button small" disabled={!coding.canUndo} onClick={actions.undo}>
          {t('review.coding.undo')}
        </button>
        <button type="button" className="button small" disabled={!coding.canRedo} onClick={actions.redo}>
          {t('review.coding.redo')}
        </button>
      </p>
      <AnnotationList scheme={scheme} coding={coding} actions={actions} sealed={sealed} />
    </section>
  );
}

function NoteForm({ tierId, live, onNote }: { tierId: string; live: boolean; onNote: CodingActions['note'] }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const id = `note-${tierId}`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return;
    if (await onNote(tierId, text.trim())) setText('');
  }
  return (
    <form className="note-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id}>{t('review.coding.noteLabel')}</label>
      <input id={id} type="text" value={text} maxLength={10_000} onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="button small">
        {live ? t('review.live.noteNow') : t('review.coding.addNote')}
      </button>
    </form>
  );
}

function AnnotationList({
  scheme,
  coding,
  actions,
  sealed,
}: {
  scheme: CodingScheme;
  coding: CodingStore;
  actions: CodingActions;
  sealed: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const locale = formatLocale(language);
  const [editing, setEditing] = useState<string | null>(null);
  const list = sortAnnotations(coding.annotations ?? [], scheme);
  if (list.length === 0) return <p className="empty">{t('review.coding.none')}</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('review.coding.listRegion')}>
      <table className="annotations" data-testid="annotations">
        <caption>{t('review.coding.listCaption', { count: list.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('review.coding.columns.start')}</th>
            <th scope="col">{t('review.coding.columns.end')}</th>
            <th scope="col">{t('review.coding.columns.tier')}</th>
            <th scope="col">{t('review.coding.columns.code')}</th>
            <th scope="col">{t('review.coding.columns.author')}</th>
            <th scope="col">{t('review.coding.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((a) =>
            editing === a.id ? (
              <tr key={a.id}>
                <td colSpan={6}>
                  <EditForm
                    annotation={a}
                    scheme={scheme}
                    onDone={(changes) => {
                      if (changes.length > 0) actions.change(changes);
                      setEditing(null);
                    }}
                  />
                </td>
              </tr>
            ) : (
              <tr
                key={a.id}
                data-testid="annotation-row"
                data-addendum={a.addendum ?? undefined}
                className={a.addendum !== undefined ? 'addendum' : undefined}
              >
                <td className="number">{formatPosition(a.startMs)}</td>
                <td className="number">{a.endMs === a.startMs ? '—' : formatPosition(a.endMs)}</td>
                <td>{inLanguage(tierOf(scheme, a.tierId)?.label ?? { en: a.tierId, nl: a.tierId, fr: a.tierId, de: a.tierId }, language)}</td>
                <th scope="row">
                  {a.code === null && a.text !== null ? a.text : codeLabel(scheme, a.tierId, a.code, language)}
                  {a.code !== null && a.text && <span className="comment"> – {a.text}</span>}
                  {a.addendum !== undefined ? (
                    <>
                      {' '}
                      <span className="badge addendum-badge" data-testid="addendum-badge">
                        {t('review.addenda.badge', { number: a.addendum })}
                      </span>
                    </>
                  ) : (
                    sealed && (
                      <>
                        {' '}
                        <span className="badge sealed-badge">{t('review.addenda.sealed')}</span>
                      </>
                    )
                  )}
                </th>
                <td>
                  {a.author.displayName}
                  <br />
                  <span className="muted small-print">
                    {a.updatedAt
                      ? t('review.coding.changedAt', { at: formatInstant(a.updatedAt, locale) })
                      : t('review.coding.madeAt', { at: formatInstant(a.createdAt, locale) })}
                  </span>
                </td>
                <td className="row-actions">
                  <button type="button" className="button small" onClick={() => actions.seek(a.startMs)}>
                    {t('review.coding.goTo')}
                  </button>
                  {sealed && a.addendum === undefined ? (
                    <span className="muted">{t('review.addenda.sealedOnly')}</span>
                  ) : (
                    (coding.me && coding.me.userId !== a.author.userId ? (
                      <span className="muted">{t('review.coding.othersOnly', { name: a.author.displayName })}</span>
                    ) : (
                      <>
                        <button type="button" className="button small" onClick={() => setEditing(a.id)}>
                          {t('review.coding.edit')}
                        </button>
                        {a.endMs > a.startMs && (
                          <button
                            type="button"
                            className="button small"
                            onClick={() => actions.change([{ kind: 'split', id: a.id, atMs: Math.round(actions.now()) }])}
                          >
                            {t('review.coding.split')}
                          </button>
                        )}
                        <button type="button" className="button small" onClick={() => actions.change([{ kind: 'delete', id: a.id }])}>
                          {t('review.coding.delete')}
                        </button>
                      </>
                    ))
                  )}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

function EditForm({
  annotation,
  scheme,
  onDone,
}: {
  annotation: Annotation;
  scheme: CodingScheme;
  onDone: (changes: AnnotationChange[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const tier = tierOf(scheme, annotation.tierId);
  const point = tier?.kind === 'point';
  const [code, setCode] = useState(annotation.code ?? '');
  const [text, setText] = useState(annotation.text ?? '');
  const [start, setStart] = useState(formatPosition(annotation.startMs));
  const [end, setEnd] = useState(formatPosition(annotation.endMs));
  const [problem, setProblem] = useState<string | null>(null);
  const base = `edit-${annotation.id}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const startMs = parsePosition(start);
    const endMs = point ? startMs : parsePosition(end);
    if (startMs === null || endMs === null) {
      setProblem(t('review.coding.badTime'));
      return;
    }
    if (endMs < startMs) {
      setProblem(t('review.codingErrors.end_before_start'));
      return;
    }
    const changes: AnnotationChange[] = [];
    const nextCode = tier?.vocabulary ? code || null : null;
    const nextText = text.trim() === '' ? null : text;
    if (nextCode !== annotation.code || nextText !== annotation.text)
      changes.push({ kind: 'edit', id: annotation.id, code: nextCode, text: nextText });
    if (startMs !== annotation.startMs || endMs !== annotation.endMs)
      changes.push({ kind: 'move', id: annotation.id, startMs, endMs });
    onDone(changes);
  }

  return (
    <form className="edit-form" onSubmit={submit} aria-label={t('review.coding.editTitle')}>
      {tier?.vocabulary && (
        <div className="field">
          <label htmlFor={`${base}-code`}>{t('review.coding.columns.code')}</label>
          <select id={`${base}-code`} value={code} onChange={(e) => setCode(e.target.value)}>
            <option value="">{t('review.coding.uncoded')}</option>
            {tier.vocabulary.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {inLanguage(entry.label, i18n.resolvedLanguage)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${base}-text`}>{tier?.vocabulary ? t('review.coding.comment') : t('review.coding.noteLabel')}</label>
        <input id={`${base}-text`} type="text" value={text} maxLength={10_000} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${base}-start`}>{t('review.coding.columns.start')}</label>
        <input id={`${base}-start`} type="text" inputMode="decimal" value={start} onChange={(e) => setStart(e.target.value)} aria-describedby={`${base}-format`} />
      </div>
      {!point && (
        <div className="field">
          <label htmlFor={`${base}-end`}>{t('review.coding.columns.end')}</label>
          <input id={`${base}-end`} type="text" inputMode="decimal" value={end} onChange={(e) => setEnd(e.target.value)} aria-describedby={`${base}-format`} />
        </div>
      )}
      <p id={`${base}-format`} className="muted small-print">
        {t('review.coding.timeFormat')}
      </p>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <p className="actions">
        <button type="submit" className="button small primary">
          {t('review.coding.save')}
        </button>
        <button type="button" className="button small" onClick={() => onDone([])}>
          {t('review.coding.cancel')}
        </button>
      </p>
    </form>
  );
}
