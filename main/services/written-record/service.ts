import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import type { CallerContext } from '../../../shared/api/caller';
import { canonicalJson } from '../../../shared/canonical-json';
import type { AuditLog } from '../audit-log';
import type { Db } from '../db/database';
import type { HearingQueue } from '../hearing-queue';
import type { RuleSet } from '../../../shared/rules/ruleset';
import type { EventLog } from '../events';
import type { HearingService } from '../hearings';
import type { ProcedureService } from '../procedure';
import type { RecordingService } from '../recordings';
import type { MediaStore } from '../storage/media-store';
import { renderWrittenRecord } from './html';
import { hashStored } from '../storage/hash-stored';
import { recordLanguages, type RecordLanguage } from './labels';
import type { PdfPrinter } from './printer';

export const writtenRecordFile = 'written-record.pdf';

export interface WrittenRecordResult {
  hearingId: string;
  language: RecordLanguage;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  generatedAt: string;
  url: string;
}

/** The last written record printed for a hearing, and whether the hearing changed since. */
export interface WrittenRecordState {
  generatedAt: string;
  language: RecordLanguage;
  sha256: string;
  sizeBytes: number;
  /** False when the record, the events or the recordings changed after it was printed, or the file did. */
  upToDate: boolean;
}

interface WrittenRecordRow {
  generated_at: string;
  language: RecordLanguage;
  sha256: string;
  size_bytes: number;
  state_sha256: string;
}

type Who = Pick<CallerContext, 'userId' | 'role'>;

/** Builds the written record from the hearing's data and keeps the PDF in the hearing's folder. */
export class WrittenRecordService {
  constructor(
    private readonly deps: {
      db: Db;
      audit: AuditLog;
      queue: HearingQueue;
      store: MediaStore;
      hearings: HearingService;
      procedure: ProcedureService;
      recordings: RecordingService;
      events: EventLog;
      printer: PdfPrinter;
      ruleSet: RuleSet;
      appVersion: string;
      /** The installation key's fingerprint, grouped for reading aloud; null without a key. */
      keyFingerprint?: () => string | null;
      clock?: () => Date;
    },
  ) {}

  async html(hearingId: string, requested?: RecordLanguage): Promise<{ html: string; language: RecordLanguage; at: Date }> {
    const { store, hearings, procedure, recordings, events } = this.deps;
    const at = (this.deps.clock ?? (() => new Date()))();
    const hearing = hearings.get(hearingId);
    const view = procedure.get(hearingId, at);
    // The language the hearing was held in, else the person's, else English.
    const spoken = [view.draft.hearingLanguage, view.draft.personHeard?.language]
      .map((code) => code?.slice(0, 2))
      .find(isRecordLanguage);
    const language: RecordLanguage = requested ?? spoken ?? 'en';
    const files = [];
    for (const r of hearing.recordings) {
      const master = recordings.locate(r.id, 'master');
      const working = recordings.locate(r.id, 'working');
      files.push({
        ...r,
        masterName: master?.name ?? '',
        working: working ? { name: working.name, ...(await hashStored(store, working.hearingId, working.name, { reuse: true })) } : null,
      });
    }
    const facts = view.draft.hearingStart ? procedure.evaluateFor(hearingId, new Date(view.draft.hearingStart)).facts : view.evaluation.facts;
    const html = renderWrittenRecord(
      {
        hearing: { id: hearing.id, caseReference: hearing.caseReference },
        draft: view.draft,
        facts,
        ruleSet: view.evaluation.ruleSet,
        recordings: files,
        events: events.list(hearingId),
        appVersion: this.deps.appVersion,
        keyFingerprint: this.deps.keyFingerprint?.() ?? null,
        generatedAt: at,
      },
      language,
    );
    return { html, language, at };
  }

  /**
   * Prints the written record. The hearing's state is read in its turn, printed outside it (a
   * mark must not wait for the printer), and the file is written back in its turn, only if the
   * hearing has not been sealed meanwhile: a sealed written record is never replaced. The print
   * runs as a job, so a seal asked for meanwhile refuses instead of racing it.
   */
  async generate(hearingId: string, requested: RecordLanguage | undefined, ctx: Who): Promise<WrittenRecordResult> {
    const { queue } = this.deps;
    this.deps.procedure.assertNotSealed(hearingId);
    const done = queue.begin(hearingId, 'written_record');
    try {
      const page = await queue.run(hearingId, async () => {
        this.deps.procedure.assertNotSealed(hearingId);
        return { ...(await this.html(hearingId, requested)), state: this.stateDigest(hearingId) };
      });
      const pdf = await this.print(page.html);
      return await queue.run(hearingId, () => {
        this.deps.procedure.assertNotSealed(hearingId);
        return this.keep(hearingId, page, pdf, ctx);
      });
    } finally {
      done();
    }
  }

  /** Prints and keeps the written record; for the seal, which already holds the hearing's turn. */
  async generateInTurn(hearingId: string, requested: RecordLanguage | undefined, ctx: Who): Promise<WrittenRecordResult> {
    const page = { ...(await this.html(hearingId, requested)), state: this.stateDigest(hearingId) };
    return this.keep(hearingId, page, await this.print(page.html), ctx);
  }

  /** The written record last printed, or null; `upToDate` compares it with the hearing as it is now. */
  state(hearingId: string): WrittenRecordState | null {
    const row = this.deps.db
      .prepare('SELECT generated_at, language, sha256, size_bytes, state_sha256 FROM written_records WHERE hearing_id = ?')
      .get(hearingId) as WrittenRecordRow | undefined;
    if (!row) return null;
    const size = this.deps.store.size(hearingId, writtenRecordFile);
    return {
      generatedAt: row.generated_at,
      language: row.language,
      sha256: row.sha256,
      sizeBytes: row.size_bytes,
      upToDate: size === row.size_bytes && row.state_sha256 === this.stateDigest(hearingId),
    };
  }

  /** A digest of everything the written record prints: the record, the events, the recordings. */
  private stateDigest(hearingId: string): string {
    const { hearings, procedure, events } = this.deps;
    const hearing = hearings.get(hearingId);
    const state = {
      hearing: { caseReference: hearing.caseReference, minorName: hearing.minorName, dateOfBirth: hearing.dateOfBirth },
      draft: procedure.draft(hearingId),
      events: events.list(hearingId).map((e) => e.id),
      recordings: hearing.recordings.map((r) => [r.id, r.status, r.stopReason, r.sha256, r.durationMs, r.workingUrl]),
    };
    return createHash('sha256').update(canonicalJson(state)).digest('hex');
  }

  private async print(html: string): Promise<Uint8Array> {
    try {
      return await this.deps.printer.print(html);
    } catch (err) {
      throw new ApiError(
        'internal',
        `The written record could not be printed to PDF (${err instanceof Error ? err.message : String(err)}). Nothing was saved; try again.`,
      );
    }
  }

  private keep(
    hearingId: string,
    page: { language: RecordLanguage; at: Date; state: string },
    pdf: Uint8Array,
    ctx: Who,
  ): WrittenRecordResult {
    const { db, store, audit } = this.deps;
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const generatedAt = page.at.toISOString();
    store.writeAtomic(hearingId, writtenRecordFile, pdf);
    db.transaction(() => {
      db.prepare(
        `INSERT INTO written_records (hearing_id, generated_at, language, sha256, size_bytes, state_sha256)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (hearing_id) DO UPDATE SET generated_at = excluded.generated_at, language = excluded.language,
           sha256 = excluded.sha256, size_bytes = excluded.size_bytes, state_sha256 = excluded.state_sha256`,
      ).run(hearingId, generatedAt, page.language, sha256, pdf.byteLength, page.state);
      audit.append(ctx, 'writtenRecord.generate', hearingId, { language: page.language, sha256, sizeBytes: pdf.byteLength });
    })();
    return {
      hearingId,
      language: page.language,
      fileName: writtenRecordFile,
      sha256,
      sizeBytes: pdf.byteLength,
      generatedAt,
      url: `/media/hearings/${hearingId}/${writtenRecordFile}`,
    };
  }
}

const isRecordLanguage = (v: string | undefined): v is RecordLanguage =>
  (recordLanguages as readonly string[]).includes(v ?? '');
