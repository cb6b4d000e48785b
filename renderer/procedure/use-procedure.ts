import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallOutput, ProcedureSectionInput } from '../../shared/api/contract';
import { procedureDraft, type ProcedureDraft } from '../../shared/domain/procedure';
import type { Unmet } from '../../shared/rules/unmet';
import { call } from '../api/client';

export type SectionName = ProcedureSectionInput['section'];
export type SectionValue<S extends SectionName> = Extract<
  ProcedureSectionInput,
  { section: S }
>['value'];

type Answer = CallOutput<'procedure.get'>;

/** The procedural record as main last returned it, its draft read with the record's schema. */
export interface ProcedureView extends Omit<Answer, 'draft' | 'evaluation'> {
  draft: ProcedureDraft;
  evaluation: Omit<Answer['evaluation'], 'unmet' | 'openForSealing' | 'reminders'> & {
    unmet: Unmet[];
    openForSealing: Unmet[];
    reminders: Unmet[];
  };
}

/** Returned by a section's builder when there is nothing to send (no change, or nothing valid). */
export const nothingToSave = Symbol('nothingToSave');

export type SaveOutcome = 'saved' | 'unchanged';

export interface ProcedureStore {
  view: ProcedureView | undefined;
  /** The last failure to load, cleared by the next success. */
  error: unknown;
  reload: () => Promise<void>;
  /** The newest view, for code that runs later than the render that saw `view`. */
  latest: () => ProcedureView | undefined;
  /**
   * Saves a section. `build` runs when the call is about to be sent, so it sees the newest input
   * and the newest stored record; saves go to main one at a time, in order, and a section's
   * newer value replaces one still waiting its turn.
   */
  save: <S extends SectionName>(
    section: S,
    build: () => SectionValue<S> | typeof nothingToSave,
  ) => Promise<SaveOutcome>;
  /**
   * Runs a call through which main itself changes the record (an arrival logged), in turn with
   * the saves, and reads the record again before any later save is built from it.
   */
  changeInMain: <T>(job: () => Promise<T>) => Promise<T>;
}

function toView(answer: Answer): ProcedureView {
  const draft = procedureDraft.safeParse(answer.draft);
  return {
    ...answer,
    draft: draft.success ? draft.data : {},
    evaluation: answer.evaluation as ProcedureView['evaluation'],
  };
}

export function useProcedure(hearingId: string): ProcedureStore {
  const [view, setView] = useState<ProcedureView | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const latestView = useRef<ProcedureView | undefined>(undefined);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const waiting = useRef(new Map<SectionName, () => unknown>());
  const lastRun = useRef(new Map<SectionName, Promise<SaveOutcome>>());

  const apply = useCallback((answer: Answer) => {
    const next = toView(answer);
    latestView.current = next;
    setView(next);
    setError(undefined);
  }, []);

  const enqueue = useCallback(<T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.current.then(job);
    queue.current = run.catch(() => undefined);
    return run;
  }, []);

  const reload = useCallback(
    () =>
      enqueue(async () => {
        try {
          apply(await call('procedure.get', { hearingId }));
        } catch (err) {
          setError(err);
        }
      }),
    [apply, enqueue, hearingId],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  // What the rules say depends on the moment (the hearing day, who has arrived): read it again
  // when the person comes back to the window, a page prepared yesterday then speaks of today.
  useEffect(() => {
    const again = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', again);
    };
  }, [reload]);

  const save = useCallback(
    <S extends SectionName>(section: S, build: () => SectionValue<S> | typeof nothingToSave) => {
      waiting.current.set(section, build);
      return enqueue(async (): Promise<SaveOutcome> => {
        const next = waiting.current.get(section);
        // A newer save of this section was sent in an earlier turn: its outcome is this one's.
        if (!next) return lastRun.current.get(section) ?? 'unchanged';
        waiting.current.delete(section);
        const run = (async (): Promise<SaveOutcome> => {
          const value = next();
          if (value === nothingToSave) return 'unchanged';
          const input = { hearingId, section, value } as Parameters<
            typeof call<'procedure.save'>
          >[1];
          apply(await call('procedure.save', input));
          return 'saved';
        })();
        lastRun.current.set(section, run);
        return run;
      });
    },
    [apply, enqueue, hearingId],
  );

  const latest = useCallback(() => latestView.current, []);

  const changeInMain = useCallback(
    <T>(job: () => Promise<T>) =>
      enqueue(async () => {
        const result = await job();
        try {
          apply(await call('procedure.get', { hearingId }));
        } catch (err) {
          setError(err);
        }
        return result;
      }),
    [apply, enqueue, hearingId],
  );

  return { view, error, reload, latest, save, changeInMain };
}
