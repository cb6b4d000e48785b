import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

import { builtinModules } from 'node:module';

// Bare built-in names are matched exactly (a pattern 'events' would also catch '../domain/events').
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));
const nodePatterns = ['node:*'];

// Layer rules: each folder may import only downward (see README, "Architecture").
const layer = (files, groups, message, { node = false } = {}) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: node ? nodeBuiltins.map((name) => ({ name, message })) : [],
        patterns: [...(node ? [{ group: nodePatterns, message }] : []), ...groups.map((group) => ({ group, message }))],
      },
    ],
  },
});

export default tseslint.config(
  // The standalone verifier is built from sources linted here, and carries Mediabunny's own code.
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.electron-native/**', 'tools/verify/hearing-room-verify.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  layer(
    ['shared/**'],
    [['electron', 'react', 'react-dom', 'better-sqlite3-multiple-ciphers'], ['**/main/**', '**/renderer/**', '**/tests/**']],
    'shared/ runs anywhere: it may not import Node, Electron, React, or main/renderer code.',
    { node: true },
  ),
  layer(
    ['main/services/**'],
    [['electron', 'electron/*', 'react', 'react-dom'], ['**/renderer/**', '**/electron/**', '**/host/**', '**/tests/**']],
    'main/services/ runs on plain Node: it may import shared/, node:* and libraries, never electron, host or renderer code.',
  ),
  layer(
    ['main/host/**'],
    [['electron', 'electron/*', 'react', 'react-dom'], ['**/renderer/**', '**/electron/**', '**/tests/**']],
    'main/host/ runs on plain Node: it may import main/services and shared/ only.',
  ),
  layer(
    ['main/electron/**'],
    [['react', 'react-dom'], ['**/renderer/**', '**/host/**', '**/tests/**']],
    'main/electron/ may import main/services and shared/, never the web host or renderer code.',
  ),
  layer(
    ['renderer/**'],
    [['electron', 'electron/*', 'better-sqlite3-multiple-ciphers'], ['**/main/**', '**/tests/**']],
    'renderer/ is a web page: it may import shared/, DOM and React only.',
    { node: true },
  ),
);
