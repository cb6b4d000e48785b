// Bundles the seal verifier (main/services/seal/verify-cli.ts, verify.ts, and Mediabunny, with
// which it derives each working copy again) into one file that needs nothing but Node 20 or later:
// tools/verify/hearing-room-verify.mjs. The file is committed, so it exists on a clean checkout,
// and every export carries a copy.
//   node scripts/build-verifier.mjs             write it
//   node scripts/build-verifier.mjs --if-stale  write it only if the sources changed it
//   node scripts/build-verifier.mjs --check     exit 1 if the committed file is out of date
import { build } from 'esbuild';
import * as prettier from 'prettier';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = 'main/services/seal/verify-cli.ts';
const outfile = path.join(root, 'tools', 'verify', 'hearing-room-verify.mjs');
const allowedInputs = new Set([
  entry,
  'main/services/seal/verify.ts',
  'main/services/seal/format.ts',
  'main/services/seal/messages.ts',
  'main/services/seal/rederive.ts',
  // The app's own patcher, which makes the working copies (no library).
  'main/services/webm/layout.ts',
  'main/services/webm/derive.ts',
  'main/services/webm/rederive.ts',
  'main/services/seal/addenda.ts',
  'main/services/seal/addenda-messages.ts',
  'main/services/seal/checkpoints.ts',
  'main/services/seal/checkpoint-messages.ts',
]);
// Mediabunny is the one library the verifier carries: the remuxer that made the working copies
// of earlier versions.
// (A path through a symlinked node_modules folder still has node_modules/mediabunny/ in it.)
const allowedLibrary = /(^|\/)node_modules\/mediabunny\//;
const mediabunny = JSON.parse(
  readFileSync(path.join(root, 'node_modules', 'mediabunny', 'package.json'), 'utf8'),
);

const result = await build({
  absWorkingDir: root,
  // Paths in the file's comments stay the checkout's own (node_modules/...), also where
  // node_modules is a link: the committed file must not depend on how a checkout is laid out.
  preserveSymlinks: true,
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  metafile: true,
  // Mediabunny's copyright and licence notices, once each, at the end of the file.
  legalComments: 'eof',
  charset: 'utf8',
  logLevel: 'warning',
  banner: {
    js: [
      '#!/usr/bin/env node',
      '// Hearing Room seal verifier: node hearing-room-verify.mjs <folder>',
      '// Generated from main/services/seal/verify.ts by scripts/build-verifier.mjs; do not edit.',
      `// Contains Mediabunny ${mediabunny.version} (${mediabunny.license}, Vanilagy and contributors),`,
      `// unmodified; its source: https://github.com/Vanilagy/mediabunny/tree/v${mediabunny.version}`,
    ].join('\n'),
  },
});

// The verifier must stand alone: anything but its own sources and Node's modules is a mistake.
const stray = Object.keys(result.metafile.inputs).filter(
  (input) => !allowedInputs.has(input) && !allowedLibrary.test(input),
);
if (stray.length > 0) {
  console.error(
    `The verifier may import only node:*, Mediabunny and ${[...allowedInputs].join(', ')}; it imports ${stray.join(', ')}.`,
  );
  process.exit(1);
}

// Formatted as the rest of the project, so that `npm run format` leaves it as built.
const text = await prettier.format(result.outputFiles[0].text, {
  ...(await prettier.resolveConfig(outfile)),
  filepath: outfile,
});
const current = existsSync(outfile) ? readFileSync(outfile, 'utf8') : null;
const mode = process.argv[2] ?? '--write';
if (mode === '--check') {
  if (current !== text) {
    console.error(
      `${path.relative(root, outfile)} is out of date: run node scripts/build-verifier.mjs and commit it.`,
    );
    process.exit(1);
  }
} else if (mode === '--if-stale' && current === text) {
  // Up to date.
} else {
  mkdirSync(path.dirname(outfile), { recursive: true });
  writeFileSync(`${outfile}.partial`, text, { mode: 0o755 });
  renameSync(`${outfile}.partial`, outfile);
  console.info(`${path.relative(root, outfile)} written.`);
}
