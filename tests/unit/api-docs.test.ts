import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderApiDocs } from '../../scripts/api-docs';
import { callNames } from '../../shared/api/contract';

test('docs/api.md documents every call, as the contract declares it', () => {
  const current = readFileSync(join(import.meta.dirname, '../../docs/api.md'), 'utf8');
  for (const name of callNames) assert.match(current, new RegExp(`### \`${name.replace('.', '\\.')}\``));
  assert.equal(current, renderApiDocs(), 'docs/api.md is out of date: run `npm run docs:api`');
});
