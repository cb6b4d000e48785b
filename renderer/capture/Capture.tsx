import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecorderControls } from '../events/recorder-controls';
import { formatDuration } from '../format/duration';
import { Preflight } from '../preflight/Preflight';
import { guardLeaving } from '../routing/router';
import type { DeviceChoice } from './media-devices';
import { pickMimeType } from './mime-type';
import { CaptureAlertText, type CaptureAlert } from './CaptureAlert';
import {
  lostDevice,
  useDeviceRemoval,
  useDevicesBack,
  type DevicesBack,
  type LostDevice,
} from './device-loss';
import { CapturePanel } from './panel/CapturePanel';
import { formatOf, plannedBitsPerSecond } from './panel/capture-settings';
import { LowDiskWarning } from './panel/LowDiskWarning';
import { useCaptureSettings } from './panel/use-capture-settings';
import { useStorage } from './panel/use-storage';
import { RecordingSession, type DiskLevel } from './recording-session';
import { ResumeOffer, useAutoResume } from './ResumeOffer';
import { useCamera, type Camera } from './use-camera';

type Phase = 'idle' | 'starting' | 'recording' | 'stopping';

type Announcement = { kind: 'started' } | { kind: 'stopped'; durationMs: number } | null;

/** The Stop button lives in the recording bar, which stays in view while a segment runs. */
export const recordingBarStopId = 'recording-bar-stop';

/**
 * Films a segment of the hearing: preview, choice of camera and microphone, and Start; while a
 * segment runs, the recording bar holds Stop, Pause and Mark. The media goes to main a second at
 * a time while it is recorded, so the master grows on disk as the hearing goes on and nothing is
 * lost if the window closes.
 */
export function Capture({
  hearingId,
  onRecordingsChanged,
  readiness,
  onControls,
  canRecord,
  cameraAtOnce,
}: {
  hearingId: string;
  onRecordingsChanged: () => void;
  /** Whether the rules allow recording now; when not, the id of the sentence that says why. */
  readiness?: { ready: boolean; describedBy?: string };
  /** Receives pause, resume and an immediate stop while a segment is recorded, null otherwise. */
  onControls?: (controls: RecorderControls | null) => void;
  /**
   * False once this hearing can never be recorded again (consent withdrawn): the camera and
   * microphone are released as soon as no segment needs them.
   */
  canRecord: boolean;
  /**
   * Whether the camera starts with the page. A hearing that already has recordings opens on
   * them, and the camera waits until the person asks for another segment.
   */
  cameraAtOnce: boolean;
}) {
  const { t } = useTranslation();
  const [chosenCamera, setChosenCamera] = useState<string | null>(null);
  const [chosenMicrophone, setChosenMicrophone] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [cameraAsked, setCameraAsked] = useState(cameraAtOnce);
  const [phase, setPhase] = useState<Phase>('idle');
  const camera = useCamera(
    phase !== 'idle' || (canRecord && cameraAsked),
    chosenCamera,
    chosenMicrophone,
    attempt,
  );
  const { settings, formats, change: changeSettings } = useCaptureSettings();
  const storage = useStorage();
  // A camera or microphone lost mid-recording, until a new segment is under way.
  const [lost, setLost] = useState<LostDevice | null>(null);
  const back = useDevicesBack(lost);
  const [autoResume, setAutoResume] = useAutoResume();
  const [resumeFrom, setResumeFrom] = useState<Camera | null>(null);
  const autoTried = useRef<LostDevice | null>(null);

  const [elapsedMs, setElapsedMs] = useState(0);
  const [alert, setAlert] = useState<CaptureAlert | null>(null);
  const [announcement, setAnnouncement] = useState<Announcement>(null);
  const [disk, setDisk] = useState<DiskLevel | null>(null);
  const [paused, setPaused] = useState(false);
  const session = useRef<RecordingSession | null>(null);
  const preview = useRef<HTMLVideoElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const alertBox = useRef<HTMLDivElement>(null);

  const stream = camera.status === 'live' ? camera.stream : null;
  useEffect(() => {
    if (preview.current) preview.current.srcObject = stream;
  }, [stream]);

  useEffect(() => {
    if (phase !== 'recording') return;
    const timer = window.setInterval(() => {
      if (session.current) setElapsedMs(session.current.elapsedMs());
    }, 250);
    return () => window.clearInterval(timer);
  }, [phase]);

  // The recording bar and the event log pause, resume and stop; consent withdrawn stops at once.
  const finishNow = useRef<() => Promise<void>>(async () => undefined);
  useEffect(() => {
    finishNow.current = finishRecording;
  });
  useEffect(() => {
    if (!onControls) return;
    const current = session.current;
    if (phase !== 'recording' || !current) {
      setPaused(false);
      onControls(null);
      return;
    }
    onControls({
      segment: current.recording.segment,
      paused,
      isPaused: () => current.paused,
      elapsedMs: () => current.elapsedMs(),
      pause: () => {
        current.pause();
        setPaused(current.paused);
      },
      resume: () => {
        current.resume();
        setPaused(current.paused);
      },
      stop: () => finishNow.current(),
    });
  }, [phase, paused, onControls]);

  // Keep the keyboard focus on the button that can act now: Stop in the bar while recording
  // (the bar is drawn once the recording is under way, hence the frame's wait), Start after.
  useEffect(() => {
    const focused = document.activeElement;
    const lost = focused === null || focused === document.body;
    if (phase === 'recording' && (lost || focused === startButton.current)) {
      const frame = window.requestAnimationFrame(() =>
        document.getElementById(recordingBarStopId)?.focus(),
      );
      return () => window.cancelAnimationFrame(frame);
    }
    if (phase === 'idle' && lost) startButton.current?.focus();
  }, [phase]);

  // While a segment is recorded (or being closed) the screen must not be left by accident.
  const busy = phase !== 'idle';
  useEffect(() => {
    if (!busy) return;
    const removeGuard = guardLeaving(() => {
      setAlert({ kind: 'leaveBlocked' });
      alertBox.current?.focus();
      return false;
    });
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      removeGuard();
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [busy]);

  // Should the screen go away all the same, close the segment properly: what was recorded stays.
  useEffect(
    () => () => {
      void session.current?.stop().catch(() => undefined);
    },
    [],
  );

  // A device that leaves the system's list mid-recording ends the segment as its track would.
  useDeviceRemoval(stream, phase === 'recording', (device) => session.current?.deviceLost(device));

  function resume(devices: DevicesBack) {
    setResumeFrom(camera);
    setChosenCamera(devices.cameraId);
    setChosenMicrophone(devices.microphoneId);
    setAttempt((n) => n + 1);
  }

  // After "Resume" the camera opens again; once it is live and the cut segment is closed, the
  // next segment starts.
  const startNow = useRef(startRecording);
  useEffect(() => {
    startNow.current = startRecording;
  });
  useEffect(() => {
    if (!resumeFrom || camera === resumeFrom || camera.status === 'opening') return;
    if (camera.status === 'live' && resumeFrom.status === 'live')
      if (camera.stream === resumeFrom.stream) return;
    if (camera.status === 'live' && phase !== 'idle') return;
    setResumeFrom(null);
    if (camera.status === 'live') void startNow.current();
  }, [resumeFrom, camera, phase]);

  // Resuming by itself, when chosen, once per loss: a device that fails again waits for a person.
  useEffect(() => {
    if (!autoResume || !lost || !back || phase !== 'idle' || resumeFrom) return;
    if (autoTried.current === lost) return;
    autoTried.current = lost;
    resume(back);
  });

  async function finishRecording() {
    const current = session.current;
    if (!current) return;
    setPhase('stopping');
    try {
      const recording = await current.stop();
      const byMain =
        recording.stopReason !== null && !['stopped', 'device_lost'].includes(recording.stopReason);
      setAlert((previous) =>
        byMain
          ? { kind: 'stoppedByMain', reason: recording.stopReason }
          : previous?.kind === 'leaveBlocked'
            ? null
            : previous,
      );
      setAnnouncement({ kind: 'stopped', durationMs: recording.durationMs ?? current.elapsedMs() });
    } catch (error) {
      setAlert((previous) => previous ?? { kind: 'stopFailed', error });
    } finally {
      session.current = null;
      setPhase('idle');
      onRecordingsChanged();
    }
  }

  async function startRecording() {
    if (phase !== 'idle' || !stream) return;
    const mimeType = formatOf(settings, formats)?.mimeType ?? pickMimeType();
    if (!mimeType) {
      setAlert({ kind: 'noFormat' });
      return;
    }
    setAlert(null);
    setAnnouncement(null);
    setDisk(null);
    setPhase('starting');
    try {
      session.current = await RecordingSession.start({
        stream,
        hearingId,
        mimeType,
        bitsPerSecond: { video: settings.videoBitsPerSecond, audio: settings.audioBitsPerSecond },
        events: {
          onInterrupted: (why, error) => {
            // Main closing the recording is explained once its reason is known, after the stop.
            if (why !== 'closedByMain') setAlert({ kind: 'interrupted', why, error });
            if (why === 'device') setLost(lostDevice(error, camera));
            void finishRecording();
          },
          onDiskLevel: setDisk,
        },
      });
      setElapsedMs(0);
      setLost(null);
      setPhase('recording');
      setAnnouncement({ kind: 'started' });
      onRecordingsChanged();
    } catch (error) {
      setAlert({ kind: 'startFailed', error });
      setPhase('idle');
    }
  }

  const recording = phase === 'recording';
  const devicesLocked = phase !== 'idle' || camera.status !== 'live';

  return (
    <div className="capture">
      <Preflight stream={stream} busy={busy} bitsPerSecond={plannedBitsPerSecond(settings)} />
      <div className="capture-preview">
        <video
          ref={preview}
          className="preview"
          muted
          autoPlay
          playsInline
          aria-label={t('capture.preview')}
          hidden={camera.status !== 'live'}
        />
        {camera.status === 'opening' && (
          <p className="preview-placeholder">{t('capture.opening')}</p>
        )}
        {camera.status === 'off' && !canRecord && (
          <p className="preview-placeholder">{t('capture.off.ended')}</p>
        )}
        {camera.status === 'off' && canRecord && (
          <div className="preview-placeholder">
            <p>{t('capture.off.waiting')}</p>
            <button type="button" className="button" onClick={() => setCameraAsked(true)}>
              {t('capture.off.turnOn')}
            </button>
          </div>
        )}
        {camera.status === 'failed' && lost && camera.problem === 'lost' && (
          <p className="preview-placeholder">
            {back ? t('capture.resume.previewBack') : t('capture.resume.preview')}
          </p>
        )}
        {camera.status === 'failed' && !(lost && camera.problem === 'lost') && (
          <div className="preview-placeholder notice error" role="alert">
            <p>{t(`capture.problems.${camera.problem}`)}</p>
            {!busy && (
              <button
                type="button"
                className="button"
                onClick={() => {
                  setChosenCamera(null);
                  setChosenMicrophone(null);
                  setAttempt((n) => n + 1);
                }}
              >
                {t('app.retry')}
              </button>
            )}
          </div>
        )}
        {recording && (
          <p className="recording-indicator" aria-hidden="true" data-paused={paused || undefined}>
            {!paused && <span className="dot" />}
            {paused ? t('capture.phase.paused') : t('capture.phase.recording')}
          </p>
        )}
      </div>

      <div className="capture-controls">
        <div className="devices">
          <DeviceSelect
            id="camera"
            label={t('capture.camera')}
            fallbackLabel={(n) => t('capture.cameraN', { n })}
            choices={camera.status === 'live' ? camera.devices.cameras : []}
            value={camera.status === 'live' ? camera.cameraId : null}
            disabled={devicesLocked}
            onChange={setChosenCamera}
          />
          <DeviceSelect
            id="microphone"
            label={t('capture.microphone')}
            fallbackLabel={(n) => t('capture.microphoneN', { n })}
            choices={camera.status === 'live' ? camera.devices.microphones : []}
            value={camera.status === 'live' ? camera.microphoneId : null}
            disabled={devicesLocked}
            onChange={setChosenMicrophone}
          />
        </div>

        <div className="recorder">
          <div className="buttons">
            <button
              ref={startButton}
              type="button"
              className="button primary"
              disabled={phase !== 'idle' || camera.status !== 'live' || readiness?.ready === false}
              aria-describedby={readiness?.ready === false ? readiness.describedBy : undefined}
              onClick={() => void startRecording()}
            >
              <span className="rec-symbol" aria-hidden="true" />
              {t('capture.start')}
            </button>
          </div>
          <p className="elapsed">
            <span className="elapsed-label">{t('capture.elapsed')}</span>{' '}
            <span data-testid="elapsed" role="timer" className="elapsed-value">
              {formatDuration(elapsedMs)}
            </span>
          </p>
          <p className="phase" data-phase={recording && paused ? 'paused' : phase}>
            {recording && !paused && <span className="dot" aria-hidden="true" />}
            {recording && paused ? t('capture.phase.paused') : t(`capture.phase.${phase}`)}
          </p>
        </div>
        <CapturePanel
          settings={settings}
          formats={formats}
          onChange={changeSettings}
          locked={busy}
          stream={stream}
          recording={recording}
          elapsedMs={elapsedMs}
          written={disk}
          storage={storage}
        />
      </div>

      <div ref={alertBox} tabIndex={-1} className="notice-slot" role="alert">
        {alert && (
          <div className="notice error">
            <CaptureAlertText alert={alert} />
          </div>
        )}
      </div>
      {lost && (
        <ResumeOffer
          lost={lost}
          back={back}
          resuming={resumeFrom !== null}
          auto={autoResume}
          onAutoChange={setAutoResume}
          onResume={resume}
        />
      )}
      <div className="notice-slot" role="status">
        <LowDiskWarning
          disk={disk}
          storage={storage}
          bitsPerSecond={plannedBitsPerSecond(settings)}
        />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement?.kind === 'started' && t('capture.announce.started')}
        {announcement?.kind === 'stopped' &&
          t('capture.announce.stopped', { duration: formatDuration(announcement.durationMs) })}
      </p>
    </div>
  );
}

function DeviceSelect(props: {
  id: string;
  label: string;
  fallbackLabel: (n: number) => string;
  choices: DeviceChoice[];
  value: string | null;
  disabled: boolean;
  onChange: (deviceId: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value ?? ''}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.value === null && <option value="">—</option>}
        {props.choices.map((choice, index) => (
          <option key={choice.deviceId} value={choice.deviceId}>
            {choice.label || props.fallbackLabel(index + 1)}
          </option>
        ))}
      </select>
    </div>
  );
}
