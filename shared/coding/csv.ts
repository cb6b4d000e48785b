import { sortAnnotations, type Annotation } from './annotations';
import { entryOf, tierOf, type CodingScheme, type SchemeLanguage } from './scheme';

/** `hh:mm:ss.mmm`, hours not wrapped at 24 (a long hearing stays readable). */
export function clockTime(ms: number): string {
  const whole = Math.round(ms);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const hours = Math.floor(whole / 3_600_000);
  const minutes = Math.floor((whole % 3_600_000) / 60_000);
  const seconds = Math.floor((whole % 60_000) / 1000);
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(whole % 1000, 3)}`;
}

/**
 * One field, quoted as RFC 4180 asks when it holds a comma, a quote or a line break. A text that
 * a spreadsheet would run as a formula (=, +, -, @, a tab or a carriage return first) gets a
 * leading apostrophe, as OWASP advises for CSV injection: a note typed by one user must not run
 * on another's machine.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvColumns = [
  'tier',
  'tier_label',
  'code',
  'label',
  'text',
  'start_ms',
  'end_ms',
  'start',
  'end',
  'duration_ms',
  'author',
  'author_id',
  'annotation_id',
  'created_at',
  'updated_at',
] as const;

/**
 * One row per annotation in timeline order, labels in the reader's language; CRLF line ends as
 * RFC 4180 writes them, and a header row.
 */
export function annotationsCsv(
  scheme: CodingScheme,
  annotations: readonly Annotation[],
  language: SchemeLanguage,
): string {
  const rows = sortAnnotations(annotations, scheme).map((a) => {
    const tier = tierOf(scheme, a.tierId);
    const entry = tier && a.code !== null ? entryOf(tier, a.code) : undefined;
    return [
      a.tierId,
      tier?.label[language] ?? '',
      a.code ?? '',
      entry?.label[language] ?? '',
      a.text ?? '',
      a.startMs,
      a.endMs,
      clockTime(a.startMs),
      clockTime(a.endMs),
      a.endMs - a.startMs,
      a.author.displayName,
      a.author.userId,
      a.id,
      a.createdAt,
      a.updatedAt ?? '',
    ];
  });
  return [csvColumns, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}
