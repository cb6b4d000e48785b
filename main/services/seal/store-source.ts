import { hashStored } from '../storage/hash-stored';
import type { MediaStore } from '../storage/media-store';
import { MediaIntegrityError } from '../storage/media-frames';
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
    sha256: async (name) => {
      try {
        return (await hashStored(store, hearingId, name)).sha256;
      } catch (err) {
        // An encrypted file whose frames fail their check was changed on disk: as a changed hash.
        if (err instanceof MediaIntegrityError) return 'none: its encrypted frames fail their integrity check';
        throw err;
      }
    },
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
