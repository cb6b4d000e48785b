import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  generateKeyPairSync,
  randomBytes,
  scryptSync,
  type KeyObject,
} from 'node:crypto';
import { join } from 'node:path';
import { Ed25519Key } from './ed25519-key';
import { damaged, keysDir, readKeyFile, writeKeyFileOnce } from './key-file';
import { KeyStoreError, keyFingerprint } from './key-store';

const format = 'hearing-room-key/1';
export const minimumPassphraseLength = 8;
/** scrypt at the cost OWASP recommends (128 MiB, about a third of a second): slow to guess. */
const defaultCost = { N: 2 ** 17, r: 8, p: 1 };
const maxCostN = 2 ** 20;

interface PassphraseKeyFileJson {
  format: typeof format;
  algorithm: 'Ed25519';
  publicKey: string;
  fingerprint: string;
  protection: {
    kdf: 'scrypt';
    N: number;
    r: number;
    p: number;
    salt: string;
    cipher: 'aes-256-gcm';
    iv: string;
    tag: string;
  };
  /** The PKCS#8 DER private key, encrypted. */
  privateKey: string;
}

/**
 * The signing key for the web host and tests: an Ed25519 private key (PKCS#8), encrypted with
 * AES-256-GCM under a key derived from a passphrase with scrypt. GCM's tag tells a wrong
 * passphrase apart from a right one with certainty, and the public key, kept in clear beside it
 * for the fingerprint, is bound to it as associated data.
 */
export class PassphraseKeyFile extends Ed25519Key {
  static readonly fileName = 'installation-key.json';

  /** Opens the installation's key in `<dataDir>/keys/`, creating it on first use. */
  static open(dataDir: string, passphrase: string): PassphraseKeyFile {
    const file = join(keysDir(dataDir), PassphraseKeyFile.fileName);
    const existing = readKeyFile(file);
    if (existing !== null) return PassphraseKeyFile.unlock(file, existing, passphrase);
    if (passphrase.length < minimumPassphraseLength) {
      throw new KeyStoreError(
        'weak_passphrase',
        `The passphrase that protects the signing key must have at least ${minimumPassphraseLength} characters.`,
      );
    }
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    if (!writeKeyFileOnce(file, JSON.stringify(seal(privateKey, publicKey, passphrase), null, 2))) {
      // Another process created the key between our read and our write: use that one.
      return PassphraseKeyFile.unlock(file, readKeyFile(file), passphrase);
    }
    return new PassphraseKeyFile(privateKey, publicKey, file);
  }

  private static unlock(file: string, json: unknown, passphrase: string): PassphraseKeyFile {
    const k = json as Partial<PassphraseKeyFileJson> | null;
    const p = k?.protection;
    if (
      k?.format !== format ||
      !p ||
      p.kdf !== 'scrypt' ||
      p.cipher !== 'aes-256-gcm' ||
      typeof k.privateKey !== 'string'
    ) {
      throw damaged(file, `it is not a ${format} key file`);
    }
    if (
      !Number.isInteger(p.N) ||
      p.N < 2 ||
      p.N > maxCostN ||
      !Number.isInteger(p.r) ||
      !Number.isInteger(p.p)
    ) {
      throw damaged(file, 'its key derivation settings are out of range');
    }
    const aad = Buffer.from(`${format}\n${k.publicKey}`, 'utf8');
    const key = deriveKey(passphrase, Buffer.from(p.salt, 'base64'), p);
    let der: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(p.iv, 'base64'));
      decipher.setAAD(aad);
      decipher.setAuthTag(Buffer.from(p.tag, 'base64'));
      der = Buffer.concat([decipher.update(Buffer.from(k.privateKey, 'base64')), decipher.final()]);
    } catch {
      throw new KeyStoreError(
        'wrong_passphrase',
        `The passphrase does not unlock the signing key in ${file}. Type it again; if it is lost, seals can no longer be made with this key.`,
      );
    }
    const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    const publicKey = Ed25519Key.publicKeyOf(privateKey, k.fingerprint, file);
    return new PassphraseKeyFile(privateKey, publicKey, file);
  }
}

function deriveKey(
  passphrase: string,
  salt: Buffer,
  cost: { N: number; r: number; p: number },
): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, {
    ...cost,
    maxmem: 256 * cost.N * cost.r + 1024 * 1024,
  });
}

function seal(
  privateKey: KeyObject,
  publicKey: KeyObject,
  passphrase: string,
): PassphraseKeyFileJson {
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt, defaultCost), iv);
  cipher.setAAD(Buffer.from(`${format}\n${publicPem}`, 'utf8'));
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  const encrypted = Buffer.concat([cipher.update(der), cipher.final()]);
  return {
    format,
    algorithm: 'Ed25519',
    publicKey: publicPem,
    fingerprint: keyFingerprint(publicKey),
    protection: {
      kdf: 'scrypt',
      ...defaultCost,
      salt: salt.toString('base64'),
      cipher: 'aes-256-gcm',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    },
    privateKey: encrypted.toString('base64'),
  };
}
