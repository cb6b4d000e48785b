import { createHash } from 'node:crypto';
import type { MediaStore } from '../storage/media-store';
import type { SealSource } from './verify';

/** SHA-256 of a file in the media store, streamed. */
export async function hashStored(
  store: MediaStore,
  hearingId: string,
  name: string,
): Promise<string> {
  const hash = createHash('sha256');
  const reader = store.read(hearingId, name).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
  }
  return hash.digest('hex');
}

/** A hearing's folder in the media store, as the verifier reads it. */
export function storeSource(store: MediaStore, hearingId: string): SealSource {
  return {
    async readFile(name) {
      const size = store.size(hearingId, name);
      return size === null ? null : store.readBytes(hearingId, name, 0, size);
    },
    async size(name) {
      return store.size(hearingId, name);
    },
    sha256: (name) => hashStored(store, hearingId, name),
  };
}
