import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pane, type BladeApi, type ListInputBindingApi } from 'tweakpane';
import { formatDuration } from '../../format/duration';
import { formatSize } from '../../format/size';
import { formatLocale } from '../../i18n/locale';
import type { DiskLevel } from '../recording-session';
import { AudioLevelMeter, PeakHold, silenceDbfs, toDbfs, toMeterScale } from './audio-level';
import { WrittenRate, hoursAndMinutes, recordingTimeLeftMs } from './bitrate';
import {
  audioBitrates,
  frameRates,
  normalizeSettings,
  plannedBitsPerSecond,
  resolutions,
  videoBitrates,
  videoConstraints,
  type CaptureSettings,
} from './capture-settings';
import { codecsOf, containersOf, type RecordingFormat, type VideoCodec } from './formats';
import { labelBlade } from './tweakpane-a11y';
import type { Storage } from './use-storage';
import './capture-panel.css';

const containerNames = { webm: 'WebM', mp4: 'MP4' } as const;
const codecNames: Record<VideoCodec, string> = {
  vp9: 'VP9 + Opus',
  vp8: 'VP8 + Opus',
  av1: 'AV1 + Opus',
};

/** What the monitors read each time they refresh; kept outside React so nothing re-renders. */
interface Live {
  /** The sound level now, and the loudest of the last moments, sampled ten times a second. */
  level: number;
  peaks: PeakHold;
  stream: MediaStream | null;
  rate: WrittenRate;
  recording: boolean;
  elapsedMs: number;
  freeBytes: number | null;
  stopBytes: number | null;
  plannedBitsPerSecond: number;
}

/**
 * The technician's panel beside the preview, drawn with Tweakpane: the picture and file settings
 * (locked while recording) and live monitors of the sound level, the bitrate written to disk,
 * the elapsed time, the free disk space and the recording time it leaves. Camera, microphone,
 * Start and Stop stay plain controls outside it, so they work whatever happens to the panel.
 */
export function CapturePanel(props: {
  settings: CaptureSettings;
  formats: RecordingFormat[];
  onChange: (settings: CaptureSettings) => void;
  locked: boolean;
  stream: MediaStream | null;
  recording: boolean;
  elapsedMs: number;
  written: DiskLevel | null;
  storage: Storage | null;
}) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const host = useRef<HTMLDivElement>(null);
  const quality = useRef<BladeApi | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const params = useRef({ ...props.settings });
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const live = useRef<Live>({
    level: 0,
    peaks: new PeakHold(),
    stream: null,
    rate: new WrittenRate(),
    recording: false,
    elapsedMs: 0,
    freeBytes: null,
    stopBytes: null,
    plannedBitsPerSecond: plannedBitsPerSecond(props.settings),
  });
  const { formats } = props;

  // The pane is built again when the language changes, so every label is in that language.
  useEffect(() => {
    const container = host.current;
    if (!container) return;
    const number = (value: number, digits = 0) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
    const mbps = (bps: number) => t('panel.mbps', { value: number(bps / 1_000_000, 1) });
    const kbps = (bps: number) => t('panel.kbps', { value: number(bps / 1000) });

    let built: Pane | null = null;
    try {
      const pane = new Pane({ container, title: t('panel.title') });
      built = pane;
      const settingsFolder = pane.addFolder({ title: t('panel.quality') });
      const p = params.current;
      const list = <T,>(
        key: keyof typeof p,
        label: string,
        options: Array<{ text: string; value: T }>,
      ) => settingsFolder.addBinding(p, key, { label, options }) as ListInputBindingApi<T>;

      const bindings: BladeApi[] = [
        list(
          'resolution',
          t('panel.resolution'),
          resolutions.map((r) => ({ text: `${r.width} × ${r.height}`, value: r.id })),
        ),
        list(
          'frameRate',
          t('panel.frameRate'),
          frameRates.map((n) => ({ text: t('panel.fps', { value: n }), value: n })),
        ),
        list(
          'videoBitsPerSecond',
          t('panel.videoBitrate'),
          videoBitrates.map((bps) => ({ text: mbps(bps), value: bps })),
        ),
        list(
          'audioBitsPerSecond',
          t('panel.audioBitrate'),
          audioBitrates.map((bps) => ({ text: kbps(bps), value: bps })),
        ),
        list(
          'container',
          t('panel.container'),
          containersOf(formats).map((c) => ({ text: containerNames[c], value: c })),
        ),
      ];
      const codecOptions = () =>
        codecsOf(formats, p.container).map((c) => ({ text: codecNames[c], value: c }));
      const codec = list('video', t('panel.codec'), codecOptions());
      bindings.push(codec);
      bindings.forEach(labelBlade);

      // The codecs listed are those of the chosen container; a codec it lacks gives way to its best.
      let listedFor = p.container;
      settingsFolder.on('change', () => {
        const next = normalizeSettings({ ...p }, formats);
        const fitted = next.video !== p.video || next.container !== p.container;
        if (fitted) Object.assign(p, next);
        if (next.container !== listedFor) {
          listedFor = next.container;
          codec.options = codecOptions();
          labelBlade(codec);
        }
        if (fitted) pane.refresh();
        const current = latest.current.settings;
        const changed = (Object.keys(next) as Array<keyof CaptureSettings>).some(
          (k) => next[k] !== current[k],
        );
        if (changed) latest.current.onChange(next);
      });
      quality.current = settingsFolder;
      settingsFolder.disabled = latest.current.locked;

      const l = live.current;
      const monitorsFolder = pane.addFolder({ title: t('panel.monitors') });
      const monitors = {
        get level() {
          const db = toDbfs(l.peaks.peak(performance.now()));
          return db <= silenceDbfs ? t('panel.silence') : t('panel.dbfs', { value: number(db) });
        },
        get graph() {
          return toMeterScale(l.level);
        },
        get written() {
          const bps = l.recording ? l.rate.bitsPerSecond() : null;
          return bps === null ? '–' : mbps(bps);
        },
        get elapsed() {
          return formatDuration(l.elapsedMs);
        },
        get free() {
          return l.freeBytes === null ? '–' : formatSize(l.freeBytes, locale);
        },
        get timeLeft() {
          if (l.freeBytes === null || l.stopBytes === null) return '–';
          const bps = (l.recording ? l.rate.bitsPerSecond() : null) ?? l.plannedBitsPerSecond;
          const ms = recordingTimeLeftMs(l.freeBytes, l.stopBytes, bps);
          return ms === null ? '–' : t('panel.hoursMinutes', hoursAndMinutes(ms));
        },
        get picture() {
          const s = l.stream?.getVideoTracks()[0]?.getSettings();
          if (!s?.width || !s.height) return '–';
          return t('panel.pictureValue', {
            width: s.width,
            height: s.height,
            rate: number(s.frameRate ?? 0),
          });
        },
      };
      const monitor = (key: keyof typeof monitors, label: string | undefined, interval: number) =>
        monitorsFolder.addBinding(monitors, key, { readonly: true, label, interval });
      [
        monitor('level', t('panel.soundLevel'), 200),
        monitorsFolder.addBinding(monitors, 'graph', {
          readonly: true,
          label: undefined,
          view: 'graph',
          min: 0,
          max: 1,
          interval: 100,
          bufferSize: 60,
        }),
        monitor('written', t('panel.written'), 1000),
        monitor('elapsed', t('panel.elapsed'), 500),
        monitor('free', t('panel.freeDisk'), 1000),
        monitor('timeLeft', t('panel.timeLeft'), 1000),
        monitor('picture', t('panel.picture'), 1000),
      ].forEach(labelBlade);
    } catch {
      // Should Tweakpane fail here, the plain controls still record; the panel says it is missing.
      built?.dispose();
      quality.current = null;
      setUnavailable(true);
      return;
    }
    setUnavailable(false);
    return () => {
      quality.current = null;
      built?.dispose();
    };
  }, [t, locale, formats]);

  useEffect(() => {
    live.current.plannedBitsPerSecond = plannedBitsPerSecond(props.settings);
  }, [props.settings]);

  useEffect(() => {
    if (quality.current) quality.current.disabled = props.locked;
  }, [props.locked]);

  // The camera is asked for the chosen size and rate; never while a segment is being recorded.
  const { stream, locked } = props;
  const { resolution, frameRate } = props.settings;
  useEffect(() => {
    const track = stream?.getVideoTracks()[0];
    if (!track || locked) return;
    track.applyConstraints(videoConstraints(latest.current.settings)).catch(() => undefined);
  }, [stream, locked, resolution, frameRate]);

  useEffect(() => {
    const l = live.current;
    l.stream = stream;
    if (!stream || stream.getAudioTracks().length === 0) return;
    let meter: AudioLevelMeter;
    try {
      meter = new AudioLevelMeter(stream);
    } catch {
      // Without Web Audio the level stays silent; the recording itself is not affected.
      return;
    }
    const timer = window.setInterval(() => {
      l.level = meter.level();
      l.peaks.add(performance.now(), l.level);
    }, 100);
    return () => {
      window.clearInterval(timer);
      meter.close();
      l.level = 0;
      l.peaks.reset();
    };
  }, [stream]);

  useEffect(() => {
    live.current.recording = props.recording;
    if (props.recording) live.current.rate.reset();
  }, [props.recording]);

  useEffect(() => {
    live.current.elapsedMs = props.elapsedMs;
  }, [props.elapsedMs]);

  useEffect(() => {
    if (!props.written) return;
    live.current.rate.add(performance.now(), props.written.sizeBytes);
    live.current.freeBytes = props.written.freeBytes;
  }, [props.written]);

  useEffect(() => {
    if (!props.storage) return;
    live.current.freeBytes = props.storage.freeBytes;
    live.current.stopBytes = props.storage.stopBytes;
  }, [props.storage]);

  return (
    <div className="capture-panel">
      <div ref={host} />
      {unavailable && <p className="notice warning">{t('panel.unavailable')}</p>}
      {props.locked && <p className="muted panel-note">{t('panel.locked')}</p>}
    </div>
  );
}
