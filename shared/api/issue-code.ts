import type { z } from 'zod';

/**
 * The stable code of a schema issue, one naming for main's dispatcher and the renderer's forms,
 * so a field checked while typing and a field refused by main read alike. `max` is the limit
 * of a text that is too long.
 */
export function issueCode(issue: z.core.$ZodIssue): { code: string; max?: number } {
  const params = (issue as { params?: { code?: unknown } }).params;
  if (typeof params?.code === 'string') return { code: params.code };
  if (issue.code === 'invalid_type' && issue.input === undefined) return { code: 'required' };
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) {
    return { code: 'required' };
  }
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return { code: 'too_long', max: Number(issue.maximum) };
  }
  return { code: issue.code };
}
