import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './temp';

/**
 * ELAN's published schema, in the shared folder beside the repository, as CI lays it out.
 * `EAF_SCHEMA` names it where the checkout sits elsewhere (a git worktree).
 */
export const eafSchema =
  process.env.EAF_SCHEMA ??
  join(fileURLToPath(new URL('../..', import.meta.url)), '..', 'shared', 'schemas', 'EAFv3.0.xsd');

/** Why schema checks cannot run here, or null when they can: xmllint and the schema are both needed. */
export const xmllintMissing: string | null = (() => {
  if (!existsSync(eafSchema)) return `the EAF schema is not at ${eafSchema}`;
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  return probe.error ? 'xmllint is not installed (Debian: libxml2-utils)' : null;
})();

/** xmllint's verdict on a document against the EAF 3.0 schema: ok, and what it said. */
export function validateEaf(xml: string, name = 'document.eaf'): { ok: boolean; output: string } {
  const file = join(tempDir('hearing-room-eaf-'), name);
  writeFileSync(file, xml);
  return validateEafFile(file);
}

export function validateEafFile(file: string): { ok: boolean; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--schema', eafSchema, file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}
