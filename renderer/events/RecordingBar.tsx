import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordingBarStopId } from '../capture/Capture';
import { formatDuration } from '../format/duration';
import type { Workspace } from '../procedure/workspace';
import { explainReasonId } from './EventLog';
import { LogOutcome } from './LogOutcome';

/**
 * While a segment is recorded, this bar stays at the bottom of the window on every part of the
 * page, both tabs included: that it records, for how long, and Pause, Mark and Stop within
 * reach. It is sticky, not fixed, so at the end of the page it takes its own place instead of
 * covering the last lines.
 */
export function RecordingBar({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const { controls, actions } = workspace;
  const [elapsedMs, setElapsedMs] = useState(0);

  useEffect(() => {
    if (!controls) return;
    const tick = () => setElapsedMs(controls.elapsedMs());
    tick();
    const timer = window.setInterval(tick, 250);
    return () => window.clearInterval(timer);
  }, [controls]);

  if (!controls) return null;
  const { paused, segment } = controls;

  function giveReason() {
    workspace.setTab('hearing');
    window.requestAnimationFrame(() => document.getElementById(explainReasonId)?.focus());
  }

  return (
    <section
      className="recording-bar"
      aria-label={t('bar.label')}
      data-paused={paused || undefined}
    >
      <p className="bar-state">
        {!paused && <span className="dot" aria-hidden="true" />}
        {paused ? t('bar.paused', { segment }) : t('bar.recording', { segment })}
      </p>
      <p className="bar-elapsed">
        <span className="visually-hidden">{t('capture.elapsed')} </span>
        <span role="timer" data-testid="bar-elapsed">
          {formatDuration(elapsedMs)}
        </span>
      </p>
      <div className="bar-buttons">
        <button
          type="button"
          className={`button ${paused ? 'primary' : ''}`}
          aria-keyshortcuts="Alt+P"
          onClick={() => void actions.togglePause()}
        >
          {paused ? t('events.pause.resume') : t('events.pause.action')}{' '}
          <kbd>{t('events.shortcut', { key: 'P' })}</kbd>
        </button>
        <button
          type="button"
          className="button"
          aria-keyshortcuts="Alt+M"
          onClick={() => void actions.mark()}
        >
          {t('bar.mark')} <kbd>{t('events.shortcut', { key: 'M' })}</kbd>
        </button>
        {actions.asking !== null && (
          <button type="button" className="button" onClick={giveReason}>
            {t('bar.giveReason')}
          </button>
        )}
        <button
          id={recordingBarStopId}
          type="button"
          className="button stop"
          onClick={() => void controls.stop()}
        >
          <span className="stop-symbol" aria-hidden="true" />
          {t('capture.stop')}
        </button>
      </div>
      <div className="bar-outcome">
        <LogOutcome outcome={actions.outcome} />
      </div>
    </section>
  );
}
