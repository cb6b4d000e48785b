import { ApiError } from '../../shared/api/errors';

/** Marks an error that says the app could not be reached at all, as opposed to a refusal. */
export const unreachableReason = 'unreachable';

export function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && error.details?.reason === unreachableReason;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Repeats a call whose connection was lost. A lost connection leaves open whether the call ran:
 * when a repeat is refused, `ranBefore` may recognise that an earlier attempt did run (the answer
 * was lost, not the call) and give its result.
 */
export async function repeatIfUnreachable<T>(
  attempt: () => Promise<T>,
  options: {
    attempts?: number;
    delayMs?: number;
    ranBefore?: (refusal: unknown) => Promise<T | undefined>;
  } = {},
): Promise<T> {
  const attempts = options.attempts ?? 3;
  const delayMs = options.delayMs ?? 300;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n > 1 && !isUnreachable(error) && options.ranBefore) {
        const result = await options.ranBefore(error);
        if (result !== undefined) return result;
      }
      if (!isUnreachable(error) || n >= attempts) throw error;
      await pause(delayMs * n);
    }
  }
}
