// `npm start`. With Electron's binary installed: builds the renderer and the main process, makes
// sure the database module is built for Electron, then runs the app with the project's Electron.
// Without it (its download failed or was skipped): says so, starts the web host and opens the
// same app in an installed Chromium or Chrome, or prints the address to open. The choices are in
// scripts/start-mode.ts.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const {
  browserPlan,
  electronBinary,
  findBrowser,
  hasDisplay,
  launchPage,
  noElectronMessage,
  parseListening,
} = await tsImport('./start-mode.ts', import.meta.url);

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

function startElectron(binary) {
  step('npm', ['run', 'build']);
  step(process.execPath, [path.join(root, 'scripts', 'electron-native.mjs')]);

  const env = { ...process.env };
  // Would make the binary behave as plain Node instead of opening the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root, ...process.argv.slice(2)], {
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
}

function startInBrowser() {
  // scripts/host.mjs builds the renderer and runs the host; its output passes through here so
  // that the address it prints can be opened. Arguments go to the host (--port, --data-dir).
  const host = spawn(
    process.execPath,
    [path.join(root, 'scripts', 'host.mjs'), ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: ['inherit', 'pipe', 'inherit'],
    },
  );
  let browser = null;
  const stopAll = (signal) => {
    browser?.kill(signal);
    host.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));
  host.on('exit', (code, signal) => {
    browser?.kill();
    process.exit(signal ? 1 : (code ?? 0));
  });

  createInterface({ input: host.stdout }).on('line', (line) => {
    console.info(line);
    const listening = parseListening(line);
    if (!listening) return;
    const browserDir = path.join(listening.dataDir, 'browser');
    const launchFile = path.join(browserDir, 'open.html');
    const plan = browserPlan({
      browser: findBrowser(process.platform, process.env, existsSync),
      display: hasDisplay(process.platform, process.env),
      openUrl: listening.openUrl,
      launchFile,
      profileDir: path.join(browserDir, 'profile'),
    });
    if ('print' in plan) {
      console.info(`${plan.print}\nCtrl+C stops the web host.`);
      return;
    }
    mkdirSync(browserDir, { recursive: true });
    // The token in it opens the host: readable by this user only.
    writeFileSync(launchFile, launchPage(listening.openUrl), { mode: 0o600 });
    browser = spawn(plan.open, plan.args, { stdio: 'ignore' });
    const openByHand = (why) =>
      console.error(`${plan.open} ${why}: open ${listening.openUrl} in Chromium or Chrome.`);
    browser.on('error', (err) => openByHand(`could not be started (${err.message})`));
    browser.on('exit', (code, signal) => {
      // Closing the app's window ends the session, as closing Electron's window does; a browser
      // that failed leaves the host running for the address to be opened by hand.
      if (code === 0 || signal) host.kill('SIGTERM');
      else if (code !== null) openByHand(`stopped with exit code ${code}`);
    });
    console.info(`Hearing Room is open in ${plan.open}; closing its window or Ctrl+C stops it.`);
  });
}

const binary = electronBinary(() => require('electron'), existsSync);
if (binary) {
  startElectron(binary);
} else {
  console.warn(noElectronMessage);
  startInBrowser();
}
