import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3-multiple-ciphers';
import { canonicalJson } from '../../shared/canonical-json';
import { auditEntryHash, genesisHash } from '../../main/services/audit-log';
import type { CheckpointBody } from '../../main/services/seal/checkpoints';
import { verifyFolder, type VerifyReport } from '../../main/services/seal/verify';
import { ctx, openSealing, recordedHearing, verifierPath, type Sealing } from '../helpers/sealing';
import { tempDir } from '../helpers/temp';

function runVerifier(folder: string, args: string[] = []) {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8' };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  const r = spawnSync(process.execPath, [verifierPath, folder, '--quick', ...args], {
    encoding: 'utf8',
    env,
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

function jsonReport(out: string): VerifyReport {
  return JSON.parse(out) as VerifyReport;
}

function checkOf(report: { checks: Array<{ code: string; ok: boolean; done: boolean; detail: string }> }, code: string) {
  const found = report.checks.find((c) => c.code === code);
  assert.ok(found, `the report has a ${code} check: ${JSON.stringify(report.checks.map((c) => c.code))}`);
  return found;
}

function checkpointOf(folder: string): { text: string; signature: string; body: CheckpointBody } {
  const text = readFileSync(join(folder, 'checkpoint.json'), 'utf8');
  return {
    text,
    signature: readFileSync(join(folder, 'checkpoint.sig'), 'utf8'),
    body: JSON.parse(text) as CheckpointBody,
  };
}

function folderOf(result: { folder: string | null }): string {
  assert.ok(result.folder, 'an export without a passphrase has its folder');
  return result.folder;
}

/**
 * What someone holding the database file can do: drop the triggers, delete a hearing with every
 * row and audit entry about it, and re-number, re-link and re-hash the rest of the chain, so that
 * the log is intact again. The checkpoints kept in the database go too.
 */
function deleteHearingAndRehash(file: string, hearingId: string): void {
  const db = new Database(file);
  try {
    db.pragma('foreign_keys = OFF');
    const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[];
    for (const name of triggers) db.exec(`DROP TRIGGER "${name}"`);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    db.transaction(() => {
      db.prepare(
        'DELETE FROM recording_chunks WHERE recording_id IN (SELECT id FROM recordings WHERE hearing_id = ?)',
      ).run(hearingId);
      for (const table of tables) {
        const columns = db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>;
        if (columns.some((c) => c.name === 'hearing_id') && table !== 'audit_log')
          db.prepare(`DELETE FROM "${table}" WHERE hearing_id = ?`).run(hearingId);
      }
      db.prepare('DELETE FROM hearings WHERE id = ?').run(hearingId);
      db.prepare('DELETE FROM audit_checkpoints').run();

      const rows = db.prepare('SELECT * FROM audit_log WHERE hearing_id IS NOT ? ORDER BY seq').all(hearingId) as Array<
        Record<string, unknown>
      >;
      db.prepare('DELETE FROM audit_log').run();
      const insert = db.prepare(
        `INSERT INTO audit_log (seq, at, user_id, role, action, hearing_id, details, prev_hash, hash)
         VALUES (@seq, @at, @userId, @role, @action, @hearingId, @details, @prevHash, @hash)`,
      );
      let prevHash = genesisHash;
      rows.forEach((r, i) => {
        const body = {
          seq: i + 1,
          at: r.at as string,
          userId: r.user_id as string,
          role: r.role as string,
          action: r.action as string,
          hearingId: (r.hearing_id as string | null) ?? null,
          details: JSON.parse(r.details as string) as unknown,
          prevHash,
        };
        const hash = auditEntryHash(body);
        insert.run({ ...body, details: canonicalJson(body.details), hash });
        prevHash = hash;
      });
    })();
  } finally {
    db.close();
  }
}

const dataDir = tempDir();
const destinations = { first: tempDir(), second: tempDir(), third: tempDir() };
let s: Sealing;
let hearingA: string;
let hearingB: string;
let exportA: string;
let exportB: string;
/** Hearing A exported again after B: an honest later export. */
let exportA2: string;

before(async () => {
  s = openSealing(dataDir);
  hearingA = await recordedHearing(s, 'AN.55.F1.000123/26');
  await s.seals.seal(hearingA, ctx);
  exportA = folderOf(await s.exporter.exportHearing(hearingA, destinations.first, ctx));
  hearingB = await recordedHearing(s, 'BR.12.L3.000456/26');
  await s.seals.seal(hearingB, ctx);
  exportB = folderOf(await s.exporter.exportHearing(hearingB, destinations.first, ctx));
  exportA2 = folderOf(await s.exporter.exportHearing(hearingA, destinations.second, ctx));
});
after(() => s.close());

describe('checkpoints of the audit log', () => {
  test('every seal and every export signs one, kept in order, and the table refuses changes', () => {
    const list = s.checkpoints.list();
    assert.deepEqual(
      list.map((c) => [c.reason, c.hearingId]),
      [
        ['seal', hearingA],
        ['export', hearingA],
        ['seal', hearingB],
        ['export', hearingB],
        ['export', hearingA],
      ],
    );
    for (let i = 1; i < list.length; i++)
      assert.ok(list[i]!.body.entries >= list[i - 1]!.body.entries, 'no checkpoint covers fewer entries than the one before');
    // Hearing B's seal came after hearing A's export: its checkpoint covers more.
    assert.ok(list[2]!.body.entries > list[1]!.body.entries);
    // The seal's checkpoint covers the sealing entry itself.
    const sealedA = s.audit.entries(hearingA).find((e) => e.action === 'hearing.sealed');
    assert.equal(list[0]!.body.entries, sealedA?.seq);
    assert.equal(list[0]!.body.head, sealedA?.hash);
    assert.throws(() => s.db.prepare('UPDATE audit_checkpoints SET entries = 1').run(), /cannot be changed/);
    assert.throws(() => s.db.prepare('DELETE FROM audit_checkpoints').run(), /cannot be removed/);
  });

  test("an export carries its checkpoint, signed, vouching for exactly the export's audit entries", async () => {
    const { body } = checkpointOf(exportB);
    const lines = readFileSync(join(exportB, 'audit.jsonl'), 'utf8').trimEnd().split('\n');
    assert.equal(body.entries, lines.length);
    assert.equal((JSON.parse(lines.at(-1)!) as { hash: string }).hash, body.head);
    assert.equal(body.key.fingerprint, s.keys.fingerprint());
    const report = await verifyFolder(exportB, { quick: true });
    assert.equal(report.verdict, 'valid');
    assert.equal(checkOf(report, 'checkpoint.signature').ok, true);
    assert.equal(checkOf(report, 'checkpoint.head').ok, true);
    const exported = s.audit.entries(hearingB).find((e) => e.action === 'hearing.exported');
    assert.deepEqual((exported?.details as { checkpoint?: unknown }).checkpoint, {
      entries: body.entries,
      head: body.head,
    });
  });

  test('without --checkpoint the verifier says the anchoring was not checked', () => {
    const { code, out } = runVerifier(exportA2);
    assert.equal(code, 0, out);
    assert.match(out, /^ {2}-- {4}Anchoring: the log extends the earlier checkpoint: Not done: the anchoring was not checked\./m);
    assert.match(out, /Not done: .*checkpoint\.extends/);
  });

  test('an honest later export extends the earlier one: valid, from its folder or its checkpoint.json', () => {
    for (const given of [exportB, join(exportB, 'checkpoint.json')]) {
      const { code, out } = runVerifier(exportA2, ['--checkpoint', given, '--json']);
      assert.equal(code, 0, out);
      const report = jsonReport(out);
      assert.equal(report.verdict, 'valid');
      assert.equal(checkOf(report, 'checkpoint.earlier').ok, true);
      const extended = checkOf(report, 'checkpoint.extends');
      assert.equal(extended.ok, true);
      assert.equal(extended.done, true);
      assert.match(extended.detail, /^The first \d+ entries of this log hash to the earlier checkpoint's head/);
    }
  });

  test("the app's check: today's log extends the registry's checkpoint", () => {
    const { text, signature, body } = checkpointOf(exportB);
    const report = s.checkpoints.check(text, signature);
    assert.equal(report.verdict, 'valid', JSON.stringify(report.checks));
    assert.equal(report.checkpoint?.entries, body.entries);
    assert.ok(report.log.entries > body.entries);
    // An editor's final newline around the pasted text does not matter.
    assert.equal(s.checkpoints.check(`\n${text}\r\n`, `${signature}\n`).verdict, 'valid');
  });

  test('a forged checkpoint is named: changed content, a signature of another key, garbage', () => {
    const { text, signature, body } = checkpointOf(exportB);
    const work = join(tempDir(), 'forged');
    mkdirSync(work);
    // Claims fewer entries, as a forger would to hide what came after.
    const changed = canonicalJson({ ...body, entries: body.entries - 3 });
    writeFileSync(join(work, 'checkpoint.json'), changed);
    writeFileSync(join(work, 'checkpoint.sig'), signature);
    const cli = runVerifier(exportA2, ['--checkpoint', join(work, 'checkpoint.json'), '--json']);
    assert.equal(cli.code, 1, cli.out);
    const earlier = checkOf(jsonReport(cli.out), 'checkpoint.earlier');
    assert.equal(earlier.ok, false);
    assert.match(earlier.detail, /does not match its signature: it was changed or forged/);

    const app = s.checkpoints.check(changed, signature);
    assert.equal(app.verdict, 'invalid');
    assert.equal(checkOf(app, 'checkpoint.earlier').ok, false);

    const other = generateKeyPairSync('ed25519');
    const otherFingerprint = 'f'.repeat(64);
    const foreign = canonicalJson({ ...body, key: { algorithm: 'Ed25519', fingerprint: otherFingerprint } });
    const foreignSig = sign(null, Buffer.from(foreign), other.privateKey).toString('base64');
    const byOther = s.checkpoints.check(foreign, foreignSig);
    assert.equal(byOther.verdict, 'invalid');
    assert.match(checkOf(byOther, 'checkpoint.earlier').detail, /signed with the key ffff ffff .*the installation's key was changed, or the installation was replaced/);

    const garbage = s.checkpoints.check('not a checkpoint', signature);
    assert.equal(garbage.verdict, 'unreadable');
    assert.match(checkOf(garbage, 'checkpoint.earlier').detail, /not valid JSON/);
    assert.equal(s.checkpoints.check(text, 'AAAA').verdict, 'invalid');
  });

  test("a changed checkpoint inside an export fails that export's own check", async () => {
    const copy = join(tempDir(), basename(exportB));
    cpSync(exportB, copy, { recursive: true });
    const { body } = checkpointOf(copy);
    writeFileSync(join(copy, 'checkpoint.json'), canonicalJson({ ...body, at: '2020-01-01T00:00:00.000Z' }));
    const report = await verifyFolder(copy, { quick: true });
    assert.equal(report.verdict, 'invalid');
    assert.match(checkOf(report, 'checkpoint.signature').detail, /the checkpoint was changed or forged/);
  });

  test('a --checkpoint that cannot be read is a clear error (exit 2)', () => {
    const missing = runVerifier(exportA2, ['--checkpoint', join(tempDir(), 'nothing-here.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.out, /there is no such file or folder\. Give the earlier export's folder, or its checkpoint\.json\./);
    const lonely = join(tempDir(), 'lonely');
    mkdirSync(lonely);
    writeFileSync(join(lonely, 'checkpoint.json'), checkpointOf(exportB).text);
    const noSig = runVerifier(exportA2, ['--checkpoint', join(lonely, 'checkpoint.json')]);
    assert.equal(noSig.code, 2);
    assert.match(noSig.out, /checkpoint\.sig is missing/);
    writeFileSync(join(lonely, 'checkpoint.json'), '{"format":"something else"}');
    writeFileSync(join(lonely, 'checkpoint.sig'), checkpointOf(exportB).signature);
    const notOne = runVerifier(exportA2, ['--checkpoint', lonely]);
    assert.equal(notOne.code, 2);
    assert.match(notOne.out, /it is not a checkpoint of the audit log \(hearing-room-checkpoint\/1/);
  });
});

describe('the latest sealed hearing deleted from the database, and the chain re-hashed', () => {
  let exportC: string;
  let hearingC: string;

  before(async () => {
    s.close();
    deleteHearingAndRehash(join(dataDir, 'hearing-room.sqlite'), hearingB);
    rmSync(join(dataDir, 'hearings', hearingB), { recursive: true, force: true });
    s = openSealing(dataDir);
    hearingC = await recordedHearing(s, 'GE.77.K2.000789/26');
    await s.seals.seal(hearingC, ctx);
    exportC = folderOf(await s.exporter.exportHearing(hearingC, destinations.third, ctx));
  });

  test('nothing inside the app notices: the chain is intact, the new export verifies on its own', async () => {
    assert.equal(s.audit.verify(), null);
    assert.equal(s.audit.entries(hearingB).length, 0);
    const { code, out } = runVerifier(exportC);
    assert.equal(code, 0, out);
    assert.equal((await s.seals.verifyHearing(hearingA)).verdict, 'valid');
  });

  test('the verifier with --checkpoint <the earlier export> names the deletion (exit 1)', () => {
    const { code, out } = runVerifier(exportC, ['--checkpoint', exportB]);
    assert.equal(code, 1, out);
    assert.match(out, /FAIL\s+Anchoring: the log extends the earlier checkpoint: History was deleted/);
    assert.match(out, /The first entry that differs from the earlier export is entry \d+/);
    assert.match(out, /Result: INVALID\./);

    const json = jsonReport(runVerifier(exportC, ['--checkpoint', join(exportB, 'checkpoint.json'), '--json']).out);
    assert.equal(json.verdict, 'invalid');
    assert.equal(checkOf(json, 'checkpoint.earlier').ok, true, 'the earlier checkpoint itself is genuine');
    assert.equal(checkOf(json, 'checkpoint.extends').ok, false);
    assert.deepEqual(
      json.checks.filter((c) => !c.ok).map((c) => c.code),
      ['checkpoint.extends'],
    );
  });

  test('in Dutch, French and German', () => {
    const expected = {
      nl: /FAIL\s+Verankering: .*Geschiedenis werd verwijderd/,
      fr: /FAIL\s+Ancrage : .*De l'historique a été supprimé/,
      de: /FAIL\s+Verankerung: .*Verlauf wurde gelöscht/,
    };
    for (const [lang, pattern] of Object.entries(expected)) {
      const { code, out } = runVerifier(exportC, ['--checkpoint', exportB, '--lang', lang]);
      assert.equal(code, 1, out);
      assert.match(out, pattern, lang);
    }
  });

  test("the app's check names it too", () => {
    const { text, signature } = checkpointOf(exportB);
    const report = s.checkpoints.check(text, signature);
    assert.equal(report.verdict, 'invalid');
    const extended = checkOf(report, 'checkpoint.extends');
    assert.equal(extended.ok, false);
    assert.match(extended.detail, /^History was deleted/);
  });

  test('what was anchored before the deleted hearing still extends', () => {
    const { text, signature } = checkpointOf(exportA);
    assert.equal(s.checkpoints.check(text, signature).verdict, 'valid');
    const { code, out } = runVerifier(exportC, ['--checkpoint', exportA]);
    assert.equal(code, 0, out);
  });
});
