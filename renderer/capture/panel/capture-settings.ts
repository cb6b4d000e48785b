import { chooseFormat, type Container, type RecordingFormat, type VideoCodec } from './formats';

export interface Resolution {
  id: string;
  width: number;
  height: number;
}

export const resolutions: readonly Resolution[] = [
  { id: '640x360', width: 640, height: 360 },
  { id: '960x540', width: 960, height: 540 },
  { id: '1280x720', width: 1280, height: 720 },
  { id: '1920x1080', width: 1920, height: 1080 },
];

export const frameRates: readonly number[] = [15, 25, 30];
export const videoBitrates: readonly number[] = [
  1_000_000, 1_500_000, 2_500_000, 4_000_000, 6_000_000, 8_000_000,
];
export const audioBitrates: readonly number[] = [64_000, 96_000, 128_000, 192_000];

/** What the technician chooses for the picture and the file; kept for the next hearing. */
export interface CaptureSettings {
  resolution: string;
  frameRate: number;
  videoBitsPerSecond: number;
  audioBitsPerSecond: number;
  container: Container;
  video: VideoCodec;
}

/** 720p at 25 frames a second (PAL, as Belgian video is), 2.5 Mbit/s: clear faces, modest files. */
export const defaultSettings: CaptureSettings = {
  resolution: '1280x720',
  frameRate: 25,
  videoBitsPerSecond: 2_500_000,
  audioBitsPerSecond: 128_000,
  container: 'webm',
  video: 'vp9',
};

const oneOf = <T>(allowed: readonly T[], value: unknown, fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/**
 * Settings read back from storage, each field checked: a value this version does not offer, or
 * a format this browser cannot record, falls back to the default or the nearest supported one.
 */
export function normalizeSettings(
  stored: unknown,
  formats: readonly RecordingFormat[],
): CaptureSettings {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<
    string,
    unknown
  >;
  const format = chooseFormat(formats, {
    container: oneOf<Container>(['webm', 'mp4'], s.container, defaultSettings.container),
    video: oneOf<VideoCodec>(['vp9', 'vp8', 'av1'], s.video, defaultSettings.video),
  });
  return {
    resolution: oneOf(
      resolutions.map((r) => r.id),
      s.resolution,
      defaultSettings.resolution,
    ),
    frameRate: oneOf(frameRates, s.frameRate, defaultSettings.frameRate),
    videoBitsPerSecond: oneOf(
      videoBitrates,
      s.videoBitsPerSecond,
      defaultSettings.videoBitsPerSecond,
    ),
    audioBitsPerSecond: oneOf(
      audioBitrates,
      s.audioBitsPerSecond,
      defaultSettings.audioBitsPerSecond,
    ),
    container: format?.container ?? defaultSettings.container,
    video: format?.video ?? defaultSettings.video,
  };
}

/** The supported format the settings name, or null when this browser records none of ours. */
export function formatOf(
  settings: CaptureSettings,
  formats: readonly RecordingFormat[],
): RecordingFormat | null {
  return (
    formats.find((f) => f.container === settings.container && f.video === settings.video) ?? null
  );
}

/** What the camera is asked for: the chosen size and rate where it can, as close as it can. */
export function videoConstraints(settings: CaptureSettings): MediaTrackConstraints {
  const resolution = resolutions.find((r) => r.id === settings.resolution) ?? resolutions[2]!;
  return {
    width: { ideal: resolution.width },
    height: { ideal: resolution.height },
    frameRate: { ideal: settings.frameRate },
  };
}

/** The bitrate the recorder aims at, picture and sound together. */
export function plannedBitsPerSecond(settings: CaptureSettings): number {
  return settings.videoBitsPerSecond + settings.audioBitsPerSecond;
}

const storageKey = 'hearingRoom.captureSettings';

export function loadSettings(formats: readonly RecordingFormat[]): CaptureSettings {
  let stored: unknown = null;
  try {
    stored = JSON.parse(localStorage.getItem(storageKey) ?? 'null');
  } catch {
    // Unreadable or unavailable storage: start from the defaults.
  }
  return normalizeSettings(stored, formats);
}

export function saveSettings(settings: CaptureSettings): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(settings));
  } catch {
    // Without storage the choice lasts as long as the window.
  }
}
