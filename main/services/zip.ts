import { open, stat, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';

/** A file to store in the archive under `name` (forward slashes), read from `path`. */
export interface ZipFile {
  name: string;
  path: string;
}

export interface ZipOptions {
  /** Folders to list as entries of their own (names ending in '/'), before the files. */
  directories?: string[];
  /** The modification time given to every entry. */
  date?: Date;
  /** Write ZIP64 records even when no size or offset needs them (to test readers on small files). */
  forceZip64?: boolean;
}

const u32max = 0xffffffff;
const blockBytes = 4 * 1024 * 1024;

interface Written {
  name: Buffer;
  crc: number;
  size: number;
  offset: number;
  directory: boolean;
  zip64Size: boolean;
  zip64Offset: boolean;
}

/**
 * Writes a stored (uncompressed) ZIP archive: media does not compress, and stored entries can be
 * checked with any unzip. ZIP64 records are used where a size or an offset passes 4 GiB. Each
 * entry's CRC-32 is computed while its bytes are copied, then written back into its header.
 */
export async function writeZip(
  target: string,
  files: ZipFile[],
  options: ZipOptions = {},
): Promise<{ sizeBytes: number }> {
  const force = options.forceZip64 ?? false;
  const { time, date } = dosDateTime(options.date ?? new Date());
  // The archive holds the hearing: readable by its owner only (the umask can only narrow this).
  const out = await open(target, 'wx', 0o600);
  const entries: Written[] = [];
  let offset = 0;
  const writeAt = async (data: Uint8Array, at: number) => {
    let done = 0;
    while (done < data.byteLength)
      done += (await out.write(data, done, data.byteLength - done, at + done)).bytesWritten;
  };
  const write = async (data: Uint8Array) => {
    await writeAt(data, offset);
    offset += data.byteLength;
  };
  try {
    for (const dir of options.directories ?? []) {
      const name = Buffer.from(dir.endsWith('/') ? dir : `${dir}/`, 'utf8');
      const entry: Written = {
        name,
        crc: 0,
        size: 0,
        offset,
        directory: true,
        zip64Size: force,
        zip64Offset: force || offset >= u32max,
      };
      await write(localHeader(entry, time, date));
      entries.push(entry);
    }
    for (const file of files) {
      const size = (await stat(file.path)).size;
      const entry: Written = {
        name: Buffer.from(file.name, 'utf8'),
        crc: 0,
        size,
        offset,
        directory: false,
        zip64Size: force || size >= u32max,
        zip64Offset: force || offset >= u32max,
      };
      await write(localHeader(entry, time, date));
      entry.crc = await copyInto(out, file.path, size, offset);
      offset += size;
      const crc = Buffer.alloc(4);
      crc.writeUInt32LE(entry.crc);
      await writeAt(crc, entry.offset + 14);
      entries.push(entry);
    }
    const cdStart = offset;
    for (const entry of entries) await write(centralHeader(entry, time, date));
    const cdSize = offset - cdStart;
    if (
      force ||
      entries.length >= 0xffff ||
      cdStart >= u32max ||
      cdSize >= u32max ||
      offset >= u32max
    ) {
      const zip64End = offset;
      await write(zip64EndRecord(entries.length, cdSize, cdStart));
      await write(zip64Locator(zip64End));
      await write(endRecord(0xffff, u32max, u32max));
    } else {
      await write(endRecord(entries.length, cdSize, cdStart));
    }
    await out.sync();
    return { sizeBytes: offset };
  } finally {
    await out.close();
  }
}

async function copyInto(out: FileHandle, path: string, size: number, at: number): Promise<number> {
  const input = await open(path, 'r');
  const buffer = Buffer.allocUnsafe(blockBytes);
  let crc = 0;
  let done = 0;
  try {
    while (done < size) {
      const { bytesRead } = await input.read(buffer, 0, Math.min(blockBytes, size - done), done);
      if (bytesRead === 0) throw new Error(`${path} became shorter while it was being archived.`);
      const part = buffer.subarray(0, bytesRead);
      crc = crc32(part, crc);
      let written = 0;
      while (written < bytesRead)
        written += (await out.write(part, written, bytesRead - written, at + done + written))
          .bytesWritten;
      done += bytesRead;
    }
  } finally {
    await input.close();
  }
  return crc;
}

const flagsUtf8 = 0x0800;
const versionFor = (e: Written) => (e.zip64Size || e.zip64Offset ? 45 : e.directory ? 20 : 10);

function localHeader(e: Written, time: number, date: number): Buffer {
  const extra = e.zip64Size ? zip64Extra([e.size, e.size]) : Buffer.alloc(0);
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(versionFor(e), 4);
  h.writeUInt16LE(flagsUtf8, 6);
  h.writeUInt16LE(0, 8);
  h.writeUInt16LE(time, 10);
  h.writeUInt16LE(date, 12);
  h.writeUInt32LE(e.crc, 14);
  h.writeUInt32LE(e.zip64Size ? u32max : e.size, 18);
  h.writeUInt32LE(e.zip64Size ? u32max : e.size, 22);
  h.writeUInt16LE(e.name.byteLength, 26);
  h.writeUInt16LE(extra.byteLength, 28);
  return Buffer.concat([h, e.name, extra]);
}

function centralHeader(e: Written, time: number, date: number): Buffer {
  const fields: number[] = [];
  if (e.zip64Size) fields.push(e.size, e.size);
  if (e.zip64Offset) fields.push(e.offset);
  const extra = fields.length > 0 ? zip64Extra(fields) : Buffer.alloc(0);
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE((3 << 8) | 45, 4); // made by: Unix, so the permissions below are read
  h.writeUInt16LE(versionFor(e), 6);
  h.writeUInt16LE(flagsUtf8, 8);
  h.writeUInt16LE(0, 10);
  h.writeUInt16LE(time, 12);
  h.writeUInt16LE(date, 14);
  h.writeUInt32LE(e.crc, 16);
  h.writeUInt32LE(e.zip64Size ? u32max : e.size, 20);
  h.writeUInt32LE(e.zip64Size ? u32max : e.size, 24);
  h.writeUInt16LE(e.name.byteLength, 28);
  h.writeUInt16LE(extra.byteLength, 30);
  h.writeUInt16LE(0, 32);
  h.writeUInt16LE(0, 34);
  h.writeUInt16LE(0, 36);
  h.writeUInt32LE(e.directory ? ((0o40755 << 16) | 0x10) >>> 0 : (0o100644 << 16) >>> 0, 38);
  h.writeUInt32LE(e.zip64Offset ? u32max : e.offset, 42);
  return Buffer.concat([h, e.name, extra]);
}

function zip64Extra(values: number[]): Buffer {
  const b = Buffer.alloc(4 + 8 * values.length);
  b.writeUInt16LE(0x0001, 0);
  b.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => b.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return b;
}

function zip64EndRecord(count: number, cdSize: number, cdStart: number): Buffer {
  const b = Buffer.alloc(56);
  b.writeUInt32LE(0x06064b50, 0);
  b.writeBigUInt64LE(44n, 4);
  b.writeUInt16LE((3 << 8) | 45, 12);
  b.writeUInt16LE(45, 14);
  b.writeUInt32LE(0, 16);
  b.writeUInt32LE(0, 20);
  b.writeBigUInt64LE(BigInt(count), 24);
  b.writeBigUInt64LE(BigInt(count), 32);
  b.writeBigUInt64LE(BigInt(cdSize), 40);
  b.writeBigUInt64LE(BigInt(cdStart), 48);
  return b;
}

function zip64Locator(zip64End: number): Buffer {
  const b = Buffer.alloc(20);
  b.writeUInt32LE(0x07064b50, 0);
  b.writeUInt32LE(0, 4);
  b.writeBigUInt64LE(BigInt(zip64End), 8);
  b.writeUInt32LE(1, 16);
  return b;
}

function endRecord(count: number, cdSize: number, cdStart: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(Math.min(count, 0xffff), 8);
  b.writeUInt16LE(Math.min(count, 0xffff), 10);
  b.writeUInt32LE(Math.min(cdSize, u32max), 12);
  b.writeUInt32LE(Math.min(cdStart, u32max), 16);
  return b;
}

/** MS-DOS date and time, local time, two-second resolution (1980 to 2107). */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
