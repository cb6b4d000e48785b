import { syncDir } from '../storage/sync-dir';
import { makePrivateDir, openPrivateFile } from '../storage/private-files';
import {
  closeSync,
  fsyncSync,
  linkSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { KeyStoreError } from './key-store';

/** Where an installation keeps its key files: `<dataDir>/keys/`. */
export function keysDir(dataDir: string): string {
  return join(dataDir, 'keys');
}

export function readKeyFile(file: string): unknown | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw damaged(file, 'it is not valid JSON');
  }
}

export function damaged(file: string, why: string): KeyStoreError {
  return new KeyStoreError(
    'damaged',
    `The signing key file ${file} cannot be read: ${why}. Restore it from the installation's backup; do not delete it, or the seals made with it can no longer be traced to this installation.`,
  );
}

/**
 * Writes a new key file readable only by its owner (mode 0600), durably and atomically, and never
 * over an existing one: a hard link fails if the name is taken, where a rename would replace it.
 * Returns false when another process created the file first.
 */
export function writeKeyFileOnce(file: string, text: string): boolean {
  const temp = writeTemp(file, text);
  try {
    linkSync(temp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkSync(temp);
  }
  syncDir(dirname(file));
  return true;
}

/**
 * Replaces a key file durably and atomically (mode 0600): a reader, or a crash, sees the old file
 * or the new one, never a part.
 */
export function replaceKeyFile(file: string, text: string): void {
  const temp = writeTemp(file, text);
  try {
    renameSync(temp, file);
  } catch (err) {
    unlinkSync(temp);
    throw err;
  }
  syncDir(dirname(file));
}

function writeTemp(file: string, text: string): string {
  makePrivateDir(dirname(file));
  const temp = `${file}.${randomBytes(6).toString('hex')}.partial`;
  const fd = openPrivateFile(temp, 'wx');
  try {
    const data = Buffer.from(text, 'utf8');
    let done = 0;
    while (done < data.byteLength) done += writeSync(fd, data, done, data.byteLength - done);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return temp;
}
