import type { AnnotationChange } from '../../shared/api/contract';
import type { Annotation } from '../../shared/coding/annotations';

/**
 * Undo and redo of changes main has already kept. Main holds the annotations, so undoing is a new
 * change that brings them back (a delete for an add, an add for a delete, the old times or code
 * for a move or an edit). A step records only the annotations the change touched, before and
 * after, so what other coders did meanwhile is never undone with it.
 */
export interface Step {
  before: readonly Annotation[];
  after: readonly Annotation[];
}

/** The step a change made, from the whole list before and after it and the ids it touched. */
export function stepOf(
  before: readonly Annotation[],
  after: readonly Annotation[],
  touched: ReadonlySet<string>,
): Step {
  return {
    before: before.filter((a) => touched.has(a.id)),
    after: after.filter((a) => touched.has(a.id)),
  };
}

export interface PlannedChange {
  change: AnnotationChange;
  /** For an add: the id of the annotation it brings back, which main keeps under a new id. */
  restores?: string;
}

/**
 * The changes that turn the annotations `from` (as main has them now) into `to`: deletes first,
 * then moves and edits, then adds, so that undoing a split shortens nothing that is then
 * deleted.
 */
export function changesToward(from: readonly Annotation[], to: readonly Annotation[]): PlannedChange[] {
  const target = new Map(to.map((a) => [a.id, a]));
  const current = new Map(from.map((a) => [a.id, a]));
  const deletes: PlannedChange[] = from
    .filter((a) => !target.has(a.id))
    .map((a) => ({ change: { kind: 'delete', id: a.id } }));
  const updates: PlannedChange[] = [];
  const adds: PlannedChange[] = [];
  for (const wanted of to) {
    const now = current.get(wanted.id);
    if (!now) {
      adds.push({
        change: {
          kind: 'add',
          tierId: wanted.tierId,
          code: wanted.code,
          text: wanted.text,
          startMs: wanted.startMs,
          endMs: wanted.endMs,
        },
        restores: wanted.id,
      });
      continue;
    }
    if (now.startMs !== wanted.startMs || now.endMs !== wanted.endMs) {
      updates.push({ change: { kind: 'move', id: wanted.id, startMs: wanted.startMs, endMs: wanted.endMs } });
    }
    if (now.code !== wanted.code || now.text !== wanted.text) {
      updates.push({ change: { kind: 'edit', id: wanted.id, code: wanted.code, text: wanted.text } });
    }
  }
  return [...deletes, ...updates, ...adds];
}

/**
 * The annotation an add created: in the list after it, not before, and as the add asked. A live
 * mark takes its position from main, so only its tier, code and text are compared. Among equal
 * candidates (another coder adding the same at the same moment) the one by `author`, if known.
 */
export function addedBy(
  before: readonly Annotation[],
  after: readonly Annotation[],
  change: Extract<AnnotationChange, { kind: 'add' }>,
  authorId: string | null,
): Annotation | null {
  const known = new Set(before.map((a) => a.id));
  const candidates = after.filter(
    (a) =>
      !known.has(a.id) &&
      a.tierId === change.tierId &&
      a.code === change.code &&
      a.text === change.text &&
      (change.live === true || (a.startMs === change.startMs && (a.endMs === change.endMs || a.startMs === a.endMs))),
  );
  return candidates.find((a) => a.author.userId === authorId) ?? candidates[candidates.length - 1] ?? null;
}

/** The steps with annotation ids replaced, after main kept brought-back annotations under new ids. */
export function renameIds(steps: readonly Step[], renamed: ReadonlyMap<string, string>): Step[] {
  if (renamed.size === 0) return [...steps];
  const rename = (a: Annotation): Annotation => {
    const id = renamed.get(a.id);
    return id === undefined ? a : { ...a, id };
  };
  return steps.map((s) => ({ before: s.before.map(rename), after: s.after.map(rename) }));
}

/** The ids a change touched, to record its step: the annotation changed, and any it created. */
export function touchedBy(
  before: readonly Annotation[],
  after: readonly Annotation[],
  change: AnnotationChange,
  authorId: string | null,
): Set<string> {
  if (change.kind === 'add') {
    const added = addedBy(before, after, change, authorId);
    return new Set(added ? [added.id] : []);
  }
  if (change.kind !== 'split') return new Set([change.id]);
  const known = new Set(before.map((a) => a.id));
  const original = before.find((a) => a.id === change.id);
  const second = after.find(
    (a) => !known.has(a.id) && a.tierId === original?.tierId && a.startMs === change.atMs && a.author.userId === original.author.userId,
  );
  return new Set(second ? [change.id, second.id] : [change.id]);
}
