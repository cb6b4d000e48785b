import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type CallOutput } from '../../shared/api/contract';
import type { Hearing } from '../../shared/domain/hearing';
import { electronBridge } from '../api/bridge';
import { call } from '../api/client';
import { errorMessage } from '../api/error-message';
import { mediaUrl } from '../api/media-url';
import { formatBytes, formatSize } from '../format/size';
import { formatLocale } from '../i18n/locale';
import { useSession } from '../session/session-context';
import { VerifyResult, type VerifyReport } from '../seal/VerifyResult';
import '../seal/seal.css';

type Work<T> = { state: 'idle' } | { state: 'running' } | { state: 'done'; value: T; at: string } | { state: 'failed'; error: unknown };
type Downloaded = CallOutput<'hearings.exportDownload'>;
type Exported = CallOutput<'hearings.export'>;
type ExportOutcome = { kind: 'download'; value: Downloaded } | { kind: 'folder'; value: Exported };

/**
 * The magistrate's tools on a sealed hearing, in the review: check it against its seal, and
 * export it where the person chooses. In the app main asks for a folder with its own dialog (the
 * page never names a path); in a browser main prepares the zip and the browser downloads it.
 */
export function ReviewDesk({ hearing }: { hearing: Hearing }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const { user } = useSession();
  const ids = useId();
  const sealed = hearing.status === 'sealed';
  const mayExport = contract['hearings.export'].roles.includes(user.role);
  const inApp = electronBridge() !== null;
  const [verify, setVerify] = useState<Work<VerifyReport>>({ state: 'idle' });
  const [exported, setExported] = useState<Work<ExportOutcome>>({ state: 'idle' });
  const [protect, setProtect] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const passphraseInput = useRef<HTMLInputElement>(null);
  const downloadLink = useRef<HTMLAnchorElement>(null);
  const passphraseProblem =
    passphrase.length < 12 ? t('seal.export.passphraseTooShort') : passphrase !== repeated ? t('seal.export.passphraseMismatch') : null;
  const busy = verify.state === 'running' || exported.state === 'running';

  async function checkIntegrity() {
    setVerify({ state: 'running' });
    try {
      setVerify({ state: 'done', value: await call('hearings.verify', { hearingId: hearing.id }), at: new Date().toISOString() });
    } catch (error) {
      setVerify({ state: 'failed', error });
    }
  }

  async function exportNow() {
    if (protect && passphraseProblem) {
      passphraseInput.current?.focus();
      return;
    }
    setExported({ state: 'running' });
    const input = { hearingId: hearing.id, ...(protect ? { passphrase } : {}) };
    try {
      const outcome: ExportOutcome = inApp
        ? { kind: 'folder', value: await call('hearings.export', input) }
        : { kind: 'download', value: await call('hearings.exportDownload', input) };
      setExported({ state: 'done', value: outcome, at: new Date().toISOString() });
    } catch (error) {
      setExported({ state: 'failed', error });
    }
  }

  // The prepared zip downloads at once; the link stays for a browser that blocked it.
  const prepared = exported.state === 'done' && exported.value.kind === 'download' ? exported.value.value : null;
  useEffect(() => {
    if (prepared) downloadLink.current?.click();
  }, [prepared]);

  return (
    <section className="panel seal no-print" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('review.desk.title')}</h2>
      {!sealed ? (
        <p className="muted">{t('review.desk.notSealed')}</p>
      ) : (
        <>
          <div className="actions seal-actions">
            <button type="button" className="button" disabled={busy} onClick={() => void checkIntegrity()}>
              {t('seal.verify.button')}
            </button>
            {mayExport && (
              <button type="button" className="button" disabled={busy} onClick={() => void exportNow()}>
                {inApp ? t('review.desk.exportToFolder') : t('review.desk.exportDownload')}
              </button>
            )}
          </div>
          {mayExport && (
            <fieldset className="export-protection">
              <legend className="visually-hidden">{t('seal.export.protection')}</legend>
              <label className="check">
                <input type="checkbox" checked={protect} onChange={(event) => setProtect(event.target.checked)} />
                {t('seal.export.protect')}
              </label>
              {protect && (
                <div className="passphrase-fields">
                  <label htmlFor={`${ids}-passphrase`}>{t('seal.export.passphrase')}</label>
                  <input
                    ref={passphraseInput}
                    id={`${ids}-passphrase`}
                    type="password"
                    autoComplete="new-password"
                    value={passphrase}
                    aria-describedby={`${ids}-passphrase-help`}
                    aria-invalid={passphraseProblem !== null && passphrase !== ''}
                    onChange={(event) => setPassphrase(event.target.value)}
                  />
                  <label htmlFor={`${ids}-passphrase-again`}>{t('seal.export.passphraseAgain')}</label>
                  <input
                    id={`${ids}-passphrase-again`}
                    type="password"
                    autoComplete="new-password"
                    value={repeated}
                    onChange={(event) => setRepeated(event.target.value)}
                  />
                  <p id={`${ids}-passphrase-help`} className="muted">
                    {passphraseProblem ?? t('seal.export.passphraseHelp')}
                  </p>
                </div>
              )}
            </fieldset>
          )}
          <div role="status" className="notice-slot" data-testid="desk-verify-result">
            {verify.state === 'running' && <p className="pending">{t('seal.verify.checking')}</p>}
            {verify.state === 'done' && <VerifyResult report={verify.value} checkedAt={verify.at} />}
          </div>
          <div role="alert" className="notice-slot">
            {verify.state === 'failed' && (
              <p className="notice error">
                <strong>{t('seal.verify.failed')}</strong> {errorMessage(t, verify.error)}
              </p>
            )}
            {exported.state === 'failed' && (
              <p className="notice error">
                <strong>{t('seal.export.failed')}</strong> {errorMessage(t, exported.error)}
              </p>
            )}
          </div>
          <div role="status" className="notice-slot" data-testid="desk-export-result">
            {exported.state === 'running' && <p className="pending">{t('seal.export.exporting')}</p>}
            {exported.state === 'done' && exported.value.kind === 'folder' && exported.value.value === null && (
              <p className="notice">{t('seal.export.cancelled')}</p>
            )}
            {exported.state === 'done' && exported.value.kind === 'folder' && exported.value.value !== null && (
              <div className="notice exported">
                <p>
                  <strong>{t('seal.export.done')}</strong> {t('seal.export.files', { count: exported.value.value.files.length })}
                </p>
                <p>
                  {t('seal.export.zip')}: <code className="digest">{exported.value.value.zip}</code>
                </p>
              </div>
            )}
            {prepared && (
              <div className="notice exported">
                <p>
                  <strong>{t('seal.export.done')}</strong> {t('review.desk.downloadStarted')}
                </p>
                <p>
                  <a ref={downloadLink} href={mediaUrl(prepared.url)} download={prepared.name}>
                    {prepared.name}
                  </a>{' '}
                  {t('seal.export.zipSize', { size: formatSize(prepared.sizeBytes, locale), exact: formatBytes(prepared.sizeBytes, locale) })}
                </p>
                <p className="muted">{protect ? t('seal.export.nextProtected') : t('review.desk.downloadNext')}</p>
              </div>
            )}
          </div>
        </>
      )}
    </section>
  );
}
