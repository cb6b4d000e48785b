/**
 * Every read and write of media goes through this interface, so that encryption at rest can be
 * added in one place. Names are relative to a hearing's folder and never contain a path.
 */
export interface MediaStore {
  /** Creates a new file for appending; refuses to open one that exists (a master is never rewritten). */
  createAppendable(hearingId: string, name: string): Appendable;
  /** Reopens an existing file for appending, after a crash; `size` is its length on disk. */
  reopenAppendable(hearingId: string, name: string): Appendable;
  /** The file's size in bytes, or null when it does not exist. */
  size(hearingId: string, name: string): number | null;
  /**
   * What changes whenever the file is written, replaced or moved (device, inode, size, change and
   * modification times), or null when it does not exist: lets a hash be reused (hash-stored.ts).
   */
  fingerprint?(hearingId: string, name: string): string | null;
  /** Reads `[start, end]` (inclusive) or the whole file as a web stream. */
  read(hearingId: string, name: string, range?: { start: number; end: number }): ReadableStream<Uint8Array>;
  /** Reads `[start, end)` into memory: for small reads only. */
  readBytes(hearingId: string, name: string, start: number, end: number): Promise<Uint8Array>;
  /** A new file written at arbitrary positions, visible under `name` only once committed. */
  createWritable(hearingId: string, name: string): Writable;
  /** Writes a whole file atomically: a reader sees the old file or the new one, never a part. */
  writeAtomic(hearingId: string, name: string, data: Uint8Array): void;
  /** Free space on the volume that holds the media, in bytes. */
  freeBytes(): number;
  /**
   * Gives back the room kept in reserve on the volume, when the disk has filled: enough for the
   * database to record how the recording ended. Returns the bytes freed (0 when none was kept).
   */
  releaseReserve(): number;
}

export interface Appendable {
  readonly size: number;
  /** Appends all of `data` and makes it durable before returning. On failure nothing is left half-written. */
  append(data: Uint8Array): void;
  close(): void;
}

export interface Writable {
  write(position: number, data: Uint8Array): void;
  /** Makes the file durable and gives it its name, replacing any file of that name. */
  commit(): void;
  /** Removes what was written. */
  abort(): void;
}

export class StorageFullError extends Error {
  constructor() {
    super('The disk that holds the recordings is full.');
    this.name = 'StorageFullError';
  }
}
