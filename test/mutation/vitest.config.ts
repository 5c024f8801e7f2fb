import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// The unit project alone, for StrykerJS (`npm run mutate`): Node only, so each mutant runs in seconds.
const root = resolve(import.meta.dirname, '../..');

export default defineConfig({
  root,
  resolve: { alias: { '@shared': resolve(root, 'shared') } },
  test: {
    environment: 'node',
    include: ['test/unit/**/*.test.ts'],
    setupFiles: ['test/unit/fast-check-seed.ts'],
    testTimeout: 20_000,
  },
});
