import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openServices } from '../../main/services/app';
import { PassphraseKeyFile } from '../../main/services/keys/passphrase-key-file';
import { mediaPath } from '../../main/services/storage/file-media-store';
import { localOperator, type CallerContext } from '../../shared/api/caller';
import type { ApiErrorBody } from '../../shared/api/errors';
import { addDays, oneYearAfter } from '../../shared/domain/plausible-dates';
import { brusselsDate, formatIsoDate, parseIsoDate } from '../../shared/domain/dates';
import type { Hearing, HearingCorrection, HearingRemoval, HearingSummary, Recording } from '../../shared/domain/hearing';
import { bornYearsAgo, createReadyHearing, today } from '../helpers/procedure';
import { tempDir } from '../helpers/temp';
import type { Database as SqliteDb } from 'better-sqlite3-multiple-ciphers';

const dataDir = tempDir();
// The "PDF" is the HTML itself: enough to see whether the child's name is still on disk.
const services = await openServices({
  dataDir,
  appVersion: 'test',
  keys: PassphraseKeyFile.open(dataDir, 'correct horse battery staple'),
  printer: { print: (html) => Promise.resolve(new TextEncoder().encode(html)) },
});
after(() => services.close());
const ctx = localOperator('internal');
const chunk = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));

async function call<T>(name: string, input: unknown, as: CallerContext = ctx): Promise<T> {
  const r = await services.dispatcher.dispatch(as, name, input);
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { body: r.error });
  return r.value as T;
}
async function refusal(name: string, input: unknown, as: CallerContext = ctx): Promise<ApiErrorBody> {
  const r = await services.dispatcher.dispatch(as, name, input);
  assert.ok(!r.ok, `${name} should have been refused`);
  return r.error;
}

/** Reads the database behind the services, as a person with the file would. */
async function withDb<T>(read: (db: SqliteDb) => T): Promise<T> {
  const Database = (await import('better-sqlite3-multiple-ciphers')).default;
  const db = new Database(join(dataDir, 'hearing-room.sqlite'), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
const count = (table: string) => withDb((db) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number);
const auditText = () => withDb((db) => (db.prepare('SELECT action, details FROM audit_log').all() as unknown[]).map((r) => JSON.stringify(r)).join('\n'));

const todayDate = () => brusselsDate(new Date());
const day = (offset: number) => formatIsoDate(addDays(todayDate(), offset));
/** An instant on the Brussels day `offset` days from today, at 10:00 Brussels time. */
function brusselsTen(offset: number): string {
  const d = addDays(todayDate(), offset);
  // 10:00 in Brussels is 08:00 or 09:00 UTC; take the one whose Brussels day is right.
  for (const utcHour of [8, 9]) {
    const instant = new Date(Date.UTC(d.year, d.month - 1, d.day, utcHour));
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', hour: '2-digit', hourCycle: 'h23' }).format(instant);
    if (local === '10') return instant.toISOString();
  }
  throw new Error('no 10:00 in Brussels that day');
}

describe('impossible dates are refused at once, and nothing is saved', () => {
  const valid = { caseReference: 'DATES/26', minorName: 'Noor B.', dateOfBirth: bornYearsAgo(13), hearingDate: today() };
  const cases: Array<[string, Record<string, string>, string, string]> = [
    ['born in the future', { dateOfBirth: day(1) }, 'dateOfBirth', 'born_in_future'],
    ['born in 2030', { dateOfBirth: '2030-01-01' }, 'dateOfBirth', 'born_in_future'],
    ['born after the hearing date', { dateOfBirth: day(-1), hearingDate: day(-3) }, 'dateOfBirth', 'born_after_hearing'],
    ['born before 1900', { dateOfBirth: '1899-12-31' }, 'dateOfBirth', 'born_before_1900'],
    ['born in year 0001', { dateOfBirth: '0001-01-01' }, 'dateOfBirth', 'born_before_1900'],
    ['a hearing more than a year ahead', { hearingDate: formatIsoDate(addDays(oneYearAfter(todayDate()), 1)) }, 'hearingDate', 'hearing_too_far_ahead'],
    ['a hearing in 1999', { hearingDate: '1999-06-01', dateOfBirth: '1990-01-01' }, 'hearingDate', 'hearing_too_far_past'],
    ['a hearing 31 days ago (default limit 30)', { hearingDate: day(-31) }, 'hearingDate', 'hearing_too_far_past'],
  ];
  for (const [what, change, path, code] of cases) {
    test(what, async () => {
      const before = { hearings: await count('hearings'), audit: await count('audit_log') };
      const error = await refusal('hearings.create', { ...valid, ...change });
      assert.equal(error.code, 'invalid_input');
      assert.deepEqual(error.issues?.map((i) => [i.path, i.code]), [[path, code]]);
      assert.ok(error.message.length > 20, 'the message says what is wrong');
      assert.equal(await count('hearings'), before.hearings, 'no hearing was written');
      assert.equal(await count('audit_log'), before.audit, 'no audit entry for a refused creation');
    });
  }

  test('the limits themselves are accepted: exactly a year ahead, exactly 30 days ago, born today', async () => {
    for (const change of [
      { hearingDate: formatIsoDate(oneYearAfter(todayDate())) },
      { hearingDate: day(-30) },
      { dateOfBirth: today() },
    ]) {
      const h = await call<Hearing>('hearings.create', { ...valid, ...change });
      assert.equal(h.caseReference, 'DATES/26');
    }
  });

  test('the administrator moves the limit for past hearing dates', async () => {
    const admin: CallerContext = { userId: 'admin-1', displayName: 'Admin', role: 'administrator', transport: 'internal' };
    const settings = await call<{ hearingDatePastDays: number }>('settings.get', {}, admin);
    assert.equal(settings.hearingDatePastDays, 30);
    await call('settings.set', { lockAfterMinutes: 10, hearingDatePastDays: 60 }, admin);
    await call<Hearing>('hearings.create', { ...valid, hearingDate: day(-45) });
    assert.equal((await refusal('hearings.create', { ...valid, hearingDate: day(-61) })).issues?.[0]?.code, 'hearing_too_far_past');
    await call('settings.set', { lockAfterMinutes: 10, hearingDatePastDays: 30 }, admin);
    assert.equal((await refusal('hearings.create', { ...valid, hearingDate: day(-45) })).issues?.[0]?.code, 'hearing_too_far_past');
  });

  test('the procedural record refuses the same dates when they are entered later', async () => {
    const h = await call<Hearing>('hearings.create', valid);
    const bad = await refusal('procedure.save', {
      hearingId: h.id,
      section: 'personHeard',
      value: { name: 'Noor B.', dateOfBirthCertain: true, dateOfBirth: '2030-05-05', category: 'minor' },
    });
    assert.deepEqual(bad.issues?.map((i) => [i.path, i.code]), [['value.dateOfBirth', 'born_in_future']]);
    const range = await refusal('procedure.save', {
      hearingId: h.id,
      section: 'personHeard',
      value: { name: 'Noor B.', dateOfBirthCertain: false, dateOfBirthRange: { earliest: '1850-01-01', latest: '2012-01-01' }, category: 'minor' },
    });
    assert.deepEqual(range.issues?.map((i) => [i.path, i.code]), [['value.dateOfBirthRange.earliest', 'born_before_1900']]);
    const far = await refusal('procedure.save', { hearingId: h.id, section: 'hearingDate', value: '1999-01-01' });
    // Both are wrong: the day is too old, and the person was not yet born on it.
    assert.deepEqual(far.issues?.map((i) => [i.path, i.code]), [
      ['value', 'born_after_hearing'],
      ['value', 'hearing_too_far_past'],
    ]);
    const view = await call<{ draft: { hearingDate: string; personHeard: { dateOfBirth: string } } }>('procedure.get', { hearingId: h.id });
    assert.equal(view.draft.hearingDate, valid.hearingDate, 'nothing of the refused saves was kept');
    assert.equal(view.draft.personHeard.dateOfBirth, valid.dateOfBirth);
  });
});

describe('planning', () => {
  test('a planned hearing is judged for its planned day until it is recorded; a replan needs a reason and is kept', async () => {
    // Turns 12 tomorrow: 11 today, 12 on the planned day.
    const birth = parseIsoDate(day(1))!;
    const dateOfBirth = formatIsoDate({ ...birth, year: birth.year - 12 });
    const h = await call<Hearing>('hearings.create', { caseReference: 'PLAN/26', minorName: 'Lina D.', dateOfBirth, hearingDate: today() });
    type View = { planned: boolean; evaluatedAt: string; evaluation: { facts: { ageAtHearing: number; hearingDate: string } } };
    const now = await call<View>('procedure.get', { hearingId: h.id });
    assert.equal(now.planned, false);
    assert.equal(now.evaluation.facts.ageAtHearing, 11);

    const plannedAt = brusselsTen(1);
    await call<HearingCorrection[]>('hearings.plan', { hearingId: h.id, plannedAt });
    const planned = await call<View>('procedure.get', { hearingId: h.id });
    assert.equal(planned.planned, true);
    assert.equal(planned.evaluatedAt, plannedAt);
    assert.equal(planned.evaluation.facts.ageAtHearing, 12, 'the age on the planned day');
    assert.equal(planned.evaluation.facts.hearingDate, day(1));
    const listed = (await call<{ items: HearingSummary[] }>('hearings.list', {})).items.find((x) => x.id === h.id);
    assert.equal(listed?.plannedAt, plannedAt);
    assert.equal(listed?.hearingDate, day(1), 'the hearing date follows the plan');

    const noReason = await refusal('hearings.plan', { hearingId: h.id, plannedAt: brusselsTen(2) });
    assert.deepEqual(noReason.issues?.map((i) => [i.path, i.code]), [['reason', 'reason_required']]);
    const history = await call<HearingCorrection[]>('hearings.plan', { hearingId: h.id, plannedAt: brusselsTen(2), reason: 'The magistrate is not free.' });
    assert.equal(history.length, 1);
    assert.deepEqual([history[0]!.field, history[0]!.oldValue, history[0]!.newValue], ['plannedAt', plannedAt, brusselsTen(2)]);
    assert.equal(history[0]!.reason, 'The magistrate is not free.');

    const past = await refusal('hearings.plan', { hearingId: h.id, plannedAt: brusselsTen(-1), reason: 'Back to yesterday.' });
    assert.equal(past.issues?.[0]?.code, 'planned_in_past');
    const noOffset = await refusal('hearings.plan', { hearingId: h.id, plannedAt: `${day(3)}T10:00:00`, reason: 'Without an offset.' });
    assert.equal(noOffset.issues?.[0]?.code, 'date_invalid');
  });

  test('recording is judged for the real instant: a hearing planned for tomorrow cannot be recorded today', async () => {
    const h = await createReadyHearing<Hearing>(call, 13, 'PLAN/REAL/26');
    await call('hearings.plan', { hearingId: h.id, plannedAt: brusselsTen(1) });
    const error = await refusal('recordings.start', { hearingId: h.id, mimeType: 'video/webm' });
    assert.equal(error.code, 'readiness_unmet');
    assert.ok((error.details?.unmet as Array<{ code: string }>).some((u) => u.code === 'hearing.date_mismatch'));
    // Planned for now after all: recording starts, then planning is over.
    await call('hearings.plan', { hearingId: h.id, plannedAt: new Date().toISOString(), reason: 'The child is here early.' });
    const rec = await call<Recording>('recordings.start', { hearingId: h.id, mimeType: 'video/webm' });
    await call('recordings.appendChunk', { recordingId: rec.id, seq: 0, data: new Uint8Array(chunk) });
    await call('recordings.stop', { recordingId: rec.id, durationMs: 1000 });
    const again = await refusal('hearings.plan', { hearingId: h.id, plannedAt: brusselsTen(1), reason: 'Too late to plan.' });
    assert.equal(again.details?.reason, 'already_started');
    const view = await call<{ planned: boolean }>('procedure.get', { hearingId: h.id });
    assert.equal(view.planned, false, 'once recorded, the record is judged for now');
  });
});

describe('corrections before the seal', () => {
  test('the case reference and the person are corrected with a reason; old values stay in the history, not in the audit', async () => {
    const name = 'Yasmina Oudghiri-Verbeke';
    const wrongBirth = bornYearsAgo(14);
    const rightBirth = bornYearsAgo(14, 60);
    const h = await call<Hearing>('hearings.create', { caseReference: 'GE.12.L3.0045/26', minorName: name, dateOfBirth: wrongBirth, hearingDate: today() });
    await call('hearings.correct', { hearingId: h.id, field: 'caseReference', value: 'GE.12.L3.0054/26', reason: 'Digits swapped in the reference.' });
    await call('hearings.correct', { hearingId: h.id, field: 'minorName', value: 'Yasmina Oudghiri-Verbeek', reason: 'Spelling on the identity card.' });
    const history = await call<HearingCorrection[]>('hearings.correct', {
      hearingId: h.id,
      field: 'dateOfBirth',
      value: rightBirth,
      reason: 'Date on the identity card.',
    });
    assert.deepEqual(
      history.map((c) => [c.field, c.oldValue, c.newValue]),
      [
        ['caseReference', 'GE.12.L3.0045/26', 'GE.12.L3.0054/26'],
        ['minorName', name, 'Yasmina Oudghiri-Verbeek'],
        ['dateOfBirth', wrongBirth, rightBirth],
      ],
    );
    assert.equal(history[0]!.correctedBy, 'local');
    const now = await call<Hearing>('hearings.get', { hearingId: h.id });
    assert.deepEqual([now.caseReference, now.minorName, now.dateOfBirth], ['GE.12.L3.0054/26', 'Yasmina Oudghiri-Verbeek', rightBirth]);
    const view = await call<{ draft: { personHeard: { name: string; dateOfBirth: string } } }>('procedure.get', { hearingId: h.id });
    assert.deepEqual([view.draft.personHeard.name, view.draft.personHeard.dateOfBirth], ['Yasmina Oudghiri-Verbeek', rightBirth]);
    assert.deepEqual(await call<HearingCorrection[]>('hearings.corrections', { hearingId: h.id }), history);

    const audit = await auditText();
    const corrections = audit.split('\n').filter((l) => l.includes('hearings.correct'));
    assert.equal(corrections.length, 3, 'each correction is audited');
    assert.ok(corrections.every((l) => /"field\\?":\\?"/.test(l) && /[0-9a-f]{64}/.test(l)), 'audited with the field and digests');
    for (const secret of [name, 'Oudghiri', wrongBirth, rightBirth, 'identity card']) {
      assert.ok(!audit.includes(secret), `the audit log holds "${secret}"`);
    }
  });

  test('a correction that is no change, an impossible date or no reason is refused, and nothing is kept', async () => {
    const h = await call<Hearing>('hearings.create', { caseReference: 'SAME/26', minorName: 'Tom P.', dateOfBirth: bornYearsAgo(9), hearingDate: today() });
    const before = await count('hearing_corrections');
    assert.equal((await refusal('hearings.correct', { hearingId: h.id, field: 'caseReference', value: 'SAME/26', reason: 'No change at all.' })).issues?.[0]?.code, 'unchanged');
    assert.equal((await refusal('hearings.correct', { hearingId: h.id, field: 'dateOfBirth', value: '2031-01-01', reason: 'Typo in the year.' })).issues?.[0]?.code, 'born_in_future');
    assert.equal((await refusal('hearings.correct', { hearingId: h.id, field: 'minorName', value: 'Tom Q.', reason: '' })).code, 'invalid_input');
    assert.equal(await count('hearing_corrections'), before);
    assert.equal((await call<Hearing>('hearings.get', { hearingId: h.id })).minorName, 'Tom P.');
  });
});

describe('after the seal', () => {
  test('a sealed hearing is corrected by a signed addendum, the sealed record unchanged; it is not planned or removed', async () => {
    const h = await createReadyHearing<Hearing>(call, 13, 'SEALED.1/26');
    const rec = await call<Recording>('recordings.start', { hearingId: h.id, mimeType: 'video/webm' });
    await call('recordings.appendChunk', { recordingId: rec.id, seq: 0, data: new Uint8Array(chunk) });
    await call('recordings.stop', { recordingId: rec.id, durationMs: 1000 });
    // Before the seal, a recorded hearing can still be corrected.
    await call('hearings.correct', { hearingId: h.id, field: 'minorName', value: 'Mira Kovač', reason: 'Name on the identity card.' });
    await call('hearings.seal', { hearingId: h.id, reason: 'Test of corrections after the seal.' });
    const before = await count('hearing_corrections');
    assert.equal((await refusal('hearings.remove', { hearingId: h.id, reason: 'Remove after seal.' })).details?.reason, 'recorded_not_removable');
    assert.equal((await refusal('hearings.plan', { hearingId: h.id, plannedAt: brusselsTen(1), reason: 'Plan after seal.' })).code, 'conflict');

    // After the seal: a correction is addendum 1, then another of the same field is addendum 2.
    await call('hearings.correct', { hearingId: h.id, field: 'minorName', value: 'Mira Kovac', reason: 'Spelled without the accent in the register.' });
    const history = await call<HearingCorrection[]>('hearings.corrections', { hearingId: h.id });
    await call('hearings.correct', { hearingId: h.id, field: 'minorName', value: 'Mira Kovacz', reason: 'Spelling of the register confirmed.' });
    const twice = await call<HearingCorrection[]>('hearings.corrections', { hearingId: h.id });
    assert.deepEqual(
      history.map((c) => [c.field, c.oldValue, c.newValue, c.addendum]),
      [
        ['minorName', 'Mira K.', 'Mira Kovač', undefined],
        ['minorName', 'Mira Kovač', 'Mira Kovac', 1],
      ],
    );
    assert.deepEqual(twice.at(-1) && [twice.at(-1)!.oldValue, twice.at(-1)!.newValue, twice.at(-1)!.addendum], ['Mira Kovac', 'Mira Kovacz', 2]);
    // The sealed record is as it was sealed: the table of corrections before the seal is unchanged.
    assert.equal(await count('hearing_corrections'), before);
    assert.equal((await call<Hearing>('hearings.get', { hearingId: h.id })).minorName, 'Mira Kovač');
    // The seal and both addenda verify; nothing of the correction reaches the audit chain.
    const report = await call<{ verdict: string; addenda?: { count: number; intact: number[] } }>('hearings.verify', { hearingId: h.id });
    assert.equal(report.verdict, 'valid');
    assert.deepEqual(report.addenda && [report.addenda.count, report.addenda.intact], [2, [1, 2]]);
    const audit = await auditText();
    for (const secret of ['Kovac', 'register']) assert.ok(!audit.includes(secret), `${secret} is not in the audit log`);
    // An unchanged value is still refused.
    assert.equal((await refusal('hearings.correct', { hearingId: h.id, field: 'minorName', value: 'Mira Kovacz', reason: 'Same again.' })).code, 'invalid_input');
  });
});

describe('removal', () => {
  test('a hearing without a recording is removed: a tombstone stays, the person’s data goes, the list forgets it', async () => {
    const name = 'Fatima Zahra El Amrani';
    const birth = bornYearsAgo(10);
    const h = await call<Hearing>('hearings.create', { caseReference: 'GONE.1/26', minorName: name, dateOfBirth: birth, hearingDate: today() });
    await call('hearings.correct', { hearingId: h.id, field: 'minorName', value: `${name} B.`, reason: 'Second family name.' });
    await call('events.add', { hearingId: h.id, event: { kind: 'technical_incident', description: `Camera moved; ${name} waited.` } });
    const printed = await call<{ fileName: string }>('writtenRecord.generate', { hearingId: h.id, language: 'en' });
    const pdf = mediaPath(dataDir, h.id, printed.fileName);
    assert.ok(readFileSync(pdf, 'utf8').includes('Fatima'), 'the printed record names the child');
    const removal = await call<HearingRemoval>('hearings.remove', { hearingId: h.id, reason: 'Created twice by mistake; the other one is used.' });
    assert.equal(readFileSync(pdf).length, 0, 'the written record printed before removal is emptied');
    assert.equal(removal.removedBy, 'local');
    assert.equal(removal.reason, 'Created twice by mistake; the other one is used.');

    assert.ok(!(await call<{ items: HearingSummary[] }>('hearings.list', {})).items.some((x) => x.id === h.id), 'gone from the list');
    const gone = await refusal('hearings.get', { hearingId: h.id });
    assert.equal(gone.code, 'conflict');
    assert.equal(gone.details?.reason, 'removed');
    assert.match(gone.message, /removed on .* by local: Created twice by mistake/);
    assert.equal((gone.details?.removal as HearingRemoval).removedAt, removal.removedAt);
    for (const [name2, input] of [
      ['procedure.get', { hearingId: h.id }],
      ['hearings.correct', { hearingId: h.id, field: 'caseReference', value: 'BACK/26', reason: 'Bring it back.' }],
      ['recordings.start', { hearingId: h.id, mimeType: 'video/webm' }],
    ] as const) {
      assert.equal((await refusal(name2, input)).details?.reason, 'removed', `${name2} on a removed hearing`);
    }

    const left = await withDb((db) => ({
      row: db.prepare('SELECT case_reference, minor_name, date_of_birth, procedure FROM hearings WHERE id = ?').get(h.id),
      corrections: db.prepare('SELECT COUNT(*) FROM hearing_corrections WHERE hearing_id = ?').pluck().get(h.id),
      events: db.prepare('SELECT COUNT(*) FROM hearing_events WHERE hearing_id = ?').pluck().get(h.id),
      tombstone: db.prepare('SELECT removed_by, reason FROM hearing_removals WHERE hearing_id = ?').get(h.id),
    }));
    assert.deepEqual(left.row, { case_reference: '', minor_name: '', date_of_birth: '', procedure: '{}' });
    assert.equal(left.corrections, 0);
    assert.equal(left.events, 0);
    assert.deepEqual(left.tombstone, { removed_by: 'local', reason: 'Created twice by mistake; the other one is used.' });
    const dump = await withDb((db) =>
      JSON.stringify([db.prepare('SELECT * FROM hearings WHERE id = ?').all(h.id), db.prepare('SELECT * FROM hearing_removals').all()]),
    );
    assert.ok(!dump.includes('Fatima') && !dump.includes(birth), 'no data of the child stays with the tombstone');

    const audit = await auditText();
    assert.ok(audit.split('\n').some((l) => l.includes('hearings.remove') && /[0-9a-f]{64}/.test(l)), 'the removal is audited');
    assert.ok(!audit.includes('Fatima') && !audit.includes(birth) && !audit.includes('Created twice'));
  });

  test('removal is refused once a recording exists, with nothing changed', async () => {
    const h = await createReadyHearing<Hearing>(call, 13, 'KEEP.1/26');
    const rec = await call<Recording>('recordings.start', { hearingId: h.id, mimeType: 'video/webm' });
    await call('recordings.appendChunk', { recordingId: rec.id, seq: 0, data: new Uint8Array(chunk) });
    await call('recordings.stop', { recordingId: rec.id, durationMs: 1000 });
    const removals = await count('hearing_removals');
    const error = await refusal('hearings.remove', { hearingId: h.id, reason: 'Recorded by mistake, remove it.' });
    assert.equal(error.code, 'conflict');
    assert.equal(error.details?.reason, 'recorded_not_removable');
    assert.match(error.message, /has a recording/);
    assert.equal(await count('hearing_removals'), removals);
    const still = await call<Hearing>('hearings.get', { hearingId: h.id });
    assert.equal(still.minorName, 'Mira K.');
    assert.equal(still.recordings.length, 1);
  });

  test('the database itself refuses a tombstone for a recorded hearing', async () => {
    const Database = (await import('better-sqlite3-multiple-ciphers')).default;
    const db = new Database(join(dataDir, 'hearing-room.sqlite'));
    try {
      const recorded = db.prepare('SELECT hearing_id FROM recordings LIMIT 1').pluck().get() as string;
      assert.throws(
        () => db.prepare("INSERT INTO hearing_removals VALUES (?, 'now', 'x', 'reason')").run(recorded),
        /cannot be removed/,
      );
    } finally {
      db.close();
    }
  });

  test('someone not on the team cannot remove, correct or plan a hearing; a clerk of the team cannot either', async () => {
    const h = await call<Hearing>('hearings.create', { caseReference: 'TEAM/26', minorName: 'Ari S.', dateOfBirth: bornYearsAgo(8), hearingDate: today() });
    const stranger: CallerContext = { userId: 'stranger', displayName: 'Stranger', role: 'interviewer', transport: 'internal' };
    assert.equal((await refusal('hearings.remove', { hearingId: h.id, reason: 'Not mine to remove.' }, stranger)).code, 'not_found');
    const clerk: CallerContext = { userId: 'clerk', displayName: 'Clerk', role: 'clerk', transport: 'internal' };
    assert.equal((await refusal('hearings.correct', { hearingId: h.id, field: 'caseReference', value: 'X/26', reason: 'Clerk tries.' }, clerk)).code, 'forbidden');
    assert.equal((await call<Hearing>('hearings.get', { hearingId: h.id })).caseReference, 'TEAM/26');
  });
});
