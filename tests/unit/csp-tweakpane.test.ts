import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  cspHash,
  renderTweakpaneStyles,
  tweakpaneStyles,
  tweakpaneVersion,
} from '../../scripts/tweakpane-styles';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { tweakpaneStyleHashes } from '../../shared/security/tweakpane-styles';

const styleSrc = () =>
  contentSecurityPolicy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('style-src '))
    ?.split(/\s+/)
    .slice(1) ?? [];

test('a CSP hash is the base64 SHA-256 of the exact style text', () => {
  // The same values as `printf %s TEXT | openssl dgst -sha256 -binary | base64`.
  assert.equal(cspHash(''), "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  assert.equal(cspHash('.a{color:red}'), "'sha256-AYkV/wUaXEz1i9pndN1veIXFHZVFTj4Ojce2rMK7bSc='");
  assert.notEqual(cspHash('.a{color:red}'), cspHash('.a{color:red} '));
});

test('the installed Tweakpane injects styles whose hashes are the committed ones', () => {
  const styles = tweakpaneStyles();
  assert.ok(styles.length > 0);
  for (const style of styles) assert.match(style.css, /\.tp-rotv/);
  assert.deepEqual(
    tweakpaneStyleHashes,
    styles.map((s) => cspHash(s.css)),
    `Tweakpane ${tweakpaneVersion()} injects other styles than the CSP allows: run node --import tsx scripts/tweakpane-styles.ts`,
  );
  const committed = readFileSync(
    join(import.meta.dirname, '../../shared/security/tweakpane-styles.ts'),
    'utf8',
  );
  assert.equal(committed, renderTweakpaneStyles());
});

test("the one CSP allows Tweakpane's styles by hash and no other inline style", () => {
  const sources = styleSrc();
  assert.equal(sources[0], "'self'");
  for (const hash of tweakpaneStyleHashes) assert.ok(sources.includes(hash), hash);
  assert.ok(!sources.includes("'unsafe-inline'"));
  assert.ok(!sources.includes("'unsafe-hashes'"));
  assert.equal(sources.length, 1 + tweakpaneStyleHashes.length);
});
