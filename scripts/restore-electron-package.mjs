// Runs after `npm install`. Electron is an optional dependency so that an install where its binary
// cannot be downloaded still succeeds; but npm then removes the whole package, and that package
// also holds Electron's type definitions, which the type-check of main/electron and the security
// review read. This puts the package back without the binary, as ELECTRON_SKIP_BINARY_DOWNLOAD=1
// would have left it; `npm start` then opens the app in a browser. It never fails the install.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'node_modules', 'electron');

/** Writes the regular files of an npm package tarball (entries under `package/`) into `dest`. */
function extractPackage(tgz, dest) {
  const tar = gunzipSync(tgz);
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const text = (start, length) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0[\s\S]*$/, '');
    const prefix = text(345, 155);
    const name = prefix ? `${prefix}/${text(0, 100)}` : text(0, 100);
    const size = parseInt(text(124, 12).trim() || '0', 8);
    const type = text(156, 1);
    offset += 512;
    const relative = name.split('/').slice(1).join('/');
    if ((type === '0' || type === '') && relative) {
      const file = path.resolve(dest, relative);
      if (!file.startsWith(dest + path.sep)) throw new Error(`unsafe path in the tarball: ${name}`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, tar.subarray(offset, offset + size));
    }
    offset += Math.ceil(size / 512) * 512;
  }
}

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
    extractPackage(readFileSync(path.join(work, filename)), target);
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
