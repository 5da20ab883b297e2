import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'app/**/*.test.ts',
      'main/**/*.test.ts',
      'scripts/**/*.test.ts',
      'renderer/**/*.test.ts',
    ],
    environment: 'node',
    // Every service harness of every test is leak-checked after it (restarts included).
    setupFiles: ['app/testing/leak-guard.setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
