/**
 * Reads the layout of a WebM file as MediaRecorder writes it (a live stream: the segment and its
 * clusters of unknown size, no duration, no cues), byte by byte as it arrives, so that the layout
 * of a master is known the moment its recording stops. Only element headers and the first bytes
 * of each block are looked at; the pictures and sound are skipped, never held in memory.
 *
 * The same scan over a whole master gives the same layout, whatever the pieces it was fed in:
 * that is what makes a working copy derivable again from its master alone (see derive.ts).
 */

export const ids = {
  ebml: 0x1a45dfa3,
  segment: 0x18538067,
  seekHead: 0x114d9b74,
  info: 0x1549a966,
  duration: 0x4489,
  timecodeScale: 0x2ad7b1,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackNumber: 0xd7,
  trackType: 0x83,
  cluster: 0x1f43b675,
  timecode: 0xe7,
  simpleBlock: 0xa3,
  blockGroup: 0xa0,
  block: 0xa1,
  cues: 0x1c53bb6b,
  void: 0xec,
  crc32: 0xbf,
  tags: 0x1254c367,
  chapters: 0x1043a770,
  attachments: 0x1941a469,
} as const;

/** Elements that can only be children of the segment: one of them ends a cluster of unknown size. */
const levelOne = new Set<number>([
  ids.cluster,
  ids.cues,
  ids.seekHead,
  ids.info,
  ids.tracks,
  ids.tags,
  ids.chapters,
  ids.attachments,
]);

/** A byte range of the master, `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

export interface ClusterLayout {
  /** Where the cluster's payload starts in the master, and where its last complete child ends. */
  data: Span;
  /** The cluster's time, in timecode-scale units. */
  timecode: number;
}

export interface CuePoint {
  /** In timecode-scale units. */
  time: number;
  track: number;
  /** Index of the cluster in `clusters`. */
  cluster: number;
  /** From the start of the cluster's payload to the block's element. */
  relative: number;
}

export interface WebmLayout {
  ebmlHeader: Span;
  /** The payload of the Info element, without a Duration (the working copy writes its own). */
  infoChildren: Span[];
  tracks: Span;
  /** Other elements before the first cluster that are kept as they are (tags, chapters). */
  kept: Span[];
  clusters: ClusterLayout[];
  cues: CuePoint[];
  timecodeScale: number;
  /** The end of the last complete block, in timecode-scale units. */
  durationTicks: number;
  /** Bytes after the last complete block (a recording cut short mid-block): left out. */
  size: number;
}

/** The elements of a master before its first cluster: what the working copy's header is made of. */
export type LayoutPrefix = Pick<WebmLayout, 'ebmlHeader' | 'infoChildren' | 'tracks' | 'kept'>;

export interface ScanProgress {
  /** Null until the first cluster starts: until then the header may still change. */
  prefix: LayoutPrefix | null;
  clusters: readonly ClusterLayout[];
  /**
   * The cluster being read: its payload's start, where its last complete child ends, and whether
   * its time was read (a cluster without one is left out, see closeCluster).
   */
  open: { dataStart: number; completeEnd: number; timed: boolean } | null;
}

export class WebmFormatError extends Error {}

type Context = 'top' | 'segment' | 'cluster';

interface OpenCluster {
  dataStart: number;
  /** Known end of the cluster, or null for a cluster of unknown size. */
  end: number | null;
  completeEnd: number;
  timecode: number | null;
  cues: Array<Omit<CuePoint, 'cluster'>>;
}

interface Pending {
  end: number;
  block?: { track: number; time: number; key: boolean; relative: number };
}

interface TrackTimes {
  last: number;
  previous: number | null;
}

/** Info and Tracks are read whole; they are small. Anything larger is not a recorder's file. */
const maxWholeElement = 64 * 1024;

export class WebmScanner {
  private buffer: Uint8Array = new Uint8Array(0);
  /** Absolute offset of buffer[0]. */
  private offset = 0;
  private skip = 0;
  private context: Context = 'top';
  private segmentEnd: number | null = null;
  private cluster: OpenCluster | null = null;
  private pending: Pending | null = null;
  private readonly clusters: ClusterLayout[] = [];
  private readonly cues: CuePoint[] = [];
  private ebmlHeader: Span | null = null;
  private infoChildren: Span[] | null = null;
  private tracksSpan: Span | null = null;
  private readonly kept: Span[] = [];
  private timecodeScale = 1_000_000;
  private videoTrack: number | null = null;
  private firstTrack: number | null = null;
  private readonly times = new Map<number, TrackTimes>();
  private finished = false;

  /** Feeds the next bytes of the file. */
  push(bytes: Uint8Array): void {
    if (this.finished) throw new Error('The scan is finished.');
    let data = bytes;
    if (this.skip > 0) {
      const n = Math.min(this.skip, data.byteLength);
      this.skip -= n;
      this.offset += n;
      data = data.subarray(n);
      if (this.skip === 0) this.completePending();
      if (data.byteLength === 0) return;
    }
    this.buffer = this.buffer.byteLength === 0 ? data : concat(this.buffer, data);
    this.run();
    // What is left is a header or a small element not yet whole: keep a copy, never the caller's.
    this.buffer = this.buffer.slice();
  }

  /**
   * Where the scan stands, for a writer that builds the working copy as the master arrives
   * (webm/incremental.ts): the elements before the first cluster once they are final, the
   * clusters closed so far (the array grows; it is not copied), and the cluster still open.
   */
  progress(): ScanProgress {
    const c = this.cluster;
    return {
      prefix:
        this.ebmlHeader && this.infoChildren !== null && this.tracksSpan && (c !== null || this.clusters.length > 0)
          ? { ebmlHeader: this.ebmlHeader, infoChildren: this.infoChildren, tracks: this.tracksSpan, kept: this.kept }
          : null,
      clusters: this.clusters,
      open: c ? { dataStart: c.dataStart, completeEnd: c.completeEnd, timed: c.timecode !== null } : null,
    };
  }

  /** The layout of everything fed so far; bytes after the last complete block are left out. */
  finish(): WebmLayout {
    this.finished = true;
    if (this.cluster) this.closeCluster();
    if (!this.ebmlHeader || this.infoChildren === null || !this.tracksSpan) {
      throw new WebmFormatError('The file does not start like a WebM recording (no header, info or tracks).');
    }
    if (this.clusters.length === 0) throw new WebmFormatError('The file holds no complete block of sound or picture.');
    let durationTicks = 0;
    for (const t of this.times.values()) {
      durationTicks = Math.max(durationTicks, t.last + (t.previous === null ? 0 : t.last - t.previous));
    }
    return {
      ebmlHeader: this.ebmlHeader,
      infoChildren: this.infoChildren,
      tracks: this.tracksSpan,
      kept: this.kept,
      clusters: this.clusters,
      cues: this.cues,
      timecodeScale: this.timecodeScale,
      durationTicks,
      size: this.clusters[this.clusters.length - 1]!.data.end,
    };
  }

  private run(): void {
    let at = 0;
    const buf = this.buffer;
    for (;;) {
      const absolute = this.offset + at;
      if (this.context === 'cluster' && this.cluster!.end !== null && absolute >= this.cluster!.end) {
        this.closeCluster();
        continue;
      }
      if (this.context === 'segment' && this.segmentEnd !== null && absolute >= this.segmentEnd) {
        // Past the segment: nothing more belongs to the recording.
        at = buf.byteLength;
        break;
      }
      const header = readHeader(buf, at);
      if (!header) break;
      const { id, headerLength, size } = header;
      const dataStart = absolute + headerLength;
      const end = size === null ? null : dataStart + size;

      if (this.context === 'top') {
        if (id === ids.ebml && end !== null) {
          this.ebmlHeader = { start: absolute, end };
          at = this.skipTo(buf, at, headerLength + size!);
        } else if (id === ids.segment) {
          this.segmentEnd = end;
          this.context = 'segment';
          at += headerLength;
        } else {
          throw new WebmFormatError(`Unexpected element 0x${id.toString(16)} at byte ${absolute}: not a WebM recording.`);
        }
        if (at < 0) break;
        continue;
      }

      if (this.context === 'cluster') {
        const cluster = this.cluster!;
        if (cluster.end === null && levelOne.has(id)) {
          this.closeCluster();
          continue;
        }
        if (end === null) throw new WebmFormatError(`An element of unknown size inside a cluster at byte ${absolute}.`);
        if (id === ids.timecode) {
          if (buf.byteLength - at < headerLength + size!) break;
          cluster.timecode = readUint(buf, at + headerLength, size!);
          at += headerLength + size!;
          cluster.completeEnd = end;
          continue;
        }
        if (id === ids.simpleBlock || id === ids.blockGroup) {
          const block = this.readBlock(buf, at, headerLength, id, absolute - cluster.dataStart);
          if (block === 'more') break;
          this.pending = { end, ...(block ? { block } : {}) };
          at = this.skipTo(buf, at, headerLength + size!);
          if (at < 0) break;
          this.completePending();
          continue;
        }
        // Anything else in a cluster is kept as it is.
        this.pending = { end };
        at = this.skipTo(buf, at, headerLength + size!);
        if (at < 0) break;
        this.completePending();
        continue;
      }

      // Children of the segment.
      if (id === ids.cluster) {
        this.cluster = { dataStart, end, completeEnd: dataStart, timecode: null, cues: [] };
        this.context = 'cluster';
        at += headerLength;
        continue;
      }
      if (end === null) throw new WebmFormatError(`An element of unknown size at byte ${absolute}.`);
      if (id === ids.info || id === ids.tracks) {
        if (size! > maxWholeElement) throw new WebmFormatError(`The ${id === ids.info ? 'info' : 'tracks'} element is too large.`);
        if (buf.byteLength - at < headerLength + size!) break;
        const payload = buf.subarray(at + headerLength, at + headerLength + size!);
        if (id === ids.info) this.readInfo(payload, dataStart);
        else this.readTracks(payload, absolute, end);
        at += headerLength + size!;
        continue;
      }
      if (this.clusters.length === 0 && this.cluster === null && !dropped.has(id)) {
        this.kept.push({ start: absolute, end });
      }
      at = this.skipTo(buf, at, headerLength + size!);
      if (at < 0) break;
    }
    this.offset += Math.max(0, Math.min(at, buf.byteLength));
    this.buffer = at >= buf.byteLength || at < 0 ? new Uint8Array(0) : buf.subarray(at);
  }

  /**
   * Moves past `length` bytes from `at`. When they are not all here yet, the rest is skipped as
   * it arrives and -1 is returned (the buffer is then used up).
   */
  private skipTo(buf: Uint8Array, at: number, length: number): number {
    const available = buf.byteLength - at;
    if (length <= available) return at + length;
    this.skip = length - available;
    this.offset += buf.byteLength;
    this.buffer = new Uint8Array(0);
    return -1;
  }

  private completePending(): void {
    const p = this.pending;
    if (!p || !this.cluster) return;
    this.pending = null;
    this.cluster.completeEnd = p.end;
    if (!p.block) return;
    const { track, time, key, relative } = p.block;
    const times = this.times.get(track);
    this.times.set(track, { last: time, previous: times ? times.last : null });
    const cueTrack = this.videoTrack ?? this.firstTrack;
    if (key && track === cueTrack) this.cluster.cues.push({ time, track, relative });
  }

  /** The track, time and key flag of a block: 'more' when its first bytes have not arrived. */
  private readBlock(
    buf: Uint8Array,
    at: number,
    headerLength: number,
    id: number,
    relative: number,
  ): { track: number; time: number; key: boolean; relative: number } | null | 'more' {
    let start = at + headerLength;
    let key = false;
    if (id === ids.blockGroup) {
      // A block group's block comes first in what recorders write; it is never cued.
      const inner = readHeader(buf, start);
      if (!inner) return 'more';
      if (inner.id !== ids.block) return null;
      start += inner.headerLength;
    }
    const track = readVint(buf, start);
    if (track === null) return 'more';
    if (!track) return null;
    if (buf.byteLength - start < track.length + 3) return 'more';
    const rel = ((buf[start + track.length]! << 8) | buf[start + track.length + 1]!) << 16 >> 16;
    if (id === ids.simpleBlock) key = (buf[start + track.length + 2]! & 0x80) !== 0;
    if (this.cluster!.timecode === null) throw new WebmFormatError('A block comes before its cluster\'s time.');
    return { track: track.value, time: this.cluster!.timecode + rel, key, relative };
  }

  private closeCluster(): void {
    const c = this.cluster!;
    this.cluster = null;
    this.context = 'segment';
    this.pending = null;
    // A cluster with no complete block (cut short at its start) is left out.
    if (c.timecode === null || c.completeEnd <= c.dataStart) return;
    const index = this.clusters.length;
    this.clusters.push({ data: { start: c.dataStart, end: c.completeEnd }, timecode: c.timecode });
    for (const cue of c.cues) this.cues.push({ ...cue, cluster: index });
  }

  private readInfo(payload: Uint8Array, base: number): void {
    const children: Span[] = [];
    for (let at = 0; at < payload.byteLength; ) {
      const h = readHeader(payload, at);
      if (!h || h.size === null) throw new WebmFormatError('The info element cannot be read.');
      const end = at + h.headerLength + h.size;
      if (h.id === ids.timecodeScale) this.timecodeScale = readUint(payload, at + h.headerLength, h.size);
      if (h.id !== ids.duration && h.id !== ids.void && h.id !== ids.crc32) children.push({ start: base + at, end: base + end });
      at = end;
    }
    this.infoChildren = children;
  }

  private readTracks(payload: Uint8Array, start: number, end: number): void {
    this.tracksSpan = { start, end };
    for (let at = 0; at < payload.byteLength; ) {
      const h = readHeader(payload, at);
      if (!h || h.size === null) throw new WebmFormatError('The tracks element cannot be read.');
      if (h.id === ids.trackEntry) {
        let number: number | null = null;
        let type: number | null = null;
        const entryEnd = at + h.headerLength + h.size;
        for (let c = at + h.headerLength; c < entryEnd; ) {
          const ch = readHeader(payload, c);
          if (!ch || ch.size === null) break;
          if (ch.id === ids.trackNumber) number = readUint(payload, c + ch.headerLength, ch.size);
          if (ch.id === ids.trackType) type = readUint(payload, c + ch.headerLength, ch.size);
          c += ch.headerLength + ch.size;
        }
        if (number !== null) {
          this.firstTrack ??= number;
          if (type === 1) this.videoTrack ??= number;
        }
      }
      at += h.headerLength + h.size;
    }
  }
}

/** Elements of the master the working copy writes anew or leaves out. */
const dropped = new Set<number>([ids.seekHead, ids.void, ids.cues, ids.crc32]);

interface Header {
  id: number;
  headerLength: number;
  /** null: unknown size (all ones). */
  size: number | null;
}

function readHeader(buf: Uint8Array, at: number): Header | null {
  if (at >= buf.byteLength) return null;
  const first = buf[at]!;
  const idLength = first >= 0x80 ? 1 : first >= 0x40 ? 2 : first >= 0x20 ? 3 : first >= 0x10 ? 4 : 0;
  if (idLength === 0) throw new WebmFormatError(`A malformed element ID at byte offset ${at}.`);
  if (buf.byteLength - at < idLength + 1) return null;
  let id = 0;
  for (let i = 0; i < idLength; i++) id = id * 256 + buf[at + i]!;
  const size = readVint(buf, at + idLength);
  if (size === undefined) throw new WebmFormatError(`A malformed element size at byte offset ${at + idLength}.`);
  if (size === null) return null;
  return { id, headerLength: idLength + size.length, size: size.unknown ? null : size.value };
}

/** An EBML variable-length integer: undefined when malformed, null when not all here yet. */
function readVint(buf: Uint8Array, at: number): { value: number; length: number; unknown: boolean } | null | undefined {
  if (at >= buf.byteLength) return null;
  const first = buf[at]!;
  if (first === 0) return undefined;
  let length = 1;
  for (let mask = 0x80; !(first & mask); mask >>= 1) length++;
  if (buf.byteLength - at < length) return null;
  let value = first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const b = buf[at + i]!;
    value = value * 256 + b;
    if (b !== 0xff) allOnes = false;
  }
  return { value, length, unknown: allOnes };
}

function readUint(buf: Uint8Array, at: number, length: number): number {
  let v = 0;
  for (let i = 0; i < length; i++) v = v * 256 + buf[at + i]!;
  return v;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}

/** Scans a whole file given as pieces: the layout a master derives from. */
export function scanAll(pieces: Iterable<Uint8Array>): WebmLayout {
  const scanner = new WebmScanner();
  for (const p of pieces) scanner.push(p);
  return scanner.finish();
}
