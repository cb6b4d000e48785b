import { hashStored } from '../storage/hash-stored';
import type { MediaStore } from '../storage/media-store';
import type { SealSource } from './verify';

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
    sha256: async (name) => (await hashStored(store, hearingId, name)).sha256,
    async open(name) {
      const size = store.size(hearingId, name);
      if (size === null) throw new Error(`${name} is not in the hearing's folder.`);
      return {
        size,
        read: (start, end) => store.readBytes(hearingId, name, start, end),
        close: async () => undefined,
      };
    },
  };
}
