import {
  closeSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readSync,
  renameSync,
  unlinkSync,
  type Stats,
} from 'node:fs';
import type { KeyObject } from 'node:crypto';
import type { FileKeys } from '../keys/data-key';
import { FileMediaStore, fileFingerprint, hearingDir, mediaPath, writeAll } from './file-media-store';
import {
  decodeHeader,
  encodeHeader,
  frameHeaderLength,
  frameOverhead,
  headerLength,
  headerPrefix,
  keyContext,
  MediaIntegrityError,
  newHeader,
  openFrame,
  readFrameHead,
  sealFrame,
  type FileHeader,
  type FileKind,
  type Frame,
} from './media-frames';
import { makePrivateDir, openPrivateFile } from './private-files';
import { StorageFullError, type Appendable, type MediaStore, type Writable } from './media-store';
import { syncDir } from './sync-dir';

/** Frames of working copies and whole files: small enough that a seek decrypts little, large enough to cost little. */
export const fixedFrameSize = 64 * 1024;
/** A chunk larger than this (never seen from MediaRecorder) is split, so no frame needs more memory to check. */
const maxAppendFrame = 16 * 1024 * 1024;
/** Contiguous frames read at once when streaming: few reads for a whole-file hash. */
const readBatchBytes = 1024 * 1024;
/** Frames of a working copy kept in memory while it is written, before they are encrypted to disk. */
const maxDirtyFrames = 16;
const maxEpoch = 0xffffffff;

/** What recovering an appended file after a crash kept and cut. */
export interface TailRecovery {
  /** Plaintext bytes kept: every whole frame. */
  sizeBytes: number;
  /** Bytes of a frame that was being written when the process or the machine stopped. */
  cutBytes: number;
}

interface OpenFile {
  header: FileHeader;
  key: KeyObject;
}

interface Layout {
  plainSize: number;
  /** Frames holding plaintext, in order (appended files also hold empty reopening frames). */
  frames: Frame[];
  /** Where the last whole frame ends on disk; anything after it is a torn frame. */
  end: number;
  /** The highest epoch any whole frame used. */
  maxEpoch: number;
  frameCount: number;
}

/**
 * Media encrypted at rest (docs/encryption.md), behind the same interface as the plain files:
 * every master and working copy is AES-256-GCM in frames, under a random key per file that the
 * data key wraps into the file's header. A master still gets one frame per chunk, written and
 * fsynced before `append` returns; sizes and ranges are those of the plaintext, and a range
 * decrypts only the frames it touches.
 */
export class EncryptedMediaStore implements MediaStore {
  private readonly plain: FileMediaStore;
  /** Frame layouts of appended files, extended as they grow rather than scanned again. */
  private readonly layouts = new Map<string, { ino: number; layout: Layout }>();

  constructor(
    private readonly root: string,
    private readonly keys: FileKeys,
  ) {
    // Folders, modes and the disk reserve are the plain store's.
    this.plain = new FileMediaStore(root);
  }

  createAppendable(hearingId: string, name: string): Appendable {
    const dir = hearingDir(this.root, hearingId);
    makePrivateDir(dir);
    const path = mediaPath(this.root, hearingId, name);
    const { header, key } = this.newFile(hearingId, name, 'appended', 0);
    const fd = openPrivateFile(path, 'wx');
    try {
      writeAll(fd, encodeHeader(header), 0);
      fsyncSync(fd);
    } catch (err) {
      closeSync(fd);
      unlinkSync(path);
      throw asStorageFull(err);
    }
    syncDir(dir);
    return new EncryptedAppendable(fd, key, header.fileId, {
      index: 0,
      epoch: 0,
      offset: headerLength,
      size: 0,
    });
  }

  /**
   * Reopens a master after a crash: cuts a torn last frame, then writes an empty frame under a new
   * epoch, durably, before anything else, so that no nonce used before the crash is used again.
   */
  reopenAppendable(hearingId: string, name: string): Appendable {
    const path = mediaPath(this.root, hearingId, name);
    const fd = openSync(path, 'r+');
    try {
      const file = this.openHeader(fd, hearingId, name);
      if (file.header.kind !== 'appended')
        throw new Error(`${name} was written whole; only a master is appended to.`);
      const layout = this.repairTail(fd, path, file, name);
      if (layout.maxEpoch >= maxEpoch)
        throw new MediaIntegrityError(name, 'it was reopened too many times');
      const epoch = layout.maxEpoch + 1;
      const marker = sealFrame(
        file.key,
        file.header.fileId,
        layout.frameCount,
        epoch,
        false,
        new Uint8Array(0),
      );
      writeAll(fd, marker, layout.end);
      fsyncSync(fd);
      return new EncryptedAppendable(fd, file.key, file.header.fileId, {
        index: layout.frameCount + 1,
        epoch,
        offset: layout.end + marker.byteLength,
        size: layout.plainSize,
      });
    } catch (err) {
      closeSync(fd);
      throw err;
    }
  }

  /**
   * After a crash, before the master is hashed: keeps every whole frame and cuts a torn last one,
   * reporting how many bytes were cut. A file whose last whole frame does not decrypt is left as
   * it is and reported, never cut further.
   */
  recover(hearingId: string, name: string): TailRecovery {
    const path = mediaPath(this.root, hearingId, name);
    const fd = openSync(path, 'r+');
    try {
      const file = this.openHeader(fd, hearingId, name);
      if (file.header.kind !== 'appended')
        return { sizeBytes: this.layoutOf(fd, path, file, name).plainSize, cutBytes: 0 };
      const before = fstatSync(fd).size;
      const layout = this.repairTail(fd, path, file, name);
      return { sizeBytes: layout.plainSize, cutBytes: before - layout.end };
    } finally {
      closeSync(fd);
    }
  }

  fingerprint(hearingId: string, name: string): string | null {
    return fileFingerprint(mediaPath(this.root, hearingId, name));
  }

  size(hearingId: string, name: string): number | null {
    const path = mediaPath(this.root, hearingId, name);
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    try {
      return this.layoutOf(fd, path, this.openHeader(fd, hearingId, name), name).plainSize;
    } finally {
      closeSync(fd);
    }
  }

  read(
    hearingId: string,
    name: string,
    range?: { start: number; end: number },
  ): ReadableStream<Uint8Array> {
    const path = mediaPath(this.root, hearingId, name);
    let fd: number | null = null;
    let next: {
      file: OpenFile;
      frames: Frame[];
      lastIndex: number;
      i: number;
      start: number;
      end: number;
    } | null = null;
    const close = () => {
      if (fd !== null) closeSync(fd);
      fd = null;
    };
    return new ReadableStream<Uint8Array>({
      start: () => {
        fd = openSync(path, 'r');
        try {
          const file = this.openHeader(fd, hearingId, name);
          const layout = this.layoutOf(fd, path, file, name);
          const start = range?.start ?? 0;
          const end = Math.min(range ? range.end + 1 : layout.plainSize, layout.plainSize);
          next = {
            file,
            frames: layout.frames,
            lastIndex: lastIndexOf(file, layout),
            i: firstFrame(layout.frames, start),
            start,
            end,
          };
        } catch (err) {
          close();
          throw err;
        }
      },
      pull: (controller) => {
        const n = next;
        const batch = n && n.start < n.end ? framesUpTo(n.frames, n.i, n.end, readBatchBytes) : [];
        if (fd === null || n === null || batch.length === 0) {
          close();
          controller.close();
          return;
        }
        try {
          const parts = this.decryptFrames(fd, n.file, batch, n.lastIndex, name);
          for (let k = 0; k < batch.length; k++) {
            const f = batch[k] as Frame;
            const from = Math.max(n.start, f.plainStart) - f.plainStart;
            const to = Math.min(n.end, f.plainStart + f.plainLength) - f.plainStart;
            if (to > from)
              controller.enqueue(new Uint8Array((parts[k] as Buffer).subarray(from, to)));
          }
          n.i += batch.length;
        } catch (err) {
          close();
          throw err;
        }
      },
      cancel: close,
    });
  }

  async readBytes(
    hearingId: string,
    name: string,
    start: number,
    end: number,
  ): Promise<Uint8Array> {
    const path = mediaPath(this.root, hearingId, name);
    const fd = openSync(path, 'r');
    try {
      const file = this.openHeader(fd, hearingId, name);
      const layout = this.layoutOf(fd, path, file, name);
      const stop = Math.min(end, layout.plainSize);
      const out = new Uint8Array(Math.max(0, stop - start));
      let i = firstFrame(layout.frames, start);
      while (i < layout.frames.length && (layout.frames[i] as Frame).plainStart < stop) {
        const batch = framesUpTo(layout.frames, i, stop, readBatchBytes);
        const parts = this.decryptFrames(fd, file, batch, lastIndexOf(file, layout), name);
        for (let k = 0; k < batch.length; k++) {
          const f = batch[k] as Frame;
          const from = Math.max(start, f.plainStart);
          const to = Math.min(stop, f.plainStart + f.plainLength);
          if (to > from)
            out.set(
              (parts[k] as Buffer).subarray(from - f.plainStart, to - f.plainStart),
              from - start,
            );
        }
        i += batch.length;
      }
      return out;
    } finally {
      closeSync(fd);
    }
  }

  createWritable(hearingId: string, name: string): Writable {
    const dir = hearingDir(this.root, hearingId);
    makePrivateDir(dir);
    const target = mediaPath(this.root, hearingId, name);
    const temp = `${target}.partial`;
    const file = this.newFile(hearingId, name, 'fixed', fixedFrameSize);
    // Read and write: a frame already flushed is read back when it is written again (the last
    // frame, written short, is extended by the next write).
    const fd = openPrivateFile(temp, 'w+');
    try {
      writeAll(fd, encodeHeader(file.header), 0);
    } catch (err) {
      closeSync(fd);
      unlinkSync(temp);
      throw asStorageFull(err);
    }
    return new EncryptedWritable(
      fd,
      file,
      name,
      () => {
        renameSync(temp, target);
        syncDir(dir);
        this.layouts.delete(target);
      },
      () => {
        try {
          unlinkSync(temp);
        } catch {
          // Nothing was left behind.
        }
      },
    );
  }

  writeAtomic(hearingId: string, name: string, data: Uint8Array): void {
    const w = this.createWritable(hearingId, name);
    try {
      w.write(0, data);
      w.commit();
    } catch (err) {
      w.abort();
      throw err;
    }
  }

  freeBytes(): number {
    return this.plain.freeBytes();
  }

  releaseReserve(): number {
    return this.plain.releaseReserve();
  }

  private newFile(hearingId: string, name: string, kind: FileKind, frameSize: number): OpenFile {
    const partial = newHeader(kind, frameSize);
    const { key, wrapped } = this.keys.create(keyContext(headerPrefix(partial), hearingId, name));
    return { header: { ...partial, wrappedKey: Buffer.from(wrapped) }, key };
  }

  private openHeader(fd: number, hearingId: string, name: string): OpenFile {
    const b = Buffer.alloc(headerLength);
    const n = readSync(fd, b, 0, headerLength, 0);
    const header = decodeHeader(b.subarray(0, n));
    if (!header)
      throw new MediaIntegrityError(name, 'it is not an encrypted Hearing Room media file');
    const key = this.keys.open(
      header.wrappedKey,
      keyContext(headerPrefix(header), hearingId, name),
    );
    if (!key) {
      throw new MediaIntegrityError(
        name,
        "its key does not open with this installation's data key (its header was changed, or the file was moved from another hearing or installation)",
      );
    }
    return { header, key };
  }

  private layoutOf(fd: number, path: string, file: OpenFile, name: string): Layout {
    const stat = fstatSync(fd);
    if (file.header.kind === 'fixed')
      return fixedLayout(fd, stat.size, file.header.frameSize, name);
    const cached = this.layouts.get(path);
    const usable =
      cached && cached.ino === stat.ino && cached.layout.end <= stat.size ? cached.layout : null;
    const layout = scanAppended(fd, stat, usable);
    this.layouts.set(path, { ino: stat.ino, layout });
    return layout;
  }

  private repairTail(fd: number, path: string, file: OpenFile, name: string): Layout {
    this.layouts.delete(path);
    const layout = scanAppended(fd, fstatSync(fd), null);
    // The last whole frame must be genuine: a changed length earlier in the file would otherwise
    // make good frames look torn, and cutting them would destroy evidence.
    const lastWhole = layout.frameCount - 1;
    if (lastWhole >= 0) this.checkFrameAt(fd, file, lastWhole, layout, name);
    if (fstatSync(fd).size > layout.end) {
      ftruncateSync(fd, layout.end);
      fsyncSync(fd);
    }
    return layout;
  }

  private checkFrameAt(
    fd: number,
    file: OpenFile,
    index: number,
    layout: Layout,
    name: string,
  ): void {
    const known = layout.frames.find((f) => f.index === index);
    const offset = known ? known.offset : layout.end - frameOverhead;
    const frame = readAt(fd, offset, layout.end - offset);
    if (!openFrame(file.key, file.header.fileId, index, frame)) {
      throw new MediaIntegrityError(
        name,
        `its last whole frame (${index}) does not decrypt, so nothing was cut`,
      );
    }
  }

  /** `lastIndex`: the frame that must carry the last-frame mark (-1 for a master, which has none). */
  private decryptFrames(
    fd: number,
    file: OpenFile,
    batch: Frame[],
    lastIndex: number,
    name: string,
  ): Buffer[] {
    const first = batch[0] as Frame;
    const last = batch[batch.length - 1] as Frame;
    const span = readAt(
      fd,
      first.offset,
      last.offset + frameOverhead + last.plainLength - first.offset,
    );
    return batch.map((f) => {
      const at = f.offset - first.offset;
      const opened = openFrame(
        file.key,
        file.header.fileId,
        f.index,
        span.subarray(at, at + frameOverhead + f.plainLength),
      );
      if (!opened || opened.head.plainLength !== f.plainLength) {
        throw new MediaIntegrityError(
          name,
          `frame ${f.index} (bytes ${f.offset}–${f.offset + frameOverhead + f.plainLength - 1}) does not decrypt`,
        );
      }
      if (opened.head.last !== (f.index === lastIndex)) {
        throw new MediaIntegrityError(
          name,
          `frame ${f.index} is not where the file's last frame should be`,
        );
      }
      return opened.plain;
    });
  }
}

function lastIndexOf(file: OpenFile, layout: Layout): number {
  return file.header.kind === 'fixed' ? layout.frameCount - 1 : -1;
}

function fixedLayout(fd: number, diskSize: number, frameSize: number, name: string): Layout {
  const stride = frameSize + frameOverhead;
  const body = diskSize - headerLength;
  const full = Math.floor(body / stride);
  const rest = body - full * stride;
  if (frameSize === 0 || body < frameOverhead || (rest > 0 && rest < frameOverhead)) {
    throw new MediaIntegrityError(name, 'it was cut short');
  }
  const count = rest > 0 ? full + 1 : full;
  const lastLength = rest > 0 ? rest - frameOverhead : frameSize;
  const lastOffset = headerLength + (count - 1) * stride;
  const head = readFrameHead(readAt(fd, lastOffset, frameHeaderLength));
  if (!head.last || head.plainLength !== lastLength)
    throw new MediaIntegrityError(name, 'it was cut short');
  const frames: Frame[] = [];
  for (let i = 0; i < count; i++) {
    frames.push({
      index: i,
      offset: headerLength + i * stride,
      plainStart: i * frameSize,
      plainLength: i === count - 1 ? lastLength : frameSize,
    });
  }
  return {
    plainSize: (count - 1) * frameSize + lastLength,
    frames,
    end: diskSize,
    maxEpoch: 0,
    frameCount: count,
  };
}

/**
 * Walks the frame headers of an appended file from where `known` stopped (the file only grows),
 * stopping at a torn last frame. The frames' contents are checked when they are read.
 */
function scanAppended(fd: number, stat: Stats, known: Layout | null): Layout {
  const layout: Layout = known
    ? { ...known, frames: [...known.frames] }
    : { plainSize: 0, frames: [], end: headerLength, maxEpoch: 0, frameCount: 0 };
  const head = Buffer.alloc(frameHeaderLength);
  while (layout.end + frameOverhead <= stat.size) {
    readSync(fd, head, 0, frameHeaderLength, layout.end);
    const h = readFrameHead(head);
    const length = frameOverhead + h.plainLength;
    if (layout.end + length > stat.size) break;
    if (h.plainLength > 0) {
      layout.frames.push({
        index: layout.frameCount,
        offset: layout.end,
        plainStart: layout.plainSize,
        plainLength: h.plainLength,
      });
    }
    layout.plainSize += h.plainLength;
    layout.maxEpoch = Math.max(layout.maxEpoch, h.epoch);
    layout.frameCount += 1;
    layout.end += length;
  }
  return layout;
}

/** The first frame that holds the byte at `position` (or the end). */
function firstFrame(frames: Frame[], position: number): number {
  let lo = 0;
  let hi = frames.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const f = frames[mid] as Frame;
    if (f.plainStart + f.plainLength <= position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Frames from `i` on, contiguous on disk, up to the one holding `end - 1`, about `budget` bytes in all. */
function framesUpTo(frames: Frame[], i: number, end: number, budget: number): Frame[] {
  const out: Frame[] = [];
  let bytes = 0;
  for (let k = i; k < frames.length; k++) {
    const f = frames[k] as Frame;
    if (f.plainStart >= end) break;
    const prev = out[out.length - 1];
    if (prev && prev.offset + frameOverhead + prev.plainLength !== f.offset) break;
    if (out.length > 0 && bytes + f.plainLength > budget) break;
    out.push(f);
    bytes += f.plainLength;
  }
  return out;
}

function readAt(fd: number, offset: number, length: number): Buffer {
  const b = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, b, done, length - done, offset + done);
    if (n === 0) break;
    done += n;
  }
  return b.subarray(0, done);
}

function asStorageFull(err: unknown): unknown {
  return (err as NodeJS.ErrnoException).code === 'ENOSPC' ? new StorageFullError() : err;
}

class EncryptedAppendable implements Appendable {
  private fd: number | null;

  constructor(
    fd: number,
    private readonly key: KeyObject,
    private readonly fileId: Buffer,
    private at: { index: number; epoch: number; offset: number; size: number },
  ) {
    this.fd = fd;
  }

  get size(): number {
    return this.at.size;
  }

  append(data: Uint8Array): void {
    if (this.fd === null) throw new Error('The file is closed.');
    const frames: Buffer[] = [];
    for (let from = 0; from < data.byteLength; from += maxAppendFrame) {
      const plain = data.subarray(from, Math.min(data.byteLength, from + maxAppendFrame));
      frames.push(
        sealFrame(
          this.key,
          this.fileId,
          this.at.index + frames.length,
          this.at.epoch,
          false,
          plain,
        ),
      );
    }
    const bytes = Buffer.concat(frames);
    try {
      writeAll(this.fd, bytes, this.at.offset);
      fsyncSync(this.fd);
    } catch (err) {
      // As with plain files: nothing half-written stays, so every frame on disk is a whole chunk's.
      try {
        ftruncateSync(this.fd, this.at.offset);
      } catch {
        // The original error is the one to report.
      }
      throw asStorageFull(err);
    }
    this.at = {
      index: this.at.index + frames.length,
      epoch: this.at.epoch,
      offset: this.at.offset + bytes.byteLength,
      size: this.at.size + data.byteLength,
    };
  }

  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }
}

/**
 * A file written at arbitrary positions (the remuxer goes back to fill in sizes and cues), in
 * fixed frames. A frame written again gets the next epoch, so its nonce is never reused; the last
 * frame is marked at commit.
 */
class EncryptedWritable implements Writable {
  private fd: number | null;
  private length = 0;
  private readonly dirty = new Map<number, Buffer>();
  /** Frames on disk: the epoch and plaintext length each was last written with. */
  private readonly written = new Map<number, { epoch: number; plainLength: number }>();
  private readonly frameSize: number;

  constructor(
    fd: number,
    private readonly file: OpenFile,
    private readonly name: string,
    private readonly publish: () => void,
    private readonly discard: () => void,
  ) {
    this.fd = fd;
    this.frameSize = file.header.frameSize;
  }

  write(position: number, data: Uint8Array): void {
    const fd = this.requireOpen();
    const end = position + data.byteLength;
    if (end > this.length) {
      // The frame that was last may have been written short; it is written again at its new length.
      if (this.length > 0) this.frame(Math.floor((this.length - 1) / this.frameSize));
      this.length = end;
    }
    let done = 0;
    while (done < data.byteLength) {
      const at = position + done;
      const index = Math.floor(at / this.frameSize);
      const within = at - index * this.frameSize;
      const n = Math.min(this.frameSize - within, data.byteLength - done);
      this.frame(index).set(data.subarray(done, done + n), within);
      done += n;
    }
    if (this.dirty.size > maxDirtyFrames) this.flush(fd, null);
  }

  commit(): void {
    const fd = this.requireOpen();
    const last = Math.max(0, Math.ceil(this.length / this.frameSize) - 1);
    // Frames never written (a gap the writer skipped) hold zeros, as a sparse file reads.
    for (let i = 0; i < last; i++) if (!this.written.has(i)) this.frame(i);
    this.frame(last);
    this.flush(fd, last);
    const lastLength = this.length - last * this.frameSize;
    ftruncateSync(
      fd,
      headerLength + last * (this.frameSize + frameOverhead) + frameOverhead + lastLength,
    );
    fsyncSync(fd);
    this.close();
    this.publish();
  }

  abort(): void {
    this.close();
    this.discard();
  }

  private requireOpen(): number {
    if (this.fd === null) throw new Error('The file is closed.');
    return this.fd;
  }

  private close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** The plaintext of frame `index`, held in memory until flushed. */
  private frame(index: number): Buffer {
    const held = this.dirty.get(index);
    if (held) return held;
    const buffer = Buffer.alloc(this.frameSize);
    const onDisk = this.written.get(index);
    if (onDisk) {
      const offset = headerLength + index * (this.frameSize + frameOverhead);
      const bytes = readAt(this.requireOpen(), offset, frameOverhead + onDisk.plainLength);
      const opened = openFrame(this.file.key, this.file.header.fileId, index, bytes);
      if (!opened)
        throw new MediaIntegrityError(
          `${this.name}.partial`,
          `frame ${index} changed while it was being written`,
        );
      opened.plain.copy(buffer);
    }
    this.dirty.set(index, buffer);
    return buffer;
  }

  private flush(fd: number, last: number | null): void {
    for (const [index, buffer] of [...this.dirty].sort((a, b) => a[0] - b[0])) {
      const plainLength = Math.max(
        0,
        Math.min(this.frameSize, this.length - index * this.frameSize),
      );
      const epoch = (this.written.get(index)?.epoch ?? -1) + 1;
      const sealed = sealFrame(
        this.file.key,
        this.file.header.fileId,
        index,
        epoch,
        index === last,
        buffer.subarray(0, plainLength),
      );
      try {
        writeAll(fd, sealed, headerLength + index * (this.frameSize + frameOverhead));
      } catch (err) {
        throw asStorageFull(err);
      }
      this.written.set(index, { epoch, plainLength });
    }
    this.dirty.clear();
  }
}
