import type { AnnotationDraft } from './annotations';
import type { EafImport, ImportNote } from './eaf-import';
import { eafStereotypes, importedTier, importedTierPrefix, maxImportedTiers, type ImportedTier } from './imported-tiers';
import { schemeLanguages, type CodingScheme, type SchemeTier, type VocabularyEntry } from './scheme';

/**
 * How an imported EAF (importEaf) enters a hearing coded under the application's scheme: the
 * imported annotations become the importer's own annotations on the scheme's tiers. A tier of
 * the file goes to the scheme tier with the same id or label, or, for a coded tier, to the scheme
 * tier whose vocabulary holds every code it uses (matched by code or by a label in any of the
 * four languages, so "Invitation" in ELAN's NICHD vocabulary is the scheme's `invitation`).
 * A tier of the file that matches none of the scheme's tiers (a transcript tier, a gloss, a
 * dependent tier) becomes a tier of its own for the hearing (imported-tiers.ts): its name, its
 * vocabulary, its parent and stereotype as the file has them, its annotations with their times.
 * What still has no place (a code a scheme tier does not know; a new tier after the seal; a tier
 * that cannot be kept as written) is kept as a note on the scheme's notes tier, at its start,
 * with its tier's name, its value and its end written in the text, and listed as `changed`:
 * nothing is dropped unsaid.
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
  /** True when the tier is new: kept as an imported tier of the hearing (`target` is its id). */
  created: boolean;
}

export interface ImportPlan {
  drafts: AnnotationDraft[];
  tiers: PlannedTier[];
  notes: ImportNote[];
  /** The tiers the import adds to the hearing, parents before their children. */
  newTiers: ImportedTier[];
}

export interface PlanOptions {
  /** Whether tiers of the file the scheme lacks may be added to the hearing (not after the seal). */
  newTiers: boolean;
  /** Why not, when they may not: said in the note that lists them. */
  whyNoNewTiers?: string;
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

/** The tier as the hearing keeps it, or why it cannot be kept as written. */
function newTierFrom(source: SchemeTier, id: string, name: string, parentId: string | null, stereotype: string | null): ImportedTier | string {
  const known = eafStereotypes.find((s) => s === stereotype) ?? null;
  const parsed = importedTier.safeParse({
    tier: { ...source, id, vocabulary: source.vocabulary?.map((e) => ({ ...e, key: null })) ?? null },
    name: name.slice(0, 200),
    parentId: known === null ? null : parentId,
    stereotype: parentId === null ? null : known,
  });
  if (parsed.success) return parsed.data;
  return parsed.error.issues.map((i) => `${i.path.join('.') || 'tier'} ${i.message}`).join('; ');
}

export function planImport(imported: EafImport, scheme: CodingScheme, notesTierId = 'notes', options: PlanOptions = { newTiers: true }): ImportPlan {
  const notesTier = scheme.tiers.find((t) => t.id === notesTierId && t.vocabulary === null);
  if (!notesTier) throw new Error(`The scheme ${scheme.id} has no free-text tier ${notesTierId} for what has no other place.`);
  const drafts: AnnotationDraft[] = [];
  const tiers: PlannedTier[] = [];
  const notes: ImportNote[] = [...imported.notes];
  const newTiers: ImportedTier[] = [];
  /** Where each tier of the file went in the hearing, for the parents of dependent tiers. */
  const placed = new Map<string, string>();
  const takenIds = new Set(scheme.tiers.map((t) => t.id));

  // Parents before their children, so a dependent tier finds where its parent went.
  const sources: SchemeTier[] = [];
  const visit = (tier: SchemeTier, path: Set<string>) => {
    if (sources.includes(tier)) return;
    const parentId = imported.dependencies[tier.id]?.parent ?? null;
    const parent = imported.scheme.tiers.find((t) => t.id === parentId);
    if (parent && !path.has(parent.id)) visit(parent, new Set([...path, tier.id]));
    sources.push(tier);
  };
  for (const tier of imported.scheme.tiers) visit(tier, new Set([tier.id]));

  for (const source of sources) {
    const own = imported.annotations.filter((a) => a.tierId === source.id);
    const entryOf = (code: string) => source.vocabulary?.find((e) => e.code === code);
    const sourceNames = tierNames(source);
    const usedCodes = [...new Set(own.flatMap((a) => (a.code === null ? [] : [a.code])))];
    const target =
      scheme.tiers.find((t) => [...tierNames(t)].some((n) => sourceNames.has(n))) ??
      (usedCodes.length > 0
        ? scheme.tiers.find((t) => t.vocabulary !== null && usedCodes.every((c) => matchEntry(t, entryOf(c), c)))
        : undefined);

    if (!target) {
      const dependency = imported.dependencies[source.id] ?? { parent: null, stereotype: null };
      const parentId = dependency.parent === null ? null : (placed.get(dependency.parent) ?? null);
      let refused: string | null = null;
      if (!options.newTiers) refused = options.whyNoNewTiers ?? 'new tiers cannot be added';
      else if (newTiers.length + (scheme.tiers.filter((t) => t.id.startsWith(importedTierPrefix)).length) >= maxImportedTiers)
        refused = `the hearing already has ${maxImportedTiers} imported tiers`;
      let created: ImportedTier | null = null;
      if (refused === null) {
        const base = source.id.startsWith(importedTierPrefix) ? source.id : `${importedTierPrefix}${source.id}`;
        let id = base.slice(0, 200);
        for (let n = 2; takenIds.has(id); n++) id = `${base.slice(0, 190)} (${n})`;
        const made = newTierFrom(source, id, source.id.startsWith(importedTierPrefix) ? source.label.en : source.id, parentId, dependency.stereotype);
        if (typeof made === 'string') refused = `it cannot be kept as written (${made})`;
        else created = made;
      }
      if (created) {
        takenIds.add(created.tier.id);
        newTiers.push(created);
        placed.set(source.id, created.tier.id);
        for (const a of own) {
          drafts.push({ tierId: created.tier.id, code: a.code, text: a.text, startMs: a.startMs, endMs: created.tier.kind === 'point' ? a.startMs : a.endMs });
        }
        if (dependency.parent !== null && created.parentId === null) {
          notes.push({
            level: 'changed',
            subject: `tier ${source.label.en}`,
            message: `It depends on tier ${dependency.parent} (${dependency.stereotype ?? 'no stereotype'}) in the file; kept as an independent tier with the times ELAN shows for its annotations.`,
          });
        }
        tiers.push({ name: source.label.en, count: own.length, target: created.tier.id, kept: own.length, asNotes: 0, created: true });
        continue;
      }
      if (own.length > 0) {
        notes.push({
          level: 'changed',
          subject: `tier ${source.label.en}`,
          message: `It is not a tier of the scheme and is not added as a tier of the hearing: ${refused}.`,
        });
      }
    } else {
      placed.set(source.id, target.id);
    }

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
    tiers.push({ name: source.label.en, count: own.length, target: kept > 0 && target ? target.id : notesTier.id, kept, asNotes, created: false });
  }
  return { drafts, tiers, notes, newTiers };
}
