import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { openHostKey } from '../../main/host/host-key';
import { openDatabase } from '../../main/services/db/database';
import { ctx, openSealing, recordedHearing } from '../helpers/sealing';
import { tempDir } from '../helpers/temp';

// The umask many systems default to: without explicit modes, everything would be readable by all.
const previousUmask = process.umask(0o022);
after(() => process.umask(previousUmask));

/** Every folder and file below `root` (root included) whose mode is not the owner's only. */
function wideModes(root: string): string[] {
  const wide: string[] = [];
  const walk = (path: string) => {
    const stat = lstatSync(path);
    const mode = stat.mode & 0o777;
    const name = relative(root, path) || '.';
    if (stat.isDirectory()) {
      if (mode !== 0o700) wide.push(`${name}/ ${mode.toString(8)}`);
      for (const entry of readdirSync(path)) walk(join(path, entry));
    } else if (mode !== 0o600) {
      wide.push(`${name} ${mode.toString(8)}`);
    }
  };
  walk(root);
  return wide;
}

/** The names of every file below `root`, to show the check saw what it had to. */
function fileNames(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

const onPosix = process.platform !== 'win32';

describe('file modes under a umask of 022', { skip: onPosix ? false : 'Windows has no POSIX modes' }, () => {
  test('the data folder, every folder in it and every file are the owner’s only', async () => {
    const dataDir = tempDir();
    chmodSync(dataDir, 0o755);
    // A hearing folder left by an earlier version, readable by all.
    mkdirSync(join(dataDir, 'hearings', 'earlier'), { recursive: true, mode: 0o755 });
    writeFileSync(join(dataDir, 'hearings', 'earlier', 'segment-001-master.webm'), 'x', { mode: 0o644 });
    const destination = tempDir();

    const s = openSealing(dataDir);
    try {
      const hearingId = await recordedHearing(s, 'AN.55.F1.000123/26', 2);
      // WrittenRecordService stores its PDF through the same call.
      s.store.writeAtomic(hearingId, 'written-record.pdf', new TextEncoder().encode('%PDF-1.7'));
      await s.seals.seal(hearingId, ctx);
      await s.exporter.exportHearing(hearingId, destination, ctx);

      const names = fileNames(dataDir);
      for (const expected of [
        'hearing-room.sqlite',
        'hearing-room.sqlite-wal',
        'hearing-room.sqlite-shm',
        'segment-001-master.webm',
        'segment-002-working.webm',
        'written-record.pdf',
        'manifest.json',
        'manifest.sig',
        'public-key.pem',
        'audit.jsonl',
      ]) {
        assert.ok(names.includes(expected), `${expected} was not made: ${names.join(', ')}`);
      }
      assert.ok(readdirSync(join(dataDir, 'keys')).length > 0, 'no key file was made');
      assert.deepEqual(wideModes(dataDir), []);

      const exported = fileNames(destination);
      assert.ok(exported.includes('hearing-room-verify.mjs') && exported.some((n) => n.endsWith('.zip')));
      assert.deepEqual(wideModes(destination), []);
    } finally {
      s.close();
    }

    // SQLite removes its -wal and -shm files on close and makes them again on the next open.
    const db = openDatabase(join(dataDir, 'hearing-room.sqlite'));
    try {
      db.prepare('SELECT count(*) FROM hearings').get();
      assert.ok(fileNames(dataDir).includes('hearing-room.sqlite-shm'));
      assert.deepEqual(wideModes(dataDir), []);
    } finally {
      db.close();
    }
  });

  test('the web host’s key folder and development passphrase are the owner’s only', () => {
    const dataDir = tempDir();
    const passphrase = process.env.HEARING_ROOM_KEY_PASSPHRASE;
    delete process.env.HEARING_ROOM_KEY_PASSPHRASE;
    try {
      openHostKey(dataDir).publicKeyPem();
    } finally {
      if (passphrase !== undefined) process.env.HEARING_ROOM_KEY_PASSPHRASE = passphrase;
    }
    assert.ok(fileNames(dataDir).includes('development-passphrase'));
    assert.deepEqual(wideModes(dataDir), []);
  });
});
