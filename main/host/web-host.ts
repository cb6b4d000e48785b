import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
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
  /** The largest body one request may send (a media chunk travels as one request). */
  maxBodyBytes?: number;
  /**
   * The bytes all requests together may hold in memory while their bodies arrive and their calls
   * run: past it a request is refused with 503, so parallel uploads cannot exhaust the host.
   */
  bodyBudgetBytes?: number;
}

export interface WebHost {
  url: string;
  /** The address to open in a browser: it carries the token once. */
  openUrl: string;
  token: string;
  server: Server;
  /** Bytes of request bodies held in memory now, against the budget. */
  bodyBytesInFlight(): number;
  close(): Promise<void>;
}

const tokenHeader = 'x-hearing-room-token';
/** A script's session, from session.signIn; a page's travels in an HttpOnly cookie instead. */
const sessionHeader = 'x-hearing-room-session';

const statusFor: Record<ErrorCode, number> = {
  unknown_call: 404,
  invalid_input: 400,
  forbidden: 403,
  signed_out: 401,
  locked: 423,
  too_many_attempts: 429,
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
 * IPC, over HTTP on 127.0.0.1 only. Every request must carry a secret. The API takes only the
 * token, only in a header (which a foreign page cannot send without a CORS preflight that is
 * never granted). Pages get a cookie when the token is first presented; the cookie holds a
 * separate page secret, because browsers do not scope cookies by port: any other program on
 * 127.0.0.1 the browser visits receives it, so it must never open the API. Media takes either
 * (a media element can send neither a header nor, in a script, a cookie it cannot read).
 *
 * Who is signed in is a third secret, per person: a page gets its session in an HttpOnly,
 * SameSite=Strict cookie of its own (never in the body, out of the page's scripts' reach), a
 * script gets it in the answer of session.signIn and sends it in `X-Hearing-Room-Session`.
 * Main resolves it to the caller of every call and media request.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const pageSecret = randomBytes(32).toString('hex');
  const maxBody = options.maxBodyBytes ?? 80 * 1024 * 1024;
  const budget = new BodyBudget(options.bodyBudgetBytes ?? 256 * 1024 * 1024);
  let port = 0;
  // Named after the port, so that two hosts on this machine do not overwrite each other's cookie.
  let pageCookie = '';
  let sessionCookie = '';

  const isToken = (candidate: string | null | undefined) => sameSecret(candidate, token);
  const hasPageCookie = (req: IncomingMessage) => sameSecret(cookie(req, pageCookie), pageSecret);
  const sessionOf = (req: IncomingMessage) => header(req, sessionHeader) ?? cookie(req, sessionCookie) ?? null;

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
    const url = requestUrl(req.url, port);
    if (!url) return send(res, 400, 'text/plain; charset=utf-8', 'The request must name a path on this host.');
    const pathname = decodePath(url.pathname);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Use POST.');
      if (!isToken(header(req, tokenHeader))) return sendResult(res, forbidden());
      if (pathname === null) {
        return refuseBody(req, res, 400, { ok: false, error: { code: 'invalid_input', message: malformedAddress(url.pathname) } });
      }
      return api(req, res, pathname.slice('/api/'.length));
    }

    if (url.pathname.startsWith('/media/')) {
      if (!isToken(url.searchParams.get('token')) && !hasPageCookie(req)) {
        return send(res, 403, 'text/plain', 'Forbidden.');
      }
      return media(req, res, url);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed.');
    if (isToken(url.searchParams.get('token'))) {
      res.setHeader('Set-Cookie', `${pageCookie}=${pageSecret}; HttpOnly; SameSite=Strict; Path=/`);
    } else if (!hasPageCookie(req)) {
      return send(
        res,
        403,
        'text/plain; charset=utf-8',
        'Hearing Room: open the address printed when the host started (it carries the access token).',
      );
    }
    if (pathname === null) return send(res, 400, 'text/plain; charset=utf-8', malformedAddress(url.pathname));
    return staticFile(res, pathname);
  }

  async function api(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    const declared = Number(header(req, 'content-length') ?? 0);
    if (declared > maxBody) return refuseBody(req, res, 413, tooLarge(maxBody));
    const reading = new BodyReader(maxBody, budget);
    try {
      const body = await reading.read(req);
      if (body === 'too_large') return refuseBody(req, res, 413, tooLarge(maxBody));
      if (body === 'over_budget') return refuseBody(req, res, 503, hostBusy());
      if (body === 'aborted') return;
      let input: unknown;
      try {
        input = decodeInput(header(req, 'content-type') ?? 'application/json', body);
      } catch (err) {
        if (!(err instanceof WireError)) throw err;
        return sendResult(res, { ok: false, error: { code: 'invalid_input', message: err.message } });
      }
      const { result, sessionToken } = await options.services.call(sessionOf(req), 'http', name, input);
      if (sessionToken === undefined || !hasPageCookie(req)) return sendResult(res, result);
      // A page: the session goes into its cookie and out of the answer its scripts can read.
      res.setHeader(
        'Set-Cookie',
        sessionToken === null
          ? `${sessionCookie}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`
          : `${sessionCookie}=${sessionToken}; HttpOnly; SameSite=Strict; Path=/`,
      );
      sendResult(res, result.ok && sessionToken !== null ? { ok: true, value: { ...(result.value as object), sessionToken: null } } : result);
    } finally {
      // The body stays in memory until its call has run (a chunk is written to disk by then).
      reading.release();
    }
  }

  async function media(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const headers = new Headers();
    if (req.headers.range) headers.set('Range', req.headers.range);
    const caller = options.services.caller(sessionOf(req), 'http');
    const response = await options.services.media(new Request(url, { method: req.method ?? 'GET', headers }), caller);
    res.statusCode = response.status;
    response.headers.forEach((value, key) => res.setHeader(key, value));
    if (!response.body) return void res.end();
    const body = Readable.fromWeb(response.body as WebReadableStream);
    res.on('close', () => body.destroy());
    body.pipe(res);
  }

  async function staticFile(res: ServerResponse, pathname: string): Promise<void> {
    const relative = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^[/\\]+/, '');
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
  pageCookie = `hearing_room_page_${port}`;
  sessionCookie = `hearing_room_session_${port}`;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openUrl: `${url}/?token=${token}`,
    token,
    server,
    bodyBytesInFlight: () => budget.inUse,
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

function tooLarge(maxBody: number): ApiResult<never> {
  return {
    ok: false,
    error: {
      code: 'invalid_input',
      message: `The request body is larger than ${maxBody} bytes, the most one call may send. Send smaller chunks.`,
    },
  };
}

function hostBusy(): ApiResult<never> {
  return {
    ok: false,
    error: {
      code: 'internal',
      message:
        'The host is busy receiving other large requests and has no memory left for this one; nothing was done. Try again in a moment.',
      details: { reason: 'busy' },
    },
  };
}

function malformedAddress(pathname: string): string {
  return `The address ${pathname} has a malformed percent-encoding (a "%" must be followed by two hexadecimal digits forming UTF-8). Correct the address.`;
}

/**
 * The request's address on this host. Parsed as a path appended to the host's own origin, never
 * resolved against it: `//other.example/x` stays a path here instead of naming another host.
 */
function requestUrl(target: string | undefined, port: number): URL | null {
  if (!target?.startsWith('/')) return null;
  try {
    return new URL(`http://127.0.0.1:${port}${target}`);
  } catch {
    return null;
  }
}

/** The path with its percent-encoding undone, or null when that encoding is malformed. */
function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

function sameSecret(candidate: string | null | undefined, secret: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
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

function sendResult(res: ServerResponse, result: ApiResult<unknown>, status?: number): void {
  send(res, status ?? (result.ok ? 200 : statusFor[result.error.code]), 'application/json', JSON.stringify(result));
}

/**
 * Answers a request whose body will not be read. The rest of the body is discarded as it arrives,
 * never kept: closing the connection instead could reset it before the client, still sending,
 * has read the answer.
 */
function refuseBody(req: IncomingMessage, res: ServerResponse, status: number, refusal: ApiResult<never>): void {
  req.resume();
  sendResult(res, refusal, status);
}

/** The bytes of request bodies held in memory by all requests together. */
class BodyBudget {
  private used = 0;

  constructor(private readonly max: number) {}

  get inUse(): number {
    return this.used;
  }

  take(bytes: number): boolean {
    if (this.used + bytes > this.max) return false;
    this.used += bytes;
    return true;
  }

  give(bytes: number): void {
    this.used -= bytes;
  }
}

/** Reads one request body against its own limit and the shared budget. */
class BodyReader {
  private held = 0;

  constructor(
    private readonly limit: number,
    private readonly budget: BodyBudget,
  ) {}

  /** The body, or why it was not read; a body that is not read is dropped at once. */
  read(req: IncomingMessage): Promise<Uint8Array | 'too_large' | 'over_budget' | 'aborted'> {
    return new Promise((resolve, reject) => {
      let parts: Buffer[] = [];
      const stop = (why: 'too_large' | 'over_budget' | 'aborted') => {
        req.off('data', onData);
        req.off('end', onEnd);
        // The close and error listeners outlive this read: they must not keep the parts alive.
        parts = [];
        resolve(why);
      };
      const onData = (part: Buffer) => {
        if (this.held + part.byteLength > this.limit) return stop('too_large');
        if (!this.budget.take(part.byteLength)) return stop('over_budget');
        this.held += part.byteLength;
        parts.push(part);
      };
      const onEnd = () => resolve(Buffer.concat(parts));
      req.on('data', onData);
      req.on('end', onEnd);
      // A client that goes away mid-body must not keep its bytes counted against the budget.
      req.on('close', () => {
        if (!req.complete) stop('aborted');
      });
      req.on('error', (err) => {
        if (req.complete) reject(err);
        else stop('aborted');
      });
    });
  }

  release(): void {
    this.budget.give(this.held);
    this.held = 0;
  }
}
