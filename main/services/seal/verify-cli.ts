/**
 * The standalone verifier: `node hearing-room-verify.mjs <folder>`. Bundled with verify.ts and
 * Mediabunny into one file that needs nothing but Node 20 or later. Exit code 0: valid (also when
 * some checks were not done, which the verdict names); 1: invalid; 2: the input cannot be read
 * (no such folder, no manifest, a manifest that is not JSON).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { catalogs, languageFromEnvironment, languages, type Lang } from './messages';
import { groupHex, verifyFolder, type VerifyReport } from './verify';
import { readEarlierCheckpoint, type EarlierCheckpoint } from './checkpoints';

const usage = `Checks a sealed Hearing Room hearing without the application.

Usage: node hearing-room-verify.mjs <folder> [--expect-key <fingerprint>] [--quick]
                                             [--checkpoint <earlier export | checkpoint.json>]
                                             [--lang en|nl|fr|de] [--json]

  <folder>        the unpacked export folder (the one holding manifest.json)
  --expect-key    the signing key's fingerprint as you know it from elsewhere (the registry);
                  the check fails if the seal was made with another key
  --checkpoint    the checkpoint of the audit log the registry kept from an earlier export: that
                  export's folder, or its checkpoint.json (with checkpoint.sig beside it); the
                  check fails if this export's log does not extend it (history before it was
                  deleted or rewritten). Without it, the verdict says the anchoring was not checked
  --quick         do not derive each working copy again from its master (faster); the
                  verdict then says that this check was not done
  --lang          the language of the verdict: en, nl, fr or de (default: from LANG, else en)
  --json          print the result as JSON, with each check's stable code

Exit code: 0 valid, 1 invalid, 2 the folder, its manifest or the --checkpoint cannot be read.
`;

const exitCodes = { valid: 0, invalid: 1, unreadable: 2 } as const;
const out = (line = '') => process.stdout.write(`${line}\n`);

function print(folder: string, report: VerifyReport, lang: Lang): void {
  const t = catalogs[lang];
  const labels = [t.folder, t.hearingLine, t.sealedAt, t.fingerprintLine];
  const width = Math.max(...labels.map((l) => l.length)) + 2;
  const line = (label: string, value: string) => out(`${`${label}:`.padEnd(width)}${value}`);
  out(t.title);
  line(t.folder, folder);
  if (report.seal) {
    const ref = report.seal.caseReference ? ` (${t.caseOf(report.seal.caseReference)})` : '';
    line(t.hearingLine, `${report.seal.hearingId}${ref}`);
    line(t.sealedAt, report.seal.sealedAt);
    line(t.fingerprintLine, groupHex(report.seal.keyFingerprint));
    out(`${' '.repeat(width)}${t.compareFingerprint}`);
  }
  out();
  const texts = report.checks.map((c) => ({ check: c, ...(c.text?.[lang] ?? c) }));
  for (const { check, what, detail } of texts) {
    const mark = !check.done ? '  --   ' : check.ok ? '  ok   ' : '  FAIL ';
    out(`${mark} ${what}: ${detail}`);
  }
  if (report.notCovered.length > 0) {
    out();
    out(t.notCovered(report.notCovered.join(', ')));
  }
  out();
  const failed = report.checks.filter((c) => !c.ok).length;
  const notDone = texts.filter((x) => !x.check.done).map((x) => `${x.check.code} (${x.what})`);
  if (report.verdict === 'valid') {
    out(
      notDone.length === 0
        ? t.resultValid(report.checks.length)
        : t.resultValidPartly(report.checks.length - notDone.length, notDone),
    );
  } else if (report.verdict === 'invalid') {
    out(t.resultInvalid(failed, report.checks.length));
  } else {
    out(t.resultUnreadable);
  }
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        'expect-key': { type: 'string' },
        quick: { type: 'boolean' },
        checkpoint: { type: 'string' },
        lang: { type: 'string' },
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
  const lang = values.lang ?? languageFromEnvironment(process.env);
  if (!(languages as readonly string[]).includes(lang)) {
    process.stderr.write(`--lang ${lang} is not one of ${languages.join(', ')}.\n\n${usage}`);
    return 2;
  }
  if (positionals.length !== 1) {
    process.stderr.write(usage);
    return 2;
  }
  const folder = resolve(positionals[0] as string);
  const expectKey = values['expect-key'];
  let earlierCheckpoint: EarlierCheckpoint | undefined;
  if (values.checkpoint !== undefined) {
    try {
      earlierCheckpoint = await readEarlierCheckpoint(resolve(values.checkpoint));
    } catch (err) {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
  }
  const report = await verifyFolder(folder, {
    quick: values.quick === true,
    ...(expectKey === undefined ? {} : { expectedFingerprint: expectKey }),
    ...(earlierCheckpoint ? { earlierCheckpoint } : {}),
  });
  if (values.json) out(JSON.stringify(report, null, 2));
  else print(folder, report, lang as Lang);
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
