import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import type { DataKey } from './data-key';
import { Ed25519Key } from './ed25519-key';
import { damaged, keysDir, readKeyFile, writeKeyFileOnce } from './key-file';
import { keyFingerprint } from './key-store';
import { PassphraseKeyFile } from './passphrase-key-file';
import { WrappedKeyFile } from './wrapped-key-file';

const format = 'hearing-room-signing-key/data-key/1';

interface FileJson {
  format: typeof format;
  publicKey: string;
  fingerprint: string;
  iv: string;
  tag: string;
  wrapped: string;
}

/** What the wrap is bound to: the file's format and the key's fingerprint, so no other key can be swapped in. */
const aadOf = (fingerprint: string) => Buffer.from(canonicalize({ format, fingerprint }) ?? '', 'utf8');

/**
 * The installation's signing key protected by the data key (docs/encryption.md): its private key
 * is encrypted with AES-256-GCM under a key derived from the data key, so it opens with any
 * account's password or the recovery key, like everything else, and a copy of the data folder
 * cannot sign. Made at the first unlock of an installation that has no signing key yet.
 */
export class DataKeySigningKey extends Ed25519Key {
  static readonly fileName = 'installation-key.data-key.json';

  /** True when the installation already has a signing key protected another way (an earlier version). */
  static hasOlderKey(dataDir: string): boolean {
    return [PassphraseKeyFile.fileName, WrappedKeyFile.fileName].some((n) => existsSync(join(keysDir(dataDir), n)));
  }

  static open(dataDir: string, dataKey: DataKey): DataKeySigningKey {
    const file = join(keysDir(dataDir), DataKeySigningKey.fileName);
    const existing = readKeyFile(file);
    if (existing !== null) return DataKeySigningKey.unwrap(file, existing, dataKey);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const fingerprint = keyFingerprint(publicKey);
    const der = privateKey.export({ type: 'pkcs8', format: 'der' });
    const w = dataKey.wrapSigningKey(der, aadOf(fingerprint));
    der.fill(0);
    const json: FileJson = {
      format,
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      fingerprint,
      iv: w.iv.toString('base64'),
      tag: w.tag.toString('base64'),
      wrapped: w.ciphertext.toString('base64'),
    };
    // Two starts racing: the key written first is the installation's.
    if (!writeKeyFileOnce(file, JSON.stringify(json, null, 2))) return DataKeySigningKey.open(dataDir, dataKey);
    return new DataKeySigningKey(privateKey, publicKey, file);
  }

  private static unwrap(file: string, json: unknown, dataKey: DataKey): DataKeySigningKey {
    const j = json as Partial<FileJson>;
    if (j.format !== format || typeof j.fingerprint !== 'string' || typeof j.iv !== 'string' || typeof j.tag !== 'string' || typeof j.wrapped !== 'string') {
      throw damaged(file, `it is not a ${format} file`);
    }
    const der = dataKey.unwrapSigningKey(
      { iv: Buffer.from(j.iv, 'base64'), tag: Buffer.from(j.tag, 'base64'), ciphertext: Buffer.from(j.wrapped, 'base64') },
      aadOf(j.fingerprint),
    );
    if (!der) throw damaged(file, "this installation's data key does not open it (it was changed, or it belongs to another installation)");
    const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    der.fill(0);
    return new DataKeySigningKey(privateKey, DataKeySigningKey.publicKeyOf(privateKey, j.fingerprint, file), file);
  }
}
