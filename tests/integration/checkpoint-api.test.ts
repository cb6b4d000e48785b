import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3-multiple-ciphers';
import { openServices } from '../../main/services/app';
import { ChromiumPrinter, findChromium } from '../../main/host/chromium-printer';
import { PassphraseKeyFile } from '../../main/services/keys/passphrase-key-file';
import { localOperator, type CallerContext } from '../../shared/api/caller';
import type { Hearing, Recording } from '../../shared/domain/hearing';
import { createReadyHearing } from '../helpers/procedure';
import { tempDir } from '../helpers/temp';
import { verifierPath } from '../helpers/sealing';

const dataDir = tempDir();
const exportsDir = join(dataDir, 'exports');
mkdirSync(exportsDir);
const chromium = findChromium();
const services = await openServices({
  dataDir,
  appVersion: 'test',
  keys: PassphraseKeyFile.open(dataDir, 'correct horse battery staple'),
  verifierPath,
  exportDestination: () => exportsDir,
  ...(chromium ? { printer: new ChromiumPrinter(chromium) } : {}),
});
after(() => services.close());
const operator = localOperator('internal');
const as = (role: CallerContext['role']): CallerContext => ({ ...operator, userId: `a-${role}`, role });
const chunk = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));

async function call<T>(name: string, input: unknown, ctx: CallerContext = operator): Promise<T> {
  const r = await services.dispatcher.dispatch(ctx, name, input);
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
  return r.value as T;
}

interface Report {
  verdict: string;
  checks: Array<{ code: string; ok: boolean; done: boolean; detail: string; text: Record<string, { detail: string }> }>;
  checkpoint: { entries: number; head: string } | null;
  log: { entries: number; head: string };
}

async function exportedCheckpoint(): Promise<{ checkpoint: string; signature: string }> {
  const hearing = await createReadyHearing<Hearing>(call, 13, `ANCHOR/${Math.random().toString(16).slice(2, 8)}`);
  const rec = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
  await call('recordings.appendChunk', { recordingId: rec.id, seq: 0, data: chunk });
  await call('recordings.stop', { recordingId: rec.id, durationMs: 4000 });
  await call('hearings.seal', { hearingId: hearing.id });
  const exported = await call<{ folder: string }>('hearings.export', { hearingId: hearing.id });
  return {
    checkpoint: readFileSync(join(exported.folder, 'checkpoint.json'), 'utf8'),
    signature: readFileSync(join(exported.folder, 'checkpoint.sig'), 'utf8'),
  };
}

describe('audit.checkCheckpoint', () => {
  test("the magistrate and the clerk check a registry's checkpoint against today's log; it is audited", async () => {
    const given = await exportedCheckpoint();
    for (const role of ['magistrate', 'clerk'] as const) {
      const report = await call<Report>('audit.checkCheckpoint', given, as(role));
      assert.equal(report.verdict, 'valid', JSON.stringify(report.checks));
      assert.deepEqual(
        report.checks.map((c) => [c.code, c.ok]),
        [
          ['checkpoint.earlier', true],
          ['checkpoint.extends', true],
        ],
      );
      assert.ok(report.log.entries >= (report.checkpoint?.entries ?? Infinity));
      assert.match(report.checks[1]!.text.nl!.detail, /^De eerste \d+ items van dit log/);
    }
    const db = new Database(join(dataDir, 'hearing-room.sqlite'), { readonly: true });
    const entries = db
      .prepare("SELECT role, details FROM audit_log WHERE action = 'audit.checkpoint_checked' ORDER BY seq")
      .all() as Array<{ role: string; details: string }>;
    db.close();
    assert.deepEqual(
      entries.map((e) => [e.role, (JSON.parse(e.details) as { verdict: string }).verdict]),
      [
        ['magistrate', 'valid'],
        ['clerk', 'valid'],
      ],
    );
  });

  test('other roles are refused, and bad input is named', async () => {
    const given = await exportedCheckpoint();
    for (const role of ['interviewer', 'technician', 'psychologist', 'administrator'] as const) {
      await assert.rejects(call('audit.checkCheckpoint', given, as(role)), /^Error: forbidden/);
    }
    await assert.rejects(
      call('audit.checkCheckpoint', { checkpoint: given.checkpoint }, as('clerk')),
      /^Error: invalid_input: .*signature/,
    );
    const garbage = await call<Report>('audit.checkCheckpoint', { checkpoint: '{"a":1}', signature: given.signature }, as('clerk'));
    assert.equal(garbage.verdict, 'unreadable');
    assert.match(garbage.checks[0]!.detail, /not a checkpoint of the audit log/);
    const flipped = given.signature.startsWith('A') ? `B${given.signature.slice(1)}` : `A${given.signature.slice(1)}`;
    const forged = await call<Report>('audit.checkCheckpoint', { ...given, signature: flipped }, as('clerk'));
    assert.equal(forged.verdict, 'invalid');
    assert.equal(forged.checks.find((c) => c.code === 'checkpoint.earlier')?.ok, false);
  });
});
