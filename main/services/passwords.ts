import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * Argon2id (RFC 9106) with 64 MiB of memory, 16 passes, one lane: about 300 ms per check on the
 * two-core reference machine when idle (`npm run bench -- sign-in`: median 317 ms; 8 passes took
 * 170 ms there), well above OWASP's minimum (19 MiB, 2 passes). One lane and 64 MiB keep a few
 * sign-ins at once from starving a recording of memory or cores. The parameters are written into
 * each hash (PHC string), so raising them later still verifies the hashes made before.
 */
export const passwordHashing = {
  // Algorithm.Argon2id: the binding's enum is a const enum, which isolated modules cannot read.
  algorithm: 2 as Algorithm,
  memoryCost: 64 * 1024,
  timeCost: 16,
  parallelism: 1,
} as const;

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, passwordHashing);
}

export async function verifySecret(stored: string, secret: string): Promise<boolean> {
  try {
    return await verify(stored, secret);
  } catch {
    return false;
  }
}

/**
 * A hash of a secret nobody knows: checked when the username is unknown or disabled, so that
 * the answer takes as long as for a real account and does not tell which usernames exist.
 */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashSecret(randomBytes(32).toString('hex'));
  return decoy;
}
