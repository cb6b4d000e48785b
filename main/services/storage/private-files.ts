import { chmodSync, closeSync, fchmodSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data folder holds recordings of children and what they said: only the account that runs
 * the app may open it. Modes are set explicitly, not left to the umask, which may be 022.
 */
export const privateDirMode = 0o700;
export const privateFileMode = 0o600;

/** Creates a folder and its missing parents that only the owner can open, or narrows an existing one. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: privateDirMode });
  chmodSync(dir, privateDirMode);
}

/** Opens a file as openSync does, and leaves it readable by its owner only. */
export function openPrivateFile(path: string, flags: string): number {
  const fd = openSync(path, flags, privateFileMode);
  try {
    fchmodSync(fd, privateFileMode);
  } catch (err) {
    closeSync(fd);
    throw err;
  }
  return fd;
}

/**
 * Narrows every folder and file below `root` (and `root` itself) to the owner, for a data folder
 * written by an earlier version or under a wider umask. Links are left alone: following one could
 * change a file outside the data folder.
 */
export function narrowTree(root: string): void {
  const stat = lstatSync(root);
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== privateDirMode) chmodSync(root, privateDirMode);
    for (const name of readdirSync(root)) narrowTree(join(root, name));
  } else if (stat.isFile() && (stat.mode & 0o777) !== privateFileMode) {
    chmodSync(root, privateFileMode);
  }
}
