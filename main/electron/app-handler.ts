import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isAppOrigin } from './policy';
import { securityHeaders } from '../../shared/security/csp';

/**
 * What `app://hearing-room/...` answers: the built renderer, and recordings through the media
 * handler. Plain Node (no `electron` import), so that tests can call it with a `Request`;
 * protocol.ts registers it with Electron.
 */

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
};

export const mediaPathPrefix = '/media/';

/**
 * The file under `root` that `url` names, or null when the URL is not the app's or tries to leave
 * `root`. Segments are decoded one by one so that an encoded `..`, `/` or `\` cannot step out.
 */
export function resolveAppFile(root: string, url: string): string | null {
  if (!isAppOrigin(url)) return null;
  const { pathname } = new URL(url);
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  const relative = path.relative(base, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

export function withSecurityHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(securityHeaders)) headers.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

function plain(status: number, message: string, extra: Record<string, string> = {}): Response {
  return withSecurityHeaders(
    new Response(message, {
      status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', ...extra },
    }),
  );
}

export interface AppHandlerOptions {
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** The media handler, bound to the caller of the window's session. */
  media: (request: Request) => Promise<Response>;
  log?: { error(message: string, err: unknown): void };
}

export function createAppHandler(
  options: AppHandlerOptions,
): (request: Request) => Promise<Response> {
  const log = options.log ?? console;
  return async (request) => {
    if (!isAppOrigin(request.url)) return plain(403, 'This address is not part of Hearing Room.');
    const { pathname } = new URL(request.url);

    if (pathname.startsWith(mediaPathPrefix)) {
      try {
        return withSecurityHeaders(await options.media(request));
      } catch (err) {
        log.error(`media request ${pathname} failed`, err);
        return plain(500, 'The recording could not be read.');
      }
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, 'Only GET and HEAD are served here.', { Allow: 'GET, HEAD' });
    }
    const file = resolveAppFile(options.rendererDir, request.url);
    if (!file) return plain(400, 'This path is not allowed.');

    let body: Buffer;
    try {
      body = await readFile(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR')
        return plain(404, 'Not found.');
      log.error(`reading ${file} failed`, err);
      return plain(500, 'This part of Hearing Room could not be read.');
    }
    const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return withSecurityHeaders(
      new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: {
          'Content-Type': type,
          'Content-Length': String(body.byteLength),
          'Cache-Control': 'no-cache',
        },
      }),
    );
  };
}
