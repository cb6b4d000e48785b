import type { AnnotationDraft } from './annotations';
import type { EafImport, ImportNote } from './eaf-import';
import { schemeLanguages, type CodingScheme, type SchemeTier, type VocabularyEntry } from './scheme';

/**
 * How an imported EAF (importEaf) enters a hearing coded under the application's scheme: the
 * imported annotations become the importer's own annotations on the scheme's tiers. A tier of
 * the file goes to the scheme tier with the same id or label, or, for a coded tier, to the scheme
 * tier whose vocabulary holds every code it uses (matched by code or by a label in any of the
 * four languages, so "Invitation" in ELAN's NICHD vocabulary is the scheme's `invitation`).
 * Whatever has no place there (a transcript tier, a gloss, a code the scheme does not know) is
 * kept as a note on the scheme's notes tier, at its start, with its tier's name, its value and
 * its end written in the text, and listed as `changed`: nothing is dropped unsaid.
 */

export interface PlannedTier {
  /** The tier's name in the file. */
  name: string;
  count: number;
  /** The scheme tier its annotations go to (the notes tier when they have no other place). */
  target: string;
  /** How many of them keep their code or text on the target; the rest become notes. */
  kept: number;
  asNotes: number;
}

export interface ImportPlan {
  drafts: AnnotationDraft[];
  tiers: PlannedTier[];
  notes: ImportNote[];
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();

function labelsOf(entry: Pick<VocabularyEntry, 'code' | 'label'>): Set<string> {
  return new Set([fold(entry.code), ...schemeLanguages.map((l) => fold(entry.label[l]))]);
}

function tierNames(tier: SchemeTier): Set<string> {
  return new Set([fold(tier.id), ...schemeLanguages.map((l) => fold(tier.label[l]))]);
}

/** The scheme's entry for an imported code, by code or by any label of either side. */
function matchEntry(target: SchemeTier, imported: Pick<VocabularyEntry, 'code' | 'label'> | undefined, code: string): VocabularyEntry | undefined {
  if (!target.vocabulary) return undefined;
  const wanted = imported ? labelsOf(imported) : new Set([fold(code)]);
  return target.vocabulary.find((e) => [...labelsOf(e)].some((l) => wanted.has(l)));
}

/** `12.345 s` as m:ss.mmm, for an end written into a note. */
export function formatPositionMs(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const seconds = ((ms % 60_000) / 1000).toFixed(3).padStart(6, '0');
  return `${minutes}:${seconds}`;
}

export function planImport(imported: EafImport, scheme: CodingScheme, notesTierId = 'notes'): ImportPlan {
  const notesTier = scheme.tiers.find((t) => t.id === notesTierId && t.vocabulary === null);
  if (!notesTier) throw new Error(`The scheme ${scheme.id} has no free-text tier ${notesTierId} for what has no other place.`);
  const drafts: AnnotationDraft[] = [];
  const tiers: PlannedTier[] = [];
  const notes: ImportNote[] = [...imported.notes];

  for (const source of imported.scheme.tiers) {
    const own = imported.annotations.filter((a) => a.tierId === source.id);
    const entryOf = (code: string) => source.vocabulary?.find((e) => e.code === code);
    const sourceNames = tierNames(source);
    const usedCodes = [...new Set(own.flatMap((a) => (a.code === null ? [] : [a.code])))];
    const target =
      scheme.tiers.find((t) => [...tierNames(t)].some((n) => sourceNames.has(n))) ??
      (usedCodes.length > 0
        ? scheme.tiers.find((t) => t.vocabulary !== null && usedCodes.every((c) => matchEntry(t, entryOf(c), c)))
        : undefined);

    let kept = 0;
    let asNotes = 0;
    for (const a of own) {
      const value = a.code !== null ? (entryOf(a.code)?.label.en ?? a.code) : (a.text ?? '');
      const entry = target && a.code !== null ? matchEntry(target, entryOf(a.code), a.code) : undefined;
      if (target && target.vocabulary !== null && entry) {
        drafts.push({ tierId: target.id, code: entry.code, text: a.text, startMs: a.startMs, endMs: target.kind === 'point' ? a.startMs : a.endMs });
        kept++;
        continue;
      }
      if (target && target.vocabulary === null && (target.kind === 'interval' || a.endMs === a.startMs)) {
        drafts.push({ tierId: target.id, code: null, text: value, startMs: a.startMs, endMs: a.endMs });
        kept++;
        continue;
      }
      const until = a.endMs > a.startMs ? ` (${formatPositionMs(a.startMs)}–${formatPositionMs(a.endMs)})` : '';
      drafts.push({ tierId: notesTier.id, code: null, text: `${source.label.en}: ${value}${until}`.slice(0, 10_000), startMs: a.startMs, endMs: a.startMs });
      asNotes++;
    }
    if (asNotes > 0) {
      notes.push({
        level: 'changed',
        subject: `tier ${source.label.en}`,
        message: `${asNotes} of its ${own.length} annotations have no place in the scheme's tiers: they are entered as notes at their start, with the tier's name, their value and their span in the text.`,
      });
    }
    tiers.push({ name: source.label.en, count: own.length, target: kept > 0 && target ? target.id : notesTier.id, kept, asNotes });
  }
  return { drafts, tiers, notes };
}
