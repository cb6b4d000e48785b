import { createHash } from 'node:crypto';
import type { MediaStore } from './media-store';

interface KnownHash {
  fingerprint: string;
  sha256: string;
  sizeBytes: number;
}

/** Hashes this process computed or wrote, by store and file, with the file's fingerprint then. */
const known = new WeakMap<MediaStore, Map<string, KnownHash>>();

const keyOf = (hearingId: string, name: string) => `${hearingId}/${name}`;

/**
 * Records the hash of a file this process has just written whole (a master, hashed chunk by
 * chunk as it was appended), so that it is not read again while the file stays as it is.
 */
export function rememberHash(
  store: MediaStore,
  hearingId: string,
  name: string,
  value: { sha256: string; sizeBytes: number },
): void {
  const fingerprint = store.fingerprint?.(hearingId, name) ?? null;
  if (fingerprint === null) return;
  let map = known.get(store);
  if (!map) known.set(store, (map = new Map()));
  map.set(keyOf(hearingId, name), { fingerprint, ...value });
}

/**
 * SHA-256 and length of a stored file, streamed in large reads.
 *
 * With `reuse`, a hash this process computed or recorded earlier is given back without reading
 * the file again when the file's fingerprint (device, inode, size, change and modification times)
 * is still the one it had then: any write, replacement or move changes it. Sealing reuses; the
 * verifier and `hearings.verify` always read every byte.
 */
export async function hashStored(
  store: MediaStore,
  hearingId: string,
  name: string,
  options: { reuse?: boolean } = {},
): Promise<{ sha256: string; sizeBytes: number }> {
  const before = store.fingerprint?.(hearingId, name) ?? null;
  const key = keyOf(hearingId, name);
  if (options.reuse && before !== null) {
    const hit = known.get(store)?.get(key);
    if (hit && hit.fingerprint === before) return { sha256: hit.sha256, sizeBytes: hit.sizeBytes };
  }
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const reader = store.read(hearingId, name).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
    sizeBytes += value.byteLength;
  }
  const result = { sha256: hash.digest('hex'), sizeBytes };
  // Kept only when the file did not change while it was read.
  if (before !== null && store.fingerprint?.(hearingId, name) === before) {
    let map = known.get(store);
    if (!map) known.set(store, (map = new Map()));
    map.set(key, { fingerprint: before, ...result });
  }
  return result;
}
