import { AudioLevelMeter, toDbfs } from '../capture/panel/audio-level';
import { judgePicture, type PictureVerdict } from './frame-check';

const sampleWidth = 320;
const sampleHeight = 180;
/** Frames a second apart: long enough for any live picture to change. */
const frameGapMs = 1000;

/** Sound louder than this is a voice near the microphone, not the hum of an empty room. */
export const speechAboveDbfs = -40;
export const listenMs = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once the video element shows a frame (or after a while, when none comes). */
function frameShown(video: HTMLVideoElement): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 3000);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    video.requestVideoFrameCallback(() => done());
  });
}

/**
 * Looks at the picture: two frames a second apart, drawn small on a canvas, neither black nor
 * one flat colour nor the same twice. 'none' when the stream has no live picture at all.
 */
export async function checkPicture(stream: MediaStream): Promise<PictureVerdict | 'none'> {
  const track = stream.getVideoTracks()[0];
  if (!track || track.readyState !== 'live') return 'none';
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([track]);
  try {
    await video.play();
    await frameShown(video);
    if (video.videoWidth === 0) return 'none';
    const canvas = document.createElement('canvas');
    canvas.width = sampleWidth;
    canvas.height = sampleHeight;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return 'none';
    const grab = () => {
      context.drawImage(video, 0, 0, sampleWidth, sampleHeight);
      return context.getImageData(0, 0, sampleWidth, sampleHeight).data;
    };
    const first = grab();
    await sleep(frameGapMs);
    await frameShown(video);
    return judgePicture(first, grab());
  } finally {
    video.pause();
    video.srcObject = null;
  }
}

/**
 * Listens until the sound rises above speech level, or `listenMs` has passed. `onLevel` gets the
 * level as it goes (for a meter the speaker can watch). Returns the loudest level, in dBFS.
 */
export async function checkSound(
  stream: MediaStream,
  onLevel: (level: number) => void,
  signal: AbortSignal,
): Promise<{ heard: boolean; peakDbfs: number }> {
  if (stream.getAudioTracks().every((t) => t.readyState !== 'live'))
    return { heard: false, peakDbfs: toDbfs(0) };
  const meter = new AudioLevelMeter(stream);
  let peak = 0;
  try {
    const until = performance.now() + listenMs;
    while (performance.now() < until && !signal.aborted) {
      const level = meter.level();
      peak = Math.max(peak, level);
      onLevel(level);
      if (toDbfs(level) > speechAboveDbfs) break;
      await sleep(50);
    }
  } finally {
    meter.close();
  }
  return { heard: toDbfs(peak) > speechAboveDbfs, peakDbfs: toDbfs(peak) };
}
