import type { CallerContext } from '../../shared/api/caller';
import type { MediaStore } from './storage/media-store';
import type { MediaVariant } from './recordings';

/**
 * Serves one media request for the caller a transport resolved from its session (null: nobody
 * signed in, refused like a file that does not exist).
 */
export type MediaHandler = (request: Request, ctx: CallerContext | null) => Promise<Response>;

export interface Located {
  hearingId: string;
  name: string;
  mimeType: string;
  /** What the audit entry names: the recording and its variant, or the document. */
  target: Record<string, string>;
  action: 'recording.played' | 'writtenRecord.opened';
}

/** Who may read a hearing's media, and the record of each reading. */
export interface MediaGuard {
  mayRead(ctx: CallerContext, hearingId: string): boolean;
  read(ctx: CallerContext, located: Located, range: ByteRange | null): void;
}

export interface MediaLocator {
  locate(recordingId: string, variant: MediaVariant): Located | null;
  /** Documents of a hearing served as files, such as its written record. */
  locateDocument(hearingId: string, name: string): Located | null;
}

const recordingRoute = /^\/media\/recordings\/([0-9a-f-]{36})\/(master|working)$/;
const documentRoute = /^\/media\/hearings\/([0-9a-f-]{36})\/(written-record\.pdf)$/;

function route(locator: MediaLocator, pathname: string): Located | null {
  const r = recordingRoute.exec(pathname);
  if (r) return locator.locate(r[1] as string, r[2] as MediaVariant);
  const d = documentRoute.exec(pathname);
  if (d) return locator.locateDocument(d[1] as string, d[2] as string);
  return null;
}

export type ByteRange = { start: number; end: number };

/**
 * Parses a single-range `Range` header against a file of `size` bytes (RFC 9110 §14.1.2).
 * Returns null when the header is absent or not understood (serve the whole file), 'unsatisfiable'
 * when no byte of the range exists.
 */
export function parseRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return null;
  const [, first, last] = m;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/**
 * One Fetch-style handler for recordings, mounted by Electron's `protocol.handle` and by the web
 * host alike. It answers Range requests (206, Content-Range, 416) so players can seek.
 */
export function createMediaHandler(locator: MediaLocator, store: MediaStore, guard: MediaGuard): MediaHandler {
  return async (request, ctx) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Only GET and HEAD are allowed.', { status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    const located = route(locator, new URL(request.url).pathname);
    // Signed out, locked, or outside the hearing's team: the same answer as for no such file.
    const allowed = located !== null && ctx !== null && !ctx.session?.locked && guard.mayRead(ctx, located.hearingId);
    const size = located && allowed ? store.size(located.hearingId, located.name) : null;
    if (!located || !ctx || size === null) return new Response('No such recording.', { status: 404 });

    const headers = new Headers({
      'Accept-Ranges': 'bytes',
      'Content-Type': located.mimeType,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    const range = parseRange(request.headers.get('Range'), size);
    if (range === 'unsatisfiable') {
      headers.set('Content-Range', `bytes */${size}`);
      return new Response(null, { status: 416, headers });
    }
    const span = range ?? (size > 0 ? { start: 0, end: size - 1 } : null);
    const length = span ? span.end - span.start + 1 : 0;
    headers.set('Content-Length', String(length));
    if (range) headers.set('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
    const status = range ? 206 : 200;
    if (request.method === 'HEAD' || !span) return new Response(null, { status, headers });
    guard.read(ctx, located, span);
    return new Response(store.read(located.hearingId, located.name, span), { status, headers });
  };
}
