import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openServices } from '../../main/services/app';
import { localOperator } from '../../shared/api/caller';
import type { Hearing, Recording } from '../../shared/domain/hearing';
import { createReadyHearing } from '../helpers/procedure';
import { tempDir } from '../helpers/temp';

/** ELAN files imported through the API: read in main, previewed, then added all at once as the caller's own. */
const services = await openServices({ dataDir: tempDir(), appVersion: 'test' });
after(() => services.close());
const ctx = { ...localOperator('internal'), role: 'psychologist' as const };
const rich = readFileSync(join(import.meta.dirname, '../fixtures/rich.eaf'), 'utf8');

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await services.dispatcher.dispatch(ctx, name, input);
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code, error: r.error });
  return r.value as T;
}

type Imported = {
  tiers: Array<{ name: string; count: number; target: string; kept: number; asNotes: number }>;
  notes: Array<{ level: string; subject: string }>;
  count: number;
  annotations: Array<{ tierId: string; code: string | null; author: { userId: string } }> | null;
};

const hearing = await createReadyHearing<Hearing>(
  (name, input) => services.dispatcher.dispatch(localOperator('internal'), name, input).then((r) => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  }) as Promise<never>,
  13,
  'EAF/1',
);
const rec = await services.dispatcher.dispatch(localOperator('internal'), 'recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
assert.ok(rec.ok);
await services.dispatcher.dispatch(localOperator('internal'), 'recordings.stop', { recordingId: (rec.value as Recording).id, durationMs: 20_000 });

test('a preview lists the tiers and what cannot be kept, and changes nothing', async () => {
  const preview = await call<Imported>('annotations.import', { hearingId: hearing.id, fileName: 'rich.eaf', xml: rich, apply: false });
  assert.equal(preview.annotations, null);
  assert.equal(preview.count, 16);
  assert.equal(preview.tiers.length, 9);
  assert.equal(preview.tiers.reduce((sum, t) => sum + t.count, 0), 16);
  assert.ok(preview.notes.some((n) => n.level === 'lost'));
  const list = await call<{ annotations: unknown[] }>('annotations.list', { hearingId: hearing.id });
  assert.equal(list.annotations.length, 0);
});

test('applying adds every annotation as the caller’s own, in one go', async () => {
  const done = await call<Imported>('annotations.import', { hearingId: hearing.id, fileName: 'rich.eaf', xml: rich, apply: true });
  assert.equal(done.annotations?.length, 16);
  assert.ok(done.annotations.every((a) => a.author.userId === ctx.userId));
  assert.deepEqual(done.annotations.filter((a) => a.tierId === 'prompt').map((a) => a.code).sort(), ['cued_invitation', 'invitation']);
  const list = await call<{ annotations: unknown[] }>('annotations.list', { hearingId: hearing.id });
  assert.equal(list.annotations.length, 16);
});

test('a file that is not EAF, or too large, is refused with what to do, and nothing is added', async () => {
  for (const xml of ['not xml at all', '<html><body>hello</body></html>', '<ANNOTATION_DOCUMENT><TIME_ORDER>']) {
    await assert.rejects(call('annotations.import', { hearingId: hearing.id, fileName: 'bad.eaf', xml, apply: true }), (err: Error & { code?: string }) => {
      assert.equal(err.code, 'invalid_input', err.message);
      assert.match(err.message, /bad\.eaf cannot be read as an ELAN file/);
      return true;
    });
  }
  await assert.rejects(
    call('annotations.import', { hearingId: hearing.id, fileName: 'big.eaf', xml: 'x'.repeat(5_000_001), apply: true }),
    /invalid_input: .*larger than 5 MB/,
  );
  const list = await call<{ annotations: unknown[] }>('annotations.list', { hearingId: hearing.id });
  assert.equal(list.annotations.length, 16);
});
