import { existsSync } from 'node:fs';
import { databaseFile } from '../../main/services/app';
import { openDatabase, type Db } from '../../main/services/db/database';
import { KeySlots, keySlotsFile } from '../../main/services/keys/key-slots';
import { SignInState, signInStateFile } from '../../main/services/keys/sign-in-state';
import { testPassword } from './accounts';

/**
 * The app's database of a data folder, opened as the app opens it: with the database key derived
 * from the data key, unlocked with the test administrator's password (every test folder has
 * `admin`). A data folder without key slots (made plain) is opened as it is. The database is in
 * WAL mode: what this connection commits is seen by a running host at its next read.
 */
export async function openStoredDatabase(dataDir: string): Promise<Db> {
  const file = databaseFile(dataDir);
  if (!existsSync(file)) throw new Error(`There is no database in ${dataDir}.`);
  const slots = keySlotsFile(dataDir);
  if (!existsSync(slots)) return openDatabase(file);
  const state = SignInState.open(signInStateFile(dataDir));
  const keys = await KeySlots.unlock(slots, state.slotIdFor('admin'), testPassword);
  return openDatabase(file, { key: keys.dataKey.databaseKey() });
}

/**
 * Tampering, for tests of the verifier: flips the lowest bit of one byte of a signed addendum's
 * stored JSON, the first character of its author's display name, so that the body stays valid,
 * canonical JSON of the same shape and only its signature tells. The database refuses to change
 * an addendum (trigger annotation_addenda_no_update): the trigger is dropped, the row changed and
 * the trigger made again, in one transaction. Returns the body before and after.
 */
export async function flipAddendumByte(
  dataDir: string,
  hearingId: string,
  number: number,
): Promise<{ before: string; after: string }> {
  const db = await openStoredDatabase(dataDir);
  try {
    const row = db
      .prepare('SELECT body FROM annotation_addenda WHERE hearing_id = ? AND number = ?')
      .get(hearingId, number) as { body: string } | undefined;
    if (!row) throw new Error(`Hearing ${hearingId} has no addendum ${number}.`);
    const before = row.body;
    const marker = '"displayName":"';
    const at = before.indexOf(marker) + marker.length;
    if (at < marker.length) throw new Error(`Addendum ${number} names no author: ${before}`);
    const original = before.charCodeAt(at);
    const flipped = original ^ 1;
    // A letter or digit stays one with its lowest bit flipped, so the JSON stays valid and canonical.
    if (!/^[A-Za-z0-9]$/.test(String.fromCharCode(original))) {
      throw new Error(`Addendum ${number}: the author's name starts with ${JSON.stringify(before[at])}, not a letter or digit.`);
    }
    const after = before.slice(0, at) + String.fromCharCode(flipped) + before.slice(at + 1);
    const trigger = db
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'annotation_addenda_no_update'")
      .get() as { sql: string } | undefined;
    if (!trigger) throw new Error('The database has no trigger annotation_addenda_no_update.');
    db.transaction(() => {
      db.exec('DROP TRIGGER annotation_addenda_no_update');
      const changed = db
        .prepare('UPDATE annotation_addenda SET body = ? WHERE hearing_id = ? AND number = ?')
        .run(after, hearingId, number).changes;
      if (changed !== 1) throw new Error(`Addendum ${number}: ${changed} rows changed, not 1.`);
      db.exec(trigger.sql);
    })();
    return { before, after };
  } finally {
    db.close();
  }
}
