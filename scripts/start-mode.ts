// The decisions of `npm start` (scripts/start.mjs), without side effects so that they can be
// tested: the desktop window when Electron's binary is installed, otherwise the web host in an
// installed Chromium or Chrome, otherwise the address to open by hand.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Electron's executable, or null when it is not installed. `load` is require('electron'), which
 * throws when the binary was never downloaded and otherwise names where it should be.
 */
export function electronBinary(
  load: () => unknown,
  exists: (file: string) => boolean,
): string | null {
  try {
    const binary = load();
    return typeof binary === 'string' && exists(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** The one sentence `npm start` prints before opening the app in a browser instead. */
export const noElectronMessage =
  "Electron's binary is not installed (its download during `npm install` was skipped or could " +
  'not reach its host), so Hearing Room opens in Chromium or Chrome through the local web host; ' +
  '`npm install` again with network access brings the desktop window.';

/** Linux and the BSDs show windows only through an X11 or Wayland display. */
export function hasDisplay(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The installed Chromium or Chrome to open the app in: CHROMIUM_PATH first, then the usual places. */
export function findBrowser(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  exists: (file: string) => boolean,
): string | null {
  const candidates: string[] = [];
  if (env.CHROMIUM_PATH) candidates.push(env.CHROMIUM_PATH);
  if (platform === 'darwin') {
    candidates.push(
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    );
  } else if (platform === 'win32') {
    for (const base of [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]) {
      if (base)
        candidates.push(path.win32.join(base, 'Google', 'Chrome', 'Application', 'chrome.exe'));
    }
  } else {
    const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
    for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
      for (const dir of dirs) candidates.push(path.join(dir, name));
    }
  }
  return candidates.find(exists) ?? null;
}

/** What to do with the address the web host printed. */
export type BrowserPlan = { open: string; args: string[] } | { print: string };

/**
 * Opens `launchFile` (a page that forwards to the address, so that the access token is not on a
 * command line other users of the machine can read) as an app window, with a profile of its own
 * so that it neither mixes with the user's browsing nor joins a browser already running.
 */
export function browserPlan(options: {
  browser: string | null;
  display: boolean;
  openUrl: string;
  launchFile: string;
  profileDir: string;
}): BrowserPlan {
  const { browser, display, openUrl } = options;
  if (!display)
    return { print: `No display to open a window on: open ${openUrl} in Chromium or Chrome.` };
  if (!browser)
    return {
      print: `Chromium or Chrome was not found (set CHROMIUM_PATH to choose one): open ${openUrl} in it.`,
    };
  return {
    open: browser,
    args: [
      `--app=${pathToFileURL(options.launchFile).href}`,
      `--user-data-dir=${options.profileDir}`,
      '--no-first-run',
      '--no-default-browser-check',
    ],
  };
}

/** The page behind `launchFile`: it forwards to the web host's address at once. */
export function launchPage(openUrl: string): string {
  const escaped = openUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html><meta charset="utf-8"><title>Hearing Room</title><meta http-equiv="refresh" content="0;url=${escaped}">\n`;
}

/** The web host's "listening" line (main/host/cli.ts), or null for any other line. */
export function parseListening(line: string): { openUrl: string; dataDir: string } | null {
  try {
    const event: unknown = JSON.parse(line);
    if (
      typeof event === 'object' &&
      event !== null &&
      'event' in event &&
      event.event === 'listening' &&
      'openUrl' in event &&
      typeof event.openUrl === 'string' &&
      'dataDir' in event &&
      typeof event.dataDir === 'string'
    )
      return { openUrl: event.openUrl, dataDir: event.dataDir };
  } catch {
    // Not JSON: the host's other output (warnings), passed through as it is.
  }
  return null;
}
