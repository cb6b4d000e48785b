import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnnotationChange } from '../../shared/api/contract';
import {
  pressEnter,
  pressKey,
  type Annotation,
  type Author,
  type CodingState,
  type OpenInterval,
  historyDepth,
} from '../../shared/coding/annotations';
import type { CodingScheme } from '../../shared/coding/scheme';
import type { ImportedTier } from '../../shared/coding/imported-tiers';
import { call } from '../api/client';
import { addedBy, changesToward, renameIds, stepOf, touchedBy, type Step } from './undo';

/**
 * The intervals opened with a key belong to this page until they end: they are kept under this
 * page's own author, so that learning the signed-in author from main halfway through an interval
 * cannot orphan it. Main records the real author when the finished annotation is added.
 */
const thisPage: Author = { userId: 'this-page', displayName: 'this page' };

export type CodingOutcome = { ok: true } | { ok: false; error: unknown };

export interface CodingStore {
  annotations: readonly Annotation[] | undefined;
  /** The tiers imported from ELAN files for this hearing, as main lists them. */
  importedTiers: readonly ImportedTier[];
  loadError: unknown;
  open: readonly OpenInterval[];
  /** The signed-in coder, as main named them in an annotation they made here; null until then. */
  me: Author | null;
  canUndo: boolean;
  canRedo: boolean;
  /** A code key at a position; throws a CodingError the page translates. */
  press: (key: string, atMs: number) => Promise<CodingOutcome>;
  /** Enter: ends the latest open interval. */
  end: (atMs: number) => Promise<CodingOutcome>;
  discardOpen: (id: string) => void;
  change: (changes: readonly AnnotationChange[]) => Promise<CodingOutcome>;
  undo: () => Promise<CodingOutcome>;
  redo: () => Promise<CodingOutcome>;
  refresh: () => Promise<void>;
}

let opened = 0;

/**
 * A hearing's annotations as main keeps them, the intervals this page has open, and the undo of
 * what this page changed. Changes run one after the other, in the order they were made: a code
 * pressed while the previous one is still on its way is kept in order.
 */
export function useCoding(hearingId: string, scheme: CodingScheme): CodingStore {
  const [annotations, setAnnotations] = useState<readonly Annotation[] | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>(undefined);
  const [importedTiers, setImportedTiers] = useState<readonly ImportedTier[]>([]);
  const [open, setOpen] = useState<readonly OpenInterval[]>([]);
  const [me, setMe] = useState<Author | null>(null);
  const [history, setHistory] = useState<{ past: Step[]; future: Step[] }>({ past: [], future: [] });
  const list = useRef<readonly Annotation[]>([]);
  const openRef = useRef<readonly OpenInterval[]>([]);
  const meRef = useRef<Author | null>(null);
  const historyRef = useRef(history);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const keep = useCallback((next: readonly Annotation[]) => {
    list.current = next;
    setAnnotations(next);
  }, []);
  const keepHistory = useCallback((next: { past: Step[]; future: Step[] }) => {
    historyRef.current = next;
    setHistory(next);
  }, []);
  const keepOpen = useCallback((next: readonly OpenInterval[]) => {
    openRef.current = next;
    setOpen(next);
  }, []);

  /** Runs in turn after everything asked before it. */
  const inTurn = useCallback(<T,>(work: () => Promise<T>): Promise<T> => {
    const result = queue.current.then(work);
    queue.current = result.catch(() => undefined);
    return result;
  }, []);

  const refresh = useCallback(
    () =>
      inTurn(async () => {
        try {
          const listed = await call('annotations.list', { hearingId });
          keep(listed.annotations);
          setImportedTiers((current) => (JSON.stringify(current) === JSON.stringify(listed.tiers) ? current : listed.tiers));
          setLoadError(undefined);
        } catch (error) {
          setLoadError(error);
        }
      }),
    [hearingId, inTurn, keep],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  /**
   * Sends changes one by one and says what they did: the step (what main kept, even when a later
   * change of the batch was refused), the new ids of brought-back annotations, and any refusal.
   */
  const send = useCallback(
    async (planned: readonly { change: AnnotationChange; restores?: string }[]) => {
      const start = list.current;
      let current = start;
      const touched = new Set<string>();
      const renamed = new Map<string, string>();
      let refusal: { error: unknown } | null = null;
      for (const { change, restores } of planned) {
        const before = current;
        try {
          current = await call('annotations.change', { hearingId, change });
        } catch (error) {
          refusal = { error };
          break;
        }
        keep(current);
        for (const id of touchedBy(before, current, change, meRef.current?.userId ?? null)) touched.add(id);
        if (change.kind !== 'add') continue;
        const added = addedBy(before, current, change, meRef.current?.userId ?? null);
        if (added && !meRef.current) {
          meRef.current = added.author;
          setMe(added.author);
        }
        if (added && restores) renamed.set(restores, added.id);
      }
      return { step: stepOf(start, current, touched), renamed, refusal };
    },
    [hearingId, keep],
  );

  const change = useCallback(
    (changes: readonly AnnotationChange[]) =>
      inTurn(async (): Promise<CodingOutcome> => {
        const { step, refusal } = await send(changes.map((c) => ({ change: c })));
        if (step.before.length + step.after.length > 0) {
          keepHistory({ past: [...historyRef.current.past, step].slice(-historyDepth), future: [] });
        }
        return refusal ? { ok: false, error: refusal.error } : { ok: true };
      }),
    [inTurn, keepHistory, send],
  );

  const finish = useCallback(
    (state: CodingState, next: CodingState) => {
      keepOpen(next.open);
      const finished = next.annotations.filter((a) => !state.annotations.includes(a));
      return change(
        finished.map((a) => ({ kind: 'add', tierId: a.tierId, code: a.code, text: a.text, startMs: a.startMs, endMs: a.endMs })),
      );
    },
    [change, keepOpen],
  );

  const press = useCallback(
    async (key: string, atMs: number): Promise<CodingOutcome> => {
      const state: CodingState = { annotations: list.current, open: openRef.current };
      try {
        const next = pressKey(state, scheme, {
          key,
          atMs: Math.round(atMs),
          by: thisPage,
          now: new Date().toISOString(),
          newId: () => `open-${++opened}`,
        });
        return await finish(state, next);
      } catch (error) {
        return { ok: false, error };
      }
    },
    [finish, scheme],
  );

  const end = useCallback(
    async (atMs: number): Promise<CodingOutcome> => {
      const state: CodingState = { annotations: list.current, open: openRef.current };
      try {
        const next = pressEnter(state, scheme, { atMs: Math.round(atMs), by: thisPage, now: new Date().toISOString() });
        return await finish(state, next);
      } catch (error) {
        return { ok: false, error };
      }
    },
    [finish, scheme],
  );

  const discardOpen = useCallback(
    (id: string) => keepOpen(openRef.current.filter((o) => o.id !== id)),
    [keepOpen],
  );

  const travel = useCallback(
    (direction: 'undo' | 'redo') =>
      inTurn(async (): Promise<CodingOutcome> => {
        const { past, future } = historyRef.current;
        const step = direction === 'undo' ? past[past.length - 1] : future[0];
        if (!step) return { ok: true };
        const [from, to] = direction === 'undo' ? [step.after, step.before] : [step.before, step.after];
        const { renamed, refusal } = await send(changesToward(from, to));
        if (refusal) {
          // The step stays where it was, so it can be tried again once the refusal is resolved.
          keepHistory({ past: renameIds(past, renamed), future: renameIds(future, renamed) });
          return { ok: false, error: refusal.error };
        }
        const [moved] = renameIds([step], renamed);
        keepHistory(
          direction === 'undo'
            ? { past: renameIds(past.slice(0, -1), renamed), future: [moved!, ...renameIds(future, renamed)] }
            : { past: [...renameIds(past, renamed), moved!], future: renameIds(future.slice(1), renamed) },
        );
        return { ok: true };
      }),
    [inTurn, keepHistory, send],
  );

  return {
    annotations,
    importedTiers,
    loadError,
    open,
    me,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    press,
    end,
    discardOpen,
    change,
    undo: useCallback(() => travel('undo'), [travel]),
    redo: useCallback(() => travel('redo'), [travel]),
    refresh,
  };
}
