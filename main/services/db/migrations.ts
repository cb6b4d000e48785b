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
  {
    version: 2,
    name: 'seals, and sealed hearings fixed',
    sql: `
      -- One seal per hearing: the signed manifest, its hash, and where the audit chain stood.
      CREATE TABLE seals (
        hearing_id TEXT PRIMARY KEY REFERENCES hearings(id),
        sealed_at TEXT NOT NULL,
        sealed_by TEXT NOT NULL,
        manifest TEXT NOT NULL,
        manifest_sha256 TEXT NOT NULL,
        signature TEXT NOT NULL,
        key_fingerprint TEXT NOT NULL,
        audit_seq INTEGER NOT NULL,
        audit_hash TEXT NOT NULL
      );
      CREATE TRIGGER seals_no_update BEFORE UPDATE ON seals
        BEGIN SELECT RAISE(ABORT, 'a seal cannot be changed'); END;
      CREATE TRIGGER seals_no_delete BEFORE DELETE ON seals
        BEGIN SELECT RAISE(ABORT, 'a seal cannot be removed'); END;
      CREATE TRIGGER seals_not_while_recording BEFORE INSERT ON seals
        WHEN EXISTS (SELECT 1 FROM recordings WHERE hearing_id = NEW.hearing_id AND status = 'recording')
        BEGIN SELECT RAISE(ABORT, 'a hearing cannot be sealed while one of its recordings is running'); END;

      -- Once sealed, a hearing, its recordings and their chunks are fixed.
      CREATE TRIGGER hearings_sealed_fixed BEFORE UPDATE ON hearings
        WHEN EXISTS (SELECT 1 FROM seals WHERE hearing_id = OLD.id)
        BEGIN SELECT RAISE(ABORT, 'a sealed hearing cannot be changed'); END;
      CREATE TRIGGER hearings_sealed_no_delete BEFORE DELETE ON hearings
        WHEN EXISTS (SELECT 1 FROM seals WHERE hearing_id = OLD.id)
        BEGIN SELECT RAISE(ABORT, 'a sealed hearing cannot be deleted'); END;
      CREATE TRIGGER recordings_sealed_no_insert BEFORE INSERT ON recordings
        WHEN EXISTS (SELECT 1 FROM seals WHERE hearing_id = NEW.hearing_id)
        BEGIN SELECT RAISE(ABORT, 'a sealed hearing cannot be recorded again'); END;
      CREATE TRIGGER recordings_sealed_fixed BEFORE UPDATE ON recordings
        WHEN EXISTS (SELECT 1 FROM seals WHERE hearing_id IN (OLD.hearing_id, NEW.hearing_id))
        BEGIN SELECT RAISE(ABORT, 'a recording of a sealed hearing cannot be changed'); END;
      CREATE TRIGGER recording_chunks_sealed_no_insert BEFORE INSERT ON recording_chunks
        WHEN EXISTS (
          SELECT 1 FROM recordings r JOIN seals s ON s.hearing_id = r.hearing_id WHERE r.id = NEW.recording_id)
        BEGIN SELECT RAISE(ABORT, 'a recording of a sealed hearing cannot get new chunks'); END;
    `,
  },
  {
    version: 3,
    name: 'procedural record, event log, stop reasons',
    sql: `
      -- The procedural record as saved section by section (JSON of the draft schema).
      ALTER TABLE hearings ADD COLUMN procedure TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE hearings ADD COLUMN procedure_updated_at TEXT;
      ALTER TABLE recordings ADD COLUMN stop_reason TEXT;

      CREATE TABLE hearing_events (
        id TEXT PRIMARY KEY,
        hearing_id TEXT NOT NULL REFERENCES hearings(id),
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        recording_id TEXT REFERENCES recordings(id),
        offset_ms INTEGER,
        details TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        UNIQUE (hearing_id, seq)
      );
      CREATE TRIGGER hearing_events_no_update BEFORE UPDATE ON hearing_events
        BEGIN SELECT RAISE(ABORT, 'hearing events cannot be changed'); END;
      CREATE TRIGGER hearing_events_no_delete BEFORE DELETE ON hearing_events
        BEGIN SELECT RAISE(ABORT, 'hearing events cannot be deleted'); END;
      CREATE TRIGGER hearing_events_sealed_no_insert BEFORE INSERT ON hearing_events
        WHEN EXISTS (SELECT 1 FROM seals WHERE hearing_id = NEW.hearing_id)
        BEGIN SELECT RAISE(ABORT, 'a sealed hearing cannot get new events'); END;
    `,
  },
  {
    version: 4,
    name: 'the written record and the state it was printed from',
    sql: `
      -- The last written record printed for a hearing: the file's digest, and a digest of the
      -- record, events and recordings it was printed from, so that a seal can tell it is stale.
      CREATE TABLE written_records (
        hearing_id TEXT PRIMARY KEY REFERENCES hearings(id),
        generated_at TEXT NOT NULL,
        language TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        state_sha256 TEXT NOT NULL
      );
      CREATE TRIGGER written_records_sealed_no_insert BEFORE INSERT ON written_records
        WHEN EXISTS (SELECT 1 FROM seals WHERE hearing_id = NEW.hearing_id)
        BEGIN SELECT RAISE(ABORT, 'the written record of a sealed hearing cannot change'); END;
      CREATE TRIGGER written_records_sealed_fixed BEFORE UPDATE ON written_records
        WHEN EXISTS (SELECT 1 FROM seals WHERE hearing_id = OLD.hearing_id)
        BEGIN SELECT RAISE(ABORT, 'the written record of a sealed hearing cannot change'); END;
      CREATE TRIGGER written_records_no_delete BEFORE DELETE ON written_records
        BEGIN SELECT RAISE(ABORT, 'a written record is not removed'); END;
    `,
  },
  {
    version: 5,
    name: 'accounts, hearing teams, access for a reason, settings',
    sql: `
      -- Local accounts. The password is kept only as an Argon2id hash (PHC string, parameters in it).
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      -- The people assigned to a hearing; its creator is on the team through hearings.created_by.
      CREATE TABLE hearing_team (
        hearing_id TEXT NOT NULL REFERENCES hearings(id),
        user_id TEXT NOT NULL REFERENCES accounts(id),
        assigned_by TEXT NOT NULL,
        assigned_at TEXT NOT NULL,
        PRIMARY KEY (hearing_id, user_id)
      ) WITHOUT ROWID;

      -- Access for a reason: an outsider opened the hearing, saying why. Kept, never removed.
      CREATE TABLE hearing_access_grants (
        id TEXT PRIMARY KEY,
        hearing_id TEXT NOT NULL REFERENCES hearings(id),
        user_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        granted_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX hearing_access_grants_by_user ON hearing_access_grants (user_id, hearing_id);
      CREATE TRIGGER hearing_access_grants_no_update BEFORE UPDATE ON hearing_access_grants
        BEGIN SELECT RAISE(ABORT, 'an access for a reason cannot be changed'); END;
      CREATE TRIGGER hearing_access_grants_no_delete BEFORE DELETE ON hearing_access_grants
        BEGIN SELECT RAISE(ABORT, 'an access for a reason cannot be removed'); END;

      -- The installation's own secrets and settings: the recovery key's verifier, the lock delay.
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 6,
    name: 'annotations of the recordings',
    sql: `
      -- Time-aligned annotations on the hearing's timeline (shared/coding): one row each, with the
      -- coding scheme it was made under and its author. Changed only before the seal; what comes
      -- after the seal is an addendum, never a change to a sealed hearing.
      CREATE TABLE annotations (
        id TEXT PRIMARY KEY,
        hearing_id TEXT NOT NULL REFERENCES hearings(id),
        scheme_id TEXT NOT NULL,
        scheme_version TEXT NOT NULL,
        tier_id TEXT NOT NULL,
        code TEXT,
        text TEXT,
        start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
        end_ms INTEGER NOT NULL CHECK (end_ms >= start_ms),
        author_id TEXT NOT NULL,
        author_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT
      );
      CREATE INDEX annotations_by_hearing ON annotations (hearing_id, start_ms);
      CREATE TRIGGER annotations_sealed_no_insert BEFORE INSERT ON annotations
        WHEN EXISTS (SELECT 1 FROM seals WHERE hearing_id = NEW.hearing_id)
        BEGIN SELECT RAISE(ABORT, 'a sealed hearing takes annotations only as addenda'); END;
      CREATE TRIGGER annotations_sealed_fixed BEFORE UPDATE ON annotations
        WHEN EXISTS (SELECT 1 FROM seals WHERE hearing_id = OLD.hearing_id)
        BEGIN SELECT RAISE(ABORT, 'the annotations of a sealed hearing cannot change'); END;
      CREATE TRIGGER annotations_sealed_no_delete BEFORE DELETE ON annotations
        WHEN EXISTS (SELECT 1 FROM seals WHERE hearing_id = OLD.hearing_id)
        BEGIN SELECT RAISE(ABORT, 'the annotations of a sealed hearing cannot be removed'); END;
    `,
  },
  {
    version: 9,
    name: 'signed addenda after the seal',
    sql: `
      -- What is added to a sealed hearing (annotations): each addendum the canonical JSON that was
      -- signed, its SHA-256 and its Ed25519 signature (base64), numbered 1, 2, 3... per hearing
      -- (main/services/seal/addenda.ts). Only after a seal; never changed, never removed.
      CREATE TABLE annotation_addenda (
        hearing_id TEXT NOT NULL REFERENCES hearings(id),
        number INTEGER NOT NULL CHECK (number >= 1),
        body TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        signature TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        PRIMARY KEY (hearing_id, number)
      ) WITHOUT ROWID;
      CREATE TRIGGER annotation_addenda_after_seal BEFORE INSERT ON annotation_addenda
        WHEN NOT EXISTS (SELECT 1 FROM seals WHERE hearing_id = NEW.hearing_id)
        BEGIN SELECT RAISE(ABORT, 'an addendum follows a seal: this hearing is not sealed'); END;
      CREATE TRIGGER annotation_addenda_no_update BEFORE UPDATE ON annotation_addenda
        BEGIN SELECT RAISE(ABORT, 'a signed addendum cannot be changed'); END;
      CREATE TRIGGER annotation_addenda_no_delete BEFORE DELETE ON annotation_addenda
        BEGIN SELECT RAISE(ABORT, 'a signed addendum cannot be removed'); END;
    `,
  },
  {
    version: 12,
    name: 'planned hearings, corrections before the seal, removed hearings',
    sql: `
      -- The instant a hearing is planned for (ISO with offset); readiness is judged for it until recording.
      ALTER TABLE hearings ADD COLUMN planned_at TEXT;

      -- The hearing's own history of corrections (and of replanning): the old and new values stay
      -- here, with who, when and why. The audit chain keeps only field names and digests.
      CREATE TABLE hearing_corrections (
        id TEXT PRIMARY KEY,
        hearing_id TEXT NOT NULL REFERENCES hearings(id),
        field TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT,
        reason TEXT NOT NULL,
        corrected_by TEXT NOT NULL,
        corrected_at TEXT NOT NULL
      );
      CREATE INDEX hearing_corrections_by_hearing ON hearing_corrections (hearing_id, corrected_at);
      CREATE TRIGGER hearing_corrections_no_update BEFORE UPDATE ON hearing_corrections
        BEGIN SELECT RAISE(ABORT, 'a correction cannot be changed'); END;
      CREATE TRIGGER hearing_corrections_sealed_no_insert BEFORE INSERT ON hearing_corrections
        WHEN EXISTS (SELECT 1 FROM seals WHERE hearing_id = NEW.hearing_id)
        BEGIN SELECT RAISE(ABORT, 'a sealed hearing is corrected only by an addendum'); END;
      -- Corrections hold personal data: they go only with the hearing's removal.
      CREATE TRIGGER hearing_corrections_no_delete BEFORE DELETE ON hearing_corrections
        WHEN NOT EXISTS (SELECT 1 FROM hearing_removals WHERE hearing_id = OLD.hearing_id)
        BEGIN SELECT RAISE(ABORT, 'a correction cannot be removed'); END;

      -- The tombstone of a hearing removed before any recording: who, when, why; no child's data.
      CREATE TABLE hearing_removals (
        hearing_id TEXT PRIMARY KEY REFERENCES hearings(id),
        removed_at TEXT NOT NULL,
        removed_by TEXT NOT NULL,
        reason TEXT NOT NULL
      );
      CREATE TRIGGER hearing_removals_no_update BEFORE UPDATE ON hearing_removals
        BEGIN SELECT RAISE(ABORT, 'a removal cannot be changed'); END;
      CREATE TRIGGER hearing_removals_no_delete BEFORE DELETE ON hearing_removals
        BEGIN SELECT RAISE(ABORT, 'a removal cannot be undone'); END;
      CREATE TRIGGER hearing_removals_not_recorded BEFORE INSERT ON hearing_removals
        WHEN EXISTS (SELECT 1 FROM recordings WHERE hearing_id = NEW.hearing_id)
          OR EXISTS (SELECT 1 FROM seals WHERE hearing_id = NEW.hearing_id)
        BEGIN SELECT RAISE(ABORT, 'a recorded or sealed hearing cannot be removed'); END;
      -- A removed hearing cannot be recorded.
      CREATE TRIGGER recordings_removed_no_insert BEFORE INSERT ON recordings
        WHEN EXISTS (SELECT 1 FROM hearing_removals WHERE hearing_id = NEW.hearing_id)
        BEGIN SELECT RAISE(ABORT, 'a removed hearing cannot be recorded'); END;
      -- The events of a removed hearing (never of a recorded one) go with its personal data.
      DROP TRIGGER hearing_events_no_delete;
      CREATE TRIGGER hearing_events_no_delete BEFORE DELETE ON hearing_events
        WHEN NOT EXISTS (SELECT 1 FROM hearing_removals WHERE hearing_id = OLD.hearing_id)
        BEGIN SELECT RAISE(ABORT, 'hearing events cannot be deleted'); END;
    `,
  },
  {
    version: 13,
    name: 'signed checkpoints of the audit log',
    sql: `
      -- At every seal and export the installation signs how many entries its audit log has and
      -- the hash of the last one (main/services/seal/checkpoints.ts). Kept, never changed.
      CREATE TABLE audit_checkpoints (
        id INTEGER PRIMARY KEY,
        entries INTEGER NOT NULL CHECK (entries >= 0),
        head TEXT NOT NULL,
        at TEXT NOT NULL,
        key_fingerprint TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('seal', 'export')),
        hearing_id TEXT,
        body TEXT NOT NULL,
        signature TEXT NOT NULL
      );
      CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
        BEGIN SELECT RAISE(ABORT, 'a checkpoint of the audit log cannot be changed'); END;
      CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
        BEGIN SELECT RAISE(ABORT, 'a checkpoint of the audit log cannot be removed'); END;
    `,
  },
  {
    version: 14,
    name: 'tiers imported from ELAN files',
    sql: `
      -- A tier of an ELAN file that the coding scheme lacks, kept for its hearing
      -- (shared/coding/imported-tiers.ts): the definition is JSON, checked in main when written
      -- and read. Added only before the seal; never changed, removed only with the hearing.
      CREATE TABLE imported_tiers (
        hearing_id TEXT NOT NULL REFERENCES hearings(id),
        tier_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        definition TEXT NOT NULL,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (hearing_id, tier_id)
      );
      CREATE TRIGGER imported_tiers_no_update BEFORE UPDATE ON imported_tiers
        BEGIN SELECT RAISE(ABORT, 'an imported tier cannot be changed'); END;
      CREATE TRIGGER imported_tiers_no_delete BEFORE DELETE ON imported_tiers
        WHEN NOT EXISTS (SELECT 1 FROM hearing_removals WHERE hearing_id = OLD.hearing_id)
        BEGIN SELECT RAISE(ABORT, 'an imported tier is removed only with its hearing'); END;
    `,
  },
];
