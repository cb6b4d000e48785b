import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { Hearing } from '../../shared/domain/hearing';
import { call } from '../api/client';
import { errorMessage } from '../api/error-message';
import { CopyButton } from '../components/CopyButton';
import { formatInstant } from '../format/dates';
import { formatBytes, formatSize } from '../format/size';
import { formatLocale } from '../i18n/locale';
import { groupHex } from './fingerprint';
import { SealConfirm } from './SealConfirm';
import { CheckpointCheck } from './CheckpointCheck';
import { VerifyResult, type VerifyReport } from './VerifyResult';
import './seal.css';

type SealSummary = CallOutput<'hearings.seal'>;
type Exported = NonNullable<CallOutput<'hearings.export'>>;

type Work<T> =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; value: T; at: string }
  | { state: 'failed'; error: unknown };

/**
 * The reasons main gave for a refusal, in `details`: `problems` when it would not seal (a file
 * changed on disk, a broken log), `failed` when an export did not verify. In English, as main
 * writes them; an empty list when there are none.
 */
function refusalList(error: unknown, key: 'problems' | 'failed'): string[] {
  const list = error instanceof ApiError ? error.details?.[key] : undefined;
  return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
}

function EnglishList({ items }: { items: string[] }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item} lang="en">
          {item}
        </li>
      ))}
    </ul>
  );
}

/** Why an export was refused, as precisely as main says it. */
function ExportRefusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const failed = refusalList(error, 'failed');
  if (failed.length > 0)
    return (
      <>
        <p>
          <strong>{t('seal.export.failed')}</strong> {t('seal.export.unverified')}
        </p>
        <EnglishList items={failed} />
      </>
    );
  if (error instanceof ApiError && error.code === 'conflict')
    return (
      <p>
        {t('seal.export.conflict')} <span lang="en">{error.message}</span>
      </p>
    );
  return (
    <p>
      <strong>{t('seal.export.failed')}</strong> {errorMessage(t, error)}
    </p>
  );
}

/**
 * Sealing the hearing, checking its integrity, and exporting it for the court registry. Sealing
 * asks first (it cannot be undone) and is not offered while a segment is being recorded; the
 * check and the export exist once the hearing is sealed.
 */
export function SealSection({ hearing, onSealed }: { hearing: Hearing; onSealed: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const [confirming, setConfirming] = useState(false);
  const [seal, setSeal] = useState<Work<SealSummary>>({ state: 'idle' });
  const [verify, setVerify] = useState<Work<VerifyReport>>({ state: 'idle' });
  const [exported, setExported] = useState<Work<Exported | null>>({ state: 'idle' });
  const sealButton = useRef<HTMLButtonElement>(null);
  const [protect, setProtect] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const passphraseInput = useRef<HTMLInputElement>(null);
  // A passphrase the registry can type, and that the two fields agree on.
  const passphraseProblem =
    passphrase.length < 12
      ? t('seal.export.passphraseTooShort')
      : passphrase !== repeated
        ? t('seal.export.passphraseMismatch')
        : null;

  const sealed = hearing.status === 'sealed';
  const recording = hearing.status === 'recording';
  const busy =
    seal.state === 'running' || verify.state === 'running' || exported.state === 'running';

  async function sealNow(reason: string | undefined) {
    setConfirming(false);
    setSeal({ state: 'running' });
    try {
      const value = await call('hearings.seal', { hearingId: hearing.id, ...(reason ? { reason } : {}) });
      setSeal({ state: 'done', value, at: new Date().toISOString() });
      onSealed();
    } catch (error) {
      setSeal({ state: 'failed', error });
      sealButton.current?.focus();
    }
  }

  async function checkIntegrity() {
    setVerify({ state: 'running' });
    try {
      const value = await call('hearings.verify', { hearingId: hearing.id });
      setVerify({ state: 'done', value, at: new Date().toISOString() });
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
    try {
      const value = await call('hearings.export', {
        hearingId: hearing.id,
        ...(protect ? { passphrase } : {}),
      });
      setExported({ state: 'done', value, at: new Date().toISOString() });
    } catch (error) {
      setExported({ state: 'failed', error });
    }
  }

  // The seal's summary: the one just made, or the one the hearing carries.
  const summary = seal.state === 'done' ? seal.value : hearing.seal;
  const checkedSeal = verify.state === 'done' ? verify.value.seal : undefined;
  const sealedAt = summary?.sealedAt ?? checkedSeal?.sealedAt;
  const fingerprint = summary?.keyFingerprint ?? checkedSeal?.keyFingerprint;

  return (
    <section className="panel seal" aria-labelledby="seal-title">
      <h2 id="seal-title">{t('seal.title')}</h2>
      {!sealed ? (
        <>
          <p className="lead">{t('seal.intro')}</p>
          <div className="actions">
            <button
              ref={sealButton}
              type="button"
              className="button primary"
              disabled={recording || busy}
              aria-describedby={recording ? 'seal-why' : undefined}
              onClick={() => setConfirming(true)}
            >
              <span className="seal-symbol" aria-hidden="true" />
              {t('seal.sealButton')}
            </button>
            {recording && (
              <p id="seal-why" className="muted seal-why">
                {t('seal.whileRecording')}
              </p>
            )}
          </div>
          <div role="status" className="notice-slot">
            {seal.state === 'running' && <p className="pending">{t('seal.sealing')}</p>}
          </div>
          <div role="alert" className="notice-slot">
            {seal.state === 'failed' && (
              <div className="notice error">
                {refusalList(seal.error, 'problems').length > 0 ? (
                  <>
                    <p>
                      <strong>{t('seal.sealFailed')}</strong> {t('seal.refused')}
                    </p>
                    <EnglishList items={refusalList(seal.error, 'problems')} />
                  </>
                ) : (
                  <p>
                    <strong>{t('seal.sealFailed')}</strong> {errorMessage(t, seal.error)}
                  </p>
                )}
              </div>
            )}
          </div>
        </>
      ) : (
        <>
          <p className="notice sealed-notice" role="status">
            {seal.state === 'done' ? t('seal.justSealed') : t('seal.sealedNotice')}
          </p>
          <dl className="facts seal-facts">
            {sealedAt && (
              <div>
                <dt>{t('seal.facts.sealedAt')}</dt>
                <dd>{formatInstant(sealedAt, locale)}</dd>
              </div>
            )}
            {summary && (
              <div>
                <dt>{t('seal.facts.segments')}</dt>
                <dd>{summary.recordingCount}</dd>
              </div>
            )}
            {summary && <Digest label={t('seal.facts.manifest')} value={summary.manifestSha256} />}
            {fingerprint && (
              <div className="wide">
                <dt>{t('seal.facts.key')}</dt>
                <dd>
                  <code className="digest fingerprint" data-testid="key-fingerprint">
                    {groupHex(fingerprint)}
                  </code>
                </dd>
              </div>
            )}
          </dl>
          {!sealedAt && <p className="muted">{t('seal.facts.unknown')}</p>}

          <div className="actions seal-actions">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void checkIntegrity()}
            >
              {t('seal.verify.button')}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void exportNow()}
            >
              {t('seal.export.button')}
            </button>
          </div>
          <fieldset className="export-protection">
            <legend className="visually-hidden">{t('seal.export.protection')}</legend>
            <label className="check">
              <input type="checkbox" checked={protect} onChange={(event) => setProtect(event.target.checked)} />
              {t('seal.export.protect')}
            </label>
            {protect && (
              <div className="passphrase-fields">
                <label htmlFor="export-passphrase">{t('seal.export.passphrase')}</label>
                <input
                  ref={passphraseInput}
                  id="export-passphrase"
                  type="password"
                  autoComplete="new-password"
                  value={passphrase}
                  aria-describedby="export-passphrase-help"
                  aria-invalid={passphraseProblem !== null && passphrase !== ''}
                  onChange={(event) => setPassphrase(event.target.value)}
                />
                <label htmlFor="export-passphrase-again">{t('seal.export.passphraseAgain')}</label>
                <input
                  id="export-passphrase-again"
                  type="password"
                  autoComplete="new-password"
                  value={repeated}
                  onChange={(event) => setRepeated(event.target.value)}
                />
                <p id="export-passphrase-help" className="muted">
                  {passphraseProblem ?? t('seal.export.passphraseHelp')}
                </p>
              </div>
            )}
          </fieldset>

          <div role="status" className="notice-slot" data-testid="verify-result">
            {verify.state === 'running' && <p className="pending">{t('seal.verify.checking')}</p>}
            {verify.state === 'done' && (
              <VerifyResult report={verify.value} checkedAt={verify.at} />
            )}
          </div>
          <div role="alert" className="notice-slot">
            {verify.state === 'failed' && (
              <p className="notice error">
                <strong>{t('seal.verify.failed')}</strong> {errorMessage(t, verify.error)}
              </p>
            )}
            {exported.state === 'failed' && (
              <div className="notice error">
                <ExportRefusal error={exported.error} />
              </div>
            )}
          </div>
          <div role="status" className="notice-slot" data-testid="export-result">
            {exported.state === 'running' && (
              <p className="pending">{t('seal.export.exporting')}</p>
            )}
            {exported.state === 'done' &&
              (exported.value === null ? (
                <p className="notice">{t('seal.export.cancelled')}</p>
              ) : (
                <div className="notice exported">
                  <p>
                    <strong>{t('seal.export.done')}</strong>{' '}
                    {t('seal.export.files', { count: exported.value.files.length })}
                  </p>
                  <dl className="facts">
                    {exported.value.folder !== null && (
                      <Digest label={t('seal.export.folder')} value={exported.value.folder} />
                    )}
                    <div className="wide">
                      <dt>{t('seal.export.zip')}</dt>
                      <dd>
                        <code className="digest">{exported.value.zip}</code>{' '}
                        {t('seal.export.zipSize', {
                          size: formatSize(exported.value.zipSizeBytes, locale),
                          exact: formatBytes(exported.value.zipSizeBytes, locale),
                        })}
                      </dd>
                    </div>
                  </dl>
                  <p className="muted">
                    {exported.value.folder === null ? t('seal.export.nextProtected') : t('seal.export.next')}
                  </p>
                </div>
              ))}
          </div>
          <CheckpointCheck />
        </>
      )}
      <SealConfirm
        open={confirming}
        hearingId={hearing.id}
        caseReference={hearing.caseReference}
        onConfirm={(reason) => void sealNow(reason)}
        onCancel={() => {
          setConfirming(false);
          sealButton.current?.focus();
        }}
      />
    </section>
  );
}

/** A long value (a digest, a path) shown whole, with a button to copy it. */
function Digest({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  const element = useRef<HTMLElement>(null);
  return (
    <div className="wide">
      <dt>{label}</dt>
      <dd>
        <span className="digest-line">
          <code ref={element} className="digest">
            {value}
          </code>
          <CopyButton
            value={value}
            label={t('seal.copy', { what: label })}
            target={() => element.current}
          />
        </span>
      </dd>
    </div>
  );
}
