import { z } from 'zod';
import { isoDate } from '../api/schemas';
import { hearingStatus, hearingSummary } from './hearing';

/**
 * The hearing list's search, filters, sort and page (the magistrate's desk). Every field is
 * optional: `{}` lists the first page, newest hearing date first. Main applies the access first
 * and searches only what the caller may see (see main/services/hearing-search.ts).
 */
export const hearingSorts = ['date', 'caseReference', 'status'] as const;
export type HearingSort = (typeof hearingSorts)[number];
export const sortDirections = ['asc', 'desc'] as const;
export type SortDirection = (typeof sortDirections)[number];

/** The most hearings one page carries; a larger page is refused, not cut. */
export const maxPageSize = 100;
export const defaultPageSize = 20;

export const hearingQuery = z
  .object({
    /**
     * Words, each to be found (without regard to case or accents) in the case reference, the
     * order's reference, the magistrate of the order, an interviewer's name or, only on hearings
     * whose team the caller is on, the name of the person heard.
     */
    text: z.string().trim().max(200, { message: 'must be at most 200 characters' }).optional(),
    /** First and last hearing date (Brussels calendar days, both included). */
    from: isoDate.optional(),
    to: isoDate.optional(),
    status: hearingStatus.optional(),
    sealed: z.boolean().optional(),
    /** Part of the name of the magistrate of the order. */
    magistrate: z.string().trim().max(200, { message: 'must be at most 200 characters' }).optional(),
    sort: z.enum(hearingSorts).optional(),
    direction: z.enum(sortDirections).optional(),
    /** From 1. A page after the last is empty, with the total still given. */
    page: z.number().int().min(1).max(1_000_000).optional(),
    pageSize: z
      .number()
      .int()
      .min(1)
      .max(maxPageSize, { message: `must be at most ${maxPageSize}` })
      .optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'the first date must not be after the last date',
    path: ['to'],
  });
export type HearingQuery = z.infer<typeof hearingQuery>;

/** One row of the list: the summary, the order's reference and magistrate, and how the caller stands to it. */
export const hearingListItem = hearingSummary.extend({
  orderReference: z.string().nullable(),
  magistrateName: z.string().nullable(),
  /** `team`: the caller is on its team; `reason`: opened through an access for a reason. */
  access: z.enum(['team', 'reason']),
});
export type HearingListItem = z.infer<typeof hearingListItem>;

export const hearingPage = z.object({
  items: z.array(hearingListItem),
  /** How many hearings match, over every page. */
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  pageCount: z.number().int().nonnegative(),
});
export type HearingPage = z.infer<typeof hearingPage>;
