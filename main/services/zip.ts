import { open, stat, type FileHandle } from 'node:fs/promises';
import { configure, Reader, ZipWriter } from '@zip.js/zip.js';

// Main has no web workers; media is stored, not compressed, so there is nothing to offload.
configure({ useWebWorkers: false });

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
  /**
   * Encrypts every entry with AES-256 (WinZip AE-2, which 7-Zip and the archive tools of
   * Windows 11 and macOS read); the passphrase travels separately from the archive.
   */
  passphrase?: string;
}

/** Reads a file on disk by ranges, so that an entry of several gigabytes never sits in memory. */
class FileRangeReader extends Reader<string> {
  private handle: FileHandle | null = null;

  override async init(): Promise<void> {
    this.handle = await open(this.path, 'r');
    this.size = (await this.handle.stat()).size;
  }

  constructor(private readonly path: string) {
    super(path);
  }

  override async readUint8Array(index: number, length: number): Promise<Uint8Array> {
    if (!this.handle) throw new Error(`${this.path} was read before it was opened.`);
    const out = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.handle.read(out, done, length - done, index + done);
      if (bytesRead === 0) throw new Error(`${this.path} is shorter than when the archive was started.`);
      done += bytesRead;
    }
    return out;
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
  }
}

/**
 * Writes a ZIP archive with stored (uncompressed) entries: media does not compress, and stored
 * entries can be checked with any unzip. ZIP64 records are used where a size or an offset passes
 * 4 GiB. With a passphrase every entry is encrypted with AES-256.
 */
export async function writeZip(
  target: string,
  files: ZipFile[],
  options: ZipOptions = {},
): Promise<{ sizeBytes: number }> {
  // The archive holds the hearing: readable by its owner only (the umask can only narrow this).
  const out = await open(target, 'wx', 0o600);
  let position = 0;
  const writable = new WritableStream<Uint8Array>({
    async write(chunk) {
      let done = 0;
      while (done < chunk.byteLength) {
        done += (await out.write(chunk, done, chunk.byteLength - done, position + done)).bytesWritten;
      }
      position += chunk.byteLength;
    },
  });
  const lastModDate = options.date ?? new Date();
  const writer = new ZipWriter(writable, {
    level: 0,
    keepOrder: true,
    lastModDate,
    ...(options.forceZip64 ? { zip64: true } : {}),
    ...(options.passphrase ? { password: options.passphrase, encryptionStrength: 3 as const } : {}),
  });
  try {
    for (const dir of options.directories ?? []) {
      await writer.add(dir.endsWith('/') ? dir : `${dir}/`, undefined, { directory: true, lastModDate });
    }
    for (const file of files) {
      const reader = new FileRangeReader(file.path);
      try {
        await writer.add(file.name, reader, { lastModDate });
      } finally {
        await reader.close();
      }
    }
    await writer.close(undefined, options.forceZip64 ? { zip64: true } : {});
    await out.sync();
  } finally {
    await out.close();
  }
  return { sizeBytes: (await stat(target)).size };
}
