import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { PREVIEW_ORIGIN, serveRenderer } from '../main/preview/serve-renderer';

test('the built renderer shell renders in Chromium under its CSP', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await serveRenderer(page, join(process.cwd(), 'dist', 'renderer'));
  await page.goto(`${PREVIEW_ORIGIN}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'mwtokens' })).toBeVisible();
  expect(errors).toEqual([]);
});
