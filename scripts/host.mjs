// Builds the renderer and the web host, then starts the host from built code: Hearing Room in a
// browser on 127.0.0.1. `--no-build` starts what was built last.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const hostBundle = 'dist/host/cli.mjs';
if (!process.argv.includes('--no-build')) {
  // npm is a .cmd file on Windows, which Node runs only through a shell.
  for (const script of ['build:renderer', 'build:main']) {
    const built = spawnSync('npm', ['run', script], { stdio: 'inherit', shell: process.platform === 'win32' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
} else if (!existsSync(hostBundle)) {
  console.error(`${hostBundle} is missing: run "npm run build" first, or start without --no-build.`);
  process.exit(1);
}
const args = process.argv.slice(2).filter((a) => a !== '--no-build');
const child = spawn(process.execPath, ['--enable-source-maps', hostBundle, ...args], { stdio: 'inherit' });
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code) => process.exit(code ?? 0));
