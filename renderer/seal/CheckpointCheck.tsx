import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/api/contract';
import { call } from '../api/client';
import { errorMessage } from '../api/error-message';
import { formatInstant } from '../format/dates';
import { formatLocale } from '../i18n/locale';
import { useSession } from '../session/session-context';

type CheckpointReport = CallOutput<'audit.checkCheckpoint'>;
type Check = CheckpointReport['checks'][number];
type Lang = 'nl' | 'fr' | 'de' | 'en';

/** Who may check a checkpoint (the contract's roles for audit.checkCheckpoint). */
const checkers: ReadonlySet<string> = new Set(['magistrate', 'clerk']);

type Work =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; report: CheckpointReport; at: string }
  | { state: 'failed'; error: unknown };

/**
 * Checks today's audit log against the checkpoint the registry kept from an earlier export:
 * its checkpoint.json and checkpoint.sig, chosen as files or pasted. Main says whether the log
 * extends it, and names a deletion or rewrite of history before it. For the magistrate and the
 * clerk, who deal with the registry.
 */
export function CheckpointCheck() {
  const { user } = useSession();
  if (!checkers.has(user.role)) return null;
  return <CheckpointForm />;
}

function CheckpointForm() {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const language: Lang = (['nl', 'fr', 'de', 'en'] as const).find((l) => l === i18n.resolvedLanguage) ?? 'en';
  const [checkpoint, setCheckpoint] = useState('');
  const [signature, setSignature] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [work, setWork] = useState<Work>({ state: 'idle' });

  async function chooseFiles(event: ChangeEvent<HTMLInputElement>) {
    setProblem(null);
    for (const file of Array.from(event.currentTarget.files ?? [])) {
      try {
        const text = await file.text();
        if (/\.sig$/i.test(file.name)) setSignature(text.trim());
        else setCheckpoint(text);
      } catch {
        setProblem(t('checkpoint.unreadableFile', { name: file.name }));
      }
    }
  }

  async function check(event: FormEvent) {
    event.preventDefault();
    if (checkpoint.trim() === '' || signature.trim() === '') {
      setProblem(t('checkpoint.missing'));
      return;
    }
    setProblem(null);
    setWork({ state: 'running' });
    try {
      const report = await call('audit.checkCheckpoint', { checkpoint, signature: signature.trim() });
      setWork({ state: 'done', report, at: new Date().toISOString() });
    } catch (error) {
      setWork({ state: 'failed', error });
    }
  }

  const text = (c: Check) => c.text?.[language] ?? { what: c.what, detail: c.detail };
  return (
    <section className="checkpoint-check" aria-labelledby="checkpoint-title">
      <h3 id="checkpoint-title">{t('checkpoint.title')}</h3>
      <p className="muted">{t('checkpoint.intro')}</p>
      <form onSubmit={(event) => void check(event)} noValidate>
        <div className="field">
          <label htmlFor="checkpoint-files">{t('checkpoint.files')}</label>
          <input
            id="checkpoint-files"
            type="file"
            multiple
            accept=".json,.sig,application/json,text/plain"
            aria-describedby="checkpoint-files-help"
            onChange={(event) => void chooseFiles(event)}
          />
          <p id="checkpoint-files-help" className="muted">
            {t('checkpoint.filesHelp')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="checkpoint-text">{t('checkpoint.text')}</label>
          <textarea
            id="checkpoint-text"
            rows={3}
            spellCheck={false}
            value={checkpoint}
            onChange={(event) => setCheckpoint(event.currentTarget.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="checkpoint-signature">{t('checkpoint.signature')}</label>
          <input
            id="checkpoint-signature"
            className="input-text"
            spellCheck={false}
            autoComplete="off"
            value={signature}
            onChange={(event) => setSignature(event.currentTarget.value)}
          />
        </div>
        <div className="notice-slot" role="alert">
          {problem && <p className="notice error">{problem}</p>}
          {work.state === 'failed' && (
            <p className="notice error">
              <strong>{t('checkpoint.failed')}</strong> {errorMessage(t, work.error)}
            </p>
          )}
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={work.state === 'running'}>
            {t('checkpoint.check')}
          </button>
        </div>
      </form>
      <div role="status" className="notice-slot" data-testid="checkpoint-result">
        {work.state === 'running' && <p className="pending">{t('checkpoint.checking')}</p>}
        {work.state === 'done' && (
          <div className={`verdict verdict-${work.report.verdict}`} data-verdict={work.report.verdict}>
            <p className="verdict-title">
              <strong>{t(`checkpoint.verdict.${work.report.verdict}`)}</strong>{' '}
              {work.report.checkpoint
                ? t(`checkpoint.explain.${work.report.verdict}`, {
                    entries: work.report.checkpoint.entries,
                    at: formatInstant(work.report.checkpoint.at, locale),
                  })
                : t('checkpoint.explain.unreadable')}
            </p>
            <ul className="failed-checks">
              {work.report.checks.map((c, index) => (
                <li key={`${c.code}-${index}`} className={c.ok ? 'ok' : 'failed'}>
                  <span className="check-mark">{c.ok ? t('seal.verify.checkOk') : t('seal.verify.checkFailed')}</span>{' '}
                  <strong>{text(c).what}</strong>
                  {': '}
                  {text(c).detail}
                </li>
              ))}
            </ul>
            <p className="muted">
              {t('checkpoint.logNow', { entries: work.report.log.entries })}{' '}
              {t('seal.verify.checkedAt', { time: formatInstant(work.at, locale) })}
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
