import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { Ed25519Key } from './ed25519-key';
import { damaged, keysDir, readKeyFile, writeKeyFileOnce } from './key-file';
import { KeyStoreError, keyFingerprint } from './key-store';

/**
 * The operating system's secret storage, as Electron's safeStorage offers it: the Electron glue
 * passes safeStorage in, tests pass a fake. `backend()` names what protects the secret (on Linux,
 * safeStorage.getSelectedStorageBackend(); elsewhere the glue names the platform's store).
 */
export interface SecretWrapper {
  isAvailable(): boolean;
  backend(): string;
  encrypt(plain: Uint8Array): Uint8Array;
  decrypt(wrapped: Uint8Array): Uint8Array;
}

/** Linux's fallback when no keyring runs: a fixed key compiled into Chromium, i.e. no protection. */
export const plainTextBackend = 'basic_text';

const format = 'hearing-room-wrapped-key/1';

interface WrappedKeyFileJson {
  format: typeof format;
  algorithm: 'Ed25519';
  publicKey: string;
  fingerprint: string;
  wrappedBy: string;
  /** The PKCS#8 DER private key, as the secret storage encrypted it. */
  privateKey: string;
}

/**
 * The signing key in the desktop app: an Ed25519 private key wrapped by the operating system's
 * secret storage (Keychain, DPAPI, libsecret, KWallet). Refuses to run on a storage that protects
 * nothing, rather than leaving the key readable to anyone who copies the data folder.
 */
export class WrappedKeyFile extends Ed25519Key {
  static readonly fileName = 'installation-key.wrapped.json';

  static open(dataDir: string, wrapper: SecretWrapper): WrappedKeyFile {
    requireProtection(wrapper);
    const file = join(keysDir(dataDir), WrappedKeyFile.fileName);
    const existing = readKeyFile(file);
    if (existing !== null) return WrappedKeyFile.unwrap(file, existing, wrapper);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const der = privateKey.export({ type: 'pkcs8', format: 'der' });
    const json: WrappedKeyFileJson = {
      format,
      algorithm: 'Ed25519',
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      fingerprint: keyFingerprint(publicKey),
      wrappedBy: wrapper.backend(),
      privateKey: Buffer.from(wrapper.encrypt(new Uint8Array(der))).toString('base64'),
    };
    if (!writeKeyFileOnce(file, JSON.stringify(json, null, 2))) {
      return WrappedKeyFile.unwrap(file, readKeyFile(file), wrapper);
    }
    return new WrappedKeyFile(privateKey, publicKey, file);
  }

  private static unwrap(file: string, json: unknown, wrapper: SecretWrapper): WrappedKeyFile {
    const k = json as Partial<WrappedKeyFileJson> | null;
    if (k?.format !== format || typeof k.privateKey !== 'string')
      throw damaged(file, `it is not a ${format} key file`);
    let privateKey: KeyObject;
    try {
      const der = wrapper.decrypt(new Uint8Array(Buffer.from(k.privateKey, 'base64')));
      privateKey = createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
    } catch {
      throw new KeyStoreError(
        'secret_storage_failed',
        `The operating system's secret storage (${wrapper.backend()}) cannot unlock the signing key in ${file}; it was protected by ${String(k.wrappedBy)}. Sign in as the user who installed Hearing Room, with the same keyring unlocked.`,
      );
    }
    const publicKey = Ed25519Key.publicKeyOf(privateKey, k.fingerprint, file);
    return new WrappedKeyFile(privateKey, publicKey, file);
  }
}

function requireProtection(wrapper: SecretWrapper): void {
  if (!wrapper.isAvailable()) {
    throw new KeyStoreError(
      'secret_storage_unavailable',
      "The operating system's secret storage is not available, so the signing key cannot be protected. On Linux, install and unlock a keyring (GNOME Keyring or KWallet), then start Hearing Room again.",
    );
  }
  if (wrapper.backend() === plainTextBackend) {
    throw new KeyStoreError(
      'secret_storage_plain_text',
      "The operating system offers only plain-text secret storage (Linux 'basic_text'): the signing key would be readable by anyone who copies the data folder. Install and unlock GNOME Keyring or KWallet, then start Hearing Room again.",
    );
  }
}
