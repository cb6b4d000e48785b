import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

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
}

const root = join(import.meta.dirname, '../..');

/** Starts the real web host (main/host/cli.ts) as a child process on a fresh port. */
export function startHostProcess(dataDir: string): Promise<HostProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/host/cli.ts', '--data-dir', dataDir], {
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

/** Calls the web host's API as a script would (docs/api.md). */
export async function callHost<T>(host: Pick<HostProcess, 'url' | 'token'>, name: string, input: unknown): Promise<T> {
  const res = await fetch(`${host.url}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Hearing-Room-Token': host.token },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!body.ok) throw new Error(`${name} failed: ${body.error.code}: ${body.error.message}`);
  return body.value;
}
