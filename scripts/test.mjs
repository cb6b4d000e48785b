// `npm test`: every check CI runs, in order, each named as it starts. Stops at the first failure.
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const steps = [
  ['Type-check', ['run', 'typecheck']],
  ['Lint and layer rules', ['run', 'lint']],
  ['Unit and integration tests', ['run', 'test:unit']],
  ['Electron security review', ['run', 'test:security']],
  ['Packaging configuration', ['run', 'test:packaging']],
  ['Build', ['run', 'build']],
  ['End-to-end tests in Chromium', ['run', 'test:e2e']],
  ['Electron end-to-end tests', ['run', 'test:electron']],
];

for (const [title, args] of steps) {
  console.info(`\n=== ${title} (npm ${args.join(' ')}) ===`);
  const started = Date.now();
  const result = spawnSync(npm, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n${title} failed after ${seconds} s.`);
    process.exit(result.status ?? 1);
  }
  console.info(`=== ${title}: done in ${seconds} s ===`);
}
