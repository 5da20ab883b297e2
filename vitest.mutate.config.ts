/**
 * The tests Stryker runs against each mutant: the core's and main/electron's unit and
 * integration tests. Packaging and electronegativity are left out: they test files, not code
 * that Stryker mutates, and take seconds each.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['app/**/*.test.ts', 'main/electron/*.test.ts'],
      exclude: ['main/electron/packaging.test.ts', 'main/electron/electronegativity.test.ts'],
    },
  }),
);
