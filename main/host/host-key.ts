import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassphraseKeyFile } from '../services/keys/passphrase-key-file';
import { makePrivateDir, openPrivateFile } from '../services/storage/private-files';

/**
 * The web host's signing key: a passphrase-protected key file. The passphrase comes from
 * HEARING_ROOM_KEY_PASSPHRASE; without it (development), one is made once and kept beside the key
 * with owner-only permissions, and the host says so, since that protects no better than the file.
 */
export function openHostKey(dataDir: string): PassphraseKeyFile {
  const fromEnv = process.env.HEARING_ROOM_KEY_PASSPHRASE;
  if (fromEnv) return PassphraseKeyFile.open(dataDir, fromEnv);
  const dir = join(dataDir, 'keys');
  const file = join(dir, 'development-passphrase');
  if (!existsSync(file)) {
    makePrivateDir(dir);
    const fd = openPrivateFile(file, 'wx');
    try {
      writeFileSync(fd, randomBytes(32).toString('base64url'));
    } finally {
      closeSync(fd);
    }
  }
  console.warn(
    `HEARING_ROOM_KEY_PASSPHRASE is not set: the signing key's passphrase is kept in ${file}. Set it for any real use.`,
  );
  return PassphraseKeyFile.open(dataDir, readFileSync(file, 'utf8').trim());
}
