/**
 * The player's arithmetic, kept apart from the <video> element so it can be tested: speeds,
 * steps, and the jumps between events and annotations on the hearing's timeline.
 */

/** The speeds offered, 0.5× to 2×: slower for a hard passage, faster to skim. */
export const speeds = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

export const seekStepMs = 5000;

/**
 * One frame back or forward. Browsers do not tell a video's frame rate, so the step is 40 ms (a
 * frame at 25 fps, the European video rate); Chromium shows the frame nearest the position.
 */
export const frameStepMs = 40;

/** L: the next speed up; at 2× it stays there. */
export function faster(rate: number): number {
  return speeds.find((s) => s > rate + 1e-9) ?? speeds[speeds.length - 1]!;
}

/** J while playing faster than 1×: the next speed down, as editors step back through speeds. */
export function slower(rate: number): number {
  return [...speeds].reverse().find((s) => s < rate - 1e-9) ?? speeds[0];
}

export function clamp(positionMs: number, endMs: number): number {
  return Math.min(Math.max(0, Math.round(positionMs)), Math.max(0, endMs));
}

/**
 * Within this distance of a target the player counts as standing on it: a second press of
 * "next" while the video plays on must reach the following target, not the one just left.
 */
const onTargetMs = 300;

/** The first target after the position (`next`) or the last before it (`previous`), if any. */
export function jumpTarget(
  targets: readonly number[],
  positionMs: number,
  direction: 'next' | 'previous',
): number | null {
  const sorted = [...new Set(targets)].sort((a, b) => a - b);
  if (direction === 'next') return sorted.find((t) => t > positionMs + onTargetMs) ?? null;
  return [...sorted].reverse().find((t) => t < positionMs - onTargetMs) ?? null;
}

/**
 * A position typed by a person: `h:mm:ss.mmm`, `mm:ss.mmm` or seconds (`83.5`); a comma may
 * stand for the decimal point, as Belgian readers write it. Null when it is not a time.
 */
export function parsePosition(text: string): number | null {
  const match = /^\s*(?:(?:(\d+):)?(\d{1,2}):)?(\d+)(?:[.,](\d{1,3}))?\s*$/.exec(text);
  if (!match) return null;
  const [, h, m, s, fraction] = match;
  const minutes = m === undefined ? 0 : Number(m);
  const seconds = Number(s);
  if ((m !== undefined && seconds >= 60) || (h !== undefined && minutes >= 60)) return null;
  const ms = fraction === undefined ? 0 : Number(fraction.padEnd(3, '0'));
  return ((Number(h ?? 0) * 60 + minutes) * 60 + seconds) * 1000 + ms;
}

/** A position on the timeline as `h:mm:ss.mmm` (hours always shown), what parsePosition reads. */
export function formatPosition(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const seconds = Math.floor((total % 60_000) / 1000);
  const rest = total % 1000;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${hours}:${two(minutes)}:${two(seconds)}.${String(rest).padStart(3, '0')}`;
}
