/**
 * The working copy of a master: the master's own bytes, with what a live recording could not
 * write filled in. The segment and every cluster get their sizes, the info gets the duration, and
 * a seek head at the start and cues at the end let a player seek anywhere. Packets are copied,
 * never re-encoded; clusters keep their bytes, so the working copy is the master's pictures and
 * sound, byte for byte, in a file a player can seek in.
 *
 * The output is a pure function of the master: `planWorkingCopy` from its layout (layout.ts),
 * then `workingCopyPieces` in order. The app and the standalone verifier run this same code.
 */
import { ids, type LayoutPrefix, type Span, type WebmLayout } from './layout';

/** Recorded in every derivation made with this code; bump `version` whenever its output changes. */
export const webmPatcher = { tool: 'hearing-room-webm', version: '1' } as const;

/** A piece of the working copy: bytes made here, or a span copied from the master. */
export type Piece = { bytes: Uint8Array } | { copy: Span };

export interface WorkingCopyPlan {
  pieces: Piece[];
  size: number;
  durationMs: number;
  /** Where each cluster's header is in the working copy (its payload follows `clusterHeaderBytes` later). */
  clusterOffsets: number[];
}

const sizeLength = 8;

/** The length of a cluster's header in the working copy: its ID and a size in 8 bytes. */
export const clusterHeaderBytes = headerLength(ids.cluster);

/** Positions inside the segment's payload that depend only on what comes before the first cluster. */
function prefixPositions(prefix: LayoutPrefix) {
  const infoChildrenLength = sum(prefix.infoChildren.map(length));
  // The duration's value is known only at the end, but its length is fixed (a float in 8 bytes).
  const durationLength = element(ids.duration, float64(0)).byteLength;
  const infoLength = headerLength(ids.info) + infoChildrenLength + durationLength;
  // The seek head has a fixed size (fixed-width positions), so every position can be computed
  // before anything is written.
  const seekHeadLength = seekHead([0, 0, 0]).byteLength;
  const infoAt = seekHeadLength;
  const tracksAt = infoAt + infoLength;
  const clustersAt = tracksAt + length(prefix.tracks) + sum(prefix.kept.map(length));
  return { infoChildrenLength, infoAt, tracksAt, clustersAt };
}

/**
 * Where the first cluster's header goes in the working copy: known as soon as the master's
 * first cluster starts, which lets the clusters be written while the master is still recorded.
 */
export function firstClusterOffset(prefix: LayoutPrefix): number {
  return length(prefix.ebmlHeader) + headerLength(ids.segment) + prefixPositions(prefix).clustersAt;
}

/** The header of a cluster of `payloadBytes` in the working copy. */
export function clusterHeader(payloadBytes: number): Uint8Array {
  return concat([id(ids.cluster), fixedSize(payloadBytes)]);
}

export function planWorkingCopy(layout: WebmLayout): WorkingCopyPlan {
  const { infoChildrenLength, infoAt, tracksAt, clustersAt } = prefixPositions(layout);
  const durationElement = element(ids.duration, float64(layout.durationTicks));
  const clusterLengths = layout.clusters.map((c) => clusterHeaderBytes + length(c.data));

  // Positions inside the segment's payload.
  const clusterAt: number[] = [];
  let at = clustersAt;
  for (const l of clusterLengths) {
    clusterAt.push(at);
    at += l;
  }
  const cuesAt = at;
  const cues = cuesElement(layout, clusterAt);
  const segmentPayload = cuesAt + cues.byteLength;
  const segmentDataAt = length(layout.ebmlHeader) + headerLength(ids.segment);

  const pieces: Piece[] = [
    { copy: layout.ebmlHeader },
    { bytes: concat([id(ids.segment), fixedSize(segmentPayload)]) },
    { bytes: seekHead([infoAt, tracksAt, cuesAt]) },
    { bytes: concat([id(ids.info), fixedSize(infoChildrenLength + durationElement.byteLength)]) },
    ...layout.infoChildren.map((copy) => ({ copy })),
    { bytes: durationElement },
    { copy: layout.tracks },
    ...layout.kept.map((copy) => ({ copy })),
  ];
  for (const c of layout.clusters) {
    pieces.push({ bytes: clusterHeader(length(c.data)) });
    pieces.push({ copy: c.data });
  }
  pieces.push({ bytes: cues });
  const size = sum(pieces.map((p) => ('bytes' in p ? p.bytes.byteLength : length(p.copy))));
  return {
    pieces: mergeCopies(pieces),
    size,
    durationMs: Math.round((layout.durationTicks * layout.timecodeScale) / 1e6),
    clusterOffsets: clusterAt.map((a) => segmentDataAt + a),
  };
}

/**
 * The working copy's bytes in order, read from the master through `read` (bytes `[start, end)`),
 * in blocks of at most `blockBytes`.
 */
export async function* workingCopyPieces(
  plan: WorkingCopyPlan,
  read: (start: number, end: number) => Promise<Uint8Array>,
  blockBytes = 4 * 1024 * 1024,
): AsyncGenerator<Uint8Array> {
  for (const piece of plan.pieces) {
    if ('bytes' in piece) {
      yield piece.bytes;
      continue;
    }
    for (let at = piece.copy.start; at < piece.copy.end; at += blockBytes) {
      const end = Math.min(piece.copy.end, at + blockBytes);
      const bytes = await read(at, end);
      if (bytes.byteLength !== end - at) throw new Error(`The master ended early, at byte ${at + bytes.byteLength}.`);
      yield bytes;
    }
  }
}

function cuesElement(layout: WebmLayout, clusterAt: number[]): Uint8Array {
  const points = layout.cues.map((cue) =>
    element(
      0xbb,
      concat([
        element(0xb3, uint(cue.time)),
        element(
          0xb7,
          concat([
            element(0xf7, uint(cue.track)),
            element(0xf1, uint(clusterAt[cue.cluster]!)),
            element(0xf0, uint(cue.relative)),
          ]),
        ),
      ]),
    ),
  );
  return element(ids.cues, concat(points));
}

/** Seek entries for the info, the tracks and the cues, each position in 8 bytes. */
function seekHead(positions: [number, number, number]): Uint8Array {
  const targets = [ids.info, ids.tracks, ids.cues];
  const seeks = targets.map((target, i) =>
    element(0x4dbb, concat([element(0x53ab, id(target)), element(0x53ac, fixedUint(positions[i]!))])),
  );
  return element(ids.seekHead, concat(seeks));
}

/** Adjacent spans of the master copied in one read. */
function mergeCopies(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && 'copy' in last && 'copy' in p && last.copy.end === p.copy.start) {
      out[out.length - 1] = { copy: { start: last.copy.start, end: p.copy.end } };
    } else if (!('copy' in p) || p.copy.end > p.copy.start) {
      out.push(p);
    }
  }
  return out;
}

function element(elementId: number, payload: Uint8Array): Uint8Array {
  return concat([id(elementId), minimalSize(payload.byteLength), payload]);
}

function headerLength(elementId: number): number {
  return id(elementId).byteLength + sizeLength;
}

function id(elementId: number): Uint8Array {
  const bytes: number[] = [];
  for (let v = elementId; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Uint8Array.from(bytes);
}

/** A size in 8 bytes, whatever its value: headers whose length does not depend on what follows. */
function fixedSize(value: number): Uint8Array {
  const out = new Uint8Array(sizeLength);
  let v = value;
  for (let i = sizeLength - 1; i > 0; i--) {
    out[i] = v % 256;
    v = Math.floor(v / 256);
  }
  out[0] = 0x01;
  return out;
}

function minimalSize(value: number): Uint8Array {
  for (let length = 1; length <= 8; length++) {
    // All ones means "unknown": the largest value of each length is not used.
    if (value < 2 ** (7 * length) - 1) {
      const out = new Uint8Array(length);
      let v = value;
      for (let i = length - 1; i >= 0; i--) {
        out[i] = v % 256;
        v = Math.floor(v / 256);
      }
      out[0] = out[0]! | (0x80 >> (length - 1));
      return out;
    }
  }
  throw new Error(`A size of ${value} bytes cannot be written.`);
}

function uint(value: number): Uint8Array {
  const bytes: number[] = [];
  for (let v = value; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Uint8Array.from(bytes.length ? bytes : [0]);
}

function fixedUint(value: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(value));
  return out;
}

function float64(value: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setFloat64(0, value);
  return out;
}

function length(span: Span): number {
  return span.end - span.start;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(sum(parts.map((p) => p.byteLength)));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
