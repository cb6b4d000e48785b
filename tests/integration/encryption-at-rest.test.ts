import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json';
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { scanAll } from '../../main/services/webm/layout';
import { planWorkingCopy, workingCopyPieces } from '../../main/services/webm/derive';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Hearing, Recording } from '../../shared/domain/hearing';
import { completeSections, bornYearsAgo, today } from '../helpers/procedure';
import { testPassword } from '../helpers/accounts';
import { tempDir } from '../helpers/temp';
import { KeySlots, keySlotsFile } from '../../main/services/keys/key-slots';
import { SignInState, signInStateFile } from '../../main/services/keys/sign-in-state';
import { openDatabase } from '../../main/services/db/database';
import { AuditLog } from '../../main/services/audit-log';
import { appendChunkHost, callHost, invokeHost, signInHost, startHostProcess, type HostProcess } from '../helpers/web-host-process';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));

// Strings that appear nowhere else: if any is found in the data folder, it leaked.
const childName = 'Zofiaquella Brandtwijk';
const caseReference = 'QX.77.ZZ.913579/26';
const orderReference = 'ORDQ-55321-KWZ/26';

function chunks(data: Uint8Array, n: number): Uint8Array[] {
  const size = Math.ceil(data.byteLength / n);
  return Array.from({ length: n }, (_, i) => data.subarray(i * size, Math.min(data.byteLength, (i + 1) * size)));
}

/** Every file below `dir`, whatever its kind. */
function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? allFiles(path) : [path];
  });
}

/** A hearing of a minor whose name, case and order reference are the distinctive ones, ready to record. */
async function distinctiveHearing(host: HostProcess): Promise<Hearing> {
  const hearing = await callHost<Hearing>(host, 'hearings.create', {
    caseReference,
    minorName: childName,
    dateOfBirth: bornYearsAgo(13),
    hearingDate: today(),
  });
  for (const s of completeSections(13).sections) {
    const value =
      s.section === 'order'
        ? { ...s.value, reference: orderReference }
        : s.section === 'personHeard'
          ? { ...s.value, name: childName }
          : s.value;
    await callHost(host, 'procedure.save', { hearingId: hearing.id, section: s.section, value });
  }
  return hearing;
}

async function media(host: HostProcess, path: string, session: string | null, range?: string): Promise<Response> {
  const headers: Record<string, string> = {};
  if (session) headers['X-Hearing-Room-Session'] = session;
  if (range) headers.Range = range;
  return fetch(`${host.url}${path}?token=${host.token}`, { headers });
}

function ffprobeDuration(file: string): number {
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_format', '-of', 'json', file], { encoding: 'utf8' });
  return Number((JSON.parse(out) as { format: { duration: string } }).format.duration);
}

describe('encryption at rest, through the real web host', () => {
  test('a copied data folder reveals no name or reference, no tool reads it, and a password opens it all again', async () => {
    const dataDir = tempDir();
    const host = await startHostProcess(dataDir);
    let copy: string;
    let hearing: Hearing;
    let recording: Recording;
    try {
      hearing = await distinctiveHearing(host);
      recording = await callHost<Recording>(host, 'recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
      const parts = chunks(fixture, 5);
      for (const [seq, data] of parts.entries()) await appendChunkHost(host, recording.id, seq, data);
      await callHost(host, 'recordings.stop', { recordingId: recording.id, durationMs: 2000 });
      // Sealed: the written record and the seal's files are in the hearing's folder too.
      await callHost(host, 'hearings.seal', { hearingId: hearing.id });
      // Read back while running: the names are really in the database, so the search below can fail.
      const got = await callHost<Hearing>(host, 'hearings.get', { hearingId: hearing.id });
      assert.equal(got.minorName, childName);
      assert.equal(got.caseReference, caseReference);
      // A copy taken while the app runs: the -wal and -shm are there too.
      copy = tempDir();
      cpSync(dataDir, copy, { recursive: true });
    } finally {
      await host.kill();
    }

    const files = allFiles(copy);
    // The signing key is protected by the data key; no passphrase-protected key was made.
    assert.ok(files.some((f) => f.endsWith('installation-key.data-key.json')));
    assert.ok(!files.some((f) => f.endsWith('installation-key.json')));
    assert.ok(files.some((f) => f.endsWith('written-record.pdf')), 'the copy has the written record');
    assert.ok(files.some((f) => f.endsWith('manifest.json')), "the copy has the seal's manifest");
    assert.ok(files.some((f) => f.endsWith('.sqlite')), 'the copy has the database');
    assert.ok(files.some((f) => f.endsWith('-wal')), 'the copy has the write-ahead log');
    assert.ok(files.some((f) => f.endsWith('segment-001-master.webm')), 'the copy has the master');
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const secret of [childName, caseReference, orderReference, 'Mira K.', 'PV-ORDER-77/26']) {
        for (const encoding of ['utf8', 'utf16le'] as const) {
          assert.equal(bytes.indexOf(Buffer.from(secret, encoding)), -1, `${file} holds "${secret}" (${encoding})`);
        }
      }
    }
    assert.notEqual(spawnSync('pdftotext', [files.find((f) => f.endsWith('written-record.pdf'))!, '-']).status, 0, 'pdftotext read the written record');
    for (const file of files.filter((f) => /\.(webm|mp4)$/.test(f))) {
      const probe = spawnSync('ffprobe', ['-v', 'error', '-show_format', file], { encoding: 'utf8' });
      assert.notEqual(probe.status, 0, `ffprobe read ${file}`);
    }
    const sqlite = spawnSync('sqlite3', [join(copy, 'hearing-room.sqlite'), 'SELECT * FROM hearings;'], { encoding: 'utf8' });
    assert.notEqual(sqlite.status, 0, 'the sqlite3 tool opened the database');
    assert.match(sqlite.stderr, /not a database|encrypted/);

    // The copy, started as a data folder of its own: locked until a password opens it.
    const again = await startHostProcess(copy, { people: false });
    try {
      const status = await invokeHost<{ setupNeeded: boolean; user: unknown }>(again, 'session.status', {}, null);
      assert.ok(status.ok);
      assert.equal(status.value.setupNeeded, false);
      const refused = await invokeHost(again, 'hearings.list', {}, null);
      assert.ok(!refused.ok);
      assert.equal(refused.error.code, 'signed_out');
      assert.equal((await media(again, `/media/recordings/${recording.id}/master`, null)).status, 401);

      const session = await signInHost(again, 'ines');
      const opened = await callHost<Hearing>(again, 'hearings.get', { hearingId: hearing.id }, session);
      assert.equal(opened.minorName, childName);
      assert.equal(opened.recordings[0]?.sha256, createHash('sha256').update(fixture).digest('hex'), 'the seal hash is of the plaintext');
      const master = await media(again, `/media/recordings/${recording.id}/master`, session, 'bytes=0-99');
      assert.equal(master.status, 206);
      assert.deepEqual(Buffer.from(await master.arrayBuffer()), fixture.subarray(0, 100));
      const tail = await media(again, `/media/recordings/${recording.id}/master`, session, `bytes=${fixture.byteLength - 50}-`);
      assert.deepEqual(Buffer.from(await tail.arrayBuffer()), fixture.subarray(fixture.byteLength - 50));
      const working = await media(again, `/media/recordings/${recording.id}/working`, session);
      assert.equal(working.status, 200);
      const decrypted = join(tempDir(), 'working.webm');
      writeFileSync(decrypted, Buffer.from(await working.arrayBuffer()));
      assert.ok(ffprobeDuration(decrypted) > 1, 'the working copy, decrypted, plays');
      // The seal, signed with the key the data key protects, checks out on the restarted copy.
      const report = await callHost<{ verdict: string }>(again, 'hearings.verify', { hearingId: hearing.id }, session);
      assert.equal(report.verdict, 'valid');
    } finally {
      await again.stop();
    }
  
    // The audit log's digests of the child's name are keyed with the data key, not plain SHA-256.
    const state = SignInState.open(signInStateFile(copy));
    const keys = await KeySlots.unlock(keySlotsFile(copy), state.slotIdFor('ines'), testPassword);
    const db = openDatabase(join(copy, 'hearing-room.sqlite'), { key: keys.dataKey.databaseKey() });
    try {
      const created = new AuditLog(db).entries(hearing.id).find((e) => e.action === 'hearings.create');
      const details = created?.details as { sha256?: unknown; hmacSha256?: Record<string, string> };
      assert.equal(details.sha256, undefined);
      const expected = createHmac('sha256', keys.dataKey.auditDigestKey())
        .update(canonicalJson({ hearingId: hearing.id, field: 'minorName', value: childName }))
        .digest('hex');
      assert.equal(details.hmacSha256?.minorName, expected);
    } finally {
      db.close();
    }
  });

  test('killed mid-recording: nothing is recovered before the first sign-in; after it, every acknowledged chunk, the torn frame cut', async () => {
    const dataDir = tempDir();
    const host = await startHostProcess(dataDir);
    const parts = chunks(fixture, 6);
    let hearing: Hearing;
    let recording: Recording;
    const master = () => join(dataDir, 'hearings', hearing.id, 'segment-001-master.webm');
    try {
      hearing = await distinctiveHearing(host);
      recording = await callHost<Recording>(host, 'recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
      for (const [seq, data] of parts.entries()) await appendChunkHost(host, recording.id, seq, data);
      assert.ok(
        existsSync(join(dataDir, 'hearings', hearing.id, 'segment-001-working.webm.partial')),
        'the working copy is being written as the chunks arrive',
      );
    } finally {
      await host.kill();
    }
    // The kill came while the next chunk's frame was being written: part of it reached the disk.
    const whole = statSync(master()).size;
    appendFileSync(master(), Buffer.concat([Buffer.from([0, 0, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0]), Buffer.alloc(700, 7)]));
    const torn = statSync(master()).size;

    const second = await startHostProcess(dataDir, { people: false });
    try {
      // Locked: nothing can be read, so nothing is recovered yet.
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(second.recovered.length, 0);
      assert.equal(statSync(master()).size, torn);

      const session = await signInHost(second, 'ines');
      const info = await callHost<{ recovered: Array<{ hearingId: string; recordingId: string; sizeBytes: number; caseReference: string }> }>(
        second,
        'app.info',
        {},
        session,
      );
      assert.equal(info.recovered.length, 1, 'the first person signed in is told');
      assert.equal(info.recovered[0]?.recordingId, recording.id);
      assert.equal(info.recovered[0]?.caseReference, caseReference);
      const acknowledged = Buffer.concat(parts);
      // Every acknowledged chunk is kept: the loss is at most the chunk in flight (one timeslice).
      assert.equal(info.recovered[0]?.sizeBytes, acknowledged.byteLength);
      assert.equal(statSync(master()).size, whole, 'the torn frame is cut');
      for (let i = 0; i < 50 && second.recovered.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(second.recovered.length, 1, 'the host printed the recovery');

      const got = await callHost<Hearing>(second, 'hearings.get', { hearingId: hearing.id }, session);
      const r = got.recordings[0]!;
      assert.equal(r.status, 'interrupted');
      assert.equal(r.sizeBytes, acknowledged.byteLength);
      assert.ok(r.workingUrl);
      const history = await callHost<Array<{ action: string; details: Record<string, unknown> }>>(
        second,
        'hearings.accessHistory',
        { hearingId: hearing.id },
        session,
      );
      const cut = history.find((e) => e.action === 'recording.torn_frame_cut');
      assert.equal(cut?.details.cutBytes, torn - whole);
      const working = await media(second, r.workingUrl, session);
      assert.equal(working.status, 200);
      const decrypted = join(tempDir(), 'recovered.webm');
      writeFileSync(decrypted, Buffer.from(await working.arrayBuffer()));
      assert.ok(ffprobeDuration(decrypted) > 3.5, 'the recovered working copy plays, whole');
      // The copy being written when the process was killed is not used: recovery derives the
      // working copy from the recovered master, the same bytes any later derivation gives.
      const plan = planWorkingCopy(scanAll([acknowledged]));
      const expected: Uint8Array[] = [];
      for await (const piece of workingCopyPieces(plan, async (a, b) => acknowledged.subarray(a, b))) expected.push(piece);
      assert.deepEqual(readFileSync(decrypted), Buffer.concat(expected));
      assert.ok(
        !existsSync(join(dataDir, 'hearings', hearing.id, 'segment-001-working.webm.partial')),
        'nothing half-written is left',
      );
      const masterBytes = await media(second, `/media/recordings/${recording.id}/master`, session);
      assert.deepEqual(Buffer.from(await masterBytes.arrayBuffer()), acknowledged);
    } finally {
      await second.stop();
    }
  });

  test('wrong passwords before the unlock slow down across a restart and are audited at the unlock', async () => {
    const dataDir = tempDir();
    const first = await startHostProcess(dataDir);
    await first.stop();

    const locked = await startHostProcess(dataDir, { people: false });
    const wrong = () => invokeHost(locked, 'session.signIn', { username: 'ines', password: 'not the password at all' }, null);
    try {
      // Three wrong passwords answer at once; the third starts the back-off (1 s, then doubling).
      let waitMs = 0;
      for (let i = 0; i < 6; i++) {
        if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs + 50));
        const r = await wrong();
        assert.ok(!r.ok);
        assert.equal(r.error.code, 'forbidden');
        waitMs = Number(r.error.details?.retryAfterMs ?? 0);
        assert.equal(waitMs, i < 2 ? 0 : 1000 * 2 ** (i - 2), `wait after failure ${i + 1}`);
      }
      // Waiting 8 s now: an attempt meanwhile is refused without trying the password.
      const early = await wrong();
      assert.ok(!early.ok);
      assert.equal(early.error.code, 'too_many_attempts');
      const unknown = await invokeHost(locked, 'session.signIn', { username: 'nobody-here', password: 'whatever it is' }, null);
      assert.ok(!unknown.ok);
      assert.equal(unknown.error.code, 'forbidden');
    } finally {
      await locked.kill();
    }
    const stateFile = readFileSync(join(dataDir, 'keys', 'sign-in.json'), 'utf8');
    assert.ok(!stateFile.includes('ines') && !stateFile.includes('nobody-here'), 'usernames are not kept in clear');

    const restarted = await startHostProcess(dataDir, { people: false });
    try {
      // Even the right password waits: the back-off outlived the restart.
      const refused = await invokeHost(restarted, 'session.signIn', { username: 'ines', password: testPassword }, null);
      assert.ok(!refused.ok);
      assert.equal(refused.error.code, 'too_many_attempts');
      await new Promise((r) => setTimeout(r, Number(refused.error.details?.retryAfterMs) + 100));
      await signInHost(restarted, 'ines');
    } finally {
      await restarted.stop();
    }
    // The audit log, read from the database opened with the key as the app opens it.
    const state = SignInState.open(signInStateFile(dataDir));
    assert.deepEqual(state.pending().attempts, [], 'the pending attempts were written into the audit log');
    const keys = await KeySlots.unlock(keySlotsFile(dataDir), state.slotIdFor('ines'), testPassword);
    const db = openDatabase(join(dataDir, 'hearing-room.sqlite'), { key: keys.dataKey.databaseKey() });
    try {
      const audit = new AuditLog(db);
      const ines = db.prepare("SELECT id FROM accounts WHERE username = 'ines'").pluck().get() as string;
      const beforeUnlock = audit.entries().filter((e) => (e.details as { beforeUnlock?: boolean } | null)?.beforeUnlock === true);
      const failed = beforeUnlock.filter((e) => e.action === 'session.sign_in_failed');
      assert.equal(failed.filter((e) => e.userId === ines).length, 6, 'six wrong passwords for ines');
      assert.equal(failed.filter((e) => e.userId === 'unknown').length, 1, 'one for a username that does not exist');
      assert.equal(beforeUnlock.filter((e) => e.action === 'session.sign_in_refused' && e.userId === ines).length, 2, 'two refused by the back-off, one after the restart');
      assert.ok(audit.entries().some((e) => e.action === 'session.signed_in' && e.userId === ines));
      assert.equal(audit.verify(), null, 'the audit chain is whole');
    } finally {
      db.close();
    }
  });
});
