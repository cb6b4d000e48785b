import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditLog } from '../../main/services/audit-log';
import { AuditCheckpoints } from '../../main/services/audit-checkpoints';
import { openDatabase } from '../../main/services/db/database';
import { HearingExporter } from '../../main/services/export';
import { HearingService } from '../../main/services/hearings';
import { noKeepAwake } from '../../main/services/keep-awake';
import { PassphraseKeyFile } from '../../main/services/keys/passphrase-key-file';
import { RecordingService } from '../../main/services/recordings';
import { SealService } from '../../main/services/seal/seal-service';
import { FileMediaStore } from '../../main/services/storage/file-media-store';
import { WebmPatcher } from '../../main/services/working-copy';
import { localOperator } from '../../shared/api/caller';
import { today } from './procedure';

export const ctx = localOperator('internal');
export const fixture = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));
export const verifierPath = join(import.meta.dirname, '../../tools/verify/hearing-room-verify.mjs');
export const passphrase = 'correct horse battery staple';

/** The services that sealing needs, composed as app.ts composes them, on a fresh data folder. */
export function openSealing(dataDir: string) {
  const db = openDatabase(join(dataDir, 'hearing-room.sqlite'));
  const audit = new AuditLog(db);
  const store = new FileMediaStore(dataDir);
  const recordings = new RecordingService(
    db,
    store,
    audit,
    new WebmPatcher(store),
    noKeepAwake,
  );
  const hearings = new HearingService(db, recordings);
  const keys = PassphraseKeyFile.open(dataDir, passphrase);
  const checkpoints = new AuditCheckpoints(db, audit, keys);
  const seals = new SealService(db, audit, store, keys, {
    appVersion: 'test',
    ruleSet: () => ({ id: 'be-91bis', version: 'test' }),
    checkpoints,
  });
  const exporter = new HearingExporter(db, audit, store, seals, { verifierPath, checkpoints });
  return {
    db,
    audit,
    store,
    recordings,
    hearings,
    keys,
    checkpoints,
    seals,
    exporter,
    hearingDir: (hearingId: string) => join(dataDir, 'hearings', hearingId),
    close: () => {
      recordings.closeAll();
      db.close();
    },
  };
}

export type Sealing = ReturnType<typeof openSealing>;

/** A hearing with one recorded segment of the fixture, created and recorded as the dispatcher would. */
export async function recordedHearing(
  s: Sealing,
  caseReference = 'AN.55.F1.000123/26',
  segments = 1,
): Promise<string> {
  const hearing = s.hearings.create(
    { caseReference, minorName: 'Amir K.', dateOfBirth: '2016-03-01', hearingDate: today() },
    ctx,
  );
  s.audit.append(ctx, 'hearings.create', hearing.id, { caseReference });
  for (let n = 0; n < segments; n++) {
    const rec = s.recordings.start(hearing.id, 'video/webm;codecs=vp8,opus');
    s.audit.append(ctx, 'recordings.start', hearing.id, { recordingId: rec.id });
    const size = Math.ceil(fixture.byteLength / 4);
    for (let seq = 0; seq < 4; seq++)
      s.recordings.append(rec.id, seq, fixture.subarray(seq * size, (seq + 1) * size));
    await s.recordings.stop(rec.id, 4000, ctx);
    s.audit.append(ctx, 'recordings.stop', hearing.id, { recordingId: rec.id });
  }
  return hearing.id;
}
