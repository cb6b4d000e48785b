import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openServices } from '../../main/services/app';
import { PassphraseKeyFile } from '../../main/services/keys/passphrase-key-file';
import { localOperator, type CallerContext } from '../../shared/api/caller';
import type { ApiErrorBody } from '../../shared/api/errors';
import type { Annotation } from '../../shared/coding/annotations';
import { importEaf } from '../../shared/coding/eaf-import';
import type { Hearing, Recording } from '../../shared/domain/hearing';
import { createReadyHearing } from '../helpers/procedure';
import { verifierPath } from '../helpers/sealing';
import { tempDir } from '../helpers/temp';
import { validateEaf, xmllintMissing } from '../helpers/xmllint';

const dataDir = tempDir();
const services = await openServices({
  dataDir,
  appVersion: 'test',
  keys: PassphraseKeyFile.open(dataDir, 'correct horse battery staple'),
  verifierPath,
  printer: { print: async () => new TextEncoder().encode('%PDF-1.4\n%%EOF\n') },
});
after(() => services.close());
const interviewer = localOperator('internal');

/** Two psychologists with accounts of their own, made as the administrator makes them. */
const password = 'a long and careful passphrase';
const setup = await services.call(null, 'internal', 'session.setup', { displayName: 'Admin', username: 'admin', password });
if (!setup.result.ok) throw new Error(setup.result.error.message);
const adminSession = (setup.result.value as { sessionToken: string }).sessionToken;
async function psychologistAccount(username: string, displayName: string): Promise<CallerContext> {
  const made = await services.call(adminSession, 'internal', 'accounts.create', { displayName, username, role: 'psychologist', password });
  if (!made.result.ok) throw new Error(made.result.error.message);
  return { userId: (made.result.value as { id: string }).id, displayName, role: 'psychologist', transport: 'internal' };
}
const psychologist = await psychologistAccount('eclaes', 'Dr. E. Claes');
const second = await psychologistAccount('mwouters', 'Dr. M. Wouters');
const fixture = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));

type Outcome<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
const raw = <T>(ctx: CallerContext, name: string, input: unknown) =>
  services.dispatcher.dispatch(ctx, name, input) as Promise<Outcome<T>>;
async function call<T>(name: string, input: unknown, ctx: CallerContext = interviewer): Promise<T> {
  const r = await raw<T>(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function recordedHearing(reference: string): Promise<{ hearing: Hearing; recording: Recording }> {
  const hearing = await createReadyHearing<Hearing>((n, i) => call(n, i), 13, reference);
  // The psychologists code this hearing as members of its team.
  for (const p of [psychologist, second]) await call('hearings.assign', { hearingId: hearing.id, userId: p.userId });
  const recording = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
  await call('recordings.appendChunk', { recordingId: recording.id, seq: 0, data: fixture });
  return { hearing, recording };
}

const prompt = (code: string, startMs: number, endMs: number) => ({
  kind: 'add',
  tierId: 'prompt',
  code,
  text: null,
  startMs,
  endMs,
});

describe('annotations of a hearing', () => {
  test('two coders marking the running recording at once lose nothing, each at main’s clock', async () => {
    const { hearing, recording } = await recordedHearing('ANN/LIVE');
    await sleep(300);
    const coders = [psychologist, second, psychologist, second, interviewer, psychologist];
    const marks = await Promise.all(
      coders.map((ctx) =>
        call<Annotation[]>(
          'annotations.change',
          { hearingId: hearing.id, change: { kind: 'add', tierId: 'notes', code: null, text: `by ${ctx.userId}`, startMs: 0, endMs: 0, live: true } },
          ctx,
        ),
      ),
    );
    assert.equal(marks.length, coders.length);
    const { annotations } = await call<{ annotations: Annotation[] }>('annotations.list', { hearingId: hearing.id });
    assert.equal(annotations.length, coders.length, 'every mark is kept');
    const started = Date.parse(recording.startedAt);
    for (const a of annotations) {
      assert.ok(a.startMs >= 250 && a.startMs <= Date.now() - started, `a live mark at ${a.startMs} ms sits on the recording's clock`);
    }
    assert.deepEqual(
      annotations.map((a) => a.author.userId).sort(),
      coders.map((c) => c.userId).sort(),
      'each mark keeps its author',
    );
  });

  test('each author changes only their own; the scheme is enforced in main; sealed annotations never change', async () => {
    const { hearing, recording } = await recordedHearing('ANN/EDIT');
    await call('recordings.stop', { recordingId: recording.id, durationMs: 4000 });
    const added = await call<Annotation[]>('annotations.change', { hearingId: hearing.id, change: prompt('invitation', 500, 1500) }, psychologist);
    const id = added[0]!.id;
    const notMine = await raw(second, 'annotations.change', { hearingId: hearing.id, change: { kind: 'delete', id } });
    assert.equal(notMine.ok ? null : notMine.error.details?.reason, 'not_author');
    const badCode = await raw(psychologist, 'annotations.change', { hearingId: hearing.id, change: prompt('leading-ish', 0, 10) });
    assert.equal(badCode.ok ? null : badCode.error.details?.reason, 'unknown_code');
    const backwards = await raw(psychologist, 'annotations.change', { hearingId: hearing.id, change: prompt('directive', 900, 100) });
    assert.equal(backwards.ok ? null : backwards.error.details?.reason, 'end_before_start');
    await call('annotations.change', { hearingId: hearing.id, change: { kind: 'split', id, atMs: 1000 } }, psychologist);
    const moved = await call<Annotation[]>('annotations.change', { hearingId: hearing.id, change: { kind: 'edit', id, code: 'cued_invitation' } }, psychologist);
    assert.deepEqual(
      moved.map((a) => [a.code, a.startMs, a.endMs]),
      [
        ['cued_invitation', 500, 1000],
        ['invitation', 1000, 1500],
      ],
    );
    await call('hearings.seal', { hearingId: hearing.id });
    const sealed = await raw(psychologist, 'annotations.change', { hearingId: hearing.id, change: { kind: 'edit', id, code: 'directive' } });
    assert.equal(sealed.ok ? null : sealed.error.details?.reason, 'sealed_annotation');
    // What is added after the seal is a signed addendum (tests/integration/addenda.test.ts), the scheme still enforced.
    const afterSeal = await raw(psychologist, 'annotations.change', { hearingId: hearing.id, change: prompt('leading-ish', 0, 10) });
    assert.equal(afterSeal.ok ? null : afterSeal.error.details?.reason, 'unknown_code');
    const listed = (await call<{ annotations: Annotation[] }>('annotations.list', { hearingId: hearing.id })).annotations;
    assert.deepEqual(
      listed.map((a) => [a.code, a.startMs, a.endMs, a.addendum]),
      [
        ['cued_invitation', 500, 1000, undefined],
        ['invitation', 1000, 1500, undefined],
      ],
    );
  });

  test('EAF for ELAN validates against the published schema and reads back the same annotations; CSV has a row each', async (t) => {
    const { hearing, recording } = await recordedHearing('ANN/EAF');
    await call('recordings.stop', { recordingId: recording.id, durationMs: 4000 });
    for (const [code, start, end] of [
      ['invitation', 100, 900],
      ['option_posing', 1200, 1600],
      ['suggestive', 2000, 2600],
    ] as const) {
      await call('annotations.change', { hearingId: hearing.id, change: prompt(code, start, end) }, psychologist);
    }
    const csv = await call<{ files: Array<{ name: string; content: string }> }>('annotations.export', { hearingId: hearing.id, format: 'csv', language: 'nl' });
    assert.equal(csv.files[0]!.content.trim().split('\r\n').length, 4, 'a header and a row per annotation');
    const eaf = await call<{ files: Array<{ name: string; content: string }> }>('annotations.export', { hearingId: hearing.id, format: 'eaf' });
    assert.equal(eaf.files.length, 1, 'one file per segment');
    assert.match(eaf.files[0]!.content, /MEDIA_URL="segment-001-working\.webm"/);
    const back = importEaf(eaf.files[0]!.content, { by: { userId: 'x', displayName: 'X' }, now: new Date().toISOString(), newId: () => crypto.randomUUID() });
    const coded = back.annotations.filter((a) => a.tierId.startsWith('prompt'));
    assert.deepEqual(coded.map((a) => [a.code, a.startMs, a.endMs]), [
      ['invitation', 100, 900],
      ['option_posing', 1200, 1600],
      ['suggestive', 2000, 2600],
    ]);
    if (xmllintMissing) return t.skip(`${xmllintMissing}; the EAF was not validated`);
    const verdict = validateEaf(eaf.files[0]!.content);
    assert.ok(verdict.ok, verdict.output);
  });
});
