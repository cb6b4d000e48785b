import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DataKey } from '../../main/services/keys/data-key';
import { EncryptedMediaStore } from '../../main/services/storage/encrypted-media-store';
import { FileMediaStore } from '../../main/services/storage/file-media-store';
import { hashStored, rememberHash } from '../../main/services/storage/hash-stored';
import type { MediaStore } from '../../main/services/storage/media-store';
import { tempDir } from '../helpers/temp';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts the reads of whole files, which is what a reused hash saves. */
function counted<T extends MediaStore>(store: T): T & { reads: number } {
  const c = store as T & { reads: number };
  c.reads = 0;
  const read = store.read.bind(store);
  c.read = (...args: Parameters<MediaStore['read']>) => {
    c.reads += 1;
    return read(...args);
  };
  return c;
}

for (const [kind, make] of [
  ['plain', (root: string) => new FileMediaStore(root)],
  ['encrypted', (root: string) => new EncryptedMediaStore(root, DataKey.generate().fileKeys())],
] as const) {
  test(`${kind}: a hash is reused while the file stays as it was, and read again once it changes`, async () => {
    const root = tempDir();
    const store = counted(make(root));
    const bytes = randomBytes(300_000);
    store.writeAtomic('h', 'f.webm', bytes);
    const first = await hashStored(store, 'h', 'f.webm', { reuse: true });
    assert.deepEqual(first, { sha256: sha256(bytes), sizeBytes: bytes.byteLength });
    assert.equal(store.reads, 1);
    assert.deepEqual(await hashStored(store, 'h', 'f.webm', { reuse: true }), first);
    assert.equal(store.reads, 1, 'reused: not read again');
    await hashStored(store, 'h', 'f.webm');
    assert.equal(store.reads, 2, 'without reuse (the verifier), every byte is read');

    // One byte of the file on disk changed, same size, same inode: read again, and the change shows.
    await pause(30);
    const file = join(root, 'hearings', 'h', 'f.webm');
    const onDisk = readFileSync(file);
    onDisk[onDisk.byteLength - 100] = onDisk[onDisk.byteLength - 100]! ^ 0x01;
    writeFileSync(file, onDisk);
    if (kind === 'plain') {
      const changed = await hashStored(store, 'h', 'f.webm', { reuse: true });
      assert.equal(store.reads, 3);
      assert.notEqual(changed.sha256, first.sha256);
    } else {
      // Encrypted: the changed frame no longer opens, which is said as such.
      await assert.rejects(hashStored(store, 'h', 'f.webm', { reuse: true }));
      assert.equal(store.reads, 3);
    }
  });

  test(`${kind}: a remembered hash holds only for the file it was remembered for`, async () => {
    const root = tempDir();
    const store = counted(make(root));
    const bytes = randomBytes(100_000);
    store.writeAtomic('h', 'a.webm', bytes);
    store.writeAtomic('h', 'b.webm', randomBytes(100_000));
    rememberHash(store, 'h', 'a.webm', { sha256: sha256(bytes), sizeBytes: bytes.byteLength });
    assert.equal((await hashStored(store, 'h', 'a.webm', { reuse: true })).sha256, sha256(bytes));
    assert.equal(store.reads, 0);
    // Another file put in its place (a rename, as a copy from elsewhere would be): read again.
    await pause(30);
    const dir = join(root, 'hearings', 'h');
    renameSync(join(dir, 'b.webm'), join(dir, 'a.webm'));
    if (kind === 'plain') {
      assert.notEqual((await hashStored(store, 'h', 'a.webm', { reuse: true })).sha256, sha256(bytes));
    } else {
      // Encrypted: a file's key is bound to its name, so the one put in its place does not open.
      await assert.rejects(hashStored(store, 'h', 'a.webm', { reuse: true }), /a\.webm cannot be read/);
    }
    assert.equal(store.reads, 1);
  });
}
