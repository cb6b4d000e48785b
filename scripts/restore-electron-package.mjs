// Runs after `npm install`. Electron is an optional dependency so that an install where its binary
// cannot be downloaded still succeeds; but npm then removes the whole package, and that package
// also holds Electron's type definitions, which the type-check of main/electron and the security
// review read. This puts the package back without the binary, as ELECTRON_SKIP_BINARY_DOWNLOAD=1
// would have left it; `npm start` then opens the app in a browser. It never fails the install.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'node_modules', 'electron');

function restore(version) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'hearing-room-electron-'));
  try {
    // npm itself fetches the tarball: from its cache (the install just downloaded it) or from the
    // registry the install used, checked against the registry's integrity.
    const npmCli = process.env.npm_execpath;
    const args = [
      'pack',
      `electron@${version}`,
      '--prefer-offline',
      '--json',
      '--pack-destination',
      work,
    ];
    const packed = npmCli
      ? spawnSync(process.execPath, [npmCli, ...args], { encoding: 'utf8' })
      : spawnSync('npm', args, { encoding: 'utf8', shell: process.platform === 'win32' });
    if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr || packed.error}`);
    const [{ filename }] = JSON.parse(packed.stdout);
    // The system's tar (GNU tar, or bsdtar on macOS and Windows 10 and later) unpacks it: npm
    // tarballs hold everything under `package/`.
    mkdirSync(target, { recursive: true });
    const unpacked = spawnSync('tar', ['-xzf', path.join(work, filename), '-C', target, '--strip-components=1'], {
      encoding: 'utf8',
    });
    if (unpacked.status !== 0) throw new Error(`tar could not unpack ${filename}: ${unpacked.stderr || unpacked.error}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (
  process.argv[1] === fileURLToPath(import.meta.url) &&
  !existsSync(path.join(target, 'package.json'))
) {
  const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
    .optionalDependencies.electron;
  try {
    restore(version);
    console.warn(
      [
        `Electron ${version}'s binary could not be installed (its download host was not reachable),`,
        'so `npm start` will open Hearing Room in Chromium or Chrome instead of its own window.',
        'To get the desktop window later, with network: `npm install` again.',
      ].join('\n'),
    );
  } catch (err) {
    rmSync(target, { recursive: true, force: true });
    console.warn(
      [
        `Electron ${version} could not be installed, nor its package without the binary:`,
        `  ${err instanceof Error ? err.message : String(err)}`,
        '`npm start` still opens the app in a browser, but the type-check and the security review',
        "need Electron's package: `ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install` installs it without the binary.",
      ].join('\n'),
    );
  }
}
