import Database from 'better-sqlite3';
import { closeSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { makePrivateDir, narrowTree, openPrivateFile } from '../storage/private-files';
import { migrations } from './migrations';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  nativeBinding?: string;
}

/**
 * Opens the metadata database: WAL so that readers never block the recording, synchronous=FULL
 * so that a committed row survives a power cut, foreign keys on. Migrations run on every start.
 * The database, its folder and its -wal and -shm files are the owner's only.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  makePrivateDir(dirname(file));
  // SQLite gives the -wal and -shm files it creates the database file's own mode, whatever the
  // umask: so the database file is made first, with the owner's mode.
  closeSync(openPrivateFile(file, 'a'));
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  // Files left by an earlier version, which SQLite reuses as they are.
  for (const companion of [`${file}-wal`, `${file}-shm`]) {
    if (existsSync(companion)) narrowTree(companion);
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** Applies each numbered migration not yet applied, each in its own transaction. */
export function migrate(db: Db): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .pluck()
      .all() as number[],
  );
  const ran: number[] = [];
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
    ran.push(m.version);
  }
  return ran;
}
