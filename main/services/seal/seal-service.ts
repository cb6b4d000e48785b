import { ApiError } from '../../../shared/api/errors';
import type { CallerContext } from '../../../shared/api/caller';
import { canonicalJson } from '../../../shared/canonical-json';
import type { AuditEntry, AuditLog } from '../audit-log';
import type { Db } from '../db/database';
import type { KeyStore } from '../keys/key-store';
import type { MediaStore } from '../storage/media-store';
import type { Derivation } from '../working-copy';
import { compareWithDatabase, type RecordingRow, type SealRow } from './database-check';
import {
  genesisHash,
  sealFiles,
  type AuditLine,
  type SealManifest,
  type SealOpenItems,
  type SealedFile,
  type SealedRecording,
} from './format';
import { buildManifest, manifestBytes, type RuleSetRef } from './manifest';
import { storeSource } from './store-source';
import { hashStored } from '../storage/hash-stored';
import { sha256Hex, verifySeal, type VerifyReport } from './verify';
import { checkAddenda, type AddendumFound } from './addenda';
import { createPublicKey, type KeyObject } from 'node:crypto';

type Caller = Pick<CallerContext, 'userId' | 'role'>;

export interface SealServiceOptions {
  appVersion: string;
  /** The rule set the hearing was conducted under (the rules engine provides it). */
  ruleSet: (hearingId: string) => RuleSetRef;
  /** The hearing's procedural record; by default the hearing's row, every column. */
  hearingRecord?: (hearingId: string) => Record<string, unknown>;
  /** The hearing's event log (pauses, arrivals...); empty until it exists. */
  events?: (hearingId: string) => unknown[];
  /** The signed addenda after the seal (annotation-addenda.ts); none when not given. */
  addenda?: (hearingId: string) => AddendumFound[];
  clock?: () => Date;
  /** Signs a checkpoint of the audit log once the sealing entry is written (audit-checkpoints.ts). */
  checkpoints?: { sign(reason: 'seal', hearingId: string): unknown };
}

export interface SealSummary {
  hearingId: string;
  sealedAt: string;
  manifestSha256: string;
  keyFingerprint: string;
  auditHead: { seq: number; hash: string };
  recordingCount: number;
}

/** The documents sealed with the recordings when they are in the hearing's folder. */
const documentKinds: ReadonlyArray<{ kind: string; name: string }> = [
  { kind: 'written-record', name: sealFiles.writtenRecord },
];

/**
 * Seals a hearing: checks that every file still has the hash recorded when it was written (a file
 * this process hashed, and that has not changed since, is not read again: hash-stored.ts), then
 * signs a manifest of the whole record with the installation's key, writes it beside the media,
 * and records the seal in the database, where triggers then refuse any change to the hearing.
 */
export class SealService {
  private readonly clock: () => Date;
  private readonly hearingRecord: (hearingId: string) => Record<string, unknown>;
  private readonly events: (hearingId: string) => unknown[];

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly store: MediaStore,
    private readonly keys: KeyStore,
    private readonly options: SealServiceOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.hearingRecord = options.hearingRecord ?? ((id) => hearingRow(db, id));
    this.events = options.events ?? (() => []);
  }

  sealOf(hearingId: string): SealRow | null {
    return (
      (this.db.prepare('SELECT * FROM seals WHERE hearing_id = ?').get(hearingId) as
        SealRow | undefined) ?? null
    );
  }

  /**
   * `guard` runs inside the sealing transaction, after every file was checked: the last word on
   * whether the hearing may still be sealed (nothing being written for it, for example).
   */
  async seal(
    hearingId: string,
    ctx: Caller,
    extra: { openItems?: SealOpenItems; guard?: () => void } = {},
  ): Promise<SealSummary> {
    this.requireHearing(hearingId);
    this.refuseIfSealed(hearingId);
    const rows = this.recordingRows(hearingId);
    const running = rows.filter((r) => r.status === 'recording');
    if (running.length > 0) {
      throw new ApiError(
        'conflict',
        `Segment ${running.map((r) => r.segment).join(', ')} of this hearing is still being recorded. Stop the recording before sealing the hearing.`,
      );
    }

    const problems: string[] = [];
    const recordings = await this.checkRecordings(hearingId, rows, problems);
    const documents = await this.documents(hearingId);
    const broken = this.audit.verify();
    if (broken) problems.push(`the audit log is broken at entry ${broken.seq} (${broken.problem})`);
    if (problems.length > 0) {
      this.audit.append(ctx, 'hearing.seal_refused', hearingId, { problems });
      throw new ApiError(
        'conflict',
        `The hearing cannot be sealed: ${problems.join('; ')}. Nothing was sealed; report this to the magistrate in charge.`,
        { details: { problems } },
      );
    }

    return this.db
      .transaction(() => {
        this.refuseIfSealed(hearingId);
        extra.guard?.();
        const snapshot = (list: RecordingRow[]) =>
          canonicalJson(
            list.map((r) => [
              r.id,
              r.status,
              r.stop_reason ?? null,
              r.sha256,
              r.size_bytes,
              r.working_file,
            ]),
          );
        if (snapshot(this.recordingRows(hearingId)) !== snapshot(rows)) {
          throw new ApiError(
            'conflict',
            'The recordings of this hearing changed while it was being sealed. Seal it again.',
          );
        }
        const head = (this.db
          .prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
          .get() as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: genesisHash };
        const sealedAt = this.clock().toISOString();
        const manifest = buildManifest({
          appVersion: this.options.appVersion,
          ruleSet: this.options.ruleSet(hearingId),
          hearingId,
          hearing: this.hearingRecord(hearingId),
          events: this.events(hearingId),
          recordings,
          documents,
          auditHead: head,
          auditEntries: this.audit.entries(hearingId).map((e) => ({ seq: e.seq, hash: e.hash })),
          sealedAt,
          keyFingerprint: this.keys.fingerprint(),
          ...(extra.openItems ? { openItems: extra.openItems } : {}),
        });
        const bytes = manifestBytes(manifest);
        const signature = Buffer.from(this.keys.sign(bytes)).toString('base64');
        const manifestSha256 = sha256Hex(bytes);
        this.store.writeAtomic(hearingId, sealFiles.manifest, bytes);
        this.store.writeAtomic(
          hearingId,
          sealFiles.signature,
          new TextEncoder().encode(`${signature}\n`),
        );
        this.store.writeAtomic(
          hearingId,
          sealFiles.publicKey,
          new TextEncoder().encode(this.keys.publicKeyPem()),
        );
        this.db
          .prepare(
            `INSERT INTO seals (hearing_id, sealed_at, sealed_by, manifest, manifest_sha256, signature, key_fingerprint, audit_seq, audit_hash)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            hearingId,
            sealedAt,
            ctx.userId,
            new TextDecoder().decode(bytes),
            manifestSha256,
            signature,
            manifest.key.fingerprint,
            head.seq,
            head.hash,
          );
        const summary: SealSummary = {
          hearingId,
          sealedAt,
          manifestSha256,
          keyFingerprint: manifest.key.fingerprint,
          auditHead: head,
          recordingCount: recordings.length,
        };
        this.audit.append(ctx, 'hearing.sealed', hearingId, summary);
        this.options.checkpoints?.sign('seal', hearingId);
        // The hearing's folder can then be checked on its own, with the standalone verifier.
        this.store.writeAtomic(hearingId, sealFiles.audit, this.auditFile(hearingId));
        return summary;
      })
      .immediate();
  }

  /**
   * Checks the sealed files as the standalone verifier does, against the app's own audit log,
   * and compares the database's current values with the signed manifest.
   */
  async verifyHearing(hearingId: string): Promise<VerifyReport> {
    this.requireHearing(hearingId);
    const seal = this.sealOf(hearingId);
    if (!seal)
      throw new ApiError(
        'conflict',
        'This hearing has not been sealed yet, so there is no seal to check. Seal it first.',
      );
    const report = await verifySeal(storeSource(this.store, hearingId), {
      expectedHearingId: hearingId,
      auditEntries: this.audit.entries(),
    });
    const source = storeSource(this.store, hearingId);
    const manifestFile = await source.readFile(sealFiles.manifest);
    const signatureFile = await source.readFile(sealFiles.signature);
    // Compare with the manifest on disk when it is the one the database recorded as sealed;
    // otherwise (gone, or replaced) with the database's copy, and the seal record check says why.
    const onDisk =
      manifestFile && sha256Hex(manifestFile) === seal.manifest_sha256
        ? new TextDecoder().decode(manifestFile)
        : null;
    const manifest = JSON.parse(onDisk ?? seal.manifest) as SealManifest;
    const chunkCounts = new Map(
      (
        this.db
          .prepare(
            'SELECT r.id AS id, COUNT(c.seq) AS n FROM recordings r LEFT JOIN recording_chunks c ON c.recording_id = r.id WHERE r.hearing_id = ? GROUP BY r.id',
          )
          .all(hearingId) as Array<{ id: string; n: number }>
      ).map((r) => [r.id, r.n]),
    );
    const checks = [
      ...report.checks,
      ...compareWithDatabase(manifest, {
        hearing: this.hearingRecord(hearingId),
        recordings: this.recordingRows(hearingId),
        chunkCounts,
        seal,
        files: {
          manifestSha256: manifestFile ? sha256Hex(manifestFile) : null,
          signature: signatureFile ? new TextDecoder().decode(signatureFile).trim() : null,
        },
        installationKey: this.keys.fingerprint(),
      }),
    ];
    // The addenda, apart from the seal and after its checks, so the summary says whether it holds.
    const addenda = checkAddenda(this.addendaOf(hearingId), {
      hearingId,
      manifestSha256: seal.manifest_sha256,
      keyFingerprint: manifest.key.fingerprint,
      key: publicKeyOf(await source.readFile(sealFiles.publicKey)),
      auditLines: this.audit.entries(),
      sealIntact: checks.every((c) => c.ok),
    });
    if (addenda) checks.push(...addenda.checks);
    return {
      ...report,
      verdict: checks.every((c) => c.ok) ? 'valid' : 'invalid',
      checks,
      ...(addenda ? { addenda: addenda.summary } : {}),
    };
  }

  /** The hearing's signed addenda after the seal, as the verifier reads them. */
  addendaOf(hearingId: string): AddendumFound[] {
    return this.options.addenda?.(hearingId) ?? [];
  }

  /**
   * The audit log as an export carries it: every entry from the first, so the chain can be
   * checked; this hearing's entries in full, other hearings' reduced to their links, so that an
   * export never discloses another child's hearing.
   */
  auditLines(hearingId: string, upToSeq = Number.MAX_SAFE_INTEGER): AuditLine[] {
    return this.audit
      .entries()
      .filter((e) => e.seq <= upToSeq)
      .map((e): AuditLine =>
        e.hearingId === hearingId
          ? e
          : { seq: e.seq, prevHash: e.prevHash, hash: e.hash, redacted: true },
      );
  }

  auditFile(hearingId: string, upToSeq?: number): Uint8Array {
    const text = this.auditLines(hearingId, upToSeq)
      .map((line) => `${canonicalJson(line)}\n`)
      .join('');
    return new TextEncoder().encode(text);
  }

  private async checkRecordings(
    hearingId: string,
    rows: RecordingRow[],
    problems: string[],
  ): Promise<SealedRecording[]> {
    const derivations = this.derivations(hearingId);
    const sealed: SealedRecording[] = [];
    for (const row of rows) {
      const master = row.master_file;
      const size = this.store.size(hearingId, master);
      if (size === null) {
        problems.push(`the master ${master} is missing`);
        continue;
      }
      if (size !== row.size_bytes) {
        problems.push(
          `the master ${master} has ${size} bytes where ${row.size_bytes} were recorded`,
        );
        continue;
      }
      const { sha256 } = await hashStored(this.store, hearingId, master, { reuse: true });
      if (sha256 !== row.sha256) {
        problems.push(
          `the master ${master} has SHA-256 ${sha256} where ${String(row.sha256)} was recorded`,
        );
        continue;
      }
      let working: SealedRecording['working'] = null;
      if (row.working_file) {
        const d = derivations.get(row.id);
        const workingSize = this.store.size(hearingId, row.working_file);
        const workingSha =
          workingSize === null
            ? null
            : (await hashStored(this.store, hearingId, row.working_file, { reuse: true })).sha256;
        if (!d || d.output.name !== row.working_file) {
          problems.push(
            `there is no record of how the working copy ${row.working_file} was derived`,
          );
        } else if (d.input.sha256 !== sha256) {
          problems.push(
            `the working copy ${row.working_file} was derived from another file than the master ${master}`,
          );
        } else if (workingSha !== d.output.sha256 || workingSize !== d.output.sizeBytes) {
          problems.push(
            `the working copy ${row.working_file} no longer matches the copy that was derived (SHA-256 ${d.output.sha256})`,
          );
        } else {
          working = {
            name: row.working_file,
            sha256: workingSha,
            sizeBytes: workingSize,
            derivation: { tool: d.tool, toolVersion: d.toolVersion, inputSha256: d.input.sha256 },
          };
        }
      }
      sealed.push({
        id: row.id,
        segment: row.segment,
        status: row.status,
        stopReason: row.stop_reason ?? null,
        mimeType: row.mime_type,
        startedAt: row.started_at,
        stoppedAt: row.stopped_at,
        durationMs: row.duration_ms,
        master: { name: master, sha256, sizeBytes: size, chunkCount: row.chunk_count },
        working,
      });
    }
    return sealed;
  }

  private async documents(hearingId: string): Promise<Array<SealedFile & { kind: string }>> {
    const found: Array<SealedFile & { kind: string }> = [];
    for (const { kind, name } of documentKinds) {
      const sizeBytes = this.store.size(hearingId, name);
      if (sizeBytes === null) continue;
      found.push({
        kind,
        name,
        sha256: (await hashStored(this.store, hearingId, name, { reuse: true })).sha256,
        sizeBytes,
      });
    }
    return found;
  }

  /** The last derivation recorded for each recording: the audit log is where it is kept. */
  private derivations(hearingId: string): Map<string, Derivation> {
    const map = new Map<string, Derivation>();
    for (const e of this.audit.entries(hearingId) as AuditEntry[]) {
      if (e.action !== 'recording.working_copy_derived') continue;
      const { recordingId, ...derivation } = e.details as Derivation & { recordingId: string };
      map.set(recordingId, derivation);
    }
    return map;
  }

  private recordingRows(hearingId: string): RecordingRow[] {
    return this.db
      .prepare('SELECT * FROM recordings WHERE hearing_id = ? ORDER BY segment')
      .all(hearingId) as RecordingRow[];
  }

  private requireHearing(hearingId: string): void {
    if (!this.db.prepare('SELECT 1 FROM hearings WHERE id = ?').get(hearingId)) {
      throw new ApiError(
        'not_found',
        `There is no hearing with the identifier ${hearingId}. Reload the list of hearings.`,
      );
    }
  }

  private refuseIfSealed(hearingId: string): void {
    const seal = this.sealOf(hearingId);
    if (seal)
      throw new ApiError(
        'conflict',
        `This hearing was sealed at ${seal.sealed_at}; a sealed hearing cannot be sealed again.`,
      );
  }
}

function publicKeyOf(pem: Uint8Array | null): KeyObject | null {
  if (!pem) return null;
  try {
    const key = createPublicKey(Buffer.from(pem));
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

/** The hearing's row, every column, named as in the API (case_reference -> caseReference). */
export function hearingRow(db: Db, hearingId: string): Record<string, unknown> {
  const row = db.prepare('SELECT * FROM hearings WHERE id = ?').get(hearingId) as
    Record<string, unknown> | undefined;
  if (!row)
    throw new ApiError('not_found', `There is no hearing with the identifier ${hearingId}.`);
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
      v,
    ]),
  );
}
