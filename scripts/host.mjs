// Builds the renderer, then starts the web host: Hearing Room in a browser on 127.0.0.1.
import { spawnSync, spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (!process.argv.includes('--no-build')) {
  const built = spawnSync(npm, ['run', 'build:renderer'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const args = process.argv.slice(2).filter((a) => a !== '--no-build');
const child = spawn(process.execPath, ['--import', 'tsx', 'main/host/cli.ts', ...args], { stdio: 'inherit' });
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code) => process.exit(code ?? 0));
