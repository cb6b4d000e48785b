import assert from 'node:assert/strict';
import { request } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openServices } from '../../main/services/app';
import { startWebHost } from '../../main/host/web-host';
import { hearingScope } from '../../shared/access/hearing-access';
import { callNames, contract, type CallName } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import { roles, type Role } from '../../shared/api/schemas';
import { encodeInput } from '../../shared/api/wire';
import { setUpPeople, testPassword, type Person } from '../helpers/accounts';
import { createReadyHearing, today } from '../helpers/procedure';
import { tempDir } from '../helpers/temp';

/**
 * Every call of the contract, made by every role through the web host, as a script would: the
 * role is refused exactly where the contract does not list it; on a hearing, someone outside its
 * team gets not_found; an access for a reason is audited and shown on the hearing.
 */
const rendererDir = tempDir();
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
const services = await openServices({ dataDir: tempDir(), appVersion: 'test' });
const host = await startWebHost({ services, rendererDir });
after(async () => {
  await host.close();
  services.close();
});

function post(name: string, input: unknown, session: string | null): Promise<ApiResult<unknown>> {
  const { body, contentType } = encodeInput(input);
  const headers: Record<string, string> = { 'Content-Type': contentType, 'X-Hearing-Room-Token': host.token };
  if (session) headers['X-Hearing-Room-Session'] = session;
  return new Promise((resolve, reject) => {
    const req = request(`${host.url}/api/${name}`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve(JSON.parse(text) as ApiResult<unknown>));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function media(path: string, session: string, range?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'X-Hearing-Room-Session': session, ...(range ? { Range: range } : {}) };
    request(`${host.url}${path}?token=${host.token}`, { headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
}

const people: Role[] = ['interviewer', 'technician', 'psychologist', 'magistrate', 'clerk'];
const { admin, people: staff } = await setUpPeople(post, {
  ...Object.fromEntries(people.map((r) => [r, r])),
  ...Object.fromEntries(people.map((r) => [`outside-${r}`, r])),
  spare: 'clerk',
});
const member = (role: Role): Person => (role === 'administrator' ? admin : staff[role]!);
const outsider = (role: Role): Person => staff[`outside-${role}`]!;

async function ok<T>(result: Promise<ApiResult<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}
const asInterviewer = <T>(name: string, input: unknown) => ok<T>(post(name, input, staff.interviewer!.session));

// The hearing of the table: made ready and recorded by the interviewer, its team assigned.
const minorName = 'Mira K.';
const hearing = await createReadyHearing<{ id: string; caseReference: string }>(asInterviewer, 13, 'TEAM.1/26');
for (const role of ['technician', 'psychologist', 'magistrate', 'clerk'] as const) {
  await asInterviewer('hearings.assign', { hearingId: hearing.id, userId: staff[role]!.id });
}
const recording = await asInterviewer<{ id: string }>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
await ok(post('recordings.appendChunk', { recordingId: recording.id, seq: 0, data: new Uint8Array(4096).fill(7) }, staff.interviewer!.session));
// Another team's hearing, for the access for a reason.
const other = await createReadyHearing<{ id: string }>((name, input) => ok(post(name, input, staff['outside-interviewer']!.session)), 13, 'OTHER.2/26');

let unique = 0;
/** A valid input for each call, touching the hearing of the table. */
function inputFor(name: CallName, who: Person): unknown {
  unique += 1;
  const h = { hearingId: hearing.id };
  const r = { recordingId: recording.id };
  const inputs: Record<CallName, unknown> = {
    'session.status': {},
    'session.setup': { displayName: 'Again', username: `again${unique}`, password: testPassword },
    'session.signIn': { username: who.username, password: testPassword },
    'session.signOut': {},
    'session.lock': {},
    'session.unlock': { username: who.username, password: testPassword },
    // The same password again: checked, then refused as invalid input, so nothing changes.
    'session.changePassword': { currentPassword: testPassword, newPassword: testPassword },
    // Refused by the schema before any check (a wrong key would count against the back-off).
    'session.recoverWithKey': { recoveryKey: '', username: who.username, newPassword: testPassword },
    'accounts.list': {},
    'accounts.create': { displayName: `New ${unique}`, username: `new${unique}`, role: 'clerk', password: testPassword },
    'accounts.update': { userId: staff.spare!.id, displayName: `Spare ${unique}` },
    'accounts.resetPassword': { userId: staff.spare!.id, password: testPassword },
    'accounts.directory': {},
    'settings.get': {},
    'settings.set': { lockAfterMinutes: 10 },
    'app.info': {},
    'app.storage': {},
    'keys.info': {},
    'audit.checkCheckpoint': { checkpoint: '{}', signature: 'AAAA' },
    'hearings.list': {},
    'hearings.create': { caseReference: `NEW.${unique}/26`, minorName, dateOfBirth: '2013-01-01', hearingDate: today() },
    'hearings.get': h,
    'hearings.team': h,
    // The hearing of the table is recorded: planning and removal are refused as conflicts, not by role.
    'hearings.plan': { ...h, plannedAt: new Date(Date.now() + 86_400_000).toISOString(), reason: 'Moved by the magistrate.' },
    'hearings.correct': { ...h, field: 'caseReference', value: `FIX.${unique}/26`, reason: 'Typo in the reference.' },
    'hearings.corrections': h,
    'hearings.remove': { ...h, reason: 'Created twice by mistake.' },
    'hearings.assign': { ...h, userId: staff.psychologist!.id },
    'hearings.unassign': { ...h, userId: staff.spare!.id },
    'hearings.accessForReason': { caseReference: 'OTHER.2/26', reason: 'Checking the file for the prosecutor.' },
    'hearings.accessHistory': h,
    'recordings.start': { ...h, mimeType: 'video/webm' },
    'recordings.appendChunk': { ...r, seq: 1000 + unique, data: new Uint8Array(16) },
    'recordings.stop': { ...r, durationMs: 1000 },
    'recordings.heartbeat': r,
    'recordings.deriveWorkingCopy': r,
    'procedure.get': h,
    'procedure.save': { ...h, section: 'hearingDate', value: today() },
    'consent.withdraw': { ...h, notedBy: 'Insp. L. Peeters' },
    'events.add': { ...h, event: { kind: 'mark' } },
    'events.list': h,
    'writtenRecord.generate': h,
    'hearings.sealPreview': h,
    'hearings.seal': h,
    'hearings.verify': h,
    'hearings.export': h,
    'hearings.exportDownload': h,
    'annotations.list': h,
    'annotations.change': { ...h, change: { kind: 'add', tierId: 'notes', code: null, text: 'n', startMs: 0, endMs: 0 } },
    'annotations.export': { ...h, format: 'csv' },
    'annotations.import': { ...h, fileName: 'x.eaf', xml: '<ANNOTATION_DOCUMENT/>', apply: false },
  };
  return inputs[name];
}

/** Calls that end or lock the session they are made with get one of their own. */
const ownSession = new Set<CallName>(['session.signOut', 'session.lock']);
async function sessionFor(name: CallName, who: Person): Promise<string> {
  if (!ownSession.has(name)) return who.session;
  return (await ok<{ sessionToken: string }>(post('session.signIn', { username: who.username, password: testPassword }, null))).sessionToken;
}

const refusals = new Set(['forbidden', 'not_found', 'signed_out', 'locked']);
// Calls that change the hearing for good come last, so the others meet it as it was.
const lastCalls: CallName[] = ['consent.withdraw', 'recordings.stop', 'hearings.seal'];
const ordered = [...callNames.filter((n) => !lastCalls.includes(n)), ...lastCalls];

describe('every call, every role, through the web host', () => {
  test('someone outside the team gets not_found on every call about the hearing, as if it did not exist', async () => {
    for (const name of ordered.filter((n) => hearingScope[n] !== 'none')) {
      for (const role of people.filter((r) => contract[name].roles.includes(r))) {
        const who = outsider(role);
        const r = await post(name, inputFor(name, who), who.session);
        assert.ok(!r.ok, `${name} by an outside ${role} was answered`);
        assert.equal(r.error.code, 'not_found', `${name} by an outside ${role}: ${r.error.message}`);
      }
    }
  });

  for (const role of roles) {
    test(`${role}: allowed exactly where the contract says`, async () => {
      for (const name of ordered) {
        const who = member(role);
        const r = await post(name, inputFor(name, who), await sessionFor(name, who));
        const allowed = contract[name].roles.includes(role);
        if (allowed && role !== 'administrator') {
          assert.ok(r.ok || !refusals.has(r.error.code), `${name} by ${role} was refused: ${!r.ok && r.error.message}`);
        } else if (allowed) {
          // The administrator's calls on hearings never reach one: there are none such in the contract.
          assert.ok(r.ok || !refusals.has(r.error.code), `${name} by the administrator was refused: ${!r.ok && r.error.message}`);
          assert.equal(hearingScope[name], 'none', `${name} is a hearing call open to the administrator`);
        } else {
          assert.ok(!r.ok, `${name} by ${role} was answered`);
          assert.equal(r.error.code, 'forbidden', `${name} by ${role}`);
        }
      }
    });
  }

  test('the hearing list shows only the hearings of the caller’s team', async () => {
    const listed = await ok<{ items: Array<{ id: string }>; total: number }>(post('hearings.list', {}, outsider('psychologist').session));
    assert.ok(!listed.items.some((h) => h.id === hearing.id));
    const mine = await ok<{ items: Array<{ id: string; minorName: string }> }>(post('hearings.list', {}, staff.psychologist!.session));
    assert.ok(mine.items.some((h) => h.id === hearing.id && h.minorName === minorName));
    // Searching by the name finds nothing outside the team, and says so by a count of zero.
    const byName = await ok<{ items: unknown[]; total: number }>(
      post('hearings.list', { text: minorName }, outsider('psychologist').session),
    );
    assert.equal(byName.total, 0);
  });

  test('media: the team plays a recording, an outsider gets 404; one audit entry per playback with the ranges read', async () => {
    const path = `/media/recordings/${recording.id}/master`;
    assert.equal(await media(path, outsider('psychologist').session), 404);
    assert.equal(await media(path, staff.psychologist!.session, 'bytes=0-99'), 206);
    assert.equal(await media(path, staff.psychologist!.session, 'bytes=100-199'), 206);
    assert.equal(await media(path, staff.psychologist!.session, 'bytes=1000-1099'), 206);
    const history = await ok<Array<{ action: string; role: string; displayName: string; details: Record<string, unknown> }>>(
      post('hearings.accessHistory', { hearingId: hearing.id }, staff.magistrate!.session),
    );
    const played = history.filter((e) => e.action === 'recording.played');
    assert.equal(played.length, 1, 'three Range requests are one playback');
    assert.equal(played[0]!.role, 'psychologist');
    assert.equal(played[0]!.displayName, 'Test psychologist');
    assert.deepEqual(played[0]!.details.ranges, [
      [0, 199],
      [1000, 1099],
    ]);
  });

  test('an access for a reason opens the hearing to read, is audited and is shown on the hearing', async () => {
    const reader = outsider('magistrate');
    assert.equal((await post('hearings.get', { hearingId: other.id }, reader.session)).ok, false);
    const reason = 'Review requested by the investigating judge, file 26/114.';
    const { hearingId } = await ok<{ hearingId: string }>(post('hearings.accessForReason', { caseReference: 'OTHER.2/26', reason }, reader.session));
    assert.equal(hearingId, other.id);
    assert.ok((await post('hearings.get', { hearingId }, reader.session)).ok);
    assert.ok((await post('procedure.get', { hearingId }, reader.session)).ok);
    const change = await post('events.add', { hearingId, event: { kind: 'mark' } }, reader.session);
    assert.ok(!change.ok && change.error.code === 'forbidden', 'reading only');
    const listed = await ok<{ items: Array<{ id: string; minorName: string; access: string }> }>(post('hearings.list', {}, reader.session));
    const row = listed.items.find((h) => h.id === hearingId);
    assert.equal(row?.access, 'reason');
    assert.equal(row?.minorName, '', 'the list names the person heard to the team only');

    const history = await ok<Array<{ action: string; userId: string; details: Record<string, unknown> }>>(
      post('hearings.accessHistory', { hearingId }, staff['outside-interviewer']!.session),
    );
    const entry = history.find((e) => e.action === 'hearing.access_for_reason' && e.userId === reader.id);
    assert.equal(entry?.details.reason, reason);
    const unknown = await post('hearings.accessForReason', { caseReference: 'NO.SUCH/26', reason }, reader.session);
    assert.ok(!unknown.ok && unknown.error.code === 'not_found');
  });

  test('the in-process path applies the same access to the caller it is given', async () => {
    const stranger = { userId: outsider('interviewer').id, displayName: 'x', role: 'interviewer' as const, transport: 'internal' as const };
    const r = await services.dispatcher.dispatch(stranger, 'hearings.get', { hearingId: hearing.id });
    assert.ok(!r.ok && r.error.code === 'not_found');
  });

  test('the audit chain carries the real user and role, and never the child’s name or birth date', async () => {
    const entries = await auditEntries();
    const text = JSON.stringify(entries);
    assert.ok(!text.includes(minorName), 'the name of a minor is in the audit log');
    assert.ok(!text.includes('2013-01-01'), 'a birth date is in the audit log');
    const opened = entries.find((e) => e.action === 'hearings.get' && e.userId === staff.magistrate!.id);
    assert.equal(opened?.role, 'magistrate');
    assert.ok(!text.includes(testPassword));
  });
});

async function auditEntries(): Promise<Array<{ action: string; userId: string; role: string }>> {
  const Database = (await import('better-sqlite3-multiple-ciphers')).default;
  const info = await ok<{ dataDir: string }>(post('app.info', {}, admin.session));
  const db = new Database(join(info.dataDir, 'hearing-room.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT user_id AS userId, role, action, details FROM audit_log').all() as Array<{ action: string; userId: string; role: string }>);
  } finally {
    db.close();
  }
}
