/**
 * Judging a picture from two frames of RGBA pixels (as a canvas gives them), taken about a
 * second apart. Brightness is luma on the 0–255 scale (Rec. 709 weights).
 */
export type PictureVerdict = 'ok' | 'black' | 'flat' | 'frozen';

/** Below this mean luma the picture is black: a covered lens, a dark room, no signal. */
export const blackBelow = 16;
/** Below this spread of luma the picture is one flat colour: a "no signal" screen. */
export const flatBelow = 3;
/** A pixel counts as changed when its luma moved by at least this much. */
export const changedBy = 2;
/** Fewer changed pixels than this share, and the picture is frozen: a live camera always has noise. */
export const frozenBelow = 0.002;

export function lumaOf(rgba: ArrayLike<number>): Float32Array {
  const pixels = Math.floor(rgba.length / 4);
  const luma = new Float32Array(pixels);
  for (let i = 0; i < pixels; i++) {
    const r = rgba[i * 4] ?? 0;
    const g = rgba[i * 4 + 1] ?? 0;
    const b = rgba[i * 4 + 2] ?? 0;
    luma[i] = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  return luma;
}

export function lumaStats(luma: ArrayLike<number>): { mean: number; spread: number } {
  if (luma.length === 0) return { mean: 0, spread: 0 };
  let sum = 0;
  for (let i = 0; i < luma.length; i++) sum += luma[i] ?? 0;
  const mean = sum / luma.length;
  let squares = 0;
  for (let i = 0; i < luma.length; i++) squares += ((luma[i] ?? 0) - mean) ** 2;
  return { mean, spread: Math.sqrt(squares / luma.length) };
}

/** The share of pixels whose luma changed between two frames of the same size. */
export function changedShare(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let changed = 0;
  for (let i = 0; i < n; i++) if (Math.abs((a[i] ?? 0) - (b[i] ?? 0)) >= changedBy) changed++;
  return changed / n;
}

export function judgePicture(first: ArrayLike<number>, second: ArrayLike<number>): PictureVerdict {
  const a = lumaOf(first);
  const b = lumaOf(second);
  const stats = lumaStats(b);
  if (stats.mean < blackBelow) return 'black';
  if (stats.spread < flatBelow) return 'flat';
  if (changedShare(a, b) < frozenBelow) return 'frozen';
  return 'ok';
}
