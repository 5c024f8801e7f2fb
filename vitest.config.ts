import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { chromiumArgs, chromiumPath } from './test/support/chromium-path.ts';

const alias = { '@shared': resolve(import.meta.dirname, 'shared') };

/** Browser files that measure the page's memory, which other files' garbage would disturb in a shared page. */
const BROWSER_NEEDING_ISOLATION = ['test/browser/vault/attachments.test.ts'];

const browserOptions = () => ({
  enabled: true,
  headless: true,
  screenshotFailures: false,
  provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } }),
  instances: [{ browser: 'chromium' as const }],
});

/** Unit files that replace a module with `vi.mock`, which needs a module graph of their own. */
const UNIT_NEEDING_ISOLATION = ['test/unit/files/atomic-write-order.test.ts'];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      // Benchmarks print ratios against a baseline measured in the same run; they assert nothing about speed.
      {
        resolve: { alias },
        test: {
          name: 'bench-node',
          environment: 'node',
          include: ['test/bench/node/**/*.bench.test.ts'],
          testTimeout: 600_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'bench-browser',
          include: ['test/bench/browser/**/*.bench.test.ts'],
          testTimeout: 600_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          exclude: [...UNIT_NEEDING_ISOLATION],
          setupFiles: ['test/unit/fast-check-seed.ts'],
          testTimeout: 20_000,
          // One module graph per thread, not per file: importing the shared code once instead of 107 times takes the
          // suite from about 110 s to 45 s. Each run is shuffled (scripts/test-all.mjs), so a test that leans on
          // another file's leftovers fails soon; files that replace modules (vi.mock) run isolated below.
          pool: 'threads',
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'unit-isolated',
          environment: 'node',
          include: [...UNIT_NEEDING_ISOLATION],
          setupFiles: ['test/unit/fast-check-seed.ts'],
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}'],
          exclude: [...BROWSER_NEEDING_ISOLATION],
          testTimeout: 60_000,
          // One page for all files rather than one per file: each test opens its own uniquely named database.
          isolate: false,
          browser: browserOptions(),
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'browser-isolated',
          include: [...BROWSER_NEEDING_ISOLATION],
          testTimeout: 60_000,
          browser: browserOptions(),
        },
      },
    ],
  },
});
