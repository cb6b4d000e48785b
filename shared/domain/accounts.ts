import { z } from 'zod';
import { id, nonEmptyText, role } from '../api/schemas';
import { minPasswordLength } from './password-policy';

/** A username: what a person types to sign in; compared without regard to case. */
export const username = z
  .string()
  .trim()
  .min(2, { message: 'must be at least 2 characters' })
  .max(64, { message: 'must be at most 64 characters' })
  .regex(/^[\p{L}\p{N}._@-]+$/u, { message: 'may hold only letters, digits and . _ @ -' });

/** A new password: long rather than complex (password-policy.ts). */
export { minPasswordLength };
export const newPassword = z
  .string()
  .min(minPasswordLength, { message: `must be at least ${minPasswordLength} characters` })
  .max(256, { message: 'must be at most 256 characters' });

/** A password as typed at sign-in: never checked for form, only against the stored hash. */
export const typedPassword = z.string().min(1, { message: 'is required' }).max(256);

export const account = z.object({
  id,
  displayName: z.string(),
  username: z.string(),
  role,
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof account>;

/** Who is signed in, as the renderer shows it. */
export const signedInUser = z.object({ id, displayName: z.string(), username: z.string(), role });
export type SignedInUser = z.infer<typeof signedInUser>;

export const newAccount = z
  .object({ displayName: nonEmptyText(200), username, role, password: newPassword })
  .strict();

/** One person of a hearing's team, and why they are on it. */
export const teamMember = z.object({
  userId: id,
  displayName: z.string(),
  role,
  /** `attendee`: present in the procedural record, linked to this account. */
  how: z.enum(['creator', 'assigned', 'attendee']),
});
export type TeamMember = z.infer<typeof teamMember>;

/** One line of a hearing's access history: who, in which role, did what, when. */
export const accessEntry = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  userId: z.string(),
  displayName: z.string(),
  role: z.string(),
  action: z.string(),
  /** For an access for a reason, the reason given; for a playback, the byte ranges read. */
  details: z.record(z.string(), z.unknown()),
});
export type AccessEntry = z.infer<typeof accessEntry>;

/** Installation settings the administrator sets. */
export const settings = z.object({
  /** Minutes without use after which the screen locks (the recording goes on). */
  lockAfterMinutes: z.number().int().min(1).max(240),
  /**
   * How many days in the past a hearing date may lie when it is entered (default 30); an older
   * date is refused as a mistake. Left out of settings.set, it stays as it is.
   */
  hearingDatePastDays: z.number().int().min(0).max(3650).optional(),
});
export type Settings = z.infer<typeof settings>;
