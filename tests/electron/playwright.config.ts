import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// The app under test keeps its database, recordings and Chromium profile in a throw-away folder
// (main.ts honours HEARING_ROOM_DATA_DIR); the spec creates it and removes it. Set once: workers
// load this file again and inherit it.
process.env.HEARING_ROOM_DATA_DIR ??= path.join(
  os.tmpdir(),
  `hearing-room-electron-${randomUUID()}`,
);

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  retries: 0,
  outputDir: '../../test-results/electron',
});
