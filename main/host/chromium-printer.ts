import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { PdfPrinter } from '../services/written-record/printer';

/** Finds a Chromium to print with: CHROMIUM_PATH, then the usual Debian and Ubuntu names. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((c): c is string => Boolean(c && existsSync(c))) ?? null;
}

export interface ChromiumPrinterOptions {
  /** The browser is closed after this long without printing (two minutes by default). */
  idleMs?: number;
  /** A print that takes longer than this fails, and the browser is closed (one minute by default). */
  timeoutMs?: number;
}

type Pending = { resolve: (value: Record<string, unknown>) => void; reject: (err: Error) => void };

/**
 * The web host's printer: one headless Chromium, kept running between prints and driven over its
 * DevTools pipe, prints the same HTML that Electron prints with printToPDF in the app. Starting a
 * browser costs about two seconds; a print in a running one, a tenth of that. The HTML is set as
 * the page's content (never written to a file: it holds the child's name), scripts are switched
 * off and the page carries a CSP that allows none. The browser is closed when idle, when the
 * host closes, and on any failure; the next print starts another.
 */
export class ChromiumPrinter implements PdfPrinter {
  private browser: Browser | null = null;
  private idle: ReturnType<typeof setTimeout> | undefined;
  private turn: Promise<unknown> = Promise.resolve();
  private readonly idleMs: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly executable: string,
    options: ChromiumPrinterOptions = {},
  ) {
    this.idleMs = options.idleMs ?? 120_000;
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  /** The running browser's process id, or null when none runs (for diagnostics and tests). */
  get browserPid(): number | null {
    return this.browser?.pid ?? null;
  }

  /** Starts the browser ahead of a print that is likely soon (a recording stopped, a seal asked). */
  warm(): void {
    this.keepIdle();
    if (this.browser) return;
    try {
      const browser = new Browser(this.executable);
      this.browser = browser;
      browser.prepare();
      // Only this browser's end forgets it: one closed earlier may end after its successor started.
      void browser.exited.then(() => {
        if (this.browser === browser) this.browser = null;
      });
    } catch {
      // The print itself will say why the browser cannot start.
      this.browser = null;
    }
  }

  print(html: string): Promise<Uint8Array> {
    // One print at a time: they share the browser, and a seal waits for its own anyway.
    const result = this.turn.then(() => this.printNow(html));
    this.turn = result.catch(() => undefined);
    return result;
  }

  close(): void {
    clearTimeout(this.idle);
    this.browser?.close();
    this.browser = null;
  }

  private async printNow(html: string): Promise<Uint8Array> {
    this.warm();
    const browser = this.browser;
    if (!browser) throw new Error(`Chromium could not be started from ${this.executable}.`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Chromium did not print within ${Math.round(this.timeoutMs / 1000)} s.`)),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([browser.print(html), timeout]);
    } catch (err) {
      // Whatever went wrong, the next print starts from a fresh browser.
      if (this.browser === browser) this.close();
      throw new Error(`Chromium could not print: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      clearTimeout(timer);
      this.keepIdle();
    }
  }

  private keepIdle(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.close(), this.idleMs);
    this.idle.unref();
  }
}

/** A headless Chromium and its DevTools pipe (fd 3 in, fd 4 out, messages ended by a NUL). */
class Browser {
  readonly exited: Promise<void>;
  get pid(): number | null {
    return this.child.pid ?? null;
  }
  private readonly child: ChildProcess;
  private readonly profile: string;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private received: Buffer = Buffer.alloc(0);
  private failure: Error | null = null;

  constructor(executable: string) {
    this.profile = mkdtempSync(join(tmpdir(), 'hearing-room-print-'));
    this.child = spawn(
      executable,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-extensions',
        '--no-first-run',
        '--no-default-browser-check',
        '--remote-debugging-pipe',
        `--user-data-dir=${join(this.profile, 'profile')}`,
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
    );
    // It starts while the app finishes what a stop or a seal needs: it waits its turn for the CPU
    // (its helper processes, started after this, inherit the priority).
    try {
      if (this.child.pid) setPriority(this.child.pid, 15);
    } catch {
      // Not allowed here: it runs at the app's own priority.
    }
    let stderr = '';
    this.child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-2000);
    });
    const fromBrowser = this.child.stdio[4] as Readable;
    fromBrowser.on('data', (d: Buffer) => this.receive(d));
    fromBrowser.on('error', () => undefined);
    (this.child.stdio[3] as Writable).on('error', () => undefined);
    // The browser never holds this process open; when it ends, so does the browser (its pipe closes).
    // Its helper processes may still write into the profile for a moment after it ends.
    const leftover = () =>
      void rm(this.profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(() => undefined);
    const atExit = () => {
      this.child.kill('SIGKILL');
      try {
        rmSync(this.profile, { recursive: true, force: true });
      } catch {
        // Best effort at exit: a temporary folder with an empty browser profile.
      }
    };
    process.once('exit', atExit);
    this.hold(false);
    this.exited = new Promise((resolve) => {
      const end = (why: string) => {
        this.fail(new Error(`${why} ${stderr.trim().split('\n').slice(-3).join(' ')}`.trim()));
        process.off('exit', atExit);
        leftover();
        resolve();
      };
      this.child.once('error', (err) => end(`Chromium could not be started: ${err.message}.`));
      this.child.once('exit', (code, signal) => end(`Chromium ended (${signal ?? `code ${String(code)}`}).`));
    });
  }

  /** One page, opened at the first print and reused: opening a page costs more than printing it. */
  private page: Promise<{ sessionId: string; frameId: string }> | null = null;

  /** Opens the page now, so that the first print finds it ready. */
  prepare(): void {
    this.page ??= this.openPage();
    this.page.catch(() => undefined);
  }

  async print(html: string): Promise<Uint8Array> {
    this.hold(true);
    try {
      return await this.printHeld(html);
    } finally {
      this.hold(false);
    }
  }

  /** While a print runs, the process waits for it; otherwise the browser does not keep it alive. */
  private hold(on: boolean): void {
    for (const handle of [this.child, this.child.stdio[3], this.child.stdio[4], this.child.stderr]) {
      const h = handle as { ref?: () => void; unref?: () => void } | null;
      if (on) h?.ref?.();
      else h?.unref?.();
    }
  }

  private async printHeld(html: string): Promise<Uint8Array> {
    this.prepare();
    const { sessionId, frameId } = await this.page!;
    // The content replaces the last record's entirely.
    await this.send('Page.setDocumentContent', { frameId, html }, sessionId);
    const { data } = (await this.send(
      'Page.printToPDF',
      { printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false },
      sessionId,
    )) as { data: string };
    // Nothing of the record stays in the page between prints.
    await this.send('Page.setDocumentContent', { frameId, html: '<!doctype html><title></title>' }, sessionId);
    return new Uint8Array(Buffer.from(data, 'base64'));
  }

  private async openPage(): Promise<{ sessionId: string; frameId: string }> {
    const { targetId } = (await this.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as {
      sessionId: string;
    };
    await this.send('Emulation.setScriptExecutionDisabled', { value: true }, sessionId);
    const { frameTree } = (await this.send('Page.getFrameTree', {}, sessionId)) as {
      frameTree: { frame: { id: string } };
    };
    return { sessionId, frameId: frameTree.frame.id };
  }

  close(): void {
    this.fail(new Error('The printer was closed.'));
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  private send(method: string, params: Record<string, unknown>, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const message = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) });
      (this.child.stdio[3] as Writable).write(`${message}\0`);
    });
  }

  private receive(data: Buffer): void {
    // Bytes, not text, until a message is whole: a chunk may end inside a character.
    this.received = Buffer.concat([this.received, data]);
    let end: number;
    while ((end = this.received.indexOf(0)) >= 0) {
      const text = this.received.subarray(0, end).toString('utf8');
      this.received = this.received.subarray(end + 1);
      let message: { id?: number; result?: Record<string, unknown>; error?: { message?: string } };
      try {
        message = JSON.parse(text) as typeof message;
      } catch {
        continue;
      }
      if (message.id === undefined) continue;
      const waiting = this.pending.get(message.id);
      if (!waiting) continue;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(new Error(message.error.message ?? 'DevTools error'));
      else waiting.resolve(message.result ?? {});
    }
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
  }
}
