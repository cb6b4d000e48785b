import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { CallerContext } from '../../shared/api/caller';
import type { AuditLog } from './audit-log';
import type { HearingExporter } from './export';
import { makePrivateDir } from './storage/private-files';

/** How long a prepared download waits for its one request. */
export const downloadLifetimeMs = 10 * 60_000;

const route = /^\/media\/exports\/([0-9a-f]{64})$/;

interface Prepared {
  hearingId: string;
  userId: string;
  zip: string;
  name: string;
  sizeBytes: number;
  protectedWithPassphrase: boolean;
  expiresAt: number;
}

export interface PreparedDownload {
  /** Path on the app's origin that serves the zip once, to the person who asked, as an attachment. */
  url: string;
  name: string;
  sizeBytes: number;
  expiresAt: string;
}

/**
 * The export of a sealed hearing as a download, for a browser (the web host), where main cannot
 * ask for a folder: main builds the same verified export (HearingExporter) in a private folder
 * of its own, and hands the page an address that is random, works once, only for the person who
 * asked, and for ten minutes. The zip leaves main as an attachment and is then removed; what
 * remains is the audit (`hearing.exported`, then `hearing.export_downloaded`).
 */
export class ExportDownloads {
  private readonly prepared = new Map<string, Prepared>();
  private readonly root: string;

  constructor(
    dataDir: string,
    private readonly exporter: HearingExporter,
    private readonly audit: AuditLog,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.root = join(dataDir, 'downloads');
  }

  /** Removes what a previous run left (a download never fetched before the app stopped). */
  async clearLeftovers(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }

  async prepare(hearingId: string, ctx: CallerContext, passphrase: string | undefined): Promise<PreparedDownload> {
    await this.sweep();
    makePrivateDir(this.root);
    const work = await mkdtemp(join(this.root, 'export-'));
    try {
      const result = await this.exporter.exportHearing(hearingId, work, ctx, { passphrase });
      // The plain folder beside the zip is not sent: the zip holds the same files.
      if (result.folder) await rm(result.folder, { recursive: true, force: true });
      const token = randomBytes(32).toString('hex');
      const expiresAt = this.clock().getTime() + downloadLifetimeMs;
      const name = basename(result.zip);
      this.prepared.set(token, {
        hearingId,
        userId: ctx.userId,
        zip: result.zip,
        name,
        sizeBytes: result.zipSizeBytes,
        protectedWithPassphrase: Boolean(passphrase),
        expiresAt,
      });
      return { url: `/media/exports/${token}`, name, sizeBytes: result.zipSizeBytes, expiresAt: new Date(expiresAt).toISOString() };
    } catch (err) {
      await rm(work, { recursive: true, force: true });
      throw err;
    }
  }

  /** Whether a media request is for a prepared download (served by `serve`, not the media handler). */
  handles(pathname: string): boolean {
    return route.test(pathname);
  }

  /**
   * Serves a prepared zip as an attachment, once, to the person who prepared it (signed in, not
   * locked, still allowed to read the hearing); anyone else gets the 404 of an address that does
   * not exist.
   */
  async serve(request: Request, ctx: CallerContext | null, mayRead: (ctx: CallerContext, hearingId: string) => boolean): Promise<Response> {
    const token = route.exec(new URL(request.url).pathname)?.[1];
    const entry = token ? this.prepared.get(token) : undefined;
    const notFound = () => new Response('No such download. Export the hearing again.', { status: 404 });
    if (request.method !== 'GET') return new Response('Only GET is allowed.', { status: 405, headers: { Allow: 'GET' } });
    if (!token || !entry || !ctx || ctx.session?.locked || ctx.userId !== entry.userId || !mayRead(ctx, entry.hearingId)) {
      return notFound();
    }
    if (entry.expiresAt <= this.clock().getTime()) {
      await this.discard(token);
      return notFound();
    }
    let size: number;
    try {
      size = (await stat(entry.zip)).size;
    } catch {
      this.prepared.delete(token);
      return notFound();
    }
    // Once: the address is spent as soon as the download starts.
    this.prepared.delete(token);
    this.audit.append(ctx, 'hearing.export_downloaded', entry.hearingId, {
      zip: entry.name,
      zipSizeBytes: size,
      protectedWithPassphrase: entry.protectedWithPassphrase,
    });
    const stream = createReadStream(entry.zip);
    const cleanUp = () => void rm(dirname(entry.zip), { recursive: true, force: true });
    stream.on('close', cleanUp);
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      status: 200,
      headers: {
        'Content-Type': 'application/zip',
        'Content-Length': String(size),
        'Content-Disposition': `attachment; filename="${entry.name.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  }

  /** Removes every prepared download now (the app stops). */
  async close(): Promise<void> {
    for (const token of [...this.prepared.keys()]) await this.discard(token);
  }

  private async sweep(): Promise<void> {
    const now = this.clock().getTime();
    for (const [token, entry] of [...this.prepared]) if (entry.expiresAt <= now) await this.discard(token);
  }

  private async discard(token: string): Promise<void> {
    const entry = this.prepared.get(token);
    this.prepared.delete(token);
    if (entry) await rm(dirname(entry.zip), { recursive: true, force: true });
  }
}
