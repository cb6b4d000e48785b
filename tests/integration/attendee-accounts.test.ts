import assert from 'node:assert/strict';
import { request } from 'node:http';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3-multiple-ciphers';
import { openServices } from '../../main/services/app';
import { startWebHost } from '../../main/host/web-host';
import type { ApiResult } from '../../shared/api/errors';
import { encodeInput } from '../../shared/api/wire';
import { setUpPeople } from '../helpers/accounts';
import { createReadyHearing } from '../helpers/procedure';
import { tempDir } from '../helpers/temp';

/**
 * People present at a hearing, linked to their accounts in the procedural record, are on its
 * team: through the web host, as a script would. Unlinked, the hearing does not exist for them.
 */
const dataDir = tempDir();
const rendererDir = tempDir();
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
const services = await openServices({ dataDir, appVersion: 'test' });
const host = await startWebHost({ services, rendererDir });
after(async () => {
  await host.close();
  services.close();
});

function post(name: string, input: unknown, session: string | null = null): Promise<ApiResult<unknown>> {
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

const { people } = await setUpPeople(post, { ines: 'interviewer', paul: 'psychologist', mona: 'magistrate', carl: 'clerk' });
const ines = people.ines!;
const paul = people.paul!;
async function ok<T>(result: Promise<ApiResult<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}
const codeOf = (r: ApiResult<unknown>) => (r.ok ? 'ok' : r.error.code);
const asInes = <T>(name: string, input: unknown) => ok<T>(post(name, input, ines.session));

const hearing = await createReadyHearing<{ id: string }>(asInes, 13, 'LINK.1/26');
const procedure = await asInes<{ draft: { attendees: Array<Record<string, unknown>> } }>('procedure.get', { hearingId: hearing.id });
const attendees = procedure.draft.attendees;
const psychologistRow = attendees.findIndex((a) => a.role === 'psychologist');
const trustRow = attendees.findIndex((a) => a.role === 'person_of_trust');
const withLink = (row: number, userId: string | null, extra: Array<Record<string, unknown>> = []) =>
  [...attendees.map((a, i) => (i === row ? { ...a, userId } : a)), ...extra];
const saveAttendees = (value: unknown) => post('procedure.save', { hearingId: hearing.id, section: 'attendees', value }, ines.session);

function audit(action: string): Array<{ hearingId: string | null; details: string }> {
  const db = new Database(join(dataDir, 'hearing-room.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT hearing_id AS hearingId, details FROM audit_log WHERE action = ?').all(action) as Array<{ hearingId: string | null; details: string }>;
  } finally {
    db.close();
  }
}

describe('people present linked to their accounts', () => {
  test('unlinked, the psychologist does not see the hearing: not_found', async () => {
    assert.equal(codeOf(await post('hearings.get', { hearingId: hearing.id }, paul.session)), 'not_found');
    const listed = (await ok<{ items: Array<{ id: string }> }>(post('hearings.list', {}, paul.session))).items;
    assert.ok(!listed.some((h) => h.id === hearing.id));
  });

  test('linked as the psychologist present, they open the hearing, list it and are on its team', async () => {
    assert.equal(codeOf(await saveAttendees(withLink(psychologistRow, paul.id))), 'ok');
    assert.equal(codeOf(await post('hearings.get', { hearingId: hearing.id }, paul.session)), 'ok');
    assert.equal(codeOf(await post('procedure.get', { hearingId: hearing.id }, paul.session)), 'ok');
    const listed = (await ok<{ items: Array<{ id: string; minorName: string }> }>(post('hearings.list', {}, paul.session))).items;
    assert.ok(listed.some((h) => h.id === hearing.id));
    // On the team through the record: the child's name is shown to them, as to the team.
    assert.notEqual(listed.find((h) => h.id === hearing.id)?.minorName, '');
    const team = await asInes<Array<{ userId: string; how: string; role: string }>>('hearings.team', { hearingId: hearing.id });
    assert.deepEqual(
      team.map((m) => [m.userId, m.how, m.role]),
      [
        [ines.id, 'creator', 'interviewer'],
        [paul.id, 'attendee', 'psychologist'],
      ],
    );
    // The psychologist's role still decides what they may do: reading, not changing the record.
    const change = await post('procedure.save', { hearingId: hearing.id, section: 'hearingDate', value: '2026-11-28' }, paul.session);
    assert.equal(codeOf(change), 'forbidden');
  });

  test('the link is audited with the account id and a digest, never the names', async () => {
    const saves = audit('procedure.save').filter((e) => e.hearingId === hearing.id && e.details.includes('"section":"attendees"'));
    const last = JSON.parse(saves.at(-1)!.details) as { linkedUserIds: string[]; sha256: string };
    assert.deepEqual(last.linkedUserIds, [paul.id]);
    assert.match(last.sha256, /^[0-9a-f]{64}$/);
    for (const e of saves) assert.ok(!e.details.includes('Dr. E. Claes') && !e.details.includes('Test paul'));
  });

  test('a link whose account role does not fit the person present is refused, and nothing changes', async () => {
    // The magistrate's account for the psychologist present; any account for the person of trust.
    for (const [row, userId] of [
      [psychologistRow, people.mona!.id],
      [trustRow, people.carl!.id],
    ] as const) {
      const r = await saveAttendees(withLink(psychologistRow, paul.id).map((a, i) => (i === row ? { ...a, userId } : a)));
      assert.equal(codeOf(r), 'invalid_input');
      assert.ok(!r.ok && r.error.issues?.some((i) => i.path === `value.${row}.userId` && i.code === 'account_role_mismatch'));
    }
    assert.equal(codeOf(await post('hearings.get', { hearingId: hearing.id }, people.mona!.session)), 'not_found');
    assert.equal(codeOf(await post('hearings.get', { hearingId: hearing.id }, paul.session)), 'ok', 'the saved link stays');
  });

  test('an unknown account, or one linked twice, is refused', async () => {
    const unknown = await saveAttendees(withLink(psychologistRow, randomUUID()));
    assert.ok(!unknown.ok && unknown.error.issues?.some((i) => i.code === 'account_unknown'));
    const twice = await saveAttendees(
      withLink(psychologistRow, paul.id, [{ id: randomUUID(), name: 'Dr. F. Claes', role: 'psychiatrist', room: 'control_room', userId: paul.id }]),
    );
    assert.ok(!twice.ok && twice.error.issues?.some((i) => i.code === 'account_linked_twice'));
  });

  test('the link taken off, the hearing is gone for them again', async () => {
    assert.equal(codeOf(await saveAttendees(withLink(psychologistRow, null))), 'ok');
    assert.equal(codeOf(await post('hearings.get', { hearingId: hearing.id }, paul.session)), 'not_found');
    const team = await asInes<Array<{ userId: string }>>('hearings.team', { hearingId: hearing.id });
    assert.deepEqual(team.map((m) => m.userId), [ines.id]);
  });

  test('an account already assigned and also present is listed once', async () => {
    await asInes('hearings.assign', { hearingId: hearing.id, userId: paul.id });
    assert.equal(codeOf(await saveAttendees(withLink(psychologistRow, paul.id))), 'ok');
    const team = await asInes<Array<{ userId: string; how: string }>>('hearings.team', { hearingId: hearing.id });
    assert.deepEqual(team.map((m) => [m.userId, m.how]), [
      [ines.id, 'creator'],
      [paul.id, 'assigned'],
    ]);
  });
});
