// `npm run mutate`: Stryker breaks the core on purpose, thousands of ways, and reports which
// breakages no test noticed. Not part of `npm test` (too slow for CI). Reviewed survivors that
// cannot matter (equivalent mutants) are listed in security/mutants-reviewed.json.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'app/**/*.ts',
    '!app/**/*.test.ts',
    '!app/sandbox/**',
    '!app/testing/**',
    // Test support (fixtures, harnesses, child-process helpers), not the product.
    '!app/**/testing/**',
    '!app/**/*-harness.ts',
    'main/electron/*.ts',
    '!main/electron/*.test.ts',
    '!main/electron/main.ts',
    // The composition root: it wires Electron's real modules and can only run inside Electron.
    '!main/electron/boot.ts',
  ],
  // Output that other runs write while Stryker copies the project must not be copied.
  ignorePatterns: [
    'test-output',
    'test-results',
    'bench-output',
    'playwright-report',
    'dist',
    'release',
  ],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'mutation-output/mutation.json' },
  htmlReporter: { fileName: 'mutation-output/mutation.html' },
  tempDirName: 'mutation-output/.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 80, break: null },
};
