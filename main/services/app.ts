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

export interface ServicesOptions {
  /** The app's data folder: the database and one folder per hearing live here. */
  dataDir: string;
  appVersion: string;
  /** Path of a better-sqlite3 binary built for the running runtime (Electron's ABI). */
  nativeBinding?: string;
  keepAwake?: KeepAwake;
}

export interface AppServices {
  dispatcher: Dispatcher;
  /** Serves `/media/...` with HTTP Range support; mounted by Electron's protocol and the web host. */
  media: MediaHandler;
  /** Recordings found open at start (a crash or a kill) and kept. */
  recovered: readonly RecoveredRecording[];
  close(): void;
}

const system = { userId: 'system', role: 'technician' } as const;

/** Composes the services on plain Node; Electron and the web host are only transports around it. */
export async function openServices(options: ServicesOptions): Promise<AppServices> {
  const db = openDatabase(join(options.dataDir, 'hearing-room.sqlite'), options);
  const audit = new AuditLog(db);
  const store = new FileMediaStore(options.dataDir);
  const recordings = new RecordingService(
    db,
    store,
    audit,
    new MediabunnyRemuxer(store),
    options.keepAwake ?? noKeepAwake,
  );
  const hearings = new HearingService(db, recordings);
  const recovered = await recordings.recover(system);
  const caseReference = (hearingId: string) => hearings.get(hearingId).caseReference;

  const handlers: Handlers = {
    'app.info': () => ({
      name: 'Hearing Room',
      version: options.appVersion,
      dataDir: options.dataDir,
      recovered: recovered.map((r) => ({ ...r, caseReference: caseReference(r.hearingId) })),
    }),
    'hearings.list': () => hearings.list(),
    'hearings.create': (input, ctx) => hearings.create(input, ctx),
    'hearings.get': (input) => hearings.get(input.hearingId),
    'recordings.start': (input) => recordings.start(input.hearingId, input.mimeType),
    'recordings.appendChunk': (input) => recordings.append(input.recordingId, input.seq, input.data),
    'recordings.stop': (input, ctx) => recordings.stop(input.recordingId, input.durationMs, ctx),
  };

  const dispatcher = new Dispatcher(handlers, {
    record: ({ ctx, call, input, output }) => {
      const hearingId =
        (output as { hearingId?: string; id?: string } | null)?.hearingId ??
        (input as { hearingId?: string }).hearingId ??
        (call === 'hearings.create' ? (output as { id: string }).id : null);
      audit.append(ctx, call, hearingId ?? null, input);
    },
  });

  return {
    dispatcher,
    media: createMediaHandler(recordings, store),
    recovered,
    close() {
      recordings.closeAll();
      db.close();
    },
  };
}
