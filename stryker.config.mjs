// Mutation testing of the security core: `npm run mutate` (not in the gate: it takes tens of minutes).
// docs/testing.md records the last score and explains each surviving mutant.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'test/mutation/vitest.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 20_000,
  ignoreStatic: true,
  mutate: [
    'shared/crypto/crypto-kit.ts',
    'shared/vault/vault-header.ts',
    'shared/vault/vault-keys.ts',
    'shared/vault/recovery-key.ts',
    'shared/bundle/verify-bundle.ts',
    'shared/bundle/read-bundle-frame.ts',
    'shared/json/canonical-json.ts',
    'electron/main/security/resolve-app-file.ts',
    'electron/main/security/app-origin.ts',
    'electron/main/security/request-policy.ts',
    'electron/main/handlers/files/path-grants.ts',
    'electron/main/ipc/create-ipc-router.ts',
    'electron/main/handlers/files/write-file-atomically.ts',
    'shared/reports/suppress-table.ts',
    'shared/reports/report-csv.ts',
  ],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'test-results/mutation/index.html' },
  jsonReporter: { fileName: 'test-results/mutation/report.json' },
  tempDirName: 'test-results/.stryker-tmp',
  thresholds: { high: 90, low: 85, break: null },
};
