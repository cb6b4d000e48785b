/**
 * The working copy written while the master is recorded. Each chunk's cluster payload is written
 * at the place the working copy will have it (derive.ts gives every position: the header before
 * the first cluster has a fixed length, and each cluster's header is 12 bytes); a cluster's header
 * is written when the cluster closes. Stopping then only writes the header (sizes, duration,
 * seek head) and the cues: a few kilobytes, whatever the length of the hearing.
 *
 * Only what is final is written: a cluster's payload up to its last complete child. The bytes of
 * a block still arriving are held (at most one block) until it completes, so nothing is ever
 * written that the working copy derived from the whole master would not hold. At the end the
 * positions are checked against the plan derived from the master's layout; any difference, and
 * the caller derives the working copy from the master instead (working-copy.ts).
 */
import type { Writable } from '../storage/media-store';
import type { ScanProgress, WebmLayout } from './layout';
import {
  clusterHeader,
  clusterHeaderBytes,
  firstClusterOffset,
  planWorkingCopy,
  type WorkingCopyPlan,
} from './derive';

/** More than this held for one incomplete element is not a recorder's stream: the copy is given up. */
const maxHeldBytes = 64 * 1024 * 1024;

export class IncrementalCopyError extends Error {}

const empty = new Uint8Array(0);

export class IncrementalWorkingCopy {
  /** Master bytes from `heldFrom` that belong to the open cluster but are not final yet. */
  private held: Uint8Array = empty;
  private heldFrom = 0;
  /** Master bytes fed so far. */
  private received = 0;
  /** Where the next cluster's header goes; null until the master's first cluster starts. */
  private next: number | null = null;
  /** Header positions of the clusters closed so far. */
  private readonly offsets: number[] = [];

  constructor(private readonly out: Writable) {}

  /** Makes the completed copy durable under its name (after `finish`). */
  commit(): void {
    this.out.commit();
  }

  /** Removes what was written: the copy is then derived from the master. */
  abort(): void {
    this.out.abort();
  }

  /** Call after the scanner was given `data`, with the scanner's progress. */
  push(data: Uint8Array, progress: ScanProgress): void {
    const start = this.received;
    const end = start + data.byteLength;
    this.received = end;
    const from = this.held.byteLength > 0 ? this.heldFrom : start;
    const bytes = this.held.byteLength > 0 ? concat(this.held, data) : data;
    this.held = empty;
    if (!progress.prefix) return;
    let next = (this.next ??= firstClusterOffset(progress.prefix));

    // Payload bytes `[s, e)` of the master, of a cluster whose header is at `at`, that are here.
    const copy = (s: number, e: number, dataStart: number, at: number) => {
      const a = Math.max(s, from);
      const b = Math.min(e, end);
      if (b > a) this.out.write(at + clusterHeaderBytes + (a - dataStart), bytes.subarray(a - from, b - from));
    };

    for (let i = this.offsets.length; i < progress.clusters.length; i++) {
      const c = progress.clusters[i]!;
      const at = next;
      this.out.write(at, clusterHeader(c.data.end - c.data.start));
      copy(c.data.start, c.data.end, c.data.start, at);
      this.offsets.push(at);
      next = at + clusterHeaderBytes + (c.data.end - c.data.start);
    }
    this.next = next;

    const open = progress.open;
    if (!open) return;
    let keepFrom: number;
    if (open.timed) {
      copy(open.dataStart, open.completeEnd, open.dataStart, next);
      keepFrom = Math.max(open.completeEnd, from);
    } else {
      // Left out if its time never comes (layout.ts, closeCluster): nothing is written yet.
      keepFrom = Math.max(open.dataStart, from);
    }
    if (keepFrom < end) {
      if (end - keepFrom > maxHeldBytes) {
        throw new IncrementalCopyError(`An element of more than ${maxHeldBytes} bytes is still incomplete.`);
      }
      this.held = bytes.slice(keepFrom - from);
      this.heldFrom = keepFrom;
    }
  }

  /**
   * Completes the working copy once the master is closed: `layout` is the scanner's `finish()`.
   * Writes the last cluster's header, the header of the file and the cues; the caller commits.
   * `masterSize` is the master's size on disk, which must be every byte the copy was given;
   * `readMaster` reads `[start, end)` of the master (only the elements before its first cluster).
   */
  async finish(
    layout: WebmLayout,
    masterSize: number,
    readMaster: (start: number, end: number) => Promise<Uint8Array>,
  ): Promise<WorkingCopyPlan> {
    if (this.received !== masterSize) {
      throw new IncrementalCopyError(`The copy saw ${this.received} bytes of a master of ${masterSize}.`);
    }
    const { ebmlHeader, infoChildren, tracks, kept, clusters } = layout;
    this.push(empty, { prefix: { ebmlHeader, infoChildren, tracks, kept }, clusters, open: null });
    const plan = planWorkingCopy(layout);
    if (
      plan.clusterOffsets.length !== this.offsets.length ||
      plan.clusterOffsets.some((at, i) => at !== this.offsets[i])
    ) {
      throw new IncrementalCopyError('The clusters written while recording are not where the master places them.');
    }
    const firstCluster = plan.clusterOffsets[0]!;
    let at = 0;
    for (const [i, piece] of plan.pieces.entries()) {
      const last = i === plan.pieces.length - 1;
      const pieceLength = 'bytes' in piece ? piece.bytes.byteLength : piece.copy.end - piece.copy.start;
      if (at < firstCluster || last) {
        if (at + pieceLength > firstCluster && !last) {
          throw new IncrementalCopyError('The header of the working copy overlaps its first cluster.');
        }
        const bytes = 'bytes' in piece ? piece.bytes : await readMaster(piece.copy.start, piece.copy.end);
        if (bytes.byteLength !== pieceLength) throw new IncrementalCopyError('The master ended early.');
        this.out.write(at, bytes);
      }
      at += pieceLength;
    }
    if (at !== plan.size) throw new IncrementalCopyError('The working copy does not have the planned size.');
    return plan;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}
