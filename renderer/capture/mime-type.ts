/** Formats the master may be recorded in, best first: VP9 is smaller for the same picture. */
export const preferredMimeTypes = [
  'video/webm;codecs=vp9,opus',
  'video/webm;codecs=vp8,opus',
  'video/webm',
] as const;

export function pickMimeType(
  isSupported: (type: string) => boolean = (type) =>
    typeof MediaRecorder !== 'undefined' && MediaRecorder.isTypeSupported(type),
): string | null {
  return preferredMimeTypes.find((type) => isSupported(type)) ?? null;
}
