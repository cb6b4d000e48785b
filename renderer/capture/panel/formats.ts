export type Container = 'webm' | 'mp4';
export type VideoCodec = 'vp9' | 'vp8' | 'av1';

export interface RecordingFormat {
  container: Container;
  video: VideoCodec;
  /** What MediaRecorder is asked for, and what main is told the master holds. */
  mimeType: string;
}

/**
 * The formats the master may be recorded in, best first. Only codecs that main can copy into
 * the seekable WebM working copy without re-encoding are listed: an H.264 master, which some
 * browsers can record, would leave a working copy without its picture. Sound is Opus in each.
 */
export const recordingFormats: readonly RecordingFormat[] = [
  { container: 'webm', video: 'vp9', mimeType: 'video/webm;codecs=vp9,opus' },
  { container: 'webm', video: 'vp8', mimeType: 'video/webm;codecs=vp8,opus' },
  { container: 'webm', video: 'av1', mimeType: 'video/webm;codecs=av01,opus' },
  { container: 'mp4', video: 'vp9', mimeType: 'video/mp4;codecs=vp9,opus' },
  { container: 'mp4', video: 'av1', mimeType: 'video/mp4;codecs=av01.0.04M.08,opus' },
];

export type IsTypeSupported = (mimeType: string) => boolean;

export const mediaRecorderSupports: IsTypeSupported = (mimeType) =>
  typeof MediaRecorder !== 'undefined' && MediaRecorder.isTypeSupported(mimeType);

/** The formats this browser can record, in order of preference. */
export function supportedFormats(
  isSupported: IsTypeSupported = mediaRecorderSupports,
): RecordingFormat[] {
  return recordingFormats.filter((format) => {
    try {
      return isSupported(format.mimeType);
    } catch {
      return false;
    }
  });
}

/** The containers that have at least one supported format, in order of preference. */
export function containersOf(formats: readonly RecordingFormat[]): Container[] {
  return [...new Set(formats.map((f) => f.container))];
}

/** The video codecs offered in a container. */
export function codecsOf(formats: readonly RecordingFormat[], container: Container): VideoCodec[] {
  return formats.filter((f) => f.container === container).map((f) => f.video);
}

/**
 * The supported format closest to what was asked for: the same container and codec if both are
 * supported, else the best codec in that container, else the best format there is.
 */
export function chooseFormat(
  formats: readonly RecordingFormat[],
  wanted: { container?: Container; video?: VideoCodec },
): RecordingFormat | null {
  return (
    formats.find((f) => f.container === wanted.container && f.video === wanted.video) ??
    formats.find((f) => f.container === wanted.container) ??
    formats[0] ??
    null
  );
}
