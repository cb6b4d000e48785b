import type { Annotation } from './annotations';
import { tierOf, type CodingScheme } from './scheme';

/**
 * The quality figures of a hearing's coding, computed from one annotator's annotations: two
 * coders of the same hearing code the same prompts, and adding them up would count each prompt
 * twice. Shares are fractions (0 to 1), null where there is nothing to divide by.
 */

export interface CodeCount {
  code: string;
  count: number;
  share: number | null;
}

export interface PhaseTime {
  code: string;
  count: number;
  durationMs: number;
}

export interface AnswersToPrompt {
  /** The prompt type; null for responses coded before the first prompt. */
  promptCode: string | null;
  /** Prompts of this type (0 for the row before the first prompt). */
  prompts: number;
  /** Responses by response code, in the vocabulary's order. */
  responses: CodeCount[];
  /** Prompts of this type followed by no coded response before the next prompt. */
  withoutResponse: number;
}

export interface QualityFigures {
  scheme: { id: string; version: string };
  userId: string;
  prompts: {
    total: number;
    /** Intervals on the prompt tier left without a code; not in `total`. */
    uncoded: number;
    byCode: CodeCount[];
    open: { codes: string[]; count: number; share: number | null };
    /** The same share among the prompts that start in a substantive phase. */
    openInSubstantivePhases: { total: number; count: number; share: number | null };
  };
  phases: { byCode: PhaseTime[]; totalMs: number };
  answers: AnswersToPrompt[];
  /** Where the definition of an open prompt comes from (the scheme's data). */
  basis: string;
}

const share = (count: number, total: number): number | null => (total === 0 ? null : count / total);

const byStart = (a: Annotation, b: Annotation) => a.startMs - b.startMs || a.endMs - b.endMs;

export function qualityFigures(
  scheme: CodingScheme,
  annotations: readonly Annotation[],
  userId: string,
): QualityFigures {
  const config = scheme.figures;
  if (config === null) throw new RangeError(`Scheme ${scheme.id} defines no quality figures.`);
  const vocabularyOf = (tierId: string) => tierOf(scheme, tierId)?.vocabulary ?? [];
  const mine = annotations.filter((a) => a.author.userId === userId);
  const on = (tierId: string) => mine.filter((a) => a.tierId === tierId).sort(byStart);

  const allPrompts = on(config.promptTierId);
  const prompts = allPrompts.filter((a) => a.code !== null);
  const phases = on(config.phaseTierId).filter((a) => a.code !== null);
  const responses = on(config.responseTierId).filter((a) => a.code !== null);

  const promptCodes = vocabularyOf(config.promptTierId).map((e) => e.code);
  const responseCodes = vocabularyOf(config.responseTierId).map((e) => e.code);
  const countCodes = (codes: readonly string[], coded: readonly Annotation[], total: number) =>
    codes.map((code) => {
      const count = coded.filter((a) => a.code === code).length;
      return { code, count, share: share(count, total) };
    });

  const isOpen = (a: Annotation) => a.code !== null && config.openPromptCodes.includes(a.code);
  const openCount = prompts.filter(isOpen).length;

  // A prompt is in a substantive phase when its start lies inside a phase interval of one of
  // those codes (start included, end excluded: the next phase starts where this one ends).
  const substantive = phases.filter(
    (p) => p.code !== null && config.substantivePhaseCodes.includes(p.code),
  );
  const inSubstantive = prompts.filter((a) =>
    substantive.some((p) => p.startMs <= a.startMs && a.startMs < p.endMs),
  );

  const phaseTimes = vocabularyOf(config.phaseTierId).map((entry) => {
    const of = phases.filter((p) => p.code === entry.code);
    return {
      code: entry.code,
      count: of.length,
      durationMs: of.reduce((sum, p) => sum + p.endMs - p.startMs, 0),
    };
  });

  // A response answers the latest prompt that started at or before it: until the next prompt.
  const answered = new Map<Annotation | null, Annotation[]>();
  for (const response of responses) {
    let owner: Annotation | null = null;
    for (const prompt of prompts) {
      if (prompt.startMs > response.startMs) break;
      owner = prompt;
    }
    answered.set(owner, [...(answered.get(owner) ?? []), response]);
  }
  const answers: AnswersToPrompt[] = [];
  const before = answered.get(null);
  if (before) {
    answers.push({
      promptCode: null,
      prompts: 0,
      responses: countCodes(responseCodes, before, before.length),
      withoutResponse: 0,
    });
  }
  for (const code of promptCodes) {
    const ofType = prompts.filter((p) => p.code === code);
    const replies = ofType.flatMap((p) => answered.get(p) ?? []);
    answers.push({
      promptCode: code,
      prompts: ofType.length,
      responses: countCodes(responseCodes, replies, replies.length),
      withoutResponse: ofType.filter((p) => !answered.has(p)).length,
    });
  }

  return {
    scheme: { id: scheme.id, version: scheme.version },
    userId,
    prompts: {
      total: prompts.length,
      uncoded: allPrompts.length - prompts.length,
      byCode: countCodes(promptCodes, prompts, prompts.length),
      open: {
        codes: [...config.openPromptCodes],
        count: openCount,
        share: share(openCount, prompts.length),
      },
      openInSubstantivePhases: {
        total: inSubstantive.length,
        count: inSubstantive.filter(isOpen).length,
        share: share(inSubstantive.filter(isOpen).length, inSubstantive.length),
      },
    },
    phases: { byCode: phaseTimes, totalMs: phaseTimes.reduce((sum, p) => sum + p.durationMs, 0) },
    answers,
    basis: config.basis,
  };
}
