// Builds the renderer, then starts the web host: Hearing Room in a browser on 127.0.0.1.
import { spawnSync, spawn } from 'node:child_process';

if (!process.argv.includes('--no-build')) {
  // npm is a .cmd file on Windows, which Node runs only through a shell.
  const built = spawnSync('npm', ['run', 'build:renderer'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const args = process.argv.slice(2).filter((a) => a !== '--no-build');
const child = spawn(process.execPath, ['--import', 'tsx', 'main/host/cli.ts', ...args], { stdio: 'inherit' });
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code) => process.exit(code ?? 0));
