import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addAnnotation,
  deleteAnnotation,
  editAnnotation,
  moveAnnotation,
  splitAnnotation,
  type Annotation,
  type Author,
} from '../../shared/coding/annotations';
import { forensicInterviewScheme as scheme } from '../../shared/coding/default-scheme';
import type { AnnotationChange } from '../../shared/api/contract';
import { addedBy, changesToward, renameIds, stepOf, touchedBy } from '../../renderer/review/undo';

const anna: Author = { userId: 'u-anna', displayName: 'Anna Peeters' };
const bram: Author = { userId: 'u-bram', displayName: 'Bram Dubois' };
const now = '2026-03-15T12:00:00.000Z';
let n = 0;

/** Main's side of a change, done with the same pure operations main runs. */
function apply(list: readonly Annotation[], change: AnnotationChange, by = anna): Annotation[] {
  const ctx = { by: by.userId, now };
  switch (change.kind) {
    case 'add':
      return addAnnotation(list, scheme, change, { id: `srv-${++n}`, by, now });
    case 'edit':
      return editAnnotation(list, scheme, change.id, change, ctx);
    case 'move':
      return moveAnnotation(list, scheme, change.id, change, ctx);
    case 'split':
      return splitAnnotation(list, scheme, change.id, change.atMs, { ...ctx, newId: `srv-${++n}` });
    case 'delete':
      return deleteAnnotation(list, change.id, ctx);
  }
}

/** Runs a plan as the page does: each change in turn, brought-back ids collected. */
function run(list: Annotation[], from: readonly Annotation[], to: readonly Annotation[]) {
  const renamed = new Map<string, string>();
  for (const planned of changesToward(from, to)) {
    const before = list;
    list = apply(list, planned.change);
    if (planned.change.kind === 'add' && planned.restores) {
      const added = addedBy(before, list, planned.change, anna.userId);
      assert.ok(added, 'the brought-back annotation is found');
      renamed.set(planned.restores, added.id);
    }
  }
  return { list, renamed };
}

const content = (list: readonly Annotation[]) =>
  list.map((a) => `${a.tierId}/${a.code}/${a.text}/${a.startMs}-${a.endMs}/${a.author.userId}`).sort();

const invitation: AnnotationChange = { kind: 'add', tierId: 'prompt', code: 'invitation', text: null, startMs: 1000, endMs: 3000 };

describe('undo and redo of kept changes', () => {
  const others = apply([], { ...invitation, startMs: 0, endMs: 500 }, bram);

  for (const [name, change] of [
    ['add', () => invitation],
    ['edit', (id: string) => ({ kind: 'edit', id, code: 'suggestive', text: 'leading' })],
    ['move', (id: string) => ({ kind: 'move', id, startMs: 1500, endMs: 4000 })],
    ['split', (id: string) => ({ kind: 'split', id, atMs: 2000 })],
    ['delete', (id: string) => ({ kind: 'delete', id })],
  ] as const) {
    test(`${name}: undo brings back what was there, redo what the change made`, () => {
      const start = name === 'add' ? others : apply(others, invitation);
      const mine = start.find((a) => a.author.userId === anna.userId)?.id ?? '';
      const made = (change as (id: string) => AnnotationChange)(mine);
      const after = apply(start, made);
      const step = stepOf(start, after, touchedBy(start, after, made, anna.userId));
      assert.ok(step.before.length + step.after.length > 0);
      assert.ok(![...step.before, ...step.after].some((a) => a.author.userId === bram.userId), "another coder's work is not in the step");

      // Someone else adds meanwhile: undo must leave it.
      const meanwhile = apply(after, { ...invitation, code: 'directive', startMs: 9000, endMs: 9500 }, bram);
      const undone = run(meanwhile, step.after, step.before);
      assert.deepEqual(content(undone.list), content(apply(start, { ...invitation, code: 'directive', startMs: 9000, endMs: 9500 }, bram)));

      const [renamedStep] = renameIds([step], undone.renamed);
      const redone = run(undone.list, renamedStep!.before, renamedStep!.after);
      assert.deepEqual(content(redone.list), content(meanwhile));
    });
  }

  test('a live mark is found by tier, code and text, wherever main placed it', () => {
    const live: AnnotationChange = { kind: 'add', tierId: 'prompt', code: 'directive', text: null, startMs: 0, endMs: 0, live: true };
    const after = addAnnotation([], scheme, { ...live, startMs: 73_120, endMs: 73_120 }, { id: 'srv-live', by: anna, now });
    assert.equal(addedBy([], after, live, null)?.id, 'srv-live');
    assert.equal(addedBy([], after, { ...live, live: false }, null), null);
  });

  test('nothing to change when the two sides agree', () => {
    const list = apply([], invitation);
    assert.deepEqual(changesToward(list, list), []);
  });
});
