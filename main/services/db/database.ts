import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { makePrivateDir, narrowTree, openPrivateFile } from '../storage/private-files';
import { migrations } from './migrations';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  nativeBinding?: string;
  /**
   * The 32-byte key the database is encrypted with (SQLCipher 4's format: AES-256-CBC pages with
   * an HMAC-SHA512 each), a key derived from the data key (main/services/keys). Without it the
   * database is plain, as before encryption is switched on.
   */
  key?: Buffer;
}

export class DatabaseKeyError extends Error {
  constructor(file: string) {
    super(
      `The database ${file} does not open with this installation's key: it is not encrypted, it was encrypted with another key, or it is damaged. Restore the data folder from its backup as a whole (database and keys/ together).`,
    );
    this.name = 'DatabaseKeyError';
  }
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
  if (options.key) applyKey(db, file, options.key);
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

/**
 * Keys the connection before anything reads or writes a page, and proves the key at once: SQLite
 * would otherwise report a wrong key only at the first query, as "file is not a database".
 */
function applyKey(db: Db, file: string, key: Buffer): void {
  if (key.byteLength !== 32) throw new Error('The database key must be 32 bytes.');
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  // The x'…' form hands SQLCipher the key itself, so it skips its own (slow) passphrase derivation.
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  // Temporary tables and sort files stay in memory, never in plain files beside the database.
  db.pragma('temp_store = MEMORY');
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    db.close();
    if ((err as { code?: unknown }).code === 'SQLITE_NOTADB') throw new DatabaseKeyError(file);
    throw err;
  }
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
