/** The quietest level shown: below it is silence for anyone listening in a hearing room. */
export const silenceDbfs = -60;

/** Root mean square of samples in [-1, 1]: the loudness of a block of sound. */
export function rms(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i] ?? 0;
    sum += s * s;
  }
  return Math.sqrt(sum / samples.length);
}

/** A level in decibels relative to full scale, floored at `silenceDbfs`. */
export function toDbfs(level: number): number {
  if (!(level > 0)) return silenceDbfs;
  return Math.max(silenceDbfs, Math.min(0, 20 * Math.log10(level)));
}

/** A level on a 0–1 scale that follows the ear (decibels), for a level graph. */
export function toMeterScale(level: number): number {
  return (toDbfs(level) - silenceDbfs) / -silenceDbfs;
}

/**
 * The loudest level of the last moments, so a reading shows a voice (or a beep) that a single
 * sample taken between two words would miss.
 */
export class PeakHold {
  private samples: Array<{ atMs: number; level: number }> = [];

  constructor(private readonly holdMs = 1500) {}

  add(atMs: number, level: number): void {
    this.samples.push({ atMs, level });
    while ((this.samples[0]?.atMs ?? atMs) < atMs - this.holdMs) this.samples.shift();
  }

  peak(atMs: number): number {
    let peak = 0;
    for (const s of this.samples) if (s.atMs >= atMs - this.holdMs) peak = Math.max(peak, s.level);
    return peak;
  }

  reset(): void {
    this.samples = [];
  }
}

/**
 * The sound level of a stream's microphone, read through a Web Audio AnalyserNode. Nothing is
 * played back: the analyser is a dead end, so the room does not hear itself.
 */
export class AudioLevelMeter {
  private readonly context: AudioContext;
  private readonly analyser: AnalyserNode;
  private readonly source: MediaStreamAudioSourceNode;
  private readonly buffer: Float32Array<ArrayBuffer>;
  private readonly wake = () => void this.context.resume().catch(() => undefined);

  constructor(stream: MediaStream) {
    this.context = new AudioContext();
    this.analyser = this.context.createAnalyser();
    this.analyser.fftSize = 2048;
    this.source = this.context.createMediaStreamSource(stream);
    this.source.connect(this.analyser);
    this.buffer = new Float32Array(this.analyser.fftSize);
    // A page may only start sound processing after a gesture; the first one wakes the meter.
    if (this.context.state === 'suspended') {
      this.wake();
      document.addEventListener('pointerdown', this.wake, { once: true, capture: true });
      document.addEventListener('keydown', this.wake, { once: true, capture: true });
    }
  }

  /** The current level (RMS of the last ~40 ms), between 0 and 1. */
  level(): number {
    this.analyser.getFloatTimeDomainData(this.buffer);
    return rms(this.buffer);
  }

  close(): void {
    document.removeEventListener('pointerdown', this.wake, { capture: true });
    document.removeEventListener('keydown', this.wake, { capture: true });
    this.source.disconnect();
    void this.context.close().catch(() => undefined);
  }
}
