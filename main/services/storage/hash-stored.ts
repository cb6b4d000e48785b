import { createHash } from 'node:crypto';
import type { MediaStore } from './media-store';

/** SHA-256 and length of a stored file, streamed in large reads. */
export async function hashStored(
  store: MediaStore,
  hearingId: string,
  name: string,
): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const reader = store.read(hearingId, name).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
    sizeBytes += value.byteLength;
  }
  return { sha256: hash.digest('hex'), sizeBytes };
}
