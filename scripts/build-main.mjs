// Bundles Electron's main process and its sandboxed preload into dist/main, and the web host into
// dist/host.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(
  readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;

const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['main/electron/main.ts'],
    outfile: 'dist/main/main.cjs',
    platform: 'node',
    target: 'node22',
    // Native modules stay outside the bundle: each loads its own binary at run time.
    external: ['electron', 'better-sqlite3-multiple-ciphers', '@node-rs/argon2'],
    // The services are ES modules that locate packages through import.meta.url; in this CommonJS
    // bundle that URL is the bundle's own file.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  }),
  build({
    ...common,
    entryPoints: ['main/electron/preload.ts'],
    outfile: 'dist/main/preload.cjs',
    // A sandboxed preload gets a browser-like global and a require() that knows only 'electron'.
    platform: 'browser',
    target: 'es2023',
    external: ['electron'],
  }),
  // The web host, started from built code: no TypeScript compiled at start, and its packages in
  // the one file (Node resolves and loads dozens of small modules more slowly than it reads one).
  // Native modules load their binaries; Mediabunny is imported only when a master that is not
  // WebM is remuxed, so it stays out of what every start reads.
  build({
    ...common,
    entryPoints: ['main/host/cli.ts'],
    outfile: 'dist/host/cli.mjs',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3-multiple-ciphers', '@node-rs/argon2', 'mediabunny'],
    // Its map names files and lines for stack traces (--enable-source-maps), which Node reads at
    // every start: without the sources' text it is a quarter of the size.
    sourcesContent: false,
    // CommonJS packages in an ES module bundle call require(): give them Node's own.
    banner: { js: "import { createRequire as __hostRequire } from 'node:module'; const require = __hostRequire(import.meta.url);" },
  }),
]);

console.info(`dist/main built for Electron ${electronVersion}; dist/host built for Node`);
