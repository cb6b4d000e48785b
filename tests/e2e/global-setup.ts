import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

/**
 * The end-to-end tests run the web host as `npm run host` and `npm start` run it: from the built
 * bundle, rebuilt here from the sources (a second or two) so that it is never older than them.
 * The page is served from the built renderer, which `npm run build` makes.
 */
export default function globalSetup(): void {
  if (!existsSync(join(root, 'dist/renderer/index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` first (`npm test` does).');
  }
  execFileSync(process.execPath, ['scripts/build-main.mjs'], { cwd: root, stdio: 'inherit' });
  process.env.HEARING_ROOM_TEST_HOST = 'built';
}
