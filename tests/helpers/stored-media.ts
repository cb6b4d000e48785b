import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeySlots, keySlotsFile } from '../../main/services/keys/key-slots';
import { SignInState, signInStateFile } from '../../main/services/keys/sign-in-state';
import { EncryptedMediaStore } from '../../main/services/storage/encrypted-media-store';
import { testPassword } from './accounts';
import { tempDir } from './temp';

/**
 * The plaintext of a file the app stored for a hearing, read as the app reads it: through the
 * data key, opened with the test administrator's password (every test folder has `admin`). A data
 * folder without key slots (made plain) is read as it is.
 */
export async function storedBytes(dataDir: string, hearingId: string, name: string): Promise<Buffer> {
  const slots = keySlotsFile(dataDir);
  if (!existsSync(slots)) return readFileSync(join(dataDir, 'hearings', hearingId, name));
  if (!existsSync(join(dataDir, 'hearings', hearingId))) throw new Error(`There is no folder for hearing ${hearingId}.`);
  const state = SignInState.open(signInStateFile(dataDir));
  const keys = await KeySlots.unlock(slots, state.slotIdFor('admin'), testPassword);
  const store = new EncryptedMediaStore(dataDir, keys.dataKey.fileKeys());
  // A working copy is derived in the background after a stop: it may take a few seconds to appear.
  let size = store.size(hearingId, name);
  for (let waited = 0; size === null && waited < 30_000; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    size = store.size(hearingId, name);
  }
  if (size === null) throw new Error(`There is no stored file ${name} for hearing ${hearingId}.`);
  return Buffer.from(await store.readBytes(hearingId, name, 0, size));
}

/** The plaintext of a stored file in a temporary file, for tools such as ffprobe. */
export async function storedCopy(dataDir: string, hearingId: string, name: string): Promise<string> {
  const file = join(tempDir('hearing-room-plain-'), name);
  writeFileSync(file, await storedBytes(dataDir, hearingId, name));
  return file;
}
