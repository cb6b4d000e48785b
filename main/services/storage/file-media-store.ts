import {
  closeSync,
  createReadStream,
  fsyncSync,
  ftruncateSync,
  openSync,
  readSync,
  renameSync,
  statSync,
  statfsSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { syncDir } from './sync-dir';
import { makePrivateDir, narrowTree, openPrivateFile } from './private-files';
import { StorageFullError, type Appendable, type MediaStore, type Writable } from './media-store';

const safeName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

function check(part: string, what: string): string {
  if (!safeName.test(part) || part.includes('..')) throw new Error(`Invalid ${what}: ${JSON.stringify(part)}`);
  return part;
}

/** A hearing's folder under `<root>/hearings/`, refusing any id that could name another path. */
export function hearingDir(root: string, hearingId: string): string {
  return join(root, 'hearings', check(hearingId, 'hearing folder'));
}

export function mediaPath(root: string, hearingId: string, name: string): string {
  return join(hearingDir(root, hearingId), check(name, 'file name'));
}

/** The most kept in reserve; a small disk keeps an eighth of its free space. */
const maxReserveBytes = 16 * 1024 * 1024;

/**
 * Media as plain files, one folder per hearing under `<root>/hearings/`, every folder and file
 * the owner's only (private-files.ts).
 */
export class FileMediaStore implements MediaStore {
  private readonly reserve: string;

  constructor(private readonly root: string) {
    makePrivateDir(join(root, 'hearings'));
    narrowTree(join(root, 'hearings'));
    this.reserve = join(root, 'reserve.bin');
    this.keepReserve();
  }

  /**
   * Sets aside a little room on the volume (a file of zeros), given back the moment the disk
   * fills, so that the stop of a recording, its event and its audit entry can still be committed.
   */
  private keepReserve(): void {
    try {
      if (statSync(this.reserve).size > 0) return;
    } catch {
      // None yet.
    }
    const size = Math.min(maxReserveBytes, Math.floor(this.freeBytes() / 8));
    if (size <= 0) return;
    try {
      const fd = openSync(this.reserve, 'w', 0o600);
      try {
        const block = new Uint8Array(Math.min(size, 1024 * 1024));
        for (let done = 0; done < size; done += block.byteLength) {
          writeAll(fd, block.subarray(0, Math.min(block.byteLength, size - done)), done);
        }
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch {
      // A disk too full for a reserve records all the same; it only lacks this margin.
      try {
        unlinkSync(this.reserve);
      } catch {
        // Nothing was left behind.
      }
    }
  }

  releaseReserve(): number {
    try {
      const size = statSync(this.reserve).size;
      unlinkSync(this.reserve);
      return size;
    } catch {
      return 0;
    }
  }

  private dir(hearingId: string): string {
    return hearingDir(this.root, hearingId);
  }

  private path(hearingId: string, name: string): string {
    return mediaPath(this.root, hearingId, name);
  }

  createAppendable(hearingId: string, name: string): Appendable {
    makePrivateDir(this.dir(hearingId));
    const fd = openPrivateFile(this.path(hearingId, name), 'wx');
    syncDir(this.dir(hearingId));
    return new FileAppendable(fd, 0);
  }

  reopenAppendable(hearingId: string, name: string): Appendable {
    const path = this.path(hearingId, name);
    const fd = openSync(path, 'r+');
    return new FileAppendable(fd, statSync(path).size);
  }

  fingerprint(hearingId: string, name: string): string | null {
    return fileFingerprint(this.path(hearingId, name));
  }

  size(hearingId: string, name: string): number | null {
    try {
      return statSync(this.path(hearingId, name)).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  read(hearingId: string, name: string, range?: { start: number; end: number }): ReadableStream<Uint8Array> {
    // Large reads: hashing a two-hour master is bound by the number of reads, not by SHA-256.
    const stream = createReadStream(this.path(hearingId, name), { ...(range ?? {}), highWaterMark: 1024 * 1024 });
    return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
  }

  async readBytes(hearingId: string, name: string, start: number, end: number): Promise<Uint8Array> {
    const fd = openSync(this.path(hearingId, name), 'r');
    try {
      const out = new Uint8Array(end - start);
      let done = 0;
      while (done < out.byteLength) {
        const n = readSync(fd, out, done, out.byteLength - done, start + done);
        if (n === 0) break;
        done += n;
      }
      return out.subarray(0, done);
    } finally {
      closeSync(fd);
    }
  }

  createWritable(hearingId: string, name: string): Writable {
    const dir = this.dir(hearingId);
    makePrivateDir(dir);
    const target = this.path(hearingId, name);
    const temp = `${target}.partial`;
    let fd: number | null = openPrivateFile(temp, 'w');
    const close = () => {
      if (fd !== null) closeSync(fd);
      fd = null;
    };
    return {
      write(position, data) {
        if (fd === null) throw new Error('The file is closed.');
        try {
          writeAll(fd, data, position);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOSPC') throw new StorageFullError();
          throw err;
        }
      },
      commit() {
        if (fd === null) throw new Error('The file is closed.');
        fsyncSync(fd);
        close();
        renameSync(temp, target);
        syncDir(dir);
      },
      abort() {
        close();
        try {
          unlinkSync(temp);
        } catch {
          // Nothing was left behind.
        }
      },
    };
  }

  writeAtomic(hearingId: string, name: string, data: Uint8Array): void {
    makePrivateDir(this.dir(hearingId));
    const target = this.path(hearingId, name);
    const temp = `${target}.partial`;
    const fd = openPrivateFile(temp, 'w');
    try {
      writeAll(fd, data);
      fsyncSync(fd);
    } catch (err) {
      closeSync(fd);
      // Nothing half-written stays: the old file, if any, is untouched.
      unlinkSync(temp);
      if ((err as NodeJS.ErrnoException).code === 'ENOSPC') throw new StorageFullError();
      throw err;
    }
    closeSync(fd);
    renameSync(temp, target);
    syncDir(this.dir(hearingId));
  }

  freeBytes(): number {
    const s = statfsSync(this.root);
    return s.bavail * s.bsize;
  }
}

class FileAppendable implements Appendable {
  constructor(
    private fd: number | null,
    private length: number,
  ) {}

  get size(): number {
    return this.length;
  }

  append(data: Uint8Array): void {
    if (this.fd === null) throw new Error('The file is closed.');
    try {
      writeAll(this.fd, data, this.length);
      fsyncSync(this.fd);
    } catch (err) {
      // Leave the file exactly as it was before this chunk, so every byte on disk is accounted for.
      try {
        ftruncateSync(this.fd, this.length);
      } catch {
        // The original error is the one to report.
      }
      if ((err as NodeJS.ErrnoException).code === 'ENOSPC') throw new StorageFullError();
      throw err;
    }
    this.length += data.byteLength;
  }

  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }
}

/** Device, inode, size, change and modification times of a file, or null when it does not exist. */
export function fileFingerprint(path: string): string | null {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.ctimeNs}:${s.mtimeNs}`;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

export function writeAll(fd: number, data: Uint8Array, position?: number): void {
  let done = 0;
  while (done < data.byteLength) {
    done += writeSync(
      fd,
      data,
      done,
      data.byteLength - done,
      position === undefined ? null : position + done,
    );
  }
}
