// Builds better-sqlite3-multiple-ciphers (better-sqlite3 with SQLCipher) for Electron's ABI into .electron-native/better_sqlite3.node, from a copy
// of the package, so that node_modules keeps the Node build the tests load. Electron's main
// process passes that file to the database module as `nativeBinding`; electron-builder ships it as an
// extra resource.
//
//   node scripts/electron-native.mjs [--force] [--arch x64|arm64|...]
//
// First tries the prebuilt binary that better-sqlite3-multiple-ciphers publishes for each Electron release
// (prebuild-install, from GitHub), then compiles it (node-gyp, with Electron's headers from
// electronjs.org, Python and a C++ compiler). Both need the network once.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const outDir = path.join(root, '.electron-native');
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'better_sqlite3.json');

const args = process.argv.slice(2);
const force = args.includes('--force');
const archIndex = args.indexOf('--arch');
const arch =
  (archIndex >= 0 ? args[archIndex + 1] : undefined) ?? process.env.npm_config_arch ?? process.arch;
const platform = process.platform;

const readVersion = (name) =>
  JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
const electronVersion = readVersion('electron');
const sqliteModule = 'better-sqlite3-multiple-ciphers';
const sqliteVersion = readVersion(sqliteModule);
const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion, platform, arch };

function upToDate() {
  if (!existsSync(outFile) || !existsSync(stampFile)) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    return Object.entries(wanted).every(([key, value]) => stamp[key] === value);
  } catch {
    return false;
  }
}

function run(label, script, scriptArgs, cwd) {
  console.info(`electron-native: ${label}`);
  const result = spawnSync(process.execPath, [script, ...scriptArgs], {
    cwd,
    stdio: 'inherit',
    env: process.env,
  });
  if (result.error)
    console.error(`electron-native: ${label} could not run: ${result.error.message}`);
  return result.status === 0;
}

function build() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'hearing-room-native-'));
  try {
    const pkgDir = path.join(work, sqliteModule);
    const source = path.dirname(require.resolve(`${sqliteModule}/package.json`));
    cpSync(source, pkgDir, {
      recursive: true,
      filter: (file) => path.relative(source, file).split(path.sep)[0] !== 'build',
    });
    const built = path.join(pkgDir, 'build', 'Release', 'better_sqlite3.node');
    const target = ['--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`];

    const fetched =
      run(
        `fetching the prebuilt ${sqliteModule} ${sqliteVersion} for Electron ${electronVersion} (${platform}-${arch})`,
        require.resolve('prebuild-install/bin.js'),
        [...target, `--platform=${platform}`, '--verbose'],
        pkgDir,
      ) && existsSync(built);
    const compiled =
      fetched ||
      (run(
        'no prebuilt binary; compiling with node-gyp against Electron headers',
        require.resolve('node-gyp/bin/node-gyp.js'),
        ['rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers'],
        pkgDir,
      ) &&
        existsSync(built));
    if (!compiled) return false;

    mkdirSync(outDir, { recursive: true });
    copyFileSync(built, outFile);
    writeFileSync(stampFile, `${JSON.stringify(wanted, null, 2)}\n`);
    console.info(`electron-native: wrote ${path.relative(root, outFile)}`);
    return true;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (!force && upToDate()) {
  console.info(
    `electron-native: ${path.relative(root, outFile)} is up to date (Electron ${electronVersion}, ${platform}-${arch}).`,
  );
} else if (!build()) {
  console.error(
    [
      '',
      `electron-native: could not build ${sqliteModule} ${sqliteVersion} for Electron ${electronVersion} (${platform}-${arch}).`,
      'Both ways need the network once:',
      '  - the prebuilt binary is downloaded from github.com (m4heshd/better-sqlite3-multiple-ciphers releases);',
      '  - compiling downloads Electron headers from electronjs.org and needs Python 3 and a C++ compiler',
      '    (build-essential on Linux, Xcode command line tools on macOS, Visual Studio Build Tools on Windows).',
      'Check the network or proxy (HTTPS_PROXY), then run `node scripts/electron-native.mjs` again.',
      `node_modules/${sqliteModule} was not touched: the Node tests still work.`,
    ].join('\n'),
  );
  process.exitCode = 1;
}
