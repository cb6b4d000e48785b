import { z } from 'zod';
import { parseIsoDate } from '../domain/dates';

/** Identifiers are random UUIDs made in main. */
export const id = z.string().uuid({ message: 'must be an identifier' });

export const isoDate = z
  .string()
  .refine((v) => parseIsoDate(v) !== null, {
    message: 'must be a real calendar date written YYYY-MM-DD',
    params: { code: 'date_invalid' },
  });

export const nonEmptyText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'is required' })
    .max(max, { message: `must be at most ${max} characters` });

export const bytes = z.instanceof(Uint8Array, { message: 'must be binary data' });

/**
 * `administrator` manages accounts and the installation; it makes no call on hearing content.
 * The others are the people of a hearing.
 */
export const roles = [
  'administrator',
  'interviewer',
  'technician',
  'psychologist',
  'magistrate',
  'clerk',
] as const;
export const role = z.enum(roles);
export type Role = (typeof roles)[number];
