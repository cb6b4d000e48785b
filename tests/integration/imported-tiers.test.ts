import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openServices } from '../../main/services/app';
import { localOperator } from '../../shared/api/caller';
import type { Hearing, Recording } from '../../shared/domain/hearing';
import type { ImportedTier } from '../../shared/coding/imported-tiers';
import { createReadyHearing } from '../helpers/procedure';
import { tempDir } from '../helpers/temp';
import { validateEaf, xmllintMissing } from '../helpers/xmllint';

/**
 * Tiers of an ELAN file the scheme lacks are kept as tiers of the hearing: independent and
 * dependent, with their vocabularies, parents and stereotypes, every annotation with its times,
 * listed, exported and imported back to the same annotations.
 */
const services = await openServices({ dataDir: tempDir(), appVersion: 'test' });
after(() => services.close());
const ctx = { ...localOperator('internal'), role: 'psychologist' as const };
const rich = readFileSync(join(import.meta.dirname, '../fixtures/rich.eaf'), 'utf8');

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await services.dispatcher.dispatch(ctx, name, input);
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
  return r.value as T;
}

interface Listed {
  tierId: string;
  code: string | null;
  text: string | null;
  startMs: number;
  endMs: number;
}
type List = { annotations: Listed[]; tiers: ImportedTier[] };
type Imported = {
  tiers: Array<{ name: string; count: number; target: string; kept: number; asNotes: number; created: boolean }>;
  newTiers: ImportedTier[];
  count: number;
  annotations: Listed[] | null;
};

async function recordedHearing(reference: string): Promise<Hearing> {
  const operator = localOperator('internal');
  const hearing = await createReadyHearing<Hearing>(
    (name, input) =>
      services.dispatcher.dispatch(operator, name, input).then((r) => {
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      }) as Promise<never>,
    13,
    reference,
  );
  const rec = await services.dispatcher.dispatch(operator, 'recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
  assert.ok(rec.ok);
  await services.dispatcher.dispatch(operator, 'recordings.stop', { recordingId: (rec.value as Recording).id, durationMs: 60_000 });
  return hearing;
}

/** What an annotation says, without who made it when: the same after a round trip. */
const essence = (list: readonly Listed[]) =>
  list.map((a) => `${a.tierId}|${a.code ?? ''}|${a.text ?? ''}|${a.startMs}|${a.endMs}`).sort();

const first = await recordedHearing('EAF/TIERS/1');

test('every tier of rich.eaf is kept: the coded one on the scheme, the others as tiers of the hearing', async () => {
  const done = await call<Imported>('annotations.import', { hearingId: first.id, fileName: 'rich.eaf', xml: rich, apply: true });
  assert.equal(done.count, 16);
  assert.ok(done.tiers.every((t) => t.asNotes === 0 && t.kept === t.count), JSON.stringify(done.tiers));
  const list = await call<List>('annotations.list', { hearingId: first.id });
  assert.equal(list.annotations.length, 16);
  assert.equal(list.annotations.filter((a) => a.tierId === 'notes').length, 0, 'nothing became a note');

  const tiers = new Map(list.tiers.map((t) => [t.name, t]));
  assert.deepEqual([...tiers.keys()].sort(), ['Child', 'Child segments', 'Gestures', 'Gloss', 'Interviewer', 'Remarks', 'Translation', 'Words']);
  const link = (name: string) => [tiers.get(name)?.parentId ?? null, tiers.get(name)?.stereotype ?? null];
  assert.deepEqual(link('Interviewer'), [null, null]);
  assert.deepEqual(link('Words'), ['eaf:Interviewer', 'Symbolic_Subdivision']);
  assert.deepEqual(link('Translation'), ['eaf:Interviewer', 'Symbolic_Association']);
  assert.deepEqual(link('Gloss'), ['eaf:Words', 'Symbolic_Association']);
  assert.deepEqual(link('Child segments'), ['eaf:Child', 'Time_Subdivision']);
  assert.deepEqual(link('Gestures'), ['eaf:Child', 'Included_In']);
  assert.deepEqual(tiers.get('Remarks')?.tier.vocabulary?.map((e) => e.code), ['hesitation']);
  assert.ok([...tiers.values()].every((t) => t.tier.label.en === t.name && t.tier.id === `eaf:${t.name}`));

  // Times: a symbolic subdivision shares its parent's interval in equal parts, an association takes it whole.
  const on = (tierId: string) => list.annotations.filter((a) => a.tierId === tierId).sort((a, b) => a.startMs - b.startMs);
  const interviewer = on('eaf:Interviewer');
  assert.equal(interviewer.length, 2);
  const words = on('eaf:Words');
  assert.equal(words.length, 3);
  const parent = interviewer.find((p) => p.startMs <= words[0]!.startMs && words[2]!.endMs <= p.endMs);
  assert.ok(parent, 'the words lie within an utterance');
  assert.equal(words[0]!.startMs, parent.startMs);
  assert.equal(words[2]!.endMs, parent.endMs);
  assert.equal(words[0]!.endMs, words[1]!.startMs);
  const [translation] = on('eaf:Translation');
  assert.ok(interviewer.some((p) => p.startMs === translation!.startMs && p.endMs === translation!.endMs));
  const [gloss] = on('eaf:Gloss');
  assert.ok(words.some((w) => w.startMs === gloss!.startMs && w.endMs === gloss!.endMs));
  assert.deepEqual(on('prompt').map((a) => a.code).sort(), ['cued_invitation', 'invitation']);
});

test('the EAF export validates, and importing it into another hearing gives the same annotations and tiers', async (t) => {
  const before = await call<List>('annotations.list', { hearingId: first.id });
  const eaf = await call<{ files: Array<{ name: string; content: string }> }>('annotations.export', { hearingId: first.id, format: 'eaf' });
  assert.equal(eaf.files.length, 1);
  const xml = eaf.files[0]!.content;
  assert.match(xml, /TIER_ID="eaf:Words[ "]/);

  // Back into the same hearing: every tier is found again, none is added.
  const again = await call<Imported>('annotations.import', { hearingId: first.id, fileName: 'export.eaf', xml, apply: false });
  assert.deepEqual(again.newTiers, []);
  assert.ok(again.tiers.every((tier) => !tier.created && tier.asNotes === 0), JSON.stringify(again.tiers));

  const second = await recordedHearing('EAF/TIERS/2');
  await call<Imported>('annotations.import', { hearingId: second.id, fileName: 'export.eaf', xml, apply: true });
  const after = await call<List>('annotations.list', { hearingId: second.id });
  assert.deepEqual(essence(after.annotations), essence(before.annotations));
  const shape = (x: ImportedTier) => [x.tier.id, x.name, x.tier.kind, x.tier.vocabulary, x.parentId, x.stereotype];
  assert.deepEqual(after.tiers.map(shape), before.tiers.map(shape), 'the same tiers, with their parents and stereotypes');

  // And its export is the same document, but for the hearing and the ids.
  const eaf2 = await call<{ files: Array<{ content: string }> }>('annotations.export', { hearingId: second.id, format: 'eaf' });
  const strip = (s: string) =>
    s.replace(new RegExp(first.id, 'g'), 'H').replace(new RegExp(second.id, 'g'), 'H').replace(/(ANNOTATION_ID|ANNOTATION_REF)="[^"]*"/g, '$1=""').replace(/DATE="[^"]*"/, '').replace(/<ANNOTATION_VALUE>[^<]*EAF\/TIERS\/\d[^<]*<\/ANNOTATION_VALUE>/g, '');
  const tierLines = (s: string) => strip(s).split('\n').filter((l) => /TIER_ID="eaf:|CVE_ID|ANNOTATION_VALUE/.test(l)).sort();
  assert.deepEqual(tierLines(eaf2.files[0]!.content), tierLines(xml));

  if (xmllintMissing) return t.skip(`${xmllintMissing}; the EAF was not validated`);
  const verdict = validateEaf(xml);
  assert.ok(verdict.ok, verdict.output);
});

test('bad input is refused and nothing is added: no tier, no annotation', async () => {
  const third = await recordedHearing('EAF/TIERS/3');
  // A new tier with more annotations than one import takes.
  const many = Array.from({ length: 20_001 }, (_, i) => `<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a${i}" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2"><ANNOTATION_VALUE>w</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>`).join('');
  const big = `<?xml version="1.0" encoding="UTF-8"?><ANNOTATION_DOCUMENT AUTHOR="" DATE="2026-01-01T00:00:00Z" FORMAT="3.0" VERSION="3.0"><HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/><TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="0"/><TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="10"/></TIME_ORDER><TIER TIER_ID="Words" LINGUISTIC_TYPE_REF="t">${many}</TIER><LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="t" TIME_ALIGNABLE="true"/></ANNOTATION_DOCUMENT>`;
  await assert.rejects(call('annotations.import', { hearingId: third.id, fileName: 'big.eaf', xml: big, apply: true }), /invalid_input: big\.eaf holds 20001 annotations/);
  // An annotation on a tier neither the scheme nor the hearing has.
  await assert.rejects(
    call('annotations.change', { hearingId: third.id, change: { kind: 'add', tierId: 'eaf:Words', code: null, text: 'x', startMs: 0, endMs: 10 } }),
    /invalid_input/,
  );
  const list = await call<List>('annotations.list', { hearingId: third.id });
  assert.deepEqual(list.tiers, []);
  assert.deepEqual(list.annotations, []);
});

test('a tier that cannot be kept as written is listed, and its annotations become notes', async () => {
  const fourth = await recordedHearing('EAF/TIERS/4');
  const long = 'c'.repeat(300);
  const xml = `<?xml version="1.0" encoding="UTF-8"?><ANNOTATION_DOCUMENT AUTHOR="" DATE="2026-01-01T00:00:00Z" FORMAT="3.0" VERSION="3.0"><HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/><TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="100"/><TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="900"/></TIME_ORDER><TIER TIER_ID="Odd" LINGUISTIC_TYPE_REF="t"><ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2" CVE_REF="${long}"><ANNOTATION_VALUE>odd</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER><LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="t" TIME_ALIGNABLE="true" CONTROLLED_VOCABULARY_REF="cv"/><LANGUAGE LANG_ID="eng"/><CONTROLLED_VOCABULARY CV_ID="cv"><CV_ENTRY_ML CVE_ID="${long}"><CVE_VALUE LANG_REF="eng">odd</CVE_VALUE></CV_ENTRY_ML></CONTROLLED_VOCABULARY></ANNOTATION_DOCUMENT>`;
  const done = await call<Imported & { notes: Array<{ subject: string; message: string }> }>('annotations.import', { hearingId: fourth.id, fileName: 'odd.eaf', xml, apply: true });
  assert.deepEqual(done.newTiers, []);
  assert.deepEqual(done.tiers.map((x) => [x.name, x.target, x.asNotes, x.created]), [['Odd', 'notes', 1, false]]);
  assert.ok(done.notes.some((n) => n.subject === 'tier Odd' && /cannot be kept as written/.test(n.message)), JSON.stringify(done.notes));
  const list = await call<List>('annotations.list', { hearingId: fourth.id });
  assert.deepEqual(list.tiers, []);
  assert.deepEqual(list.annotations.map((a) => [a.tierId, a.text, a.startMs]), [['notes', 'Odd: odd (0:00.100–0:00.900)', 100]]);
});
