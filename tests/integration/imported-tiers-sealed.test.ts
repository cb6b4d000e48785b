import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openServices } from '../../main/services/app';
import { PassphraseKeyFile } from '../../main/services/keys/passphrase-key-file';
import { localOperator } from '../../shared/api/caller';
import type { Annotation } from '../../shared/coding/annotations';
import type { ImportedTier } from '../../shared/coding/imported-tiers';
import type { Hearing, Recording } from '../../shared/domain/hearing';
import { createReadyHearing } from '../helpers/procedure';
import { verifierPath } from '../helpers/sealing';
import { tempDir } from '../helpers/temp';

/** Imported tiers and the seal: tiers added before it stay; after it no tier is added, and nothing is lost. */
const dataDir = tempDir();
const services = await openServices({
  dataDir,
  appVersion: 'test',
  keys: PassphraseKeyFile.open(dataDir, 'correct horse battery staple'),
  verifierPath,
  exportDestination: () => null,
  printer: { print: async () => new TextEncoder().encode('%PDF-1.4\n%%EOF\n') },
});
after(() => services.close());
const ctx = localOperator('internal');
const chunk = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));
const rich = readFileSync(join(import.meta.dirname, '../fixtures/rich.eaf'), 'utf8');

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await services.dispatcher.dispatch(ctx, name, input);
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
  return r.value as T;
}

type List = { annotations: Annotation[]; tiers: ImportedTier[] };
type Imported = { tiers: Array<{ name: string; target: string; created: boolean; asNotes: number }>; newTiers: ImportedTier[]; notes: Array<{ subject: string; message: string }> };

const extra = `<?xml version="1.0" encoding="UTF-8"?><ANNOTATION_DOCUMENT AUTHOR="" DATE="2026-01-01T00:00:00Z" FORMAT="3.0" VERSION="3.0"><HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/><TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="500"/><TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="1500"/></TIME_ORDER><TIER TIER_ID="Extra" LINGUISTIC_TYPE_REF="t"><ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2"><ANNOTATION_VALUE>late</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER><TIER TIER_ID="Words" LINGUISTIC_TYPE_REF="t"><ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2"><ANNOTATION_VALUE>word</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER><LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="t" TIME_ALIGNABLE="true"/></ANNOTATION_DOCUMENT>`;

test('tiers imported before the seal stay; after it, a new tier becomes notes in a signed addendum, and known tiers take their annotations', async () => {
  const hearing = await createReadyHearing<Hearing>(call, 13, 'EAF/SEALED');
  const rec = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
  await call('recordings.appendChunk', { recordingId: rec.id, seq: 0, data: chunk });
  await call('recordings.stop', { recordingId: rec.id, durationMs: 4000 });
  await call('annotations.import', { hearingId: hearing.id, fileName: 'rich.eaf', xml: rich, apply: true });
  const before = await call<List>('annotations.list', { hearingId: hearing.id });
  assert.equal(before.tiers.length, 8);
  await call('hearings.seal', { hearingId: hearing.id, reason: 'test' });

  const preview = await call<Imported>('annotations.import', { hearingId: hearing.id, fileName: 'extra.eaf', xml: extra, apply: false });
  assert.deepEqual(preview.newTiers, []);
  assert.deepEqual(
    preview.tiers.map((t) => [t.name, t.target, t.created, t.asNotes]),
    [
      ['Extra', 'notes', false, 1],
      ['Words', 'eaf:Words', false, 0],
    ],
  );
  assert.ok(preview.notes.some((n) => n.subject === 'tier Extra' && /sealed/.test(n.message)), JSON.stringify(preview.notes));

  await call('annotations.import', { hearingId: hearing.id, fileName: 'extra.eaf', xml: extra, apply: true });
  const afterSeal = await call<List>('annotations.list', { hearingId: hearing.id });
  assert.deepEqual(afterSeal.tiers, before.tiers, 'no tier is added after the seal');
  const added = afterSeal.annotations.filter((a) => a.addendum !== undefined);
  assert.deepEqual(
    added.map((a) => [a.tierId, a.text, a.startMs, a.endMs, a.addendum]).sort(),
    [
      ['eaf:Words', 'word', 500, 1500, 1],
      ['notes', 'Extra: late (0:00.500–0:01.500)', 500, 500, 1],
    ].sort(),
  );
  assert.equal(afterSeal.annotations.length, before.annotations.length + 2, 'the sealed annotations are all still there');

  const report = await call<{ verdict: string; addenda?: { count: number; intact: number[] } }>('hearings.verify', { hearingId: hearing.id });
  assert.deepEqual(report.addenda && { count: report.addenda.count, intact: report.addenda.intact }, { count: 1, intact: [1] }, report.verdict);
});
