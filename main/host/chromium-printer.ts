import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfPrinter } from '../services/written-record/printer';

/** Finds a Chromium to print with: CHROMIUM_PATH, then the usual Debian and Ubuntu names. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((c): c is string => Boolean(c && existsSync(c))) ?? null;
}

/**
 * The web host's printer: Chromium's own headless --print-to-pdf on the same HTML that Electron
 * prints with printToPDF in the app. The page carries a CSP that allows no script at all.
 */
export class ChromiumPrinter implements PdfPrinter {
  constructor(private readonly executable: string) {}

  async print(html: string): Promise<Uint8Array> {
    const dir = mkdtempSync(join(tmpdir(), 'hearing-room-print-'));
    try {
      const page = join(dir, 'record.html');
      const out = join(dir, 'record.pdf');
      writeFileSync(page, html);
      await new Promise<void>((resolve, reject) => {
        execFile(
          this.executable,
          [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            `--user-data-dir=${join(dir, 'profile')}`,
            '--no-pdf-header-footer',
            `--print-to-pdf=${out}`,
            pathToFileURL(page).href,
          ],
          { timeout: 60_000 },
          (err, _stdout, stderr) => {
            if (err) reject(new Error(`Chromium could not print: ${err.message} ${stderr.slice(-500)}`));
            else resolve();
          },
        );
      });
      if (!existsSync(out)) throw new Error('Chromium did not write the PDF.');
      return readFileSync(out);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
