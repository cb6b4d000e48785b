export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Numbered migrations, applied in order at start. Never edit one that has shipped: add the next.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'hearings, recordings and the audit log',
    sql: `
      CREATE TABLE hearings (
        id TEXT PRIMARY KEY,
        case_reference TEXT NOT NULL,
        minor_name TEXT NOT NULL,
        date_of_birth TEXT NOT NULL,
        hearing_date TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      );

      CREATE TABLE recordings (
        id TEXT PRIMARY KEY,
        hearing_id TEXT NOT NULL REFERENCES hearings(id),
        segment INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('recording', 'complete', 'interrupted')),
        mime_type TEXT NOT NULL,
        master_file TEXT NOT NULL,
        working_file TEXT,
        started_at TEXT NOT NULL,
        stopped_at TEXT,
        duration_ms INTEGER,
        size_bytes INTEGER NOT NULL DEFAULT 0,
        chunk_count INTEGER NOT NULL DEFAULT 0,
        sha256 TEXT,
        UNIQUE (hearing_id, segment)
      );
      CREATE INDEX recordings_by_hearing ON recordings (hearing_id);

      CREATE TABLE recording_chunks (
        recording_id TEXT NOT NULL REFERENCES recordings(id),
        seq INTEGER NOT NULL,
        offset INTEGER NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        written_at TEXT NOT NULL,
        PRIMARY KEY (recording_id, seq)
      ) WITHOUT ROWID;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id TEXT NOT NULL,
        role TEXT NOT NULL,
        action TEXT NOT NULL,
        hearing_id TEXT,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      );
      CREATE INDEX audit_by_hearing ON audit_log (hearing_id);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit entries cannot be deleted'); END;

      -- A chunk is evidence once written: it is never changed or removed.
      CREATE TRIGGER recording_chunks_no_update BEFORE UPDATE ON recording_chunks
        BEGIN SELECT RAISE(ABORT, 'recorded chunks cannot be changed'); END;
      CREATE TRIGGER recording_chunks_no_delete BEFORE DELETE ON recording_chunks
        BEGIN SELECT RAISE(ABORT, 'recorded chunks cannot be deleted'); END;
      -- A finished recording's facts are fixed; only its working copy may be added later.
      CREATE TRIGGER recordings_finished_fixed BEFORE UPDATE ON recordings
        WHEN OLD.status <> 'recording' AND (
          NEW.status IS NOT OLD.status OR NEW.sha256 IS NOT OLD.sha256 OR
          NEW.size_bytes IS NOT OLD.size_bytes OR NEW.master_file IS NOT OLD.master_file OR
          NEW.stopped_at IS NOT OLD.stopped_at OR NEW.duration_ms IS NOT OLD.duration_ms)
        BEGIN SELECT RAISE(ABORT, 'a finished recording cannot be changed'); END;
      CREATE TRIGGER recordings_no_delete BEFORE DELETE ON recordings
        BEGIN SELECT RAISE(ABORT, 'recordings cannot be deleted'); END;
    `,
  },
];
