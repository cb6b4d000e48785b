/**
 * Derives a working copy again from its master, as the app derived it (MediabunnyRemuxer in
 * working-copy.ts: the same Mediabunny calls with the same options), and compares the result with
 * the working copy on disk byte for byte. Bundled into the standalone verifier with Mediabunny.
 *
 * Nothing is written: the derived bytes are compared as the remuxer produces them. The master and
 * the working copy are each read once, and hashed on the way, so re-deriving costs one remux on top
 * of the hashes a verification computes anyway.
 */
import { createHash, type Hash } from 'node:crypto';
import type { Conversion, StreamTargetChunk } from 'mediabunny';

/**
 * The remuxer this code carries. The app records the installed version in every derivation; a
 * test fails when the two differ, so that an upgrade of Mediabunny updates this line too.
 */
export const carriedRemuxer = { tool: 'mediabunny', version: '1.61.0' } as const;

/** Random access to one file. */
export interface RangeReader {
  readonly size: number;
  /** Bytes `[start, end)`. */
  read(start: number, end: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface RederiveResult {
  masterSha256: string;
  workingSha256: string;
  /** The size of what the master derives to. */
  derivedSize: number;
  /** The first byte at which the derived copy and the working copy differ; null when identical. */
  firstDifference: number | null;
}

const blockBytes = 4 * 1024 * 1024;
/**
 * Derived bytes that differ from the working copy when written are kept until the end, because
 * the remuxer writes placeholders (sizes, the duration, the seek head) and fills them in later.
 * Those are a few bytes per cluster; past this much, the copies differ for real and are reported
 * so without keeping more.
 */
const maxRetainedBytes = 64 * 1024 * 1024;

/** Thrown when the master cannot be remuxed at all; its message says why, for a person. */
export class RemuxError extends Error {}

export async function rederive(master: RangeReader, working: RangeReader): Promise<RederiveResult> {
  const masterHash = new SequentialHash(master);
  const comparison = new Comparison(working);
  // Loaded only when a working copy made by Mediabunny is checked: the app starts without it.
  const { ALL_FORMATS, Conversion, CustomSource, Input, Output, StreamTarget, WebMOutputFormat } = await import('mediabunny');
  const input = new Input({
    formats: ALL_FORMATS,
    source: new CustomSource({
      getSize: () => master.size,
      read: (start, end) => masterHash.read(start, end),
    }),
  });
  const output = new Output({
    format: new WebMOutputFormat({ appendOnly: false }),
    target: new StreamTarget(
      new WritableStream<StreamTargetChunk>({
        write: (chunk) => comparison.write(chunk.position, chunk.data),
      }),
    ),
  });
  try {
    let conversion: Conversion;
    try {
      conversion = await Conversion.init({ input, output, showWarnings: false });
    } catch (err) {
      throw new RemuxError(err instanceof Error ? err.message : String(err));
    }
    if (!conversion.isValid) {
      const reasons = conversion.discardedTracks.map((t) => t.reason).join(', ');
      throw new RemuxError(reasons || 'no usable track');
    }
    await conversion.execute();
  } finally {
    input.dispose();
  }
  return {
    masterSha256: await masterHash.finish(),
    ...(await comparison.finish()),
  };
}

/**
 * Hashes a file from the reads the remuxer makes, which go from start to end: every read that
 * reaches past what is hashed adds its new bytes. What no read covered is read at the end.
 */
class SequentialHash {
  private readonly hash = createHash('sha256');
  private hashedTo = 0;

  constructor(private readonly file: RangeReader) {}

  async read(start: number, end: number): Promise<Uint8Array> {
    const bytes = await this.file.read(start, end);
    // Checked after the read, synchronously: reads that overlap or complete out of order are
    // hashed once each, in order, and a read that leaves a gap is simply not hashed now.
    if (start <= this.hashedTo && end > this.hashedTo) {
      this.hash.update(bytes.subarray(this.hashedTo - start));
      this.hashedTo = end;
    }
    return bytes;
  }

  async finish(): Promise<string> {
    await hashRest(this.file, this.hashedTo, this.hash);
    return this.hash.digest('hex');
  }
}

async function hashRest(file: RangeReader, from: number, hash: Hash): Promise<void> {
  for (let at = from; at < file.size; at += blockBytes)
    hash.update(await file.read(at, Math.min(file.size, at + blockBytes)));
}

interface Retained {
  position: number;
  data: Uint8Array;
  /** Whether it differed from the working copy when it was written. */
  differed: boolean;
}

/**
 * Compares what the remuxer writes with the working copy. Writes go forward, except patches that
 * go back to fill in a placeholder. A forward write is compared with the working copy at once,
 * read in large blocks that are hashed as they go by; a patch and any forward write that differed
 * are kept, and at the end each kept write that differed is compared again as the later patches
 * left it.
 */
class Comparison {
  private readonly hash = createHash('sha256');
  private block: Uint8Array = new Uint8Array(0);
  private blockStart = 0;
  /** The end of the furthest write: the size of the derived copy. */
  private frontier = 0;
  private readonly retained: Retained[] = [];
  private retainedBytes = 0;
  /** Set when the copies differ at a byte no later patch can fix, or too much differs to keep. */
  private certainDifference: number | null = null;

  constructor(private readonly working: RangeReader) {}

  async write(position: number, data: Uint8Array): Promise<void> {
    const end = position + data.byteLength;
    const isPatch = position < this.frontier;
    const differed = !equal(data, await this.workingBytes(position, end));
    this.frontier = Math.max(this.frontier, end);
    if (!isPatch && !differed) return;
    if (this.certainDifference !== null) return;
    if (this.retainedBytes + data.byteLength > maxRetainedBytes) {
      this.certainDifference = this.firstDifferingRetained() ?? position;
      this.retained.length = 0;
      return;
    }
    // The remuxer may reuse its buffer once the write returns.
    this.retained.push({ position, data: data.slice(), differed });
    this.retainedBytes += data.byteLength;
  }

  async finish(): Promise<Omit<RederiveResult, 'masterSha256'>> {
    let firstDifference = this.certainDifference;
    if (firstDifference === null) {
      for (let i = 0; i < this.retained.length; i++) {
        const kept = this.retained[i] as Retained;
        if (!kept.differed) continue;
        const final = kept.data.slice();
        const start = kept.position;
        for (const later of this.retained.slice(i + 1)) overlay(final, start, later);
        const onDiskEnd = Math.min(this.working.size, start + final.byteLength);
        const onDisk =
          start < onDiskEnd ? await this.working.read(start, onDiskEnd) : new Uint8Array(0);
        const at = firstUnequal(final, onDisk);
        if (at !== null) firstDifference = Math.min(firstDifference ?? Infinity, start + at);
      }
    }
    if (this.frontier !== this.working.size)
      firstDifference = Math.min(firstDifference ?? Infinity, this.frontier, this.working.size);
    this.hash.update(this.block);
    await hashRest(this.working, this.blockStart + this.block.byteLength, this.hash);
    return {
      workingSha256: this.hash.digest('hex'),
      derivedSize: this.frontier,
      firstDifference,
    };
  }

  private firstDifferingRetained(): number | null {
    const positions = this.retained.filter((r) => r.differed).map((r) => r.position);
    return positions.length > 0 ? Math.min(...positions) : null;
  }

  /**
   * The working copy's bytes at `[start, end)`, cut short where the file ends. Forward reads move
   * the block along, hashing each block once as it is left behind; reads behind it go to the file.
   */
  private async workingBytes(start: number, end: number): Promise<Uint8Array> {
    const last = Math.min(end, this.working.size);
    if (start >= last) return new Uint8Array(0);
    if (start < this.blockStart) return this.working.read(start, last);
    const parts: Uint8Array[] = [];
    let at = start;
    while (at < last) {
      const blockEnd = this.blockStart + this.block.byteLength;
      if (at >= blockEnd) {
        this.hash.update(this.block);
        this.blockStart = blockEnd;
        this.block = await this.working.read(
          blockEnd,
          Math.min(this.working.size, blockEnd + blockBytes),
        );
        continue;
      }
      const to = Math.min(last, blockEnd);
      parts.push(this.block.subarray(at - this.blockStart, to - this.blockStart));
      at = to;
    }
    return parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts);
  }
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;
}

function firstUnequal(a: Uint8Array, b: Uint8Array): number | null {
  const n = Math.min(a.byteLength, b.byteLength);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.byteLength === b.byteLength ? null : n;
}

/** Writes `later` over `target` (which starts at `start`) where they overlap. */
function overlay(target: Uint8Array, start: number, later: Retained): void {
  const from = Math.max(start, later.position);
  const to = Math.min(start + target.byteLength, later.position + later.data.byteLength);
  if (from >= to) return;
  target.set(later.data.subarray(from - later.position, to - later.position), from - start);
}
