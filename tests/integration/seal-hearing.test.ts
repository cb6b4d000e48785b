import assert from 'node:assert/strict';
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ApiError } from '../../shared/api/errors';
import type { VerifyReport } from '../../main/services/seal/verify';
import { verifyFolder } from '../../main/services/seal/verify';
import { ctx, fixture, openSealing, recordedHearing, type Sealing } from '../helpers/sealing';
import { tempDir } from '../helpers/temp';

function failed(report: VerifyReport): string[] {
  return report.checks.filter((c) => !c.ok).map((c) => `${c.what}: ${c.detail}`);
}

function flipByte(file: string, at: number): void {
  const bytes = readFileSync(file);
  bytes[at] = (bytes[at] ?? 0) ^ 0xff;
  writeFileSync(file, bytes);
}

/** Runs `change` with a trigger dropped, as someone with raw access to the database could. */
function behindTheTriggers(s: Sealing, triggers: string[], change: () => void): void {
  const saved = triggers.map(
    (name) =>
      s.db
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?")
        .pluck()
        .get(name) as string,
  );
  for (const name of triggers) s.db.exec(`DROP TRIGGER ${name}`);
  change();
  for (const sql of saved) s.db.exec(sql);
}

async function sealedHearing() {
  const s = openSealing(tempDir());
  after(() => s.close());
  const hearingId = await recordedHearing(s);
  await s.seals.seal(hearingId, ctx);
  return { s, hearingId, dir: s.hearingDir(hearingId) };
}

describe('sealing a hearing', () => {
  test('writes a signed manifest beside the media, records the seal, and fixes the hearing', async () => {
    const { s, hearingId, dir } = await sealedHearing();
    for (const name of ['manifest.json', 'manifest.sig', 'public-key.pem', 'audit.jsonl'])
      assert.ok(existsSync(join(dir, name)), name);
    const row = s.seals.sealOf(hearingId);
    assert.ok(row);
    const last = s.audit.entries(hearingId).at(-1);
    assert.equal(last?.action, 'hearing.sealed');
    assert.equal((last?.details as { manifestSha256: string }).manifestSha256, row.manifest_sha256);

    const report = await s.seals.verifyHearing(hearingId);
    assert.equal(report.verdict, 'valid', failed(report).join('\n'));
    // The hearing's own folder checks with the standalone verifier's code, without the app.
    const standalone = await verifyFolder(dir);
    assert.equal(standalone.verdict, 'valid', failed(standalone).join('\n'));

    await assert.rejects(
      s.seals.seal(hearingId, ctx),
      (err: unknown) =>
        err instanceof ApiError && err.code === 'conflict' && /sealed again/.test(err.message),
    );
    assert.throws(
      () => s.db.prepare("UPDATE hearings SET minor_name = 'X' WHERE id = ?").run(hearingId),
      /sealed hearing cannot be changed/,
    );
    assert.throws(
      () => s.recordings.start(hearingId, 'video/webm'),
      /sealed hearing cannot be recorded again/,
    );
    const recordingId = s.recordings.listForHearing(hearingId)[0]?.id;
    assert.throws(
      () =>
        s.db
          .prepare("INSERT INTO recording_chunks VALUES (?, 99, 0, 1, 'x', 'now')")
          .run(recordingId),
      /cannot get new chunks/,
    );
    assert.throws(
      () => s.db.prepare("UPDATE recordings SET working_file = 'x' WHERE id = ?").run(recordingId),
      /cannot be changed/,
    );
    assert.throws(() => s.db.prepare('DELETE FROM seals').run(), /cannot be removed/);
  });

  test('is refused while a recording is running', async () => {
    const s = openSealing(tempDir());
    after(() => s.close());
    const hearingId = await recordedHearing(s);
    const running = s.recordings.start(hearingId, 'video/webm');
    s.recordings.append(running.id, 0, fixture.subarray(0, 1000));
    await assert.rejects(
      s.seals.seal(hearingId, ctx),
      (err: unknown) =>
        err instanceof ApiError &&
        err.code === 'conflict' &&
        /Segment 2 .* still being recorded/.test(err.message),
    );
    assert.equal(s.seals.sealOf(hearingId), null);
  });

  test('is refused when a master no longer has the hash recorded as it was written', async () => {
    const s = openSealing(tempDir());
    after(() => s.close());
    const hearingId = await recordedHearing(s);
    flipByte(join(s.hearingDir(hearingId), 'segment-001-master.webm'), 500);
    await assert.rejects(
      s.seals.seal(hearingId, ctx),
      (err: unknown) =>
        err instanceof ApiError &&
        /segment-001-master\.webm has SHA-256 [0-9a-f]{64} where [0-9a-f]{64} was recorded/.test(
          err.message,
        ),
    );
    assert.equal(s.seals.sealOf(hearingId), null);
    assert.equal(s.audit.entries(hearingId).at(-1)?.action, 'hearing.seal_refused');
  });
});

describe('checking a sealed hearing in the app', () => {
  test('one byte flipped in the master is named', async () => {
    const { s, hearingId, dir } = await sealedHearing();
    flipByte(join(dir, 'segment-001-master.webm'), 1234);
    const report = await s.seals.verifyHearing(hearingId);
    assert.equal(report.verdict, 'invalid');
    assert.match(
      failed(report).join('\n'),
      /segment-001-master\.webm: Master of segment 1: the content was changed .* SHA-256 expected [0-9a-f]{64}, found [0-9a-f]{64}/,
    );
  });

  test('one byte flipped in the working copy is named, and the app derives it again to say where', async () => {
    const { s, hearingId, dir } = await sealedHearing();
    flipByte(join(dir, 'segment-001-working.webm'), 2000);
    const problems = failed(await s.seals.verifyHearing(hearingId));
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(
      problems[0] ?? '',
      /^segment-001-working\.webm: Working copy of segment 1: the content was changed/,
    );
    assert.equal(
      problems[1],
      'segment-001-working.webm derived again: The working copy of segment 1 is not what its master derives to: they differ from byte 2000 on.',
    );
  });

  test('a truncated master is named with both sizes', async () => {
    const { s, hearingId, dir } = await sealedHearing();
    truncateSync(join(dir, 'segment-001-master.webm'), 1000);
    assert.match(
      failed(await s.seals.verifyHearing(hearingId)).join('\n'),
      new RegExp(`size expected ${fixture.byteLength} bytes, found 1000; the file is shorter`),
    );
  });

  test('a hearing field changed in the database is named', async () => {
    const { s, hearingId } = await sealedHearing();
    behindTheTriggers(s, ['hearings_sealed_fixed'], () => {
      s.db.prepare("UPDATE hearings SET minor_name = 'Someone Else' WHERE id = ?").run(hearingId);
    });
    const problems = failed(await s.seals.verifyHearing(hearingId));
    assert.deepEqual(problems, [
      'Database: hearing: changed after sealing: minorName: sealed "Amir K.", database now "Someone Else".',
    ]);
  });

  test("a recording's SHA-256 changed in the database is named", async () => {
    const { s, hearingId } = await sealedHearing();
    const forged = 'f'.repeat(64);
    behindTheTriggers(s, ['recordings_finished_fixed', 'recordings_sealed_fixed'], () => {
      s.db.prepare('UPDATE recordings SET sha256 = ? WHERE hearing_id = ?').run(forged, hearingId);
    });
    const problems = failed(await s.seals.verifyHearing(hearingId));
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(
      problems[0] ?? '',
      new RegExp(
        `Database: recording segment 1: changed after sealing: master SHA-256 \\(recordings\\.sha256\\): sealed "[0-9a-f]{64}", database now "${forged}"`,
      ),
    );
  });

  test('an audit entry deleted from the database is named by its number', async () => {
    const { s, hearingId } = await sealedHearing();
    behindTheTriggers(s, ['audit_log_no_delete'], () => {
      s.db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    });
    const text = failed(await s.seals.verifyHearing(hearingId)).join('\n');
    assert.match(text, /Audit log: chain: .*entry 2 is missing/);
    assert.match(text, /Audit log: this hearing's entries: .*entry 2 is missing/);
  });

  test('a seal replaced in the database and on disk by one made with another key is noticed', async () => {
    const { s, hearingId, dir } = await sealedHearing();
    const other = openSealing(tempDir());
    after(() => other.close());
    const manifest = readFileSync(join(dir, 'manifest.json'));
    writeFileSync(
      join(dir, 'manifest.sig'),
      `${Buffer.from(other.keys.sign(manifest)).toString('base64')}\n`,
    );
    const text = failed(await s.seals.verifyHearing(hearingId)).join('\n');
    assert.match(text, /Signature: manifest\.json does not match its signature/);
    assert.match(
      text,
      /Database: seal record: .*signature \(seals\.signature\), against manifest\.sig/,
    );
  });
});
