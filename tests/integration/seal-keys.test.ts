import assert from 'node:assert/strict';
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPublicKey,
  randomBytes,
  verify,
} from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { groupFingerprint, KeyStoreError } from '../../main/services/keys/key-store';
import { PassphraseKeyFile } from '../../main/services/keys/passphrase-key-file';
import { WrappedKeyFile, type SecretWrapper } from '../../main/services/keys/wrapped-key-file';
import { tempDir } from '../helpers/temp';

const data = new TextEncoder().encode('manifest bytes');

function checkSignature(pem: string, signature: Uint8Array): boolean {
  return verify(null, data, createPublicKey(pem), signature);
}

/** Stands in for Electron's safeStorage: AES-GCM under a key only this object knows. */
function fakeWrapper(backend = 'gnome_libsecret', available = true): SecretWrapper {
  const key = randomBytes(32);
  return {
    isAvailable: () => available,
    backend: () => backend,
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(wrapped) {
      const b = Buffer.from(wrapped);
      const d = createDecipheriv('aes-256-gcm', key, b.subarray(0, 12));
      d.setAuthTag(b.subarray(12, 28));
      return Buffer.concat([d.update(b.subarray(28)), d.final()]);
    },
  };
}

describe('passphrase key file', () => {
  test('is created on first use, owner-only, and opens again to the same key', () => {
    const dataDir = tempDir();
    const first = PassphraseKeyFile.open(dataDir, 'a long passphrase');
    const file = join(dataDir, 'keys', PassphraseKeyFile.fileName);
    if (process.platform !== 'win32') assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.ok(
      !readFileSync(file, 'utf8').includes('PRIVATE KEY'),
      'the private key is never stored in clear',
    );
    const again = PassphraseKeyFile.open(dataDir, 'a long passphrase');
    assert.equal(again.fingerprint(), first.fingerprint());
    assert.equal(again.publicKeyPem(), first.publicKeyPem());
    const der = createPublicKey(first.publicKeyPem()).export({ type: 'spki', format: 'der' });
    assert.equal(first.fingerprint(), createHash('sha256').update(der).digest('hex'));
    assert.match(groupFingerprint(first.fingerprint()), /^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    const signature = again.sign(data);
    assert.equal(signature.byteLength, 64);
    assert.ok(checkSignature(first.publicKeyPem(), signature));
  });

  test('a wrong passphrase is refused with a clear error', () => {
    const dataDir = tempDir();
    PassphraseKeyFile.open(dataDir, 'a long passphrase');
    assert.throws(
      () => PassphraseKeyFile.open(dataDir, 'another passphrase'),
      (err: unknown) =>
        err instanceof KeyStoreError &&
        err.problem === 'wrong_passphrase' &&
        /passphrase does not unlock/.test(err.message),
    );
  });

  test('a short passphrase is refused when the key is created', () => {
    assert.throws(
      () => PassphraseKeyFile.open(tempDir(), 'short'),
      (err: unknown) => err instanceof KeyStoreError && err.problem === 'weak_passphrase',
    );
  });

  test('a swapped public key is noticed', () => {
    const dataDir = tempDir();
    PassphraseKeyFile.open(dataDir, 'a long passphrase');
    const other = PassphraseKeyFile.open(tempDir(), 'a long passphrase');
    const file = join(dataDir, 'keys', PassphraseKeyFile.fileName);
    const json = JSON.parse(readFileSync(file, 'utf8')) as {
      publicKey: string;
      fingerprint: string;
    };
    writeFileSync(
      file,
      JSON.stringify({
        ...json,
        publicKey: other.publicKeyPem(),
        fingerprint: other.fingerprint(),
      }),
    );
    // The public key is bound to the ciphertext, so the swap reads as a key that does not open.
    assert.throws(() => PassphraseKeyFile.open(dataDir, 'a long passphrase'), KeyStoreError);
  });

  test('a damaged key file is reported, never replaced', () => {
    const dataDir = tempDir();
    PassphraseKeyFile.open(dataDir, 'a long passphrase');
    const file = join(dataDir, 'keys', PassphraseKeyFile.fileName);
    writeFileSync(file, 'not json');
    assert.throws(
      () => PassphraseKeyFile.open(dataDir, 'a long passphrase'),
      (err: unknown) => err instanceof KeyStoreError && err.problem === 'damaged',
    );
    assert.equal(readFileSync(file, 'utf8'), 'not json');
  });
});

describe('wrapped key file', () => {
  test('is wrapped by the secret storage and opens again to the same key', () => {
    const dataDir = tempDir();
    const wrapper = fakeWrapper();
    const first = WrappedKeyFile.open(dataDir, wrapper);
    const file = join(dataDir, 'keys', WrappedKeyFile.fileName);
    if (process.platform !== 'win32') assert.equal(statSync(file).mode & 0o777, 0o600);
    const again = WrappedKeyFile.open(dataDir, wrapper);
    assert.equal(again.fingerprint(), first.fingerprint());
    assert.ok(checkSignature(first.publicKeyPem(), again.sign(data)));
  });

  test("Linux's plain-text backend is refused", () => {
    assert.throws(
      () => WrappedKeyFile.open(tempDir(), fakeWrapper('basic_text')),
      (err: unknown) =>
        err instanceof KeyStoreError &&
        err.problem === 'secret_storage_plain_text' &&
        /basic_text/.test(err.message),
    );
  });

  test('an unavailable secret storage is refused, even for an existing key', () => {
    const dataDir = tempDir();
    WrappedKeyFile.open(dataDir, fakeWrapper());
    assert.throws(
      () => WrappedKeyFile.open(dataDir, fakeWrapper('gnome_libsecret', false)),
      (err: unknown) =>
        err instanceof KeyStoreError && err.problem === 'secret_storage_unavailable',
    );
  });

  test('another keyring that cannot unwrap the key gives a clear error', () => {
    const dataDir = tempDir();
    WrappedKeyFile.open(dataDir, fakeWrapper());
    assert.throws(
      () => WrappedKeyFile.open(dataDir, fakeWrapper('kwallet5')),
      (err: unknown) =>
        err instanceof KeyStoreError &&
        err.problem === 'secret_storage_failed' &&
        /kwallet5/.test(err.message),
    );
  });
});
