import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3-multiple-ciphers';
import { DatabaseKeyError, openDatabase } from '../../main/services/db/database';
import { tempDir } from '../helpers/temp';

const sentinel = 'Sentinel-Childname-7f3a9c';

function holdsSentinel(file: string): boolean {
  return existsSync(file) && readFileSync(file).includes(Buffer.from(sentinel, 'utf8'));
}

test('a database opened with a key holds no plaintext, opens only with that key, and not with the sqlite3 tool', (t) => {
  const dir = tempDir();
  const file = join(dir, 'hearing-room.sqlite');
  const key = randomBytes(32);
  const db = openDatabase(file, { key });
  db.exec('CREATE TABLE probe (value TEXT)');
  db.prepare('INSERT INTO probe (value) VALUES (?)').run(sentinel);
  // Before a checkpoint the row lives in the -wal only: check it there too.
  assert.ok(existsSync(`${file}-wal`));
  assert.equal(holdsSentinel(`${file}-wal`), false, 'the -wal is encrypted');
  assert.equal(holdsSentinel(file), false);
  db.close();
  assert.equal(holdsSentinel(file), false, 'the database file is encrypted');

  const again = openDatabase(file, { key });
  assert.equal(again.prepare('SELECT value FROM probe').pluck().get(), sentinel);
  again.close();

  assert.throws(() => openDatabase(file, { key: randomBytes(32) }), DatabaseKeyError);
  assert.throws(() => new Database(file).prepare('SELECT * FROM probe').all(), /not a database/);

  const cli = spawnSync('sqlite3', [file, 'SELECT value FROM probe;'], { encoding: 'utf8' });
  if (cli.error) {
    t.diagnostic('the sqlite3 tool is not installed here (apt-get install sqlite3)');
  } else {
    assert.notEqual(cli.status, 0, 'the sqlite3 tool cannot read it');
    assert.ok(!cli.stdout.includes(sentinel));
  }
});

test('without a key the database stays plain, as before encryption is switched on', () => {
  const file = join(tempDir(), 'hearing-room.sqlite');
  const db = openDatabase(file);
  db.exec('CREATE TABLE probe (value TEXT)');
  db.prepare('INSERT INTO probe (value) VALUES (?)').run(sentinel);
  db.close();
  assert.ok(holdsSentinel(file), 'the same check finds the plaintext in a plain database');
  assert.throws(() => openDatabase(file, { key: randomBytes(32) }), DatabaseKeyError);
});
