/** How far back the written bitrate looks: long enough to smooth out one-second chunks. */
const windowMs = 5000;

interface Sample {
  atMs: number;
  totalBytes: number;
}

/**
 * The bitrate actually written to the master, from the size main reports after each chunk. The
 * rate is taken over the last few seconds, so a change in the picture shows within a few chunks.
 */
export class WrittenRate {
  private samples: Sample[] = [];

  /** A chunk was written; `totalBytes` is the size of the master after it. */
  add(atMs: number, totalBytes: number): void {
    const last = this.samples.at(-1);
    if (last && (atMs <= last.atMs || totalBytes < last.totalBytes)) return;
    this.samples.push({ atMs, totalBytes });
    // Keep one sample older than the window, so the window is always fully covered.
    while (this.samples.length > 2 && (this.samples[1]?.atMs ?? atMs) <= atMs - windowMs)
      this.samples.shift();
  }

  /** Bits per second over the window, or null before two chunks have been written. */
  bitsPerSecond(): number | null {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last.atMs <= first.atMs) return null;
    return ((last.totalBytes - first.totalBytes) * 8 * 1000) / (last.atMs - first.atMs);
  }

  reset(): void {
    this.samples = [];
  }
}

/** The bytes a recording of `durationMs` takes at `bitsPerSecond`. */
export function bytesFor(durationMs: number, bitsPerSecond: number): number {
  return Math.ceil((Math.max(0, durationMs) / 1000) * (Math.max(0, bitsPerSecond) / 8));
}

/**
 * How long one can still record at `bitsPerSecond` before main stops the recording, which it
 * does when the free space falls under `stopBytes`. Null when the bitrate is not known.
 */
export function recordingTimeLeftMs(
  freeBytes: number,
  stopBytes: number,
  bitsPerSecond: number | null,
): number | null {
  if (bitsPerSecond === null || !(bitsPerSecond > 0)) return null;
  const usable = Math.max(0, freeBytes - stopBytes);
  return Math.floor((usable * 8 * 1000) / bitsPerSecond);
}

/**
 * Whether the disk holds a recording of `plannedMs` at `bitsPerSecond`, keeping `margin` more
 * (a recorder's bitrate is a target, not a limit), above the level where main stops.
 */
export function diskEnoughFor(
  plannedMs: number,
  bitsPerSecond: number,
  storage: { freeBytes: number; stopBytes: number },
  margin = 0.25,
): { enough: boolean; neededBytes: number; usableBytes: number } {
  const neededBytes = Math.ceil(bytesFor(plannedMs, bitsPerSecond) * (1 + margin));
  const usableBytes = Math.max(0, storage.freeBytes - storage.stopBytes);
  return { enough: neededBytes <= usableBytes, neededBytes, usableBytes };
}

/** Whole hours and minutes, rounded down: time left is never promised generously. */
export function hoursAndMinutes(ms: number): { hours: number; minutes: number } {
  const totalMinutes = Math.max(0, Math.floor(ms / 60_000));
  return { hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}
