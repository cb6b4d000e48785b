import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Makes a new or renamed directory entry durable (a no-op where directories cannot be opened). */
export function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot fsync a directory; NTFS journals the entry itself.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
