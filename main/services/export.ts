import { createWriteStream } from 'node:fs';
import {
  link,
  mkdir,
  mkdtemp,
  open,
  readFile,
  rename,
  rm,
  stat,
  statfs,
  unlink,
} from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { ApiError } from '../../shared/api/errors';
import type { CallerContext } from '../../shared/api/caller';
import type { AuditLog } from './audit-log';
import type { SignedCheckpoint } from './audit-checkpoints';
import { checkpointFiles } from './seal/checkpoints';
import type { Db } from './db/database';
import { clerkReadme, type ReadmeFacts } from './export-readme';
import { sealFiles, type SealManifest } from './seal/format';
import { addendaFolder, addendumFileNames } from './seal/addenda';
import type { SealService } from './seal/seal-service';
import { groupHex, sha256File, sha256Hex, verifyFolder } from './seal/verify';
import type { MediaStore } from './storage/media-store';
import { privateDirMode, privateFileMode } from './storage/private-files';
import { writeZip } from './zip';

export interface ExportOptions {
  /** The standalone verifier (tools/verify/hearing-room-verify.mjs, or its place in the installed app). */
  verifierPath: string;
  clock?: () => Date;
  /** ZIP64 records even for a small export, so that tests can check readers handle them. */
  forceZip64?: boolean;
  /**
   * Signs a checkpoint of the audit log for the export (audit-checkpoints.ts): the export then
   * carries it, and its audit.jsonl ends at the entry the checkpoint vouches for.
   */
  checkpoints?: { sign(reason: 'export', hearingId: string): SignedCheckpoint };
}

export interface ExportResult {
  /**
   * The export folder: `<case reference>-<hearing id>`; null when the zip is protected with a
   * passphrase, since a plain folder beside it would undo the protection.
   */
  folder: string | null;
  /** The same folder as a zip archive, beside it. */
  zip: string;
  zipSizeBytes: number;
  files: Array<{ name: string; sizeBytes: number }>;
}

/**
 * Exports a sealed hearing for the court registry: a folder that holds everything needed to check
 * it without the application (media, seal, audit chain, the standalone verifier, a README), and a
 * zip of that folder. Both are built in a temporary folder beside the destination, checked with
 * the verifier, and only then moved into place, so a destination never holds half an export.
 * Folders and files are the owner's only. Their modes are given when they are created, never
 * changed later: the umask can only narrow them, and a removable drive's file system (FAT)
 * refuses a chmod that would fail the whole export.
 */
export class HearingExporter {
  private readonly clock: () => Date;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly store: MediaStore,
    private readonly seals: SealService,
    private readonly options: ExportOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  async exportHearing(
    hearingId: string,
    destinationDir: string,
    ctx: Pick<CallerContext, 'userId' | 'role'>,
    protection: { passphrase?: string | undefined } = {},
  ): Promise<ExportResult> {
    const passphrase = protection.passphrase;
    const seal = this.seals.sealOf(hearingId);
    if (!seal) {
      const exists = this.db.prepare('SELECT 1 FROM hearings WHERE id = ?').get(hearingId);
      if (!exists)
        throw new ApiError('not_found', `There is no hearing with the identifier ${hearingId}.`);
      throw new ApiError(
        'conflict',
        'Seal the hearing before exporting it: an export without a seal could not be verified.',
      );
    }
    const manifestBytes = await this.storeBytes(hearingId, sealFiles.manifest);
    if (!manifestBytes || sha256Hex(manifestBytes) !== seal.manifest_sha256) {
      throw new ApiError(
        'conflict',
        `The seal in the hearing's folder (${sealFiles.manifest}) is missing or differs from the seal recorded in the database. Check the hearing before exporting it.`,
      );
    }
    const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as SealManifest;
    const caseReference =
      typeof manifest.hearing.caseReference === 'string'
        ? manifest.hearing.caseReference
        : 'hearing';
    const name = `${sanitize(caseReference)}-${hearingId}`;
    const finalFolder = join(destinationDir, name);
    const finalZip = join(destinationDir, `${name}.zip`);

    await this.checkDestination(destinationDir, passphrase ? [finalZip] : [finalFolder, finalZip]);
    try {
      await stat(this.options.verifierPath);
    } catch {
      throw new Error(
        `The standalone verifier is missing at ${this.options.verifierPath}; build it with node scripts/build-verifier.mjs.`,
      );
    }

    const media: Array<{ name: string; kind: ReadmeFacts['files'][number]['kind'] }> = [];
    for (const r of manifest.recordings) {
      media.push({ name: r.master.name, kind: 'master' });
      if (r.working) media.push({ name: r.working.name, kind: 'working' });
    }
    for (const d of manifest.documents)
      media.push({
        name: d.name,
        kind: d.kind === 'written-record' ? 'written-record' : 'document',
      });
    if (
      !manifest.documents.some((d) => d.name === sealFiles.writtenRecord) &&
      this.store.size(hearingId, sealFiles.writtenRecord) !== null
    ) {
      media.push({ name: sealFiles.writtenRecord, kind: 'unsealed-written-record' });
    }
    // The addenda after the seal, each as its signed bytes and signature, checked on their own.
    const addenda = this.seals.addendaOf(hearingId).map((a) => {
      const names = addendumFileNames(a.number);
      return {
        json: `${addendaFolder}/${names.json}`,
        sig: `${addendaFolder}/${names.sig}`,
        body: a.body ?? new Uint8Array(),
        signature: new TextEncoder().encode(`${a.signature ?? ''}\n`),
      };
    });
    const addendaNames = addenda.flatMap((a) => [a.json, a.sig]);
    const addendaListed = addenda.flatMap((a): typeof media => [
      { name: a.json, kind: 'addendum' },
      { name: a.sig, kind: 'addendum-signature' },
    ]);
    const copied = [
      ...media.map((m) => m.name),
      sealFiles.manifest,
      sealFiles.signature,
      sealFiles.publicKey,
    ];
    const needed =
      copied.reduce((sum, n) => sum + (this.store.size(hearingId, n) ?? 0), 0) +
      addenda.reduce((sum, a) => sum + a.body.byteLength + a.signature.byteLength, 0);
    const free = await statfs(destinationDir);
    // The folder and the zip each hold every byte once.
    if (free.bavail * free.bsize < 2 * needed + 64 * 1024 * 1024) {
      throw new ApiError(
        'storage_full',
        `The destination needs about ${Math.ceil((2 * needed) / 1e6)} MB free for the folder and its zip; it has ${Math.floor((free.bavail * free.bsize) / 1e6)} MB. Choose another destination or free space.`,
      );
    }

    const work = await mkdtemp(join(destinationDir, '.hearing-room-export-'));
    let zipPlaced = false;
    try {
      const folder = join(work, name);
      await mkdir(folder, { mode: privateDirMode });
      for (const file of copied) await this.copyOut(hearingId, file, join(folder, file));
      await writeDurably(
        join(folder, sealFiles.fingerprint),
        fingerprintText(manifest.key.fingerprint),
      );
      const checkpoint = this.options.checkpoints?.sign('export', hearingId) ?? null;
      await writeDurably(
        join(folder, sealFiles.audit),
        this.seals.auditFile(hearingId, checkpoint?.body.entries),
      );
      if (addenda.length > 0) {
        await mkdir(join(folder, addendaFolder), { mode: privateDirMode });
        for (const a of addenda) {
          await writeDurably(join(folder, a.json), a.body);
          await writeDurably(join(folder, a.sig), a.signature);
        }
      }
      if (checkpoint) {
        await writeDurably(join(folder, checkpointFiles.checkpoint), checkpoint.bytes);
        await writeDurably(join(folder, checkpointFiles.signature), `${checkpoint.signature}\n`);
      }
      // Written, not copied: a copy would take the installed verifier's mode, readable by all.
      await writeDurably(join(folder, sealFiles.verifier), await readFile(this.options.verifierPath));
      const verifierSha256 = (await sha256File(join(folder, sealFiles.verifier))).sha256;
      await writeDurably(
        join(folder, sealFiles.readme),
        clerkReadme({
          caseReference,
          hearingId,
          sealedAt: manifest.sealedAt,
          keyFingerprint: manifest.key.fingerprint,
          verifierSha256,
          files: [...media, ...addendaListed],
          checkpoint: checkpoint !== null,
        }),
      );

      const report = await verifyFolder(folder);
      if (report.verdict !== 'valid') {
        const failed = report.checks.filter((c) => !c.ok).map((c) => `${c.what}: ${c.detail}`);
        throw new ApiError(
          'conflict',
          `The export does not verify, so it was not written: ${failed.join(' ')}`,
          { details: { failed } },
        );
      }

      const names = [
        ...copied,
        sealFiles.fingerprint,
        sealFiles.audit,
        ...(checkpoint ? [checkpointFiles.checkpoint, checkpointFiles.signature] : []),
        sealFiles.verifier,
        sealFiles.readme,
        ...addendaNames,
      ];
      const files = await Promise.all(
        names.map(async (n) => ({ name: n, sizeBytes: (await stat(join(folder, n))).size })),
      );
      const tempZip = join(work, `${name}.zip`);
      const { sizeBytes } = await writeZip(
        tempZip,
        names.map((n) => ({ name: `${name}/${n}`, path: join(folder, n) })),
        {
          directories: addenda.length > 0 ? [name, `${name}/${addendaFolder}`] : [name],
          date: this.clock(),
          ...(this.options.forceZip64 ? { forceZip64: true } : {}),
          ...(passphrase ? { passphrase } : {}),
        },
      );
      // link() refuses to replace a file, where rename() would silently do it.
      await link(tempZip, finalZip);
      zipPlaced = true;
      if (!passphrase) await rename(folder, finalFolder);
      await syncDir(destinationDir);
      this.audit.append(ctx, 'hearing.exported', hearingId, {
        destination: destinationDir,
        folder: passphrase ? null : name,
        zip: basename(finalZip),
        zipSizeBytes: sizeBytes,
        // Never the passphrase: only that there was one.
        protectedWithPassphrase: Boolean(passphrase),
        manifestSha256: seal.manifest_sha256,
        files,
        ...(checkpoint ? { checkpoint: { entries: checkpoint.body.entries, head: checkpoint.body.head } } : {}),
      });
      return { folder: passphrase ? null : finalFolder, zip: finalZip, zipSizeBytes: sizeBytes, files };
    } catch (err) {
      if (zipPlaced) await unlink(finalZip).catch(() => undefined);
      throw err;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  private async checkDestination(dir: string, targets: string[]): Promise<void> {
    let isDir = false;
    try {
      isDir = (await stat(dir)).isDirectory();
    } catch {
      // Reported below.
    }
    if (!isDir)
      throw new ApiError(
        'not_found',
        `The destination folder ${dir} does not exist. Choose an existing folder.`,
      );
    for (const target of targets) {
      const taken = await stat(target).then(
        () => true,
        () => false,
      );
      if (taken) {
        throw new ApiError(
          'conflict',
          `${target} already exists: this hearing was exported there before. Move that export away or choose another folder.`,
        );
      }
    }
  }

  private async storeBytes(hearingId: string, name: string): Promise<Uint8Array | null> {
    const size = this.store.size(hearingId, name);
    return size === null ? null : this.store.readBytes(hearingId, name, 0, size);
  }

  private async copyOut(hearingId: string, name: string, target: string): Promise<void> {
    const source = Readable.fromWeb(
      this.store.read(hearingId, name) as NodeReadableStream<Uint8Array>,
      {
        highWaterMark: 4 * 1024 * 1024,
      },
    );
    await pipeline(
      source,
      createWriteStream(target, { flags: 'wx', mode: privateFileMode, highWaterMark: 4 * 1024 * 1024 }),
    );
    await syncFile(target);
  }
}

/** A folder name that every file system and zip tool accepts: `AN.55.F1.000123/26` -> `AN.55.F1.000123_26`. */
export function sanitize(caseReference: string): string {
  const clean = caseReference
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, 60);
  return clean || 'hearing';
}

function fingerprintText(fingerprint: string): string {
  return [
    'SHA-256 fingerprint of public-key.pem (its SPKI DER encoding), the key that signed manifest.json:',
    '',
    `    ${groupHex(fingerprint)}`,
    '',
    fingerprint,
    '',
  ].join('\r\n');
}

async function writeDurably(path: string, content: string | Uint8Array): Promise<void> {
  const file = await open(path, 'wx', privateFileMode);
  try {
    await file.writeFile(content);
    await file.sync();
  } finally {
    await file.close();
  }
}

async function syncFile(path: string): Promise<void> {
  const file = await open(path, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot fsync a directory; NTFS journals the entry itself.
  }
}
