import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';
import { wrappedFileKeyLength } from '../keys/data-key';

/**
 * The on-disk format of an encrypted media file (`hearing-room-media/1`, docs/encryption.md):
 *
 *   header  magic "HRMEDIA1" | kind u8 | 3 zero bytes | frame size u32 | file id (16) | wrapped file key (60)
 *   frame   plaintext length u32 | epoch u32 | flags u8 | 3 zero bytes | ciphertext | GCM tag (16)
 *
 * Each file has its own random AES-256 key. A frame's nonce is its epoch and its index in the file
 * (u32 || u64); its associated data is the file id, its index and its 12-byte header, so a frame
 * moved, dropped, resized or relabelled fails to decrypt. Numbers are big-endian.
 */
export const magic = Buffer.from('HRMEDIA1', 'latin1');
const fixedHeaderLength = 32;
export const headerLength = fixedHeaderLength + wrappedFileKeyLength;
export const frameHeaderLength = 12;
export const tagLength = 16;
export const frameOverhead = frameHeaderLength + tagLength;
const lastFlag = 1;

/**
 * `appended`: masters, one frame per appended chunk, of any length. `fixed`: working copies and
 * other files written whole, in frames of `frameSize` plaintext bytes (the last one shorter),
 * the last marked so that a file cut at a frame boundary is detected.
 */
export type FileKind = 'appended' | 'fixed';

export interface FileHeader {
  kind: FileKind;
  frameSize: number;
  fileId: Buffer;
  wrappedKey: Buffer;
}

/** One frame of a file: where it is on disk and which plaintext bytes it holds. */
export interface Frame {
  index: number;
  offset: number;
  plainStart: number;
  plainLength: number;
}

export class MediaIntegrityError extends Error {
  constructor(
    readonly file: string,
    why: string,
  ) {
    super(
      `The recording file ${file} cannot be read: ${why}. It was changed or damaged after it was written; restore the hearing's folder from a backup and tell the data protection officer.`,
    );
    this.name = 'MediaIntegrityError';
  }
}

export function newHeader(kind: FileKind, frameSize: number): Omit<FileHeader, 'wrappedKey'> {
  return { kind, frameSize, fileId: randomBytes(16) };
}

/** The header's fixed part, which the wrapped key is bound to along with the file's place. */
export function headerPrefix(h: Omit<FileHeader, 'wrappedKey'>): Buffer {
  const b = Buffer.alloc(fixedHeaderLength);
  magic.copy(b, 0);
  b.writeUInt8(h.kind === 'appended' ? 1 : 2, 8);
  b.writeUInt32BE(h.frameSize, 12);
  h.fileId.copy(b, 16);
  return b;
}

/** What the file key is bound to: its header, its hearing and its name (no file can stand in for another). */
export function keyContext(prefix: Buffer, hearingId: string, name: string): Buffer {
  return Buffer.concat([prefix, Buffer.from(`\n${hearingId}\n${name}`, 'utf8')]);
}

export function encodeHeader(h: FileHeader): Buffer {
  return Buffer.concat([headerPrefix(h), h.wrappedKey]);
}

export function decodeHeader(b: Buffer): FileHeader | null {
  if (b.byteLength < headerLength || !b.subarray(0, 8).equals(magic)) return null;
  const kindByte = b.readUInt8(8);
  if (kindByte !== 1 && kindByte !== 2) return null;
  return {
    kind: kindByte === 1 ? 'appended' : 'fixed',
    frameSize: b.readUInt32BE(12),
    fileId: Buffer.from(b.subarray(16, 32)),
    wrappedKey: Buffer.from(b.subarray(fixedHeaderLength, headerLength)),
  };
}

function nonce(epoch: number, index: number): Buffer {
  const n = Buffer.alloc(12);
  n.writeUInt32BE(epoch, 0);
  n.writeBigUInt64BE(BigInt(index), 4);
  return n;
}

function aad(fileId: Buffer, index: number, frameHeader: Buffer): Buffer {
  const i = Buffer.alloc(8);
  i.writeBigUInt64BE(BigInt(index));
  return Buffer.concat([fileId, i, frameHeader]);
}

/** Encrypts one frame: its header, ciphertext and tag, ready to be written. */
export function sealFrame(
  key: KeyObject,
  fileId: Buffer,
  index: number,
  epoch: number,
  last: boolean,
  plain: Uint8Array,
): Buffer {
  const header = Buffer.alloc(frameHeaderLength);
  header.writeUInt32BE(plain.byteLength, 0);
  header.writeUInt32BE(epoch, 4);
  header.writeUInt8(last ? lastFlag : 0, 8);
  const cipher = createCipheriv('aes-256-gcm', key, nonce(epoch, index));
  cipher.setAAD(aad(fileId, index, header));
  return Buffer.concat([header, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

export interface FrameHead {
  plainLength: number;
  epoch: number;
  last: boolean;
}

export function readFrameHead(b: Buffer): FrameHead {
  return {
    plainLength: b.readUInt32BE(0),
    epoch: b.readUInt32BE(4),
    last: (b.readUInt8(8) & lastFlag) !== 0,
  };
}

/** Decrypts one whole frame (header to tag); null when any of its bytes, or its place, is not as written. */
export function openFrame(
  key: KeyObject,
  fileId: Buffer,
  index: number,
  frame: Buffer,
): { plain: Buffer; head: FrameHead } | null {
  if (frame.byteLength < frameOverhead) return null;
  const header = frame.subarray(0, frameHeaderLength);
  const head = readFrameHead(header);
  if (head.plainLength !== frame.byteLength - frameOverhead) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce(head.epoch, index));
    decipher.setAAD(aad(fileId, index, header));
    decipher.setAuthTag(frame.subarray(frame.byteLength - tagLength));
    const plain = Buffer.concat([
      decipher.update(frame.subarray(frameHeaderLength, frame.byteLength - tagLength)),
      decipher.final(),
    ]);
    return { plain, head };
  } catch {
    return null;
  }
}
