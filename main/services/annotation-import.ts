import { randomUUID } from 'node:crypto';
import type { CallerContext } from '../../shared/api/caller';
import type { CallOutput, ParsedInput } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { EafImportError, importEaf } from '../../shared/coding/eaf-import';
import { planImport } from '../../shared/coding/eaf-plan';
import type { AnnotationService } from './annotations';

/** More than any hearing is coded with; a file beyond it is refused whole, never cut. */
export const maxImportedAnnotations = 20_000;

/**
 * An ELAN file imported into a hearing: the page sends the file's text, and main parses it (the
 * page is not trusted to have read it), plans where each annotation goes in the scheme
 * (shared/coding/eaf-plan.ts) and, when asked, adds them all as the caller's own, with the tiers
 * the scheme lacks as tiers of the hearing (before the seal), or none.
 */
export function importAnnotations(
  annotations: AnnotationService,
  input: ParsedInput<'annotations.import'>,
  ctx: CallerContext,
): CallOutput<'annotations.import'> {
  let imported;
  try {
    imported = importEaf(input.xml, {
      by: { userId: ctx.userId, displayName: ctx.displayName },
      now: new Date().toISOString(),
      newId: randomUUID,
    });
  } catch (err) {
    if (err instanceof EafImportError) {
      throw new ApiError('invalid_input', `${input.fileName} cannot be read as an ELAN file: ${err.message} Choose an .eaf file written by ELAN.`, {
        details: { reason: 'eaf_unreadable' },
      });
    }
    throw err;
  }
  // The hearing's own scheme, with the tiers earlier imports added: a file exported from it comes back to the same tiers.
  const sealed = annotations.isSealed(input.hearingId);
  const plan = planImport(imported, annotations.schemeFor(input.hearingId), 'notes', {
    newTiers: !sealed,
    whyNoNewTiers: 'the hearing is sealed, and no tier is added to a sealed hearing; its annotations are entered as notes, kept as a signed addendum',
  });
  if (plan.drafts.length > maxImportedAnnotations) {
    throw new ApiError(
      'invalid_input',
      `${input.fileName} holds ${plan.drafts.length} annotations, more than the ${maxImportedAnnotations} one import takes. Split it in ELAN.`,
      { details: { reason: 'eaf_too_many' } },
    );
  }
  return {
    fileName: input.fileName,
    tiers: plan.tiers,
    notes: plan.notes,
    count: plan.drafts.length,
    newTiers: plan.newTiers,
    annotations: input.apply ? annotations.addAll(input.hearingId, plan.drafts, ctx, plan.newTiers) : null,
  };
}
