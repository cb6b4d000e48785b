import { randomUUID } from 'node:crypto';
import type { Db } from '../../main/services/db/database';
import type { HearingStatus } from '../../shared/domain/hearing';

/**
 * Seeds many hearings straight into the database, as the services would have stored them (the
 * procedural record as JSON, recordings, seals, teams, accesses for a reason), in one
 * transaction: 10,000 take about a second. Everything is derived from the index `i`, so a test
 * can compute what a search must find.
 */
export const seedUsers = {
  /** Creates the even hearings. */
  interviewerA: 'seed-interviewer-a',
  /** Creates the odd hearings. */
  interviewerB: 'seed-interviewer-b',
  /** On the team of every fifth hearing. */
  magistrate: 'seed-magistrate',
  /** On no team; an access for a reason to the hearings `i % 1000 === 1`. */
  outsider: 'seed-outsider',
} as const;

export const seedMagistrates = ['Anne Peeters', 'Jean Lambert', 'Sophie Müller', 'Luc Claes', 'Nadia Benali'];

export interface SeededHearing {
  i: number;
  id: string;
  caseReference: string;
  orderReference: string;
  minorName: string;
  hearingDate: string;
  magistrateName: string;
  interviewer: string;
  status: HearingStatus;
  createdBy: string;
  createdAt: string;
}

export function seededHearing(i: number, id: string): SeededHearing {
  const day = new Date(Date.UTC(2024, 0, 1) + (i % 900) * 86_400_000).toISOString().slice(0, 10);
  const status: HearingStatus = i % 7 === 0 ? 'sealed' : i % 11 === 0 ? 'recording' : i % 3 === 0 ? 'recorded' : 'draft';
  return {
    i,
    id,
    caseReference: `BR${String(i).padStart(5, '0')}.${i % 2 === 0 ? 'JU' : 'PK'}/26`,
    orderReference: `ORD-${i}`,
    // A surname no other field carries, so that a search by it can only find it through the name.
    minorName: `Zoë Kindnaam${i}`,
    hearingDate: day,
    magistrateName: seedMagistrates[Math.floor(i / 7) % seedMagistrates.length]!,
    interviewer: `Inspecteur ${['Wouters', 'Dupont', 'Schmitz'][i % 3]}`,
    status,
    createdBy: i % 2 === 0 ? seedUsers.interviewerA : seedUsers.interviewerB,
    createdAt: new Date(Date.UTC(2023, 11, 1) + i * 60_000).toISOString(),
  };
}

export function seedHearings(db: Db, count: number, now: Date = new Date()): SeededHearing[] {
  const hearing = db.prepare(
    `INSERT INTO hearings (id, case_reference, minor_name, date_of_birth, hearing_date, created_at, created_by, procedure, procedure_updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const recording = db.prepare(
    `INSERT INTO recordings (id, hearing_id, segment, status, mime_type, master_file, started_at, stopped_at, duration_ms, size_bytes, chunk_count, sha256)
     VALUES (?, ?, 1, ?, 'video/webm', ?, ?, ?, ?, 0, 0, ?)`,
  );
  const seal = db.prepare(
    `INSERT INTO seals (hearing_id, sealed_at, sealed_by, manifest, manifest_sha256, signature, key_fingerprint, audit_seq, audit_hash)
     VALUES (?, ?, ?, '{}', ?, 'seed', ?, 0, ?)`,
  );
  const team = db.prepare('INSERT INTO hearing_team (hearing_id, user_id, assigned_by, assigned_at) VALUES (?, ?, ?, ?)');
  const grant = db.prepare(
    'INSERT INTO hearing_access_grants (id, hearing_id, user_id, reason, granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const zeros = '0'.repeat(64);
  const seeded: SeededHearing[] = [];
  const account = db.prepare(
    `INSERT OR IGNORE INTO accounts (id, username, display_name, role, password_hash, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'seed: cannot sign in', ?, ?)`,
  );
  db.transaction(() => {
    for (const [key, userId] of Object.entries(seedUsers)) {
      const role = key.startsWith('interviewer') ? 'interviewer' : 'magistrate';
      account.run(userId, userId, `Seed ${key}`, role, now.toISOString(), now.toISOString());
    }
    for (let i = 0; i < count; i++) {
      const h = seededHearing(i, randomUUID());
      const procedure = {
        hearingDate: h.hearingDate,
        personHeard: { name: h.minorName, dateOfBirth: '2015-03-04', dateOfBirthCertain: true, category: 'minor' },
        order: {
          issuedBy: i % 2 === 0 ? 'investigating_judge' : 'public_prosecutor',
          magistrateName: h.magistrateName,
          reference: h.orderReference,
          date: h.hearingDate,
        },
        attendees: [
          { id: randomUUID(), name: h.interviewer, role: 'interviewer', room: 'hearing_room' },
          { id: randomUUID(), name: 'Technicus Peeters', role: 'technician', room: 'control_room' },
          { id: randomUUID(), name: 'Psycholoog Maes', role: 'psychologist', room: 'control_room' },
        ],
      };
      hearing.run(h.id, h.caseReference, h.minorName, '2015-03-04', h.hearingDate, h.createdAt, h.createdBy, JSON.stringify(procedure), h.createdAt);
      if (h.status !== 'draft') {
        const running = h.status === 'recording';
        recording.run(randomUUID(), h.id, running ? 'recording' : 'complete', `${h.id}/segment-1.webm`, h.createdAt, running ? null : h.createdAt, running ? null : 1000, running ? null : zeros);
      }
      if (h.status === 'sealed') seal.run(h.id, h.createdAt, h.createdBy, zeros, zeros, zeros);
      if (i % 5 === 0) team.run(h.id, seedUsers.magistrate, h.createdBy, h.createdAt);
      if (i % 1000 === 1) {
        grant.run(randomUUID(), h.id, seedUsers.outsider, 'Seeded access for a reason.', now.toISOString(), new Date(now.getTime() + 3600_000).toISOString());
      }
      seeded.push(h);
    }
  })();
  return seeded;
}
