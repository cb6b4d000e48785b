import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../../shared/api/errors';
import {
  nothingToSave,
  type ProcedureStore,
  type ProcedureView,
  type SectionName,
  type SectionValue,
} from './use-procedure';
import {
  readDate,
  readInstant,
  readLanguage,
  readText,
  type FieldProblem,
  type Reading,
} from './validation';

/** The inputs of a section as typed: text, or a checkbox's state. */
export type Values = Record<string, string | boolean>;

export interface Problem {
  problem: FieldProblem;
  /** A value that cannot be saved (a date typed in part); not merely a field left empty. */
  blocking: boolean;
}

/**
 * Reads a section's inputs into a draft for main. A value that cannot be saved keeps the value
 * stored before it (`fallback`), so a half-typed date never erases a good one; the problem is
 * kept to be shown beside the field and in the section's status.
 */
export class Reader {
  readonly problems = new Map<string, Problem>();

  constructor(
    private readonly values: Values,
    private readonly bad: Record<string, boolean>,
  ) {}

  raw(name: string): string {
    const value = this.values[name];
    return typeof value === 'string' ? value : '';
  }

  flag(name: string): boolean | null {
    const value = this.values[name];
    return typeof value === 'boolean' ? value : null;
  }

  problem(name: string, problem: FieldProblem, blocking = false): void {
    if (!this.problems.has(name)) this.problems.set(name, { problem, blocking });
  }

  private take<T>(
    name: string,
    reading: Reading<T>,
    fallback: T | null | undefined,
    required: boolean,
  ): T | null {
    if (!reading.ok) {
      this.problem(name, reading.problem, true);
      return fallback ?? null;
    }
    if (reading.value === null && required) this.problem(name, { code: 'required' });
    return reading.value;
  }

  text(
    name: string,
    schema: z.ZodType<string>,
    fallback: string | null | undefined,
    required = true,
  ): string | null {
    return this.take(name, readText(schema, this.raw(name)), fallback, required);
  }

  date(name: string, fallback: string | null | undefined, required = true): string | null {
    return this.take(name, readDate(this.raw(name), !!this.bad[name]), fallback, required);
  }

  instant(name: string, fallback: string | null | undefined, required = true): string | null {
    return this.take(name, readInstant(this.raw(name), !!this.bad[name]), fallback, required);
  }

  language(name: string, fallback: string | null | undefined, required = true): string | null {
    return this.take(name, readLanguage(this.raw(name)), fallback, required);
  }

  choice<T extends string>(name: string, allowed: readonly T[], required = true): T | null {
    const raw = this.raw(name);
    const value = allowed.find((a) => a === raw) ?? null;
    if (value === null && required) this.problem(name, { code: 'required' });
    return value;
  }

  get blocking(): Array<[string, FieldProblem]> {
    return [...this.problems].filter(([, p]) => p.blocking).map(([name, p]) => [name, p.problem]);
  }
}

export type SaveStatus =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: unknown };

export type Build<S extends SectionName> = (
  read: Reader,
  stored: ProcedureView['draft'][S] | undefined,
) => SectionValue<S> | typeof nothingToSave;

export interface SectionForm {
  readOnly: boolean;
  text: (name: string) => string;
  flag: (name: string) => boolean;
  change: (name: string, value: string | boolean, badInput?: boolean) => void;
  /** Several inputs changed at once (a "now" button, a choice that clears others). */
  changeMany: (changes: Values) => void;
  leave: (name: string, badInput?: boolean) => void;
  /** The problem to show beside a field: once it was left, or at once if it cannot be saved. */
  shown: (name: string) => FieldProblem | undefined;
  /** Problems that keep part of the section from being saved, in field order. */
  blocking: Array<[string, FieldProblem]>;
  status: SaveStatus;
  /** Sends what is waiting now (on leaving a field, the window, or the screen). */
  flush: () => void;
  /** Sends the section again after a failed save. */
  retry: () => void;
}

/** Values with null, undefined and missing fields alike, compared by content. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameValue(item, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    return [...keys].every((key) => sameValue(x[key], y[key]));
  }
  return a === b;
}

/** Drafts are saved this long after the last keystroke, and at once when a field is left. */
export const saveDelayMs = 600;

/**
 * One section of the procedural record as a form that saves itself: its inputs, their problems,
 * and the quiet status of its saving.
 */
export function useSectionForm<S extends SectionName>(options: {
  section: S;
  store: ProcedureStore;
  initial: () => Values;
  build: Build<S>;
  readOnly: boolean;
}): SectionForm {
  const { section, store, readOnly } = options;
  const [values, setValues] = useState<Values>(options.initial);
  const [bad, setBad] = useState<Record<string, boolean>>({});
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });

  const valuesRef = useRef(values);
  const badRef = useRef(bad);
  const buildRef = useRef(options.build);
  const settled = useRef<SaveStatus>({ kind: 'idle' });
  const dirty = useRef(false);
  const timer = useRef<number | null>(null);
  useEffect(() => {
    buildRef.current = options.build;
  });

  const flush = useCallback(() => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    if (!dirty.current) return;
    dirty.current = false;
    setStatus({ kind: 'saving' });
    store
      .save(section, () => {
        const stored = store.latest()?.draft[section];
        const value = buildRef.current(new Reader(valuesRef.current, badRef.current), stored);
        return value === nothingToSave || sameValue(value, stored) ? nothingToSave : value;
      })
      .then(
        (outcome) => {
          if (outcome === 'saved') settled.current = { kind: 'saved' };
          if (!dirty.current) setStatus(settled.current);
        },
        (error: unknown) => {
          settled.current = { kind: 'failed', error };
          if (!dirty.current) setStatus(settled.current);
          // Refused because the record became fixed meanwhile: show it as it now is.
          if (error instanceof ApiError && error.code === 'conflict') void store.reload();
        },
      );
  }, [section, store]);

  const schedule = useCallback(() => {
    dirty.current = true;
    setStatus({ kind: 'saving' });
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, saveDelayMs);
  }, [flush]);

  // Leaving the screen or closing the window sends what is still waiting.
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  });
  useEffect(() => {
    const now = () => flushRef.current();
    const hidden = () => {
      if (document.visibilityState === 'hidden') now();
    };
    window.addEventListener('pagehide', now);
    window.addEventListener('beforeunload', now);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', now);
      window.removeEventListener('beforeunload', now);
      document.removeEventListener('visibilitychange', hidden);
      now();
    };
  }, []);

  const changeMany = useCallback(
    (changes: Values, badInput: Record<string, boolean> = {}) => {
      if (readOnly) return;
      valuesRef.current = { ...valuesRef.current, ...changes };
      badRef.current = { ...badRef.current };
      for (const name of Object.keys(changes)) badRef.current[name] = badInput[name] ?? false;
      setValues(valuesRef.current);
      setBad(badRef.current);
      schedule();
    },
    [readOnly, schedule],
  );

  const change = useCallback(
    (name: string, value: string | boolean, badInput = false) =>
      changeMany({ [name]: value }, { [name]: badInput }),
    [changeMany],
  );

  const leave = useCallback(
    (name: string, badInput?: boolean) => {
      setTouched((previous) => (previous[name] ? previous : { ...previous, [name]: true }));
      if (badInput !== undefined && badInput !== !!badRef.current[name]) {
        badRef.current = { ...badRef.current, [name]: badInput };
        setBad(badRef.current);
        dirty.current = true;
      }
      flush();
    },
    [flush],
  );

  const reader = new Reader(values, bad);
  options.build(reader, store.view?.draft[section]);
  const problems = reader.problems;

  return {
    readOnly,
    text: (name) => {
      const value = values[name];
      return typeof value === 'string' ? value : '';
    },
    flag: (name) => values[name] === true,
    change,
    changeMany: (changes) => changeMany(changes),
    leave,
    shown: (name) => {
      const found = problems.get(name);
      if (!found) return undefined;
      return touched[name] || found.blocking ? found.problem : undefined;
    },
    blocking: reader.blocking,
    status,
    flush,
    retry: () => {
      dirty.current = true;
      flush();
    },
  };
}
