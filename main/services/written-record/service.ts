import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
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

/** Builds the written record from the hearing's data and keeps the PDF in the hearing's folder. */
export class WrittenRecordService {
  constructor(
    private readonly deps: {
      store: MediaStore;
      hearings: HearingService;
      procedure: ProcedureService;
      recordings: RecordingService;
      events: EventLog;
      printer: PdfPrinter;
      ruleSet: RuleSet;
      appVersion: string;
      clock?: () => Date;
    },
  ) {}

  async html(hearingId: string, requested?: RecordLanguage): Promise<{ html: string; language: RecordLanguage; at: Date }> {
    const { store, hearings, procedure, recordings, events } = this.deps;
    const at = (this.deps.clock ?? (() => new Date()))();
    const hearing = hearings.get(hearingId);
    const view = procedure.get(hearingId, at);
    const spoken = view.draft.personHeard?.language?.slice(0, 2);
    const language: RecordLanguage = requested ?? (isRecordLanguage(spoken) ? spoken : 'en');
    const files = [];
    for (const r of hearing.recordings) {
      const master = recordings.locate(r.id, 'master');
      const working = recordings.locate(r.id, 'working');
      files.push({
        ...r,
        masterName: master?.name ?? '',
        working: working ? { name: working.name, ...(await hashStored(store, working.hearingId, working.name)) } : null,
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
        generatedAt: at,
      },
      language,
    );
    return { html, language, at };
  }

  async generate(hearingId: string, requested?: RecordLanguage): Promise<WrittenRecordResult> {
    // A sealed written record is evidence: a new one would silently replace a sealed file.
    this.deps.procedure.assertNotSealed(hearingId);
    const { html, language, at } = await this.html(hearingId, requested);
    let pdf: Uint8Array;
    try {
      pdf = await this.deps.printer.print(html);
    } catch (err) {
      throw new ApiError(
        'internal',
        `The written record could not be printed to PDF (${err instanceof Error ? err.message : String(err)}). Nothing was saved; try again.`,
      );
    }
    this.deps.store.writeAtomic(hearingId, writtenRecordFile, pdf);
    return {
      hearingId,
      language,
      fileName: writtenRecordFile,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      sizeBytes: pdf.byteLength,
      generatedAt: at.toISOString(),
      url: `/media/hearings/${hearingId}/${writtenRecordFile}`,
    };
  }
}

const isRecordLanguage = (v: string | undefined): v is RecordLanguage =>
  (recordLanguages as readonly string[]).includes(v ?? '');
