import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/api/contract';
import { interfaceLanguages } from '../../shared/domain/procedure';
import { electronBridge } from '../api/bridge';
import { call } from '../api/client';
import { actionErrorMessage } from './action-error';
import { mediaUrl } from '../api/media-url';
import { CopyButton } from '../components/CopyButton';
import { formatInstant } from '../format/dates';
import { formatBytes } from '../format/size';
import { formatLocale, localeOf } from '../i18n/locale';
import { languageName } from './languages';
import type { Workspace } from './workspace';

type Language = (typeof interfaceLanguages)[number];
type Generated = CallOutput<'writtenRecord.generate'>;

const isLanguage = (value: string | null | undefined): value is Language =>
  (interfaceLanguages as readonly string[]).includes(value ?? '');

/**
 * The written record (procès-verbal): printed by main from the record, the people present, the
 * event log and the recordings with their SHA-256, in one of the four languages (by default the
 * language of the hearing, else that of the person heard, if it is one of them).
 */
export function WrittenRecord({ workspace, sealed }: { workspace: Workspace; sealed: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  // The language the hearing was held in first (a child heard in French through an interpreter
  // gets a French record), then the person's own.
  const draft = workspace.procedure.view?.draft;
  const spoken = [draft?.hearingLanguage, draft?.personHeard?.language]
    .map((code) => code?.slice(0, 2))
    .find(isLanguage);
  const fallback: Language = isLanguage(spoken)
    ? spoken
    : (localeOf(i18n.resolvedLanguage) ?? 'en');
  const [chosen, setChosen] = useState<Language | null>(null);
  const language = chosen ?? fallback;
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<Generated | null>(null);
  const [failed, setFailed] = useState<{ error: unknown } | null>(null);
  const digest = useRef<HTMLElement>(null);

  async function generate() {
    if (pending) return;
    setPending(true);
    setFailed(null);
    try {
      setResult(await call('writtenRecord.generate', { hearingId: workspace.hearingId, language }));
    } catch (error) {
      setFailed({ error });
    } finally {
      setPending(false);
    }
  }

  const href = result ? mediaUrl(result.url) : '';
  // A new window is refused inside the app; there the file is saved instead.
  const inApp = electronBridge() !== null;
  return (
    <section className="panel" aria-labelledby="written-record-title">
      <h2 id="written-record-title">{t('writtenRecord.title')}</h2>
      <p className="muted">{t('writtenRecord.intro')}</p>
      {sealed ? (
        <p className="notice">{t('writtenRecord.sealed')}</p>
      ) : (
        <div className="actions">
          <div className="field inline">
            <label htmlFor="written-record-language">{t('writtenRecord.language')}</label>
            <select
              id="written-record-language"
              value={language}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (isLanguage(value)) setChosen(value);
              }}
            >
              {interfaceLanguages.map((code) => (
                <option key={code} value={code}>
                  {languageName(code, locale)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button primary"
            onClick={() => void generate()}
            disabled={pending}
          >
            {t('writtenRecord.generate')}
          </button>
          {pending && (
            <span className="pending" role="status">
              {t('writtenRecord.generating')}
            </span>
          )}
        </div>
      )}
      <div className="notice-slot" role="alert">
        {failed && (
          <p className="notice error">
            {t('writtenRecord.failed', { reason: actionErrorMessage(t, failed.error) })}
          </p>
        )}
      </div>
      {result && (
        <div className="written-record-result" role="status">
          <p>
            {t('writtenRecord.done', {
              language: languageName(result.language, locale),
              at: formatInstant(result.generatedAt, locale),
              size: formatBytes(result.sizeBytes, locale),
            })}
          </p>
          <dl className="facts">
            <div className="wide">
              <dt>{t('writtenRecord.sha256')}</dt>
              <dd>
                <span className="digest-line">
                  <code ref={digest} className="digest" data-testid="written-record-sha256">
                    {result.sha256}
                  </code>
                  <CopyButton
                    value={result.sha256}
                    label={t('writtenRecord.copy')}
                    target={() => digest.current}
                  />
                </span>
              </dd>
            </div>
          </dl>
          <p className="actions">
            {!inApp && (
              <a className="button" href={href} target="_blank" rel="noopener noreferrer">
                {t('writtenRecord.open')}
              </a>
            )}
            <a className="button" href={href} download={result.fileName}>
              {t('writtenRecord.download')}
            </a>
          </p>
        </div>
      )}
    </section>
  );
}
