import { ApiError, conflict } from '../../shared/api/errors';
import type { ProcedureSectionInput } from '../../shared/api/contract';
import { procedureDraft, type AttendeeDraft, type ProcedureDraft } from '../../shared/domain/procedure';
import { evaluate, type Evaluation } from '../../shared/rules/engine';
import type { RuleSet } from '../../shared/rules/ruleset';
import { describeUnmet } from '../../shared/rules/messages/index';
import type { Db } from './db/database';
import { assertNotSealed } from './sealed';
import { brusselsDate } from '../../shared/domain/dates';
import { checkPlausibleDates, defaultHearingDatePastDays } from '../../shared/domain/plausible-dates';
import { assertPlausibleDates } from './hearing-changes';

export interface ProcedureView {
  hearingId: string;
  draft: ProcedureDraft;
  updatedAt: string | null;
  locked: boolean;
  evaluation: Evaluation;
  /** The instant the evaluation was made for: the planned one until recording, else now. */
  evaluatedAt: string;
  /** True when `evaluatedAt` is the planned instant, not the present. */
  planned: boolean;
}

interface Row {
  procedure: string;
  procedure_updated_at: string | null;
  planned_at: string | null;
  recording_count: number;
}

/**
 * The procedural record of each hearing, kept as a draft that saves section by section, and the
 * rule engine run on it. Main is the authority: the readiness gate here is what refuses a
 * recording, whatever the renderer showed.
 */
export class ProcedureService {
  constructor(
    private readonly db: Db,
    private readonly ruleSet: RuleSet,
    private readonly clock: () => Date = () => new Date(),
    /** The administrator's limit for a hearing date in the past, in days. */
    private readonly pastDays: () => number = () => defaultHearingDatePastDays,
  ) {}

  /** The draft a new hearing starts with, from the new-hearing form. */
  static initialDraft(input: { minorName: string; dateOfBirth: string; hearingDate: string }): ProcedureDraft {
    return {
      hearingDate: input.hearingDate,
      personHeard: {
        name: input.minorName,
        dateOfBirth: input.dateOfBirth,
        dateOfBirthCertain: true,
        category: 'minor',
      },
    };
  }

  /**
   * The record and its evaluation. Without `at`, a hearing planned and not yet recorded is
   * judged for its planned instant (the child's age and the order on that day); any other for now.
   * Recording itself is always judged for the real instant (assertMayRecord).
   */
  get(hearingId: string, at?: Date): ProcedureView {
    const row = this.row(hearingId);
    const draft = parseDraft(row.procedure);
    const planned = at === undefined && row.recording_count === 0 && row.planned_at !== null;
    const instant = at ?? (planned && row.planned_at ? new Date(row.planned_at) : this.clock());
    return {
      hearingId,
      draft,
      updatedAt: row.procedure_updated_at,
      locked: row.recording_count > 0,
      evaluation: this.evaluateDraft(draft, instant),
      evaluatedAt: instant.toISOString(),
      planned,
    };
  }

  draft(hearingId: string): ProcedureDraft {
    return parseDraft(this.row(hearingId).procedure);
  }

  /** Refuses any change to a sealed hearing, clearly, before anything is touched. */
  assertNotSealed(hearingId: string): void {
    this.row(hearingId);
    assertNotSealed(this.db, hearingId);
  }

  save(hearingId: string, input: ProcedureSectionInput): ProcedureView {
    const row = this.row(hearingId);
    assertNotSealed(this.db, hearingId);
    if (row.recording_count > 0 && !afterRecording.has(input.section)) {
      throw conflict(
        'record_locked',
        'This hearing has been recorded: its procedural record is fixed. Log what changed as an event instead.',
        { section: input.section },
      );
    }
    const draft = parseDraft(row.procedure);
    this.assertPlausible(draft, input);
    const value = input.section === 'attendees' ? keepLoggedTimes(draft, input.value) : input.value;
    const next: ProcedureDraft = { ...draft, [input.section]: value };
    if (input.section === 'consent' && draft.consent?.withdrawal) {
      throw conflict('consent_withdrawn', 'Consent was withdrawn; it cannot be changed afterwards.');
    }
    if (input.section === 'attendees' && row.recording_count > 0) {
      assertNoAttendeeRemoved(draft, next);
    }
    this.write(hearingId, next);
    return this.get(hearingId);
  }

  /** Changes made by main itself (consent withdrawn, an attendee's arrival), never refused by the lock. */
  update(hearingId: string, change: (draft: ProcedureDraft) => ProcedureDraft): ProcedureDraft {
    assertNotSealed(this.db, hearingId);
    const next = change(this.draft(hearingId));
    this.write(hearingId, next);
    return next;
  }

  evaluateFor(hearingId: string, at: Date): Evaluation {
    return this.evaluateDraft(this.draft(hearingId), at);
  }

  /** The readiness gate: throws, naming every unmet requirement, unless the hearing may be recorded now. */
  assertMayRecord(hearingId: string, at: Date): Evaluation {
    const evaluation = this.evaluateFor(hearingId, at);
    if (!evaluation.mayRecord) {
      const list = evaluation.unmet.map((u) => describeUnmet(u, 'en')).join(' ');
      throw new ApiError('readiness_unmet', `This hearing cannot be recorded yet. ${list}`, {
        details: { unmet: evaluation.unmet, ruleSet: evaluation.ruleSet },
      });
    }
    return evaluation;
  }

  /** A birth date or hearing date that cannot be right is refused as it is entered, as at creation. */
  private assertPlausible(draft: ProcedureDraft, input: ProcedureSectionInput): void {
    const today = brusselsDate(this.clock());
    if (input.section === 'hearingDate') {
      const person = draft.personHeard;
      const born = person?.dateOfBirthCertain === false ? null : (person?.dateOfBirth ?? null);
      assertPlausibleDates(
        checkPlausibleDates({ dateOfBirth: born, hearingDate: input.value }, today, this.pastDays()).filter(
          (p) => p.path === 'hearingDate' || p.code === 'born_after_hearing',
        ),
        () => 'value',
      );
    } else if (input.section === 'personHeard' && input.value) {
      const person = input.value;
      const range = person.dateOfBirthRange;
      const births: Array<[string, string | null | undefined]> = [
        ['value.dateOfBirth', person.dateOfBirthCertain === false ? null : person.dateOfBirth],
        ['value.dateOfBirthRange.earliest', range?.earliest],
        ['value.dateOfBirthRange.latest', range?.latest],
      ];
      const problems = births.flatMap(([path, dateOfBirth]) =>
        dateOfBirth
          ? checkPlausibleDates({ dateOfBirth, hearingDate: draft.hearingDate ?? null }, today, null)
              .filter((p) => p.path === 'dateOfBirth')
              .map((p) => ({ ...p, at: path }))
          : [],
      );
      assertPlausibleDates(problems);
    }
  }

  private evaluateDraft(draft: ProcedureDraft, at: Date): Evaluation {
    return evaluate(draft, this.ruleSet, { at: at.toISOString() });
  }

  private write(hearingId: string, draft: ProcedureDraft): void {
    const checked = procedureDraft.parse(draft);
    const person = checked.personHeard;
    const dateOfBirth =
      person?.dateOfBirthCertain === false && person.dateOfBirthRange
        ? `${person.dateOfBirthRange.earliest ?? ''}/${person.dateOfBirthRange.latest ?? ''}`
        : (person?.dateOfBirth ?? '');
    this.db
      .prepare(
        `UPDATE hearings SET procedure = ?, procedure_updated_at = ?, minor_name = ?, date_of_birth = ?,
           hearing_date = ? WHERE id = ?`,
      )
      .run(
        JSON.stringify(checked),
        this.clock().toISOString(),
        person?.name ?? '',
        dateOfBirth,
        checked.hearingDate ?? '',
        hearingId,
      );
  }

  private row(hearingId: string): Row {
    const row = this.db
      .prepare(
        `SELECT procedure, procedure_updated_at, planned_at,
           (SELECT COUNT(*) FROM recordings r WHERE r.hearing_id = h.id) AS recording_count
         FROM hearings h WHERE id = ?`,
      )
      .get(hearingId) as Row | undefined;
    if (!row) throw new ApiError('not_found', `There is no hearing with the identifier ${hearingId}.`);
    return row;
  }
}

/**
 * What may still be saved once a recording exists: the attendees (through events too), and the
 * protective follow-up, which closes the hearing and is done after it, until the seal.
 */
const afterRecording: ReadonlySet<ProcedureSectionInput['section']> = new Set(['attendees', 'protectiveFollowUp']);

function parseDraft(text: string): ProcedureDraft {
  return procedureDraft.parse(JSON.parse(text));
}

/**
 * Arrivals and departures logged as events are main's to record: a save of the list that does
 * not carry them (a form that loaded before the event) keeps them.
 */
function keepLoggedTimes(before: ProcedureDraft, incoming: AttendeeDraft[]): AttendeeDraft[] {
  const stored = new Map((before.attendees ?? []).map((a) => [a.id, a]));
  return incoming.map((a) => {
    const old = stored.get(a.id);
    if (!old) return a;
    return { ...a, arrivedAt: a.arrivedAt ?? old.arrivedAt ?? null, leftAt: a.leftAt ?? old.leftAt ?? null };
  });
}

/** Once recorded, who was there is evidence: attendees can be added, not removed. */
function assertNoAttendeeRemoved(before: ProcedureDraft, after: ProcedureDraft): void {
  const kept = new Set((after.attendees ?? []).map((a) => a.id));
  const removed = (before.attendees ?? []).filter((a) => !kept.has(a.id));
  if (removed.length > 0) {
    throw conflict(
      'attendee_removal',
      'This hearing has been recorded: attendees cannot be removed any more. Log their departure instead.',
    );
  }
}
