import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../support/chromium-path';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './global-setup.ts',
  outputDir: '../../test-results/e2e',
  fullyParallel: true,
  workers: 2,
  // Every vault creation and unlock runs Argon2id in the app's worker (the suite's build creates vaults at the test
  // floor; `vault.spec.ts` runs the shipped build at 256 MiB); a loaded 2-core machine slows each one down.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../../test-results/e2e-report.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    screenshot: 'only-on-failure',
    // Off: recording traces (screencast and DOM snapshots at every action) took about a third of the suite's CPU.
    // A failure keeps its screenshot and accessibility snapshot; run one journey with `--trace on` to get a trace.
    trace: 'off',
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
  },
});
