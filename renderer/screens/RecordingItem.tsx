import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stopReasons, type Recording } from '../../shared/domain/hearing';
import { call } from '../api/client';
import { errorMessage } from '../api/error-message';
import { mediaUrl } from '../api/media-url';
import { CopyButton } from '../components/CopyButton';
import { RecordingStatusBadge } from '../components/StatusBadge';
import { formatInstant } from '../format/dates';
import { formatDuration } from '../format/duration';
import { formatBytes, formatSize } from '../format/size';
import { formatLocale } from '../i18n/locale';

/** Reasons worth showing: a plain stop by the interviewer needs no explanation. */
const explainedStopReasons = stopReasons.filter((reason) => reason !== 'stopped');

export function RecordingItem({
  recording,
  deriving = false,
  sealed = false,
  onChanged,
}: {
  recording: Recording;
  /** Main is making this segment's working copy now. */
  deriving?: boolean;
  sealed?: boolean;
  /** Reads the hearing again, once a working copy was made here. */
  onChanged?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const digest = useRef<HTMLElement>(null);
  const headingId = `segment-${recording.id}`;
  const segment = recording.segment;
  const size =
    recording.sizeBytes < 1000
      ? formatBytes(recording.sizeBytes, locale)
      : t('recordings.sizeValue', {
          size: formatSize(recording.sizeBytes, locale),
          exact: formatBytes(recording.sizeBytes, locale),
        });
  const source = recording.workingUrl ?? recording.masterUrl;
  const stopReason = explainedStopReasons.find((reason) => reason === recording.stopReason);

  return (
    <article className="recording" aria-labelledby={headingId}>
      <header className="recording-head">
        <h3 id={headingId}>{t('recordings.segment', { segment })}</h3>
        <RecordingStatusBadge status={recording.status} />
      </header>
      <dl className="facts">
        <div>
          <dt>{t('recordings.startedAt')}</dt>
          <dd>{formatInstant(recording.startedAt, locale)}</dd>
        </div>
        <div>
          <dt>{t('recordings.duration')}</dt>
          <dd>
            {recording.durationMs === null
              ? t('recordings.notYet')
              : formatDuration(recording.durationMs)}
          </dd>
        </div>
        <div>
          <dt>{t('recordings.size')}</dt>
          <dd data-testid="recording-size">{size}</dd>
        </div>
        {stopReason && (
          <div>
            <dt>{t('recordings.stopReason')}</dt>
            <dd>{t(`recordings.stopReasons.${stopReason}`)}</dd>
          </div>
        )}
        <div className="wide">
          <dt>{t('recordings.sha256')}</dt>
          <dd>
            {recording.sha256 ? (
              <span className="digest-line">
                <code ref={digest} className="digest" data-testid="recording-sha256">
                  {recording.sha256}
                </code>
                <CopyButton
                  value={recording.sha256}
                  label={t('recordings.copyLabel', { segment })}
                  target={() => digest.current}
                />
              </span>
            ) : (
              t('recordings.digestPending')
            )}
          </dd>
        </div>
      </dl>
      {recording.status !== 'recording' && !recording.workingUrl && recording.sizeBytes > 0 && (
        <WorkingCopyState recording={recording} deriving={deriving} sealed={sealed} onChanged={onChanged} />
      )}
      {recording.status === 'recording' ? (
        <p className="muted">{t('recordings.stillRecording')}</p>
      ) : (
        <video
          className="player"
          controls
          preload="metadata"
          src={mediaUrl(source)}
          aria-label={t('recordings.player', { segment })}
          data-testid="recording-player"
        />
      )}
    </article>
  );
}

/**
 * A segment without its seekable working copy: being made now, or not made (a full disk) with
 * the one button that makes it again. The master plays meanwhile; it only seeks less well.
 */
function WorkingCopyState({
  recording,
  deriving,
  sealed,
  onChanged,
}: {
  recording: Recording;
  deriving: boolean;
  sealed: boolean;
  onChanged: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ running: boolean; error?: unknown }>({ running: false });
  if (deriving || state.running) {
    return (
      <p className="pending" role="status" data-testid="working-copy-state">
        {t('recordings.workingCopy.making')}
      </p>
    );
  }
  async function makeAgain() {
    setState({ running: true });
    try {
      await call('recordings.deriveWorkingCopy', { recordingId: recording.id });
      setState({ running: false });
    } catch (error) {
      setState({ running: false, error });
    }
    onChanged?.();
  }
  return (
    <div className="notice warning" data-testid="working-copy-state">
      <p>{t('recordings.workingCopy.missing')}</p>
      {state.error !== undefined && (
        <p role="alert">
          <strong>{t('recordings.workingCopy.failed')}</strong> {errorMessage(t, state.error)}
        </p>
      )}
      {!sealed && (
        <p className="actions">
          <button type="button" className="button small" onClick={() => void makeAgain()}>
            {t('recordings.workingCopy.makeAgain', { segment: recording.segment })}
          </button>
        </p>
      )}
    </div>
  );
}
