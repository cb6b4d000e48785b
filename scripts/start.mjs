// `npm start`: builds the renderer and the main process, makes sure the database module is built
// for Electron, then runs the app with the project's Electron.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

/** The Electron executable, or the reason there is none (its download is a separate step). */
function electronBinary() {
  try {
    const binary = require('electron');
    if (typeof binary === 'string' && existsSync(binary)) return { binary };
    return { reason: `the electron package points to ${String(binary)}, which does not exist` };
  } catch (err) {
    return { reason: err instanceof Error ? err.message : String(err) };
  }
}

function step(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error(`\n${[command, ...args].join(' ')} failed; Hearing Room was not started.`);
    process.exit(result.status ?? 1);
  }
}

const electron = electronBinary();
if (!electron.binary) {
  console.error(
    [
      "Electron's binary is not installed, so the desktop app cannot start here.",
      `(${electron.reason})`,
      'Its download probably was blocked or skipped (ELECTRON_SKIP_BINARY_DOWNLOAD).',
      'What to do:',
      '  - with network access, fetch it: `node node_modules/electron/install.js`',
      '    (or reinstall: `rm -rf node_modules/electron && npm install`, without ELECTRON_SKIP_BINARY_DOWNLOAD);',
      '  - or use the app in a browser through the local web host: `npm run host`.',
    ].join('\n'),
  );
  process.exit(1);
}

step('npm', ['run', 'build']);
step(process.execPath, [path.join(root, 'scripts', 'electron-native.mjs')]);

const env = { ...process.env };
// Would make the binary behave as plain Node instead of opening the app.
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron.binary, [root, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env,
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exit(signal ? 1 : (code ?? 0));
});
