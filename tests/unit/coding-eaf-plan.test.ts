import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Annotation } from '../../shared/coding/annotations';
import { forensicInterviewScheme as scheme } from '../../shared/coding/default-scheme';
import { eafDocument } from '../../shared/coding/eaf-export';
import { importEaf } from '../../shared/coding/eaf-import';
import { formatPositionMs, planImport } from '../../shared/coding/eaf-plan';

const importer = { userId: 'u-imp', displayName: 'Importer' };
let n = 0;
const options = { by: importer, now: '2026-03-17T00:00:00.000Z', newId: () => `new-${++n}` };
const rich = importEaf(readFileSync(fileURLToPath(new URL('../fixtures/rich.eaf', import.meta.url)), 'utf8'), options);

test('an ELAN file: coded tiers join the scheme tier whose vocabulary they use; the rest become tiers of the hearing', () => {
  const plan = planImport(rich, scheme);
  assert.equal(plan.drafts.length, rich.annotations.length, 'every annotation has a place');
  assert.ok(plan.tiers.every((t) => t.asNotes === 0 && t.kept === t.count));
  assert.deepEqual(plan.tiers.find((t) => t.name === 'Prompt type'), { name: 'Prompt type', count: 2, target: 'prompt', kept: 2, asNotes: 0, created: false });
  assert.deepEqual(
    plan.newTiers.map((t) => [t.tier.id, t.parentId, t.stereotype]),
    [
      ['eaf:Interviewer', null, null],
      ['eaf:Words', 'eaf:Interviewer', 'Symbolic_Subdivision'],
      ['eaf:Translation', 'eaf:Interviewer', 'Symbolic_Association'],
      ['eaf:Gloss', 'eaf:Words', 'Symbolic_Association'],
      ['eaf:Child', null, null],
      ['eaf:Child segments', 'eaf:Child', 'Time_Subdivision'],
      ['eaf:Gestures', 'eaf:Child', 'Included_In'],
      ['eaf:Remarks', null, null],
    ],
  );
  const key = (d: { tierId: string; code: string | null; text: string | null; startMs: number; endMs: number }) => `${d.code}|${d.text}|${d.startMs}|${d.endMs}`;
  const byName = new Map(rich.scheme.tiers.map((t) => [t.id, t]));
  for (const tier of plan.newTiers) {
    const source = byName.get(tier.name)!;
    assert.deepEqual(tier.tier.vocabulary, source.vocabulary, `${tier.name} keeps its vocabulary`);
    assert.deepEqual(
      plan.drafts.filter((d) => d.tierId === tier.tier.id).map(key).sort(),
      rich.annotations.filter((a) => a.tierId === tier.name).map(key).sort(),
      `${tier.name} keeps every annotation with its times`,
    );
  }
  // A scheme that already has the tiers (a second import into the same hearing) adds none.
  const again = planImport(rich, { ...scheme, tiers: [...scheme.tiers, ...plan.newTiers.map((t) => t.tier)] });
  assert.deepEqual(again.newTiers, []);
  assert.ok(again.tiers.every((t) => !t.created && t.asNotes === 0));
});

test('where no tier may be added (a sealed hearing), the rest become notes, listed', () => {
  const plan = planImport(rich, scheme, 'notes', { newTiers: false, whyNoNewTiers: 'the hearing is sealed' });
  assert.deepEqual(plan.newTiers, []);
  assert.equal(plan.drafts.length, rich.annotations.length, 'every annotation has a place');
  const prompt = plan.tiers.find((t) => t.name === 'Prompt type');
  assert.deepEqual(prompt, { name: 'Prompt type', count: 2, target: 'prompt', kept: 2, asNotes: 0, created: false });
  const codes = plan.drafts.filter((d) => d.tierId === 'prompt').map((d) => d.code).sort();
  assert.deepEqual(codes, ['cued_invitation', 'invitation']);
  const interviewer = plan.tiers.find((t) => t.name === 'Interviewer')!;
  assert.equal(interviewer.target, 'notes');
  assert.equal(interviewer.asNotes, interviewer.count);
  const note = plan.drafts.find((d) => d.text?.startsWith('Interviewer: Tell me everything'));
  assert.ok(note, 'the transcript is kept in a note');
  assert.equal(note.startMs, note.endMs, 'a note marks a moment');
  assert.match(note.text!, /\(0:01\.000–0:04\.000\)$/, 'its span is written in it');
  assert.ok(plan.notes.some((x) => x.level === 'changed' && x.subject === 'tier Interviewer' && /the hearing is sealed/.test(x.message)));
  assert.ok(plan.notes.length > rich.notes.length, "the import's own notes are kept, and the plan's added");
});

test("the application's own export comes back on the same tiers, with the same codes and times", () => {
  const by = { userId: 'u-psy', displayName: 'Psychologist' };
  const made = (id: string, tierId: string, code: string | null, text: string | null, startMs: number, endMs: number): Annotation => ({
    id,
    tierId,
    code,
    text,
    startMs,
    endMs,
    author: by,
    createdAt: '2026-03-01T10:00:00.000Z',
  });
  const annotations = [
    made('a1', 'phase', 'free_recall', null, 0, 60_000),
    made('a2', 'prompt', 'invitation', null, 1_000, 4_000),
    made('a3', 'prompt', 'option_posing', null, 10_000, 12_500),
    made('a4', 'response', 'new_details', null, 4_000, 9_000),
    made('a5', 'notes', null, 'Child looks at the door', 20_000, 20_000),
  ];
  const xml = eafDocument(
    { hearingId: '00000000-0000-4000-8000-000000000001', scheme, annotations, events: [], date: '2026-03-01T10:00:00.000Z', author: 'P' },
    { segment: null, startMs: 0, endMs: Infinity, media: null },
  );
  const plan = planImport(importEaf(xml, options), scheme);
  const key = (d: { tierId: string; code: string | null; text: string | null; startMs: number; endMs: number }) =>
    `${d.tierId}|${d.code}|${d.text}|${d.startMs}|${d.endMs}`;
  assert.deepEqual(plan.drafts.map(key).sort(), annotations.map(key).sort());
  assert.ok(plan.tiers.every((t) => t.asNotes === 0));
});

test('positions in notes read m:ss.mmm', () => {
  assert.equal(formatPositionMs(0), '0:00.000');
  assert.equal(formatPositionMs(61_234), '1:01.234');
});
