import { join } from 'node:path';
import { Dispatcher, type Handlers } from './dispatcher';
import { createMediaHandler, type MediaHandler } from './media-handler';
import { noKeepAwake, type KeepAwake } from './keep-awake';
import { openDatabase } from './db/database';
import { AuditLog } from './audit-log';
import { FileMediaStore } from './storage/file-media-store';
import { RecordingService, type RecoveredRecording } from './recordings';
import { HearingService } from './hearings';
import { MediabunnyRemuxer } from './working-copy';
import { ProcedureService } from './procedure';
import { EventLog } from './events';
import { HearingSession, defaultDiskLevels, type DiskLevels, type PageWatch } from './hearing-session';
import { HearingQueue } from './hearing-queue';
import { HearingSealing } from './sealing';
import { AnnotationService } from './annotations';
import { forensicInterviewScheme } from '../../shared/coding/default-scheme';
import { annotationsCsv } from '../../shared/coding/csv';
import { hearingEafFiles } from '../../shared/coding/eaf-export';
import { hearingTimeline, placeEvents } from '../../shared/coding/timeline';
import { WrittenRecordService } from './written-record/service';
import type { PdfPrinter } from './written-record/printer';
import type { KeyStore } from './keys/key-store';
import { SealService, hearingRow } from './seal/seal-service';
import { HearingExporter } from './export';
import { sealCalls } from './seal-calls';
import type { CallerContext } from '../../shared/api/caller';
import type { CallName } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { currentRuleSet } from '../../shared/rules/ruleset';

export interface ServicesOptions {
  /** The app's data folder: the database and one folder per hearing live here. */
  dataDir: string;
  appVersion: string;
  /** Path of a better-sqlite3 binary built for the running runtime (Electron's ABI). */
  nativeBinding?: string;
  keepAwake?: KeepAwake;
  /** Prints the written record: Electron's printToPDF, or Chromium on the web host. */
  printer?: PdfPrinter;
  disk?: DiskLevels;
  /** How long a recording page may go quiet before main closes its segment as `page_lost`. */
  pageWatch?: PageWatch;
  /** The installation's signing key: wrapped by safeStorage in the app, a passphrase file on the web host. */
  keys?: KeyStore;
  /** The standalone verifier copied into every export. */
  verifierPath?: string;
  /** Where an export goes, decided in main (a folder dialog in the app); null when cancelled. */
  exportDestination?: (hearingId: string, ctx: CallerContext) => string | null | Promise<string | null>;
}

const noKeys: KeyStore = {
  publicKeyPem: () => unavailable(),
  fingerprint: () => unavailable(),
  sign: () => unavailable(),
};

function unavailable(): never {
  throw new ApiError('internal', 'No signing key is set up for this installation, so hearings cannot be sealed here.');
}

const noPrinter: PdfPrinter = {
  print: () => {
    throw new Error('no PDF printer is available in this setting');
  },
};

export interface AppServices {
  dispatcher: Dispatcher;
  /** Serves `/media/...` with HTTP Range support; mounted by Electron's protocol and the web host. */
  media: MediaHandler;
  /** Recordings found open at start (a crash or a kill) and kept. */
  recovered: readonly RecoveredRecording[];
  /** The page that records is gone for sure (the window closed): close its segments now. */
  pageGone(): Promise<void>;
  close(): void;
}

/** The calls that change one hearing: each takes the hearing's turn, with its audit entry. */
const inTurn: ReadonlySet<CallName> = new Set<CallName>([
  'recordings.start',
  'procedure.save',
  'consent.withdraw',
  'events.add',
  'annotations.change',
]);

const system = { userId: 'system', role: 'technician' } as const;

/** Composes the services on plain Node; Electron and the web host are only transports around it. */
export async function openServices(options: ServicesOptions): Promise<AppServices> {
  const db = openDatabase(join(options.dataDir, 'hearing-room.sqlite'), options);
  const audit = new AuditLog(db);
  const store = new FileMediaStore(options.dataDir);
  const queue = new HearingQueue();
  const recordings = new RecordingService(
    db,
    store,
    audit,
    new MediabunnyRemuxer(store),
    options.keepAwake ?? noKeepAwake,
  );
  const hearings = new HearingService(db, recordings, (hearingId) => queue.running(hearingId));
  const procedure = new ProcedureService(db, currentRuleSet);
  const events = new EventLog(db);
  const disk = options.disk ?? defaultDiskLevels;
  const session = new HearingSession({
    recordings,
    procedure,
    events,
    store,
    audit,
    queue,
    disk,
    ...(options.pageWatch ? { watch: options.pageWatch } : {}),
  });
  const writtenRecords = new WrittenRecordService({
    db,
    audit,
    queue,
    store,
    hearings,
    procedure,
    recordings,
    events,
    printer: options.printer ?? noPrinter,
    ruleSet: currentRuleSet,
    appVersion: options.appVersion,
  });
  const requireHearing = (hearingId: string) => hearings.get(hearingId);
  const keys = options.keys ?? noKeys;
  const seals = new SealService(db, audit, store, keys, {
    appVersion: options.appVersion,
    ruleSet: () => ({ id: currentRuleSet.id, version: currentRuleSet.version }),
    // The record as stored, never re-evaluated against the clock: a seal must not depend on "now".
    hearingRecord: (hearingId) => ({ ...hearingRow(db, hearingId), procedure: procedure.draft(hearingId) }),
    events: (hearingId) => events.list(hearingId),
  });
  const annotations = new AnnotationService(db, recordings, events, forensicInterviewScheme);
  const sealing = new HearingSealing({ queue, recordings, procedure, events, writtenRecords, seals });
  const exporter = new HearingExporter(db, audit, store, seals, {
    verifierPath: options.verifierPath ?? join(options.dataDir, 'missing-verifier.mjs'),
  });
  const recovered = await recordings.recover(system);
  const caseReference = (hearingId: string) => hearings.get(hearingId).caseReference;
  session.startWatching();
  // Working copies that a full disk or a stop prevented are made again, in the background.
  void session.deriveMissingWorkingCopies(system);

  const handlers: Handlers = {
    'app.info': () => ({
      name: 'Hearing Room',
      version: options.appVersion,
      dataDir: options.dataDir,
      recovered: recovered.map((r) => ({ ...r, caseReference: caseReference(r.hearingId) })),
    }),
    'app.storage': () => ({ dataDir: options.dataDir, freeBytes: store.freeBytes(), ...disk }),
    'hearings.list': () => hearings.list(),
    'hearings.create': (input, ctx) => hearings.create(input, ctx),
    'hearings.get': (input) => hearings.get(input.hearingId),
    'recordings.start': (input, ctx) => session.start(input.hearingId, input.mimeType, ctx),
    'recordings.appendChunk': (input, ctx) => session.append(input.recordingId, input.seq, input.data, ctx),
    'recordings.stop': (input, ctx) => session.stop(input.recordingId, input.durationMs, ctx, input.reason),
    'recordings.heartbeat': (input) => session.heartbeat(input.recordingId),
    'recordings.deriveWorkingCopy': (input, ctx) => session.deriveWorkingCopy(input.recordingId, ctx),
    'procedure.get': (input) => procedure.get(input.hearingId),
    'procedure.save': (input) => procedure.save(input.hearingId, input),
    'consent.withdraw': (input, ctx) => session.withdrawConsent(input.hearingId, input.notedBy, ctx),
    'events.add': (input, ctx) => session.addEvent(input.hearingId, input.event, ctx),
    'events.list': (input) => {
      requireHearing(input.hearingId);
      return events.list(input.hearingId);
    },
    'writtenRecord.generate': (input, ctx) => writtenRecords.generate(input.hearingId, input.language, ctx),
    'hearings.sealPreview': (input) => sealing.preview(input.hearingId),
    'annotations.list': (input) => {
      requireHearing(input.hearingId);
      return annotations.list(input.hearingId);
    },
    'annotations.change': (input, ctx) => {
      requireHearing(input.hearingId);
      return annotations.change(input.hearingId, input.change, ctx);
    },
    'annotations.export': (input, ctx) => {
      const hearing = requireHearing(input.hearingId);
      const list = annotations.list(input.hearingId).annotations;
      if (input.format === 'csv') {
        const language = input.language ?? 'en';
        return {
          files: [
            {
              name: `hearing-${hearing.id}-annotations.csv`,
              mimeType: 'text/csv; charset=utf-8',
              content: annotationsCsv(forensicInterviewScheme, list, language),
            },
          ],
        };
      }
      const timeline = hearingTimeline(hearing.recordings);
      const files = hearingEafFiles(
        {
          hearingId: hearing.id,
          scheme: forensicInterviewScheme,
          annotations: list,
          events: placeEvents(timeline, events.list(hearing.id)).placed,
          date: new Date().toISOString(),
          author: ctx.displayName,
        },
        timeline,
        // The EAF sits beside the working copies, as in the export for the registry.
        (segment) => {
          const recording = hearing.recordings.find((r) => r.segment === segment);
          return recording ? (recordings.locate(recording.id, 'working')?.name ?? null) : null;
        },
      );
      return { files: files.map((f) => ({ name: f.name, mimeType: 'application/xml', content: f.xml })) };
    },
    ...sealCalls({
      sealing,
      seals,
      exporter,
      audit,
      keys,
      exportDestination: options.exportDestination ?? (() => join(options.dataDir, 'exports')),
    }),
  };

  const dispatcher = new Dispatcher(
    handlers,
    {
      record: ({ ctx, call, input, output }) => {
        const hearingId =
          (output as { hearingId?: string; id?: string } | null)?.hearingId ??
          (input as { hearingId?: string }).hearingId ??
          (call === 'hearings.create' ? (output as { id: string }).id : null);
        audit.append(ctx, call, hearingId ?? null, input);
      },
    },
    console,
    {
      hearingOf: (call, input) => (inTurn.has(call) ? (input as { hearingId: string }).hearingId : null),
      run: (hearingId, work) => queue.run(hearingId, work),
    },
  );

  return {
    dispatcher,
    media: createMediaHandler(
      {
        locate: (id, variant) => recordings.locate(id, variant),
        locateDocument: (hearingId, name) =>
          store.size(hearingId, name) === null ? null : { hearingId, name, mimeType: 'application/pdf' },
      },
      store,
    ),
    recovered,
    pageGone: () => session.pageGone(),
    close() {
      session.stopWatching();
      recordings.closeAll();
      db.close();
    },
  };
}
