// Security scan of the Electron shell with Electronegativity (Electron's security checklist as
// static checks), plus an evaluation of the Content-Security-Policy the app protocol sends.
// Fails on any finding not accepted, one by one and with a reason, in
// tests/security/electronegativity-accepted.json.
//
//   node scripts/electronegativity.mjs
//
// The TypeScript sources are scanned rather than dist/main: in the bundle, Electron's names are
// rewritten (import_electron.BrowserWindow) and the checks lose track of them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const scan = require('@doyensec/electronegativity');
const cspEvaluator = require('@doyensec/csp-evaluator');

const scanned = 'main/electron';
const acceptedFile = 'tests/security/electronegativity-accepted.json';
const electronVersion = JSON.parse(
  readFileSync(require.resolve('electron/package.json'), 'utf8'),
).version;
const accepted = JSON.parse(readFileSync(path.join(root, acceptedFile), 'utf8'));

const oneLine = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

async function findings(input) {
  const result = await scan({
    input,
    electronVersionOverride: electronVersion,
    // Its options take class names (AvailableSecurityFixesGlobalCheck); findings report ids.
    excludeFromScan: accepted.excludedChecks.map((entry) =>
      entry.check.replaceAll('_', '').toLowerCase(),
    ),
  });
  const unreadable = result.errors.filter((error) => !error.tolerable);
  return {
    unreadable,
    issues: result.issues.map((issue) => ({
      check: issue.id,
      file:
        issue.file === 'N/A'
          ? 'N/A'
          : path.relative(root, path.resolve(input, issue.file)).split(path.sep).join('/'),
      line: issue.location?.line ?? 0,
      sample: oneLine(issue.sample) || null,
      severity: issue.severity?.name ?? '?',
      description: oneLine(issue.description),
      manualReview: Boolean(issue.manualReview),
    })),
  };
}

/** A scanner that finds nothing might be a scanner that reads nothing: prove it still sees. */
async function scannerStillSees() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'electronegativity-canary-'));
  try {
    writeFileSync(
      path.join(dir, 'canary.ts'),
      "import { BrowserWindow } from 'electron';\n" +
        'export const w: BrowserWindow = new BrowserWindow({ webPreferences: { contextIsolation: false } });\n',
    );
    const { issues } = await findings(dir);
    return issues.some((issue) => issue.check === 'CONTEXT_ISOLATION_JS_CHECK');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The CSP is a response header built in code, which Electronegativity's CSP check cannot see. */
async function cspFindings() {
  const { contentSecurityPolicy } = await tsImport(
    path.join(root, 'shared', 'security', 'csp.ts'),
    import.meta.url,
  );
  const parsed = new cspEvaluator.CspParser(contentSecurityPolicy);
  const all = new cspEvaluator.CspEvaluator(parsed.csp, cspEvaluator.Version.CSP3).evaluate();
  // HIGH, SYNTAX, MEDIUM and HIGH_MAYBE fail; STRICT_CSP, MEDIUM_MAYBE and INFO are advice.
  const failing = all.filter((finding) => finding.severity < cspEvaluator.severities.STRICT_CSP);
  return { policy: contentSecurityPolicy, all, failing };
}

const isAccepted = (issue) =>
  accepted.accepted.some(
    (entry) =>
      entry.check === issue.check &&
      entry.file === issue.file &&
      (entry.sample ?? null) === issue.sample,
  );

let failed = false;

if (!(await scannerStillSees())) {
  console.error(
    'Electronegativity found nothing in a deliberately insecure file: the scanner is not working.',
  );
  process.exit(1);
}

const { issues, unreadable } = await findings(path.join(root, scanned));
for (const error of unreadable) {
  console.error(
    `Could not parse ${error.file}: ${error.message} (an unread file is an unchecked file).`,
  );
  failed = true;
}

console.info(
  `Electronegativity over ${scanned} (Electron ${electronVersion}): ${issues.length} finding(s).`,
);
for (const issue of issues) {
  const ok = isAccepted(issue);
  if (!ok) failed = true;
  console.info(
    `${ok ? '  accepted ' : '  NEW      '} ${issue.check} ${issue.file}:${issue.line} [${issue.severity}]` +
      `${issue.sample ? ` ${issue.sample}` : ''}\n             ${issue.description}`,
  );
}
for (const entry of accepted.accepted) {
  const seen = issues.some(
    (issue) =>
      entry.check === issue.check &&
      entry.file === issue.file &&
      (entry.sample ?? null) === issue.sample,
  );
  if (!seen)
    console.warn(
      `  no longer found (remove it from ${acceptedFile}): ${entry.check} ${entry.file} ${entry.sample ?? ''}`,
    );
}

const csp = await cspFindings();
console.info(`Content-Security-Policy sent by the app protocol: ${csp.policy}`);
for (const finding of csp.all) {
  const fails = csp.failing.includes(finding);
  if (fails) failed = true;
  console.info(
    `  ${fails ? 'WEAK     ' : 'advice   '} ${finding.directive}: ${finding.description}`,
  );
}

if (failed) {
  console.error(
    `\nSecurity check failed. Fix each NEW finding, or, if it is safe here, add it to ${acceptedFile} ` +
      'with the reason (check, file, sample, reason).',
  );
  process.exit(1);
}
console.info('Security check passed.');
