import { z } from 'zod';
import { isoDate } from '../api/schemas';

/**
 * A coding scheme is versioned data, like the rule set: the tiers a psychologist codes on, each
 * with its controlled vocabulary and a key per code. The engines that read it (annotations,
 * figures, EAF, CSV) do not change when a scheme does; an addendum or an export names the
 * scheme's id and version.
 */

/** The languages every label of a scheme is written in, as the application speaks them. */
export const schemeLanguages = ['en', 'nl', 'fr', 'de'] as const;
export type SchemeLanguage = (typeof schemeLanguages)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

export const localized = z
  .object({ en: text(200), nl: text(200), fr: text(200), de: text(200) })
  .strict();
export type Localized = z.infer<typeof localized>;

/** Longer texts (definitions shown as tooltips) in the four languages. */
export const localizedDescription = z
  .object({ en: text(2000), nl: text(2000), fr: text(2000), de: text(2000) })
  .strict();
export type LocalizedDescription = z.infer<typeof localizedDescription>;

/**
 * Keys the review view keeps for the player (Space, J/K/L; Enter ends the open interval), so a
 * scheme may not take them. A key is one lower-case letter or digit: it must be typed the same
 * way on the Belgian AZERTY, Dutch and German keyboards the application meets.
 */
export const reservedKeys: readonly string[] = [' ', 'j', 'k', 'l'];
export const codingKey = z
  .string()
  .regex(/^[a-z0-9]$/, { message: 'must be one lower-case letter or digit' })
  .refine((k) => !reservedKeys.includes(k), { message: 'is kept for the player' });

export const vocabularyEntry = z
  .object({
    /** Stable identifier of the code; what an annotation, an EAF CVE_ID and the CSV carry. */
    code: text(200),
    label: localized,
    /** The definition a coder checks while coding (a tooltip in the coding panel). */
    description: localizedDescription.optional(),
    /** The key that codes it while the video plays; null where none is assigned (imported vocabularies). */
    key: codingKey.nullable(),
  })
  .strict();
export type VocabularyEntry = z.infer<typeof vocabularyEntry>;

/** `interval`: a start and an end; `point`: a moment (end = start). */
export const tierKinds = ['interval', 'point'] as const;
export type TierKind = (typeof tierKinds)[number];

export const schemeTier = z
  .object({
    id: text(200),
    kind: z.enum(tierKinds),
    label: localized,
    description: localizedDescription.optional(),
    /** The controlled vocabulary; null for a free-text tier. */
    vocabulary: z.array(vocabularyEntry).nullable(),
  })
  .strict();
export type SchemeTier = z.infer<typeof schemeTier>;

/**
 * Which tiers the quality figures read, and which prompt codes count as open. Data, not code,
 * because the definition of an open prompt is a choice of the literature the scheme follows.
 */
export const figuresConfig = z
  .object({
    phaseTierId: text(200),
    promptTierId: text(200),
    responseTierId: text(200),
    openPromptCodes: z.array(text(200)).min(1),
    /** Phases where the interview is about the facts: the open share is also given for them. */
    substantivePhaseCodes: z.array(text(200)),
    /** Where the definition of an open prompt comes from. */
    basis: text(2000),
  })
  .strict();
export type FiguresConfig = z.infer<typeof figuresConfig>;

export const codingScheme = z
  .object({
    id: text(200),
    /** Semantic version: the minor for a changed label or key, the major for a changed meaning. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/, { message: 'must be a version such as 1.0.0' }),
    /** The first hearing day the scheme is offered for (YYYY-MM-DD). */
    validFrom: isoDate,
    /** Where the categories and their definitions come from, in words a reviewer can check. */
    basis: z.array(text(2000)).min(1),
    tiers: z.array(schemeTier).min(1),
    figures: figuresConfig.nullable(),
  })
  .strict()
  .superRefine((scheme, ctx) => {
    const tierIds = new Set<string>();
    const keys = new Map<string, string>();
    scheme.tiers.forEach((tier, t) => {
      if (tierIds.has(tier.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', t, 'id'],
          message: `tier ${tier.id} appears twice`,
        });
      }
      tierIds.add(tier.id);
      const codes = new Set<string>();
      tier.vocabulary?.forEach((entry, e) => {
        const path = ['tiers', t, 'vocabulary', e];
        if (codes.has(entry.code)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'code'],
            message: `code ${entry.code} appears twice in tier ${tier.id}`,
          });
        }
        codes.add(entry.code);
        if (entry.key === null) return;
        const other = keys.get(entry.key);
        if (other !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'key'],
            message: `key ${entry.key} is already used by ${other}`,
          });
        }
        keys.set(entry.key, `${tier.id}/${entry.code}`);
      });
    });
    const figures = scheme.figures;
    if (figures === null) return;
    const vocabularyOf = (tierId: string, field: string) => {
      const tier = scheme.tiers.find((candidate) => candidate.id === tierId);
      if (tier?.vocabulary) return tier.vocabulary;
      ctx.addIssue({
        code: 'custom',
        path: ['figures', field],
        message: `tier ${tierId} is not a coded tier of the scheme`,
      });
      return null;
    };
    vocabularyOf(figures.responseTierId, 'responseTierId');
    const check = (tierId: string, field: string, codes: readonly string[], listField: string) => {
      const vocabulary = vocabularyOf(tierId, field);
      if (vocabulary === null) return;
      for (const code of codes) {
        if (!vocabulary.some((entry) => entry.code === code)) {
          ctx.addIssue({
            code: 'custom',
            path: ['figures', listField],
            message: `code ${code} is not in tier ${tierId}`,
          });
        }
      }
    };
    check(figures.promptTierId, 'promptTierId', figures.openPromptCodes, 'openPromptCodes');
    check(
      figures.phaseTierId,
      'phaseTierId',
      figures.substantivePhaseCodes,
      'substantivePhaseCodes',
    );
  });
export type CodingScheme = z.infer<typeof codingScheme>;

export function tierOf(scheme: CodingScheme, tierId: string): SchemeTier | undefined {
  return scheme.tiers.find((tier) => tier.id === tierId);
}

export function entryOf(tier: SchemeTier, code: string): VocabularyEntry | undefined {
  return tier.vocabulary?.find((entry) => entry.code === code);
}

/** The tier and entry a key codes, if the scheme gives the key to one. */
export function entryForKey(
  scheme: CodingScheme,
  key: string,
): { tier: SchemeTier; entry: VocabularyEntry } | undefined {
  const wanted = key.toLowerCase();
  for (const tier of scheme.tiers) {
    const entry = tier.vocabulary?.find((candidate) => candidate.key === wanted);
    if (entry) return { tier, entry };
  }
  return undefined;
}
