import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';

/** AES-256: the data key and every key derived from or wrapped by it are 32 bytes. */
export const keyLength = 32;
const ivLength = 12;
const tagLength = 16;

/**
 * What each derived key is for. A label is never reused for another purpose, so that a key
 * derived for one use can never decrypt what another use protected.
 */
const purposes = {
  database: 'hearing-room/database-key/1',
  fileKeyWrap: 'hearing-room/media-file-key-wrap/1',
  slotFileMac: 'hearing-room/key-slot-file-mac/1',
  signingKeyWrap: 'hearing-room/signing-key-wrap/1',
  auditDigest: 'hearing-room/audit-value-digest/1',
} as const;

/** A key wrapped with AES-256-GCM: what a key slot stores. */
export interface WrappedKey {
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/**
 * Per-file media keys: each file gets a fresh random key, stored beside the file wrapped by a key
 * derived from the data key. Changing a password re-wraps the data key only, so these never change.
 */
export interface FileKeys {
  /** A new random key for one file, and its wrapped form bound to `context` (which file it is). */
  create(context: Uint8Array): { key: KeyObject; wrapped: Uint8Array };
  /** The key a `create` returned, or null when `wrapped` or `context` is not what was created. */
  open(wrapped: Uint8Array, context: Uint8Array): KeyObject | null;
}

/** Length of a wrapped file key: IV, the encrypted key, the GCM tag. */
export const wrappedFileKeyLength = ivLength + keyLength + tagLength;

/**
 * The installation's data key, unlocked. It never leaves this object: other modules get only keys
 * derived from it for one purpose (HKDF-SHA256 with a purpose label), or have keys wrapped by it.
 */
export class DataKey {
  readonly #key: Buffer;

  private constructor(key: Buffer) {
    this.#key = key;
  }

  /** A new random data key, made once when the installation is first set up. */
  static generate(): DataKey {
    return new DataKey(randomBytes(keyLength));
  }

  /** Wraps the data key under `wrappingKey` (a slot's key), with `aad` bound to it. */
  wrap(wrappingKey: Uint8Array, aad: Uint8Array): WrappedKey {
    const iv = randomBytes(ivLength);
    const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
    cipher.setAAD(aad);
    const ciphertext = Buffer.concat([cipher.update(this.#key), cipher.final()]);
    return { iv, ciphertext, tag: cipher.getAuthTag() };
  }

  /** The data key a `wrap` made, or null when the wrapping key or `aad` is not the one it used. */
  static unwrap(wrappingKey: Uint8Array, aad: Uint8Array, wrapped: WrappedKey): DataKey | null {
    const key = decrypt(wrappingKey, aad, wrapped);
    return key && key.byteLength === keyLength ? new DataKey(key) : null;
  }

  /** The raw key SQLCipher opens the database with. */
  databaseKey(): Buffer {
    return this.derive(purposes.database);
  }

  /** An HMAC-SHA256 of `data` that only the data key can make: it seals the key slot file. */
  slotFileMac(data: Uint8Array): Buffer {
    return createHmac('sha256', this.derive(purposes.slotFileMac)).update(data).digest();
  }

  static sameMac(a: Uint8Array, b: Uint8Array): boolean {
    return a.byteLength === b.byteLength && timingSafeEqual(a, b);
  }

  /** The key of the audit log's value digests (HMAC-SHA256), see audit-projection.ts. */
  auditDigestKey(): Buffer {
    return this.derive(purposes.auditDigest);
  }

  /** Encrypts the installation's signing key (its PKCS#8 bytes) for its file, bound to `aad`. */
  wrapSigningKey(plain: Uint8Array, aad: Uint8Array): WrappedKey {
    const iv = randomBytes(ivLength);
    const cipher = createCipheriv('aes-256-gcm', this.derive(purposes.signingKeyWrap), iv);
    cipher.setAAD(aad);
    const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
    return { iv, ciphertext, tag: cipher.getAuthTag() };
  }

  /** The signing key `wrapSigningKey` encrypted, or null when this data key or `aad` is not the one it used. */
  unwrapSigningKey(wrapped: WrappedKey, aad: Uint8Array): Buffer | null {
    return decrypt(this.derive(purposes.signingKeyWrap), aad, wrapped);
  }

  fileKeys(): FileKeys {
    const wrappingKey = this.derive(purposes.fileKeyWrap);
    return {
      create(context) {
        const raw = randomBytes(keyLength);
        const iv = randomBytes(ivLength);
        const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
        cipher.setAAD(context);
        const ciphertext = Buffer.concat([cipher.update(raw), cipher.final()]);
        const wrapped = Buffer.concat([iv, ciphertext, cipher.getAuthTag()]);
        const key = createSecretKey(raw);
        raw.fill(0);
        return { key, wrapped: new Uint8Array(wrapped) };
      },
      open(wrapped, context) {
        if (wrapped.byteLength !== wrappedFileKeyLength) return null;
        const b = Buffer.from(wrapped);
        const raw = decrypt(wrappingKey, context, {
          iv: b.subarray(0, ivLength),
          ciphertext: b.subarray(ivLength, ivLength + keyLength),
          tag: b.subarray(ivLength + keyLength),
        });
        if (!raw) return null;
        const key = createSecretKey(raw);
        raw.fill(0);
        return key;
      },
    };
  }

  private derive(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.#key, Buffer.alloc(0), purpose, keyLength));
  }
}

function decrypt(key: Uint8Array, aad: Uint8Array, w: WrappedKey): Buffer | null {
  if (w.iv.byteLength !== ivLength || w.tag.byteLength !== tagLength) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, w.iv);
    decipher.setAAD(aad);
    decipher.setAuthTag(w.tag);
    return Buffer.concat([decipher.update(w.ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}
