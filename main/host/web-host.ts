import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { localOperator } from '../../shared/api/caller';
import type { ApiResult, ErrorCode } from '../../shared/api/errors';
import { decodeInput, WireError } from '../../shared/api/wire';
import type { AppServices } from '../services/app';
import { securityHeaders } from '../../shared/security/csp';

export interface WebHostOptions {
  services: AppServices;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  port?: number;
  /** Fixed token for scripted use; a random one otherwise. */
  token?: string;
  maxBodyBytes?: number;
}

export interface WebHost {
  url: string;
  /** The address to open in a browser: it carries the token once. */
  openUrl: string;
  token: string;
  server: Server;
  close(): Promise<void>;
}

const tokenHeader = 'x-hearing-room-token';
const tokenCookie = 'hearing_room_token';

const statusFor: Record<ErrorCode, number> = {
  unknown_call: 404,
  invalid_input: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  readiness_unmet: 409,
  storage_full: 507,
  internal: 500,
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/**
 * The development and test transport: the built renderer and the same dispatcher as Electron's
 * IPC, over HTTP on 127.0.0.1 only. Every request must carry the random token: the API in a
 * header (which a foreign page cannot send without a CORS preflight that is never granted),
 * media in the query string, and pages through a cookie set when the token is first presented.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const maxBody = options.maxBodyBytes ?? 80 * 1024 * 1024;
  let port = 0;

  const isToken = (candidate: string | null | undefined) => {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('web host request failed', err);
      if (!res.headersSent) send(res, 500, 'text/plain', 'Internal error.');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(securityHeaders)) res.setHeader(k, v);
    // Refuse other host names: a DNS-rebinding page cannot reach the API through its own name.
    if (req.headers.host !== `127.0.0.1:${port}`) return send(res, 421, 'text/plain', 'Wrong host.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Use POST.');
      if (!isToken(header(req, tokenHeader))) return sendResult(res, forbidden());
      return api(req, res, decodeURIComponent(url.pathname.slice('/api/'.length)));
    }

    if (url.pathname.startsWith('/media/')) {
      if (!isToken(url.searchParams.get('token')) && !isToken(cookie(req, tokenCookie))) {
        return send(res, 403, 'text/plain', 'Forbidden.');
      }
      return media(req, res, url);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed.');
    const presented = url.searchParams.get('token');
    if (isToken(presented)) {
      res.setHeader('Set-Cookie', `${tokenCookie}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    } else if (!isToken(cookie(req, tokenCookie))) {
      return send(
        res,
        403,
        'text/plain; charset=utf-8',
        'Hearing Room: open the address printed when the host started (it carries the access token).',
      );
    }
    return staticFile(res, url.pathname);
  }

  async function api(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    let body: Uint8Array;
    try {
      body = await readBody(req, maxBody);
    } catch {
      return sendResult(res, {
        ok: false,
        error: { code: 'invalid_input', message: `The request body is larger than ${maxBody} bytes.` },
      });
    }
    let input: unknown;
    try {
      input = decodeInput(header(req, 'content-type') ?? 'application/json', body);
    } catch (err) {
      if (!(err instanceof WireError)) throw err;
      return sendResult(res, { ok: false, error: { code: 'invalid_input', message: err.message } });
    }
    sendResult(res, await options.services.dispatcher.dispatch(localOperator('http'), name, input));
  }

  async function media(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const headers = new Headers();
    if (req.headers.range) headers.set('Range', req.headers.range);
    const response = await options.services.media(new Request(url, { method: req.method ?? 'GET', headers }));
    res.statusCode = response.status;
    response.headers.forEach((value, key) => res.setHeader(key, value));
    if (!response.body) return void res.end();
    const body = Readable.fromWeb(response.body as WebReadableStream);
    res.on('close', () => body.destroy());
    body.pipe(res);
  }

  async function staticFile(res: ServerResponse, pathname: string): Promise<void> {
    const relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)).replace(/^[/\\]+/, '');
    const file = join(options.rendererDir, relative);
    if (!file.startsWith(options.rendererDir + sep)) return send(res, 404, 'text/plain', 'Not found.');
    try {
      const data = await readFile(file);
      res.setHeader('Cache-Control', 'no-store');
      send(res, 200, contentTypes[extname(file)] ?? 'application/octet-stream', data);
    } catch {
      send(res, 404, 'text/plain', 'Not found.');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openUrl: `${url}/?token=${token}`,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function forbidden(): ApiResult<never> {
  return {
    ok: false,
    error: { code: 'forbidden', message: 'The access token is missing or wrong. Open the address the host printed.' },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) return rest.join('=');
  }
  return undefined;
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.end(body);
}

function sendResult(res: ServerResponse, result: ApiResult<unknown>): void {
  send(res, result.ok ? 200 : statusFor[result.error.code], 'application/json', JSON.stringify(result));
}

function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let total = 0;
    req.on('data', (part: Buffer) => {
      total += part.byteLength;
      if (total > limit) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      parts.push(part);
    });
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}
