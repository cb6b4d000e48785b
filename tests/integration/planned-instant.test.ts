import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openDatabase } from '../../main/services/db/database';
import { HearingChanges } from '../../main/services/hearing-changes';
import { HearingService } from '../../main/services/hearings';
import { ProcedureService } from '../../main/services/procedure';
import type { RecordingService } from '../../main/services/recordings';
import { localOperator } from '../../shared/api/caller';
import { currentRuleSet } from '../../shared/rules/ruleset';
import { tempDir } from '../helpers/temp';

/**
 * The planned instant decides the day the rules are checked for, in Brussels time: a minute
 * before local midnight is still the day before, whatever the UTC date, on either side of the
 * changes to and from summer time (29 March and 25 October 2026, 28 March and 31 October 2027).
 * Each row runs main's own services on a database, with the clock set to `now`.
 */
const rows: Array<{ what: string; now: string; born: string; plannedAt: string; day: string; age: number; minor: boolean }> = [
  // Summer time starts on 29 March 2026 at 02:00 (01:00 UTC); the night before is still UTC+1.
  { what: '23:59 on 28 March 2026, the day before turning 12', now: '2026-03-20T10:00:00Z', born: '2014-03-29', plannedAt: '2026-03-28T22:59:00Z', day: '2026-03-28', age: 11, minor: true },
  { what: '00:00 on 29 March 2026, the 12th birthday', now: '2026-03-20T10:00:00Z', born: '2014-03-29', plannedAt: '2026-03-28T23:00:00Z', day: '2026-03-29', age: 12, minor: true },
  { what: '03:30 summer time on 29 March 2026, given with its +02:00 offset', now: '2026-03-20T10:00:00Z', born: '2014-03-29', plannedAt: '2026-03-29T03:30:00+02:00', day: '2026-03-29', age: 12, minor: true },
  // Summer time ends on 25 October 2026 at 03:00 (01:00 UTC); the night before is UTC+2.
  { what: '23:59 summer time on 24 October 2026, the day before turning 18', now: '2026-10-01T10:00:00Z', born: '2008-10-25', plannedAt: '2026-10-24T21:59:00Z', day: '2026-10-24', age: 17, minor: true },
  { what: '00:00 summer time on 25 October 2026, the 18th birthday', now: '2026-10-01T10:00:00Z', born: '2008-10-25', plannedAt: '2026-10-24T22:00:00Z', day: '2026-10-25', age: 18, minor: false },
  { what: '23:59 winter time on 25 October 2026, still the birthday', now: '2026-10-01T10:00:00Z', born: '2008-10-26', plannedAt: '2026-10-25T22:59:00Z', day: '2026-10-25', age: 17, minor: true },
  { what: '00:00 winter time on 26 October 2026, the next day', now: '2026-10-01T10:00:00Z', born: '2008-10-26', plannedAt: '2026-10-25T23:00:00Z', day: '2026-10-26', age: 18, minor: false },
  // 2027: summer time from 28 March, winter time from 31 October.
  { what: '23:59 on 27 March 2027, the day before turning 12', now: '2027-03-01T10:00:00Z', born: '2015-03-28', plannedAt: '2027-03-27T22:59:00Z', day: '2027-03-27', age: 11, minor: true },
  { what: '00:00 on 28 March 2027, the 12th birthday', now: '2027-03-01T10:00:00Z', born: '2015-03-28', plannedAt: '2027-03-27T23:00:00Z', day: '2027-03-28', age: 12, minor: true },
  { what: '23:59 summer time on 30 October 2027, the day before turning 18', now: '2027-10-01T10:00:00Z', born: '2009-10-31', plannedAt: '2027-10-30T21:59:00Z', day: '2027-10-30', age: 17, minor: true },
  { what: '00:00 summer time on 31 October 2027, the 18th birthday', now: '2027-10-01T10:00:00Z', born: '2009-10-31', plannedAt: '2027-10-30T22:00:00Z', day: '2027-10-31', age: 18, minor: false },
];

const noRecordings = { listForHearing: () => [] } as unknown as RecordingService;
const ctx = localOperator('internal');

function servicesAt(now: string) {
  const db = openDatabase(join(tempDir(), 'db.sqlite'));
  const clock = () => new Date(now);
  const procedure = new ProcedureService(db, currentRuleSet, clock);
  return {
    db,
    hearings: new HearingService(db, noRecordings, () => [], clock),
    procedure,
    changes: new HearingChanges(db, procedure, clock),
  };
}

describe('readiness is judged for the planned instant, in Brussels time', () => {
  for (const row of rows) {
    test(row.what, () => {
      const s = servicesAt(row.now);
      try {
        const h = s.hearings.create(
          { caseReference: 'DST/26', minorName: 'Sami R.', dateOfBirth: row.born, hearingDate: row.now.slice(0, 10) },
          ctx,
        );
        s.changes.plan(h.id, row.plannedAt, undefined, ctx);
        const view = s.procedure.get(h.id);
        assert.equal(view.planned, true);
        assert.equal(view.evaluatedAt, new Date(row.plannedAt).toISOString());
        assert.equal(view.draft.hearingDate, row.day, 'the hearing date is the planned Brussels day');
        assert.equal(view.evaluation.facts.hearingDate, row.day);
        assert.equal(view.evaluation.facts.ageAtHearing, row.age);
        assert.equal(view.evaluation.facts.isMinor, row.minor);
        assert.ok(
          !view.evaluation.unmet.some((u) => u.code === 'hearing.date_mismatch'),
          'the planned day and the hearing date agree',
        );
        // Today (the clock) the same record is judged for now: the day differs from the plan.
        const today = s.procedure.evaluateFor(h.id, new Date(row.now));
        assert.ok(today.unmet.some((u) => u.code === 'hearing.date_mismatch'));
        assert.equal(s.hearings.get(h.id).plannedAt, new Date(row.plannedAt).toISOString());
      } finally {
        s.db.close();
      }
    });
  }

  test('once a recording exists, the record is judged for now, not for the plan', () => {
    const s = servicesAt('2026-03-20T10:00:00Z');
    try {
      const h = s.hearings.create(
        { caseReference: 'DST/27', minorName: 'Sami R.', dateOfBirth: '2014-03-29', hearingDate: '2026-03-20' },
        ctx,
      );
      s.changes.plan(h.id, '2026-03-29T09:00:00+02:00', undefined, ctx);
      assert.equal(s.procedure.get(h.id).evaluation.facts.ageAtHearing, 12);
      s.db
        .prepare(
          `INSERT INTO recordings (id, hearing_id, segment, status, mime_type, master_file, started_at)
           VALUES ('r1', ?, 1, 'interrupted', 'video/webm', 'x.webm', '2026-03-20T10:00:00Z')`,
        )
        .run(h.id);
      const view = s.procedure.get(h.id);
      assert.equal(view.planned, false);
      assert.equal(view.evaluatedAt, '2026-03-20T10:00:00.000Z');
      assert.equal(view.evaluation.facts.ageAtHearing, 11);
    } finally {
      s.db.close();
    }
  });
});
