import { createPublicKey, sign, type KeyObject } from 'node:crypto';
import { damaged } from './key-file';
import { keyFingerprint, type KeyStore } from './key-store';

/**
 * An unlocked Ed25519 installation key, however its file protected it at rest (a passphrase, or
 * the operating system's secret storage).
 */
export class Ed25519Key implements KeyStore {
  protected constructor(
    private readonly privateKey: KeyObject,
    private readonly publicKey: KeyObject,
    readonly file: string,
  ) {}

  /** The public half of an unlocked private key, checked against the fingerprint its file records. */
  protected static publicKeyOf(
    privateKey: KeyObject,
    fingerprint: unknown,
    file: string,
  ): KeyObject {
    const publicKey = createPublicKey(privateKey);
    if (keyFingerprint(publicKey) !== fingerprint)
      throw damaged(file, 'its public key does not belong to its private key');
    return publicKey;
  }

  publicKeyPem(): string {
    return this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  fingerprint(): string {
    return keyFingerprint(this.publicKey);
  }

  sign(data: Uint8Array): Uint8Array {
    return new Uint8Array(sign(null, data, this.privateKey));
  }
}
