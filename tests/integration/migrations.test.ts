import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { migrate, openDatabase } from '../../main/services/db/database';
import { migrations } from '../../main/services/db/migrations';
import { tempDir } from '../helpers/temp';

test('migrations run once, and running them again changes nothing', () => {
  const file = join(tempDir(), 'db.sqlite');
  const db = openDatabase(file);
  const applied = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
  assert.deepEqual(applied, migrations.map((m) => m.version));
  db.prepare(
    "INSERT INTO hearings (id, case_reference, minor_name, date_of_birth, hearing_date, created_at, created_by) VALUES ('h1', 'ref', 'name', '2014-01-01', '2026-01-01', '2026-01-01T00:00:00Z', 'u')",
  ).run();
  assert.deepEqual(migrate(db), []);
  db.close();

  const again = openDatabase(file);
  assert.deepEqual(migrate(again), []);
  assert.equal(again.prepare('SELECT COUNT(*) FROM hearings').pluck().get(), 1);
  assert.equal(again.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(again.pragma('synchronous', { simple: true }), 2);
  assert.equal(again.pragma('foreign_keys', { simple: true }), 1);
  again.close();
});

test('migration versions are numbered in increasing order, each once', () => {
  // Parallel work reserves version numbers, so a branch may hold 12 before 7.
  assert.equal(migrations[0]?.version, 1);
  migrations.forEach((m, i) => {
    if (i > 0) assert.ok(m.version > migrations[i - 1]!.version, `migration ${m.version} comes after ${migrations[i - 1]!.version}`);
  });
});

test('audit entries and recorded chunks cannot be changed or deleted', () => {
  const db = openDatabase(join(tempDir(), 'db.sqlite'));
  db.prepare(
    "INSERT INTO audit_log (seq, at, user_id, role, action, hearing_id, details, prev_hash, hash) VALUES (1, 'now', 'u', 'r', 'a', NULL, '{}', 'p', 'h')",
  ).run();
  assert.throws(() => db.prepare("UPDATE audit_log SET action = 'b'").run(), /cannot be changed/);
  assert.throws(() => db.prepare('DELETE FROM audit_log').run(), /cannot be deleted/);
  db.close();
});
