import { createHash, type KeyObject } from 'node:crypto';

/**
 * The installation's signing key. Seals are signed with it; anyone holding the public key (or
 * only its fingerprint, to compare) can check a seal without this application.
 */
export interface KeyStore {
  publicKeyPem(): string;
  /** SHA-256 of the public key's SPKI DER encoding, lowercase hex (see `groupFingerprint`). */
  fingerprint(): string;
  /** A raw Ed25519 signature (64 bytes) of `data`. */
  sign(data: Uint8Array): Uint8Array;
}

export type KeyStoreProblem =
  | 'wrong_passphrase'
  | 'weak_passphrase'
  | 'secret_storage_unavailable'
  | 'secret_storage_plain_text'
  | 'secret_storage_failed'
  | 'damaged'
  | 'wrong_password'
  | 'wrong_recovery_key'
  | 'not_a_recovery_key'
  | 'unknown_slot'
  | 'slot_exists'
  | 'last_password_slot'
  | 'machine_bound'
  | 'tampered'
  | 'already_created';

/** A key that cannot be created or unlocked; `problem` is stable, the message says what to do. */
export class KeyStoreError extends Error {
  constructor(
    readonly problem: KeyStoreProblem,
    message: string,
  ) {
    super(message);
    this.name = 'KeyStoreError';
  }
}

export function keyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/** `3f2a9c1d…` as `3f2a 9c1d …`: groups of four that a person can read aloud and compare. */
export function groupFingerprint(hex: string): string {
  return (hex.match(/.{1,4}/g) ?? []).join(' ');
}
