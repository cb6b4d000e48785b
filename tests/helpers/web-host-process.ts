import { encodeInput } from '../../shared/api/wire';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ApiResult } from '../../shared/api/errors';
import { setUpPeople, testPassword } from './accounts';

export interface HostProcess {
  url: string;
  openUrl: string;
  token: string;
  dataDir: string;
  child: ChildProcess;
  /** Ends the host as a user would (SIGTERM). */
  stop(): Promise<void>;
  /** Ends the host as a crash would (SIGKILL): nothing gets a chance to clean up. */
  kill(): Promise<void>;
  recovered: unknown[];
  /** The session of the interviewer every test acts as (username `ines`); null before people exist. */
  session: string | null;
  /** From spawning the process to its "listening" line. */
  listeningAfterMs: number;
}

/** The interviewer every existing test acts as, through the API and in the page. */
export const interviewer = 'ines';

const root = join(import.meta.dirname, '../..');

/**
 * Starts the real web host (main/host/cli.ts) as a child process on a fresh port and signs in
 * as the interviewer: on the first start of its data folder, it first creates the administrator
 * and the interviewer through the API; after a restart (sessions live in memory) it signs in
 * again. `people: false` leaves a first start to the test.
 */
export async function startHostProcess(
  dataDir: string,
  options: {
    people?: boolean;
    /**
     * Start the built host (dist/host/cli.mjs), as `npm run host` does; by default, the end-to-end
     * tests do (their setup builds it) and the others run the sources.
     */
    built?: boolean;
  } = {},
): Promise<HostProcess> {
  const host = await spawnHost(dataDir, options.built ?? process.env.HEARING_ROOM_TEST_HOST === 'built');
  if (options.people === false) return host;
  const status = await invokeHost<{ setupNeeded: boolean }>(host, 'session.status', {}, null);
  if (!status.ok) throw new Error(`session.status failed: ${status.error.message}`);
  if (status.value.setupNeeded) {
    const { people } = await setUpPeople((name, input, session) => invokeHost(host, name, input, session), { [interviewer]: 'interviewer' });
    host.session = people[interviewer]!.session;
  } else {
    host.session = await signInHost(host, interviewer);
  }
  return host;
}

function spawnHost(dataDir: string, built: boolean): Promise<HostProcess> {
  const spawnedAt = performance.now();
  const entry = built ? ['--enable-source-maps', 'dist/host/cli.mjs'] : ['--import', 'tsx', 'main/host/cli.ts'];
  const child = spawn(process.execPath, [...entry, '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HEARING_ROOM_KEY_PASSPHRASE: 'correct horse battery staple' },
  });
  const recovered: unknown[] = [];
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The web host did not start in 60 s.\n${stderr}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`The web host exited with ${code}.\n${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let event: { event?: string; url?: string; openUrl?: string };
      try {
        event = JSON.parse(line) as typeof event;
      } catch {
        return;
      }
      if (event.event === 'recovered') recovered.push(event);
      if (event.event === 'listening' && event.url && event.openUrl) {
        clearTimeout(timer);
        resolve({
          url: event.url,
          openUrl: event.openUrl,
          token: new URL(event.openUrl).searchParams.get('token') ?? '',
          dataDir,
          child,
          recovered,
          session: null,
          listeningAfterMs: performance.now() - spawnedAt,
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
          },
          kill: async () => {
            if (child.exitCode === null) child.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
  });
}

/** Calls the web host's API as a script would (docs/api.md), with a session or none. */
export async function invokeHost<T>(host: Pick<HostProcess, 'url' | 'token'>, name: string, input: unknown, session: string | null): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Hearing-Room-Token': host.token };
  if (session) headers['X-Hearing-Room-Session'] = session;
  const res = await fetch(`${host.url}/api/${name}`, { method: 'POST', headers, body: JSON.stringify(input) });
  return (await res.json()) as ApiResult<T>;
}

/** Calls the web host's API as a script would, as the interviewer unless another session is given. */
export async function callHost<T>(
  host: Pick<HostProcess, 'url' | 'token' | 'session'>,
  name: string,
  input: unknown,
  session: string | null = host.session,
): Promise<T> {
  const body = await invokeHost<T>(host, name, input, session);
  if (!body.ok) throw new Error(`${name} failed: ${body.error.code}: ${body.error.message}`);
  return body.value;
}

/** Appends one chunk as the recording page sends it, a binary frame (docs/api.md), as the interviewer. */
export async function appendChunkHost(
  host: Pick<HostProcess, 'url' | 'token' | 'session'>,
  recordingId: string,
  seq: number,
  data: Uint8Array,
): Promise<void> {
  const frame = encodeInput({ recordingId, seq, data });
  const headers: Record<string, string> = { 'Content-Type': frame.contentType, 'X-Hearing-Room-Token': host.token };
  if (host.session) headers['X-Hearing-Room-Session'] = host.session;
  const res = await fetch(`${host.url}/api/recordings.appendChunk`, {
    method: 'POST',
    headers,
    body: typeof frame.body === 'string' ? frame.body : Buffer.from(frame.body),
  });
  const body = (await res.json()) as ApiResult<unknown>;
  if (!body.ok) throw new Error(`recordings.appendChunk failed: ${body.error.code}: ${body.error.message}`);
}

/** Signs in through the API; returns the session token. */
export async function signInHost(host: Pick<HostProcess, 'url' | 'token'>, username: string): Promise<string> {
  const r = await invokeHost<{ sessionToken: string }>(host, 'session.signIn', { username, password: testPassword }, null);
  if (!r.ok) throw new Error(`signing in as ${username} failed: ${r.error.message}`);
  return r.value.sessionToken;
}

/**
 * Gives the browser a session, as signing in on the page would: the host's HttpOnly session
 * cookie, so that every spec does not have to go through the sign-in screen.
 */
export async function signInPage(page: Page, host: Pick<HostProcess, 'url'>, session: string): Promise<void> {
  const port = new URL(host.url).port;
  await page.context().addCookies([
    { name: `hearing_room_session_${port}`, value: session, url: host.url, httpOnly: true, sameSite: 'Strict' },
  ]);
}
