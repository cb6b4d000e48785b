import { z } from 'zod';
import { entryForKey, entryOf, tierOf, type CodingScheme } from './scheme';

/**
 * Annotations and the pure operations of coding: keys that start and end intervals while the
 * video plays, edit, move, split, delete, and undo. Times are positions on the hearing's
 * timeline (timeline.ts) in whole milliseconds. Nothing here reads the clock or makes an id:
 * `now` and `newId` come from the caller, so the same inputs give the same result in main, in
 * the page and in the tests.
 */

export const author = z
  .object({ userId: z.string().min(1).max(200), displayName: z.string().trim().min(1).max(200) })
  .strict();
export type Author = z.infer<typeof author>;

const ms = z.number().int().nonnegative();

export const annotation = z
  .object({
    id: z.string().min(1).max(200),
    tierId: z.string().min(1).max(200),
    /** The code of the tier's vocabulary; null on a free-text tier, or an uncoded interval. */
    code: z.string().min(1).max(200).nullable(),
    /** A note (free-text tier) or a comment on a coded annotation. */
    text: z.string().max(10_000).nullable(),
    startMs: ms,
    /** Equal to `startMs` on a point tier. */
    endMs: ms,
    author,
    createdAt: z.string(),
    updatedAt: z.string().optional(),
    /**
     * Set when the annotation was made after the seal: the number of the signed addendum that
     * holds its current form (main/services/seal/addenda.ts). Absent on sealed annotations.
     */
    addendum: z.number().int().positive().optional(),
  })
  .strict();
export type Annotation = z.infer<typeof annotation>;

export const codingErrorCodes = [
  'unknown_tier',
  'unknown_code',
  'code_on_free_tier',
  'negative_time',
  'end_before_start',
  'point_with_length',
  'not_found',
  'not_author',
  'split_outside',
  'unknown_key',
  'nothing_open',
] as const;
export type CodingErrorCode = (typeof codingErrorCodes)[number];

/** A refused operation; `code` for the page to say why in the user's language. */
export class CodingError extends Error {
  constructor(
    readonly code: CodingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CodingError';
  }
}

export interface Problem {
  code: CodingErrorCode;
  message: string;
}

/** What is wrong with an annotation against a scheme; empty when it is valid. */
export function problemsOf(a: Annotation, scheme: CodingScheme): Problem[] {
  const problems: Problem[] = [];
  const tier = tierOf(scheme, a.tierId);
  if (!tier) return [{ code: 'unknown_tier', message: `The scheme has no tier ${a.tierId}.` }];
  if (a.code !== null) {
    if (tier.vocabulary === null) {
      problems.push({
        code: 'code_on_free_tier',
        message: `Tier ${tier.id} is free text: it takes no code.`,
      });
    } else if (!entryOf(tier, a.code)) {
      problems.push({
        code: 'unknown_code',
        message: `Code ${a.code} is not in the vocabulary of tier ${tier.id}.`,
      });
    }
  }
  if (a.startMs < 0 || a.endMs < 0) {
    problems.push({ code: 'negative_time', message: 'A time on the timeline cannot be negative.' });
  }
  if (a.endMs < a.startMs) {
    problems.push({
      code: 'end_before_start',
      message: 'An annotation cannot end before it starts.',
    });
  }
  if (tier.kind === 'point' && a.endMs !== a.startMs) {
    problems.push({
      code: 'point_with_length',
      message: `Tier ${tier.id} marks moments: end must equal start.`,
    });
  }
  return problems;
}

function checked(a: Annotation, scheme: CodingScheme): Annotation {
  const [first] = problemsOf(a, scheme);
  if (first) throw new CodingError(first.code, first.message);
  return a;
}

/** Only the annotator changes their own annotations: several annotators keep their own tiers. */
function ownedBy(annotations: readonly Annotation[], id: string, userId: string): Annotation {
  const found = annotations.find((a) => a.id === id);
  if (!found) throw new CodingError('not_found', `There is no annotation ${id}.`);
  if (found.author.userId !== userId) {
    throw new CodingError('not_author', `Annotation ${id} belongs to ${found.author.displayName}.`);
  }
  return found;
}

const replace = (annotations: readonly Annotation[], next: Annotation): Annotation[] =>
  annotations.map((a) => (a.id === next.id ? next : a));

/** Annotations in timeline order: by start, then end, then the scheme's tier order. */
export function sortAnnotations(
  annotations: readonly Annotation[],
  scheme: CodingScheme,
): Annotation[] {
  const order = new Map(scheme.tiers.map((t, i) => [t.id, i]));
  return [...annotations].sort(
    (a, b) =>
      a.startMs - b.startMs ||
      a.endMs - b.endMs ||
      (order.get(a.tierId) ?? Infinity) - (order.get(b.tierId) ?? Infinity) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

// ---------------------------------------------------------------------------------------------
// Coding with keys

/** An interval started with a key and not yet ended. */
export interface OpenInterval {
  id: string;
  tierId: string;
  code: string;
  startMs: number;
  author: Author;
  startedAt: string;
}

export interface CodingState {
  annotations: readonly Annotation[];
  /** At most one per tier and annotator, the latest started last. */
  open: readonly OpenInterval[];
}

export interface KeyInput {
  key: string;
  atMs: number;
  by: Author;
  now: string;
  newId: () => string;
}

function close(
  state: CodingState,
  interval: OpenInterval,
  atMs: number,
  now: string,
  scheme: CodingScheme,
): CodingState {
  if (atMs < interval.startMs) {
    throw new CodingError(
      'end_before_start',
      'The player is before the start of the open interval: move forward, or delete and start it again.',
    );
  }
  const done = checked(
    {
      id: interval.id,
      tierId: interval.tierId,
      code: interval.code,
      text: null,
      startMs: interval.startMs,
      endMs: atMs,
      author: interval.author,
      createdAt: interval.startedAt,
      updatedAt: now,
    },
    scheme,
  );
  return {
    annotations: [...state.annotations, done],
    open: state.open.filter((o) => o !== interval),
  };
}

/**
 * A key pressed while the video plays. On a point tier it marks the moment. On an interval tier
 * the same key ends the open interval of that code; another key of the same tier ends it and
 * starts the new one at the same moment (a tier's codes follow each other, like the phases); a
 * key with nothing open starts an interval. Each annotator's open intervals are their own.
 */
export function pressKey(state: CodingState, scheme: CodingScheme, input: KeyInput): CodingState {
  const found = entryForKey(scheme, input.key);
  if (!found)
    throw new CodingError('unknown_key', `The scheme gives no code to the key ${input.key}.`);
  const { tier, entry } = found;
  if (input.atMs < 0)
    throw new CodingError('negative_time', 'A time on the timeline cannot be negative.');
  if (tier.kind === 'point') {
    const mark = checked(
      {
        id: input.newId(),
        tierId: tier.id,
        code: entry.code,
        text: null,
        startMs: input.atMs,
        endMs: input.atMs,
        author: input.by,
        createdAt: input.now,
      },
      scheme,
    );
    return { ...state, annotations: [...state.annotations, mark] };
  }
  const current = state.open.find(
    (o) => o.tierId === tier.id && o.author.userId === input.by.userId,
  );
  let next = state;
  if (current) {
    next = close(state, current, input.atMs, input.now, scheme);
    if (current.code === entry.code) return next;
  }
  const started: OpenInterval = {
    id: input.newId(),
    tierId: tier.id,
    code: entry.code,
    startMs: input.atMs,
    author: input.by,
    startedAt: input.now,
  };
  return { ...next, open: [...next.open, started] };
}

/** Enter: ends the annotator's most recently started open interval. */
export function pressEnter(
  state: CodingState,
  scheme: CodingScheme,
  input: Omit<KeyInput, 'key' | 'newId'>,
): CodingState {
  const mine = state.open.filter((o) => o.author.userId === input.by.userId);
  const latest = mine[mine.length - 1];
  if (!latest) throw new CodingError('nothing_open', 'No interval of yours is open.');
  return close(state, latest, input.atMs, input.now, scheme);
}

// ---------------------------------------------------------------------------------------------
// Edits of one annotation, by its author

export interface AnnotationDraft {
  tierId: string;
  code: string | null;
  text: string | null;
  startMs: number;
  /** Ignored on a point tier, where the end is the start. */
  endMs: number;
}

export function addAnnotation(
  annotations: readonly Annotation[],
  scheme: CodingScheme,
  draft: AnnotationDraft,
  context: { id: string; by: Author; now: string },
): Annotation[] {
  const tier = tierOf(scheme, draft.tierId);
  const endMs = tier?.kind === 'point' ? draft.startMs : draft.endMs;
  const created = checked(
    { ...draft, endMs, id: context.id, author: context.by, createdAt: context.now },
    scheme,
  );
  return [...annotations, created];
}

/** Changes the code or the text; the times stay. */
export function editAnnotation(
  annotations: readonly Annotation[],
  scheme: CodingScheme,
  id: string,
  change: { code?: string | null; text?: string | null },
  context: { by: string; now: string },
): Annotation[] {
  const current = ownedBy(annotations, id, context.by);
  const next = checked(
    {
      ...current,
      code: change.code === undefined ? current.code : change.code,
      text: change.text === undefined ? current.text : change.text,
      updatedAt: context.now,
    },
    scheme,
  );
  return replace(annotations, next);
}

/** Sets new times; on a point tier only the start counts. */
export function moveAnnotation(
  annotations: readonly Annotation[],
  scheme: CodingScheme,
  id: string,
  to: { startMs: number; endMs: number },
  context: { by: string; now: string },
): Annotation[] {
  const current = ownedBy(annotations, id, context.by);
  const point = tierOf(scheme, current.tierId)?.kind === 'point';
  const next = checked(
    {
      ...current,
      startMs: to.startMs,
      endMs: point ? to.startMs : to.endMs,
      updatedAt: context.now,
    },
    scheme,
  );
  return replace(annotations, next);
}

/**
 * Cuts an interval in two at `atMs`, strictly inside it. The first part keeps the id; the second
 * is new, with the same code, text and author, and created now.
 */
export function splitAnnotation(
  annotations: readonly Annotation[],
  scheme: CodingScheme,
  id: string,
  atMs: number,
  context: { by: string; now: string; newId: string },
): Annotation[] {
  const current = ownedBy(annotations, id, context.by);
  if (!(current.startMs < atMs && atMs < current.endMs)) {
    throw new CodingError(
      'split_outside',
      `The split point must lie strictly inside the annotation (${current.startMs}-${current.endMs} ms).`,
    );
  }
  const first = checked({ ...current, endMs: atMs, updatedAt: context.now }, scheme);
  const { updatedAt: _unused, ...rest } = current;
  const second = checked(
    { ...rest, id: context.newId, startMs: atMs, createdAt: context.now },
    scheme,
  );
  return annotations.flatMap((a) => (a.id === id ? [first, second] : [a]));
}

export function deleteAnnotation(
  annotations: readonly Annotation[],
  id: string,
  context: { by: string },
): Annotation[] {
  ownedBy(annotations, id, context.by);
  return annotations.filter((a) => a.id !== id);
}

// ---------------------------------------------------------------------------------------------
// Undo

/**
 * The states a coder went through, for undo and redo. Each step keeps the whole state: states
 * share their unchanged annotations, so a step costs one array, and a bounded depth keeps a long
 * session small.
 */
export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
}

export const historyDepth = 200;

export const startHistory = <T>(present: T): History<T> => ({ past: [], present, future: [] });

export function commit<T>(history: History<T>, next: T): History<T> {
  if (next === history.present) return history;
  return {
    past: [...history.past, history.present].slice(-historyDepth),
    present: next,
    future: [],
  };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
  };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...future] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future };
}
