import { z } from 'zod';
import { schemeTier, type CodingScheme, type SchemeTier } from './scheme';

/**
 * A tier read from an ELAN file that the coding scheme does not have (a transcript, a gloss, a
 * tier of another coding system): kept for its hearing as a tier of its own, with its name and
 * controlled vocabulary as the file has them, and, for a dependent tier, its parent and ELAN
 * stereotype. Its annotations carry the times ELAN shows for them. It has no coding keys: it is
 * read and exported, not coded with the keyboard.
 */

/** The prefix of an imported tier's id, so it never takes the id of a scheme tier. */
export const importedTierPrefix = 'eaf:';

/** More tiers than any ELAN file of a hearing holds; beyond it, a tier's annotations become notes. */
export const maxImportedTiers = 100;
/** More codes than an ELAN vocabulary of an interview holds. */
export const maxImportedVocabulary = 1000;

export const eafStereotypes = [
  'Time_Subdivision',
  'Symbolic_Subdivision',
  'Symbolic_Association',
  'Included_In',
] as const;

export const importedTier = z
  .object({
    tier: schemeTier,
    /** The TIER_ID in the file it came from. */
    name: z.string().min(1).max(200),
    /** The id of the tier it depends on in the file (an imported or a scheme tier); null when independent. */
    parentId: z.string().min(1).max(200).nullable(),
    /** ELAN's constraint of a dependent tier, as the file names it. */
    stereotype: z.enum(eafStereotypes).nullable(),
  })
  .strict()
  .refine((t) => t.tier.id.startsWith(importedTierPrefix), {
    message: `an imported tier's id starts with ${importedTierPrefix}`,
  })
  .refine((t) => (t.tier.vocabulary ?? []).every((e) => e.key === null), {
    message: 'an imported tier has no coding keys',
  })
  .refine((t) => (t.tier.vocabulary ?? []).length <= maxImportedVocabulary, {
    message: `an imported vocabulary has at most ${maxImportedVocabulary} codes`,
  });
export type ImportedTier = z.infer<typeof importedTier>;

/** The scheme a hearing is coded under: the application's, then the tiers imported for it. */
export function withImportedTiers(scheme: CodingScheme, tiers: readonly ImportedTier[]): CodingScheme {
  if (tiers.length === 0) return scheme;
  const own = new Set(scheme.tiers.map((t) => t.id));
  const extra: SchemeTier[] = tiers.filter((t) => !own.has(t.tier.id)).map((t) => t.tier);
  return { ...scheme, tiers: [...scheme.tiers, ...extra] };
}

export function isImportedTierId(tierId: string): boolean {
  return tierId.startsWith(importedTierPrefix);
}
