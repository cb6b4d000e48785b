import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/**
 * Debian's Chromium, never a downloaded browser: set CHROMIUM_PATH to use another build.
 */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    const found = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
    if (found) return found;
  } catch {
    // Fall through to the explanation below.
  }
  throw new Error(
    'Chromium was not found. Install Debian\'s package (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.',
  );
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];
