import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openServices } from '../services/app';
import { startWebHost } from './web-host';
import { ChromiumPrinter, findChromium } from './chromium-printer';
import { openHostKey } from './host-key';
import { logStrayRejections } from '../services/stray-errors';
import { makePrivateDir } from '../services/storage/private-files';

// A second belt beside the modes the services set: anything this process creates without naming
// a mode (a library's temporary file, say) is still its owner's only.
process.umask(0o077);

/**
 * Starts Hearing Room's web host: the app in any Chromium-based browser on this machine, for
 * development, automation and machines without Electron. Prints one JSON line with the address.
 */
async function main(): Promise<void> {
  logStrayRejections();
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      renderer: { type: 'string' },
    },
  });
  const dataDir = resolve(
    values['data-dir'] ?? process.env.HEARING_ROOM_DATA_DIR ?? join(homedir(), '.hearing-room-web'),
  );
  makePrivateDir(dataDir);
  const chromium = findChromium();
  if (!chromium) console.warn('Chromium was not found: written records cannot be printed (set CHROMIUM_PATH).');
  const services = await openServices({
    dataDir,
    appVersion: process.env.npm_package_version ?? '0.0.0',
    ...(chromium ? { printer: new ChromiumPrinter(chromium) } : {}),
    // Opened only for a data folder whose signing key is not protected by the data key (older ones).
    keys: () => openHostKey(dataDir),
    verifierPath: resolve('tools/verify/hearing-room-verify.mjs'),
    // A new data folder is encrypted: nothing but signing in answers until a password opens it.
    encryption: {},
    // Recovered recordings, as soon as they are: at start (a plain data folder), or at the first sign-in.
    onRecovered: (recovered) => {
      for (const r of recovered) console.info(JSON.stringify({ event: 'recovered', ...r }));
    },
    exportDestination: () => {
      const dir = join(dataDir, 'exports');
      makePrivateDir(dir);
      return dir;
    },
  });
  const host = await startWebHost({
    services,
    rendererDir: resolve(values.renderer ?? 'dist/renderer'),
    ...(values.port ? { port: Number(values.port) } : {}),
    ...(process.env.HEARING_ROOM_TOKEN ? { token: process.env.HEARING_ROOM_TOKEN } : {}),
  });
  console.info(JSON.stringify({ event: 'listening', url: host.url, openUrl: host.openUrl, dataDir }));
  const stop = () => {
    void host.close().then(() => {
      services.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
