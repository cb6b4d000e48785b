/**
 * The standalone verifier: `node hearing-room-verify.mjs <folder>`. Bundled with verify.ts into
 * one file that needs nothing but Node 18 or later. Exit code 0: valid; 1: invalid; 2: the input
 * cannot be read (no such folder, no manifest, a manifest that is not JSON).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { groupHex, verifyFolder, type VerifyReport } from './verify';

const usage = `Checks a sealed Hearing Room hearing without the application.

Usage: node hearing-room-verify.mjs <folder> [--expect-key <fingerprint>] [--json]

  <folder>        the unpacked export folder (the one holding manifest.json)
  --expect-key    the signing key's fingerprint as you know it from elsewhere (the written
                  record, the registry); the check fails if the seal was made with another key
  --json          print the result as JSON

Exit code: 0 valid, 1 invalid, 2 the folder or its manifest cannot be read.
`;

const exitCodes = { valid: 0, invalid: 1, unreadable: 2 } as const;
const out = (line = '') => process.stdout.write(`${line}\n`);

function print(folder: string, report: VerifyReport): void {
  out('Hearing Room seal check');
  out(`Folder:          ${folder}`);
  if (report.seal) {
    const ref = report.seal.caseReference ? ` (case ${report.seal.caseReference})` : '';
    out(`Hearing:         ${report.seal.hearingId}${ref}`);
    out(`Sealed at:       ${report.seal.sealedAt}`);
    out(`Key fingerprint: ${groupHex(report.seal.keyFingerprint)}`);
    out(
      '                 Compare it with the fingerprint in the written record or held by the registry.',
    );
  }
  out();
  for (const c of report.checks) out(`${c.ok ? '  ok   ' : '  FAIL '} ${c.what}: ${c.detail}`);
  if (report.notCovered.length > 0) {
    out();
    out(
      `Not covered by the seal (nothing vouches for these files): ${report.notCovered.join(', ')}`,
    );
  }
  out();
  const failed = report.checks.filter((c) => !c.ok).length;
  if (report.verdict === 'valid') {
    out(
      `Result: VALID. All ${report.checks.length} checks passed: the sealed files are exactly as they were when the hearing was sealed.`,
    );
  } else if (report.verdict === 'invalid') {
    out(
      `Result: INVALID. ${failed} of ${report.checks.length} checks failed (marked FAIL above): something was changed after sealing, or the seal is not genuine. Do not rely on these files; report this to the magistrate in charge.`,
    );
  } else {
    out(
      'Result: CANNOT CHECK. The folder or its seal cannot be read (see FAIL above); nothing was verified.',
    );
  }
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        'expect-key': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(usage);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(usage);
    return 2;
  }
  const folder = resolve(positionals[0] as string);
  const expectKey = values['expect-key'];
  const report = await verifyFolder(
    folder,
    expectKey === undefined ? {} : { expectedFingerprint: expectKey },
  );
  if (values.json) out(JSON.stringify(report, null, 2));
  else print(folder, report);
  return exitCodes[report.verdict];
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `The check could not run: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exitCode = 2;
  },
);
