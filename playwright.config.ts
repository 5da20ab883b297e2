import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './main/preview/chromium';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-output/e2e-artifacts',
  fullyParallel: false,
  workers: 1,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'test-output/playwright.json' }]],
  use: {
    launchOptions: chromiumLaunchOptions({ headless: true }),
    trace: 'retain-on-failure',
  },
});
