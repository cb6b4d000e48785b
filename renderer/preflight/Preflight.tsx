import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { diskEnoughFor } from '../capture/panel/bitrate';
import { toMeterScale } from '../capture/panel/audio-level';
import { formatBrusselsClock } from '../format/dates';
import { formatSize } from '../format/size';
import { formatLocale } from '../i18n/locale';
import { checkPicture, checkSound, listenMs } from './checks';
import type { PictureVerdict } from './frame-check';
import { preflightToday, rememberPreflight, type PreflightRecord } from './preflight-day';
import './preflight.css';

type Picture = PictureVerdict | 'none';
type Sound = { heard: boolean; peakDbfs: number };
type Disk = ReturnType<typeof diskEnoughFor> | 'unknown';

interface Results {
  picture?: Picture;
  sound?: Sound;
  disk?: Disk;
}

const defaultMinutes = 120;
const maxMinutes = 24 * 60;

/**
 * The check before the first hearing of the day: a live picture, a voice heard, and room on the
 * disk for the planned length at the chosen bitrate. Each result says what to do when it fails.
 * The day's result is kept on this computer, so the page can say whether it was done today.
 */
export function Preflight(props: {
  stream: MediaStream | null;
  busy: boolean;
  bitsPerSecond: number;
}) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const id = useId();
  const [today, setToday] = useState<PreflightRecord | null>(() => preflightToday());
  const [minutes, setMinutes] = useState(String(defaultMinutes));
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<Results | null>(null);
  const [level, setLevel] = useState(0);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const plannedMinutes = Math.min(maxMinutes, Math.max(1, Math.round(Number(minutes) || 0)));
  const canRun = props.stream !== null && !props.busy && !running;

  async function run() {
    const stream = props.stream;
    if (!stream || !canRun) return;
    const controller = new AbortController();
    abort.current = controller;
    setRunning(true);
    setResults({});
    setLevel(0);
    const keep = (partial: Results) => {
      if (!controller.signal.aborted) setResults((r) => ({ ...r, ...partial }));
    };
    const bitsPerSecond = props.bitsPerSecond;
    const [picture, sound, disk] = await Promise.all([
      checkPicture(stream)
        .catch((): Picture => 'none')
        .then((picture) => (keep({ picture }), picture)),
      checkSound(stream, setLevel, controller.signal)
        .catch((): Sound => ({ heard: false, peakDbfs: -Infinity }))
        .then((sound) => (keep({ sound }), sound)),
      call('app.storage', {})
        .then((storage) => diskEnoughFor(plannedMinutes * 60_000, bitsPerSecond, storage))
        .catch((): Disk => 'unknown')
        .then((disk) => (keep({ disk }), disk)),
    ]);
    if (controller.signal.aborted) return;
    const passed = picture === 'ok' && sound.heard && disk !== 'unknown' && disk.enough;
    setToday(rememberPreflight(passed));
    setRunning(false);
  }

  const time = (iso: string) => formatBrusselsClock(iso, locale);
  const size = (bytes: number) => formatSize(bytes, locale);

  return (
    <section
      className={`preflight ${today?.passed ? 'done' : 'due'}`}
      aria-labelledby={`${id}-title`}
    >
      <div className="preflight-head">
        <h3 id={`${id}-title`}>{t('preflight.title')}</h3>
        <p className="preflight-state" role="status">
          {running
            ? t('preflight.running')
            : today === null
              ? t('preflight.notToday')
              : today.passed
                ? t('preflight.passedToday', { time: time(today.at) })
                : t('preflight.failedToday', { time: time(today.at) })}
        </p>
      </div>
      <div className="preflight-form">
        <div className="field">
          <label htmlFor={`${id}-minutes`}>{t('preflight.plannedMinutes')}</label>
          <input
            id={`${id}-minutes`}
            type="number"
            inputMode="numeric"
            min={1}
            max={maxMinutes}
            step={5}
            value={minutes}
            disabled={running}
            onChange={(event) => setMinutes(event.target.value)}
          />
        </div>
        <button
          type="button"
          className={`button${today?.passed ? '' : ' primary'}`}
          disabled={!canRun}
          aria-describedby={canRun || running ? undefined : `${id}-why`}
          onClick={() => void run()}
        >
          {today === null ? t('preflight.run') : t('preflight.runAgain')}
        </button>
        {!canRun && !running && (
          <p id={`${id}-why`} className="muted preflight-why">
            {props.busy ? t('preflight.whileRecording') : t('preflight.needsCamera')}
          </p>
        )}
      </div>

      {results && (
        <ul className="preflight-checks">
          <Check
            title={t('preflight.picture.title')}
            state={results.picture === undefined ? 'running' : results.picture === 'ok'}
            running={t('preflight.picture.running')}
            text={results.picture && t(`preflight.picture.${results.picture}`)}
          />
          <Check
            title={t('preflight.sound.title')}
            state={results.sound === undefined ? 'running' : results.sound.heard}
            running={t('preflight.sound.running', { seconds: listenMs / 1000 })}
            text={
              results.sound &&
              (results.sound.heard
                ? t('preflight.sound.ok', {
                    level: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(
                      results.sound.peakDbfs,
                    ),
                  })
                : t('preflight.sound.silent', { seconds: listenMs / 1000 }))
            }
          >
            {results.sound === undefined && (
              <meter
                className="preflight-level"
                min={0}
                max={1}
                low={0.33}
                value={toMeterScale(level)}
                aria-label={t('preflight.sound.level')}
              />
            )}
          </Check>
          <Check
            title={t('preflight.disk.title')}
            state={
              results.disk === undefined
                ? 'running'
                : results.disk !== 'unknown' && results.disk.enough
            }
            running={t('preflight.disk.running')}
            text={
              results.disk === undefined
                ? undefined
                : results.disk === 'unknown'
                  ? t('preflight.disk.unknown')
                  : t(results.disk.enough ? 'preflight.disk.ok' : 'preflight.disk.short', {
                      minutes: plannedMinutes,
                      needed: size(results.disk.neededBytes),
                      usable: size(results.disk.usableBytes),
                    })
            }
          />
        </ul>
      )}
    </section>
  );
}

function Check(props: {
  title: string;
  state: 'running' | boolean;
  running: string;
  text: string | undefined;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const status = props.state === 'running' ? 'running' : props.state ? 'pass' : 'fail';
  return (
    <li className={`preflight-check ${status}`}>
      <span className="preflight-mark" aria-hidden="true" />
      <div>
        <p>
          <strong>{props.title}</strong>{' '}
          <span className="preflight-verdict">{t(`preflight.verdict.${status}`)}</span>
        </p>
        <p>{props.state === 'running' ? props.running : props.text}</p>
        {props.children}
      </div>
    </li>
  );
}
