import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../helpers/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  globalSetup: './global-setup.ts',
  // Two cores: recordings and encoders are heavy, so one browser at a time keeps timings honest.
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  retries: 0,
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 860 },
  },
  outputDir: '../../test-results/e2e',
});
