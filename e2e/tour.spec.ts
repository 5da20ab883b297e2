import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createToken, expect, signIn, test } from './fixtures';

// The README's tour: current screenshots of the main screens, rewritten by every run of the
// suite (commit them when the UI changed).
const DOCS = join(process.cwd(), 'docs', 'screenshots');

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(DOCS, { recursive: true });
  await page.screenshot({ path: join(DOCS, `${name}.png`) });
}

test.use({
  sandboxOptions: {
    rateLimits: {
      'GET /authentication/tokens': { limit: 60 },
      'POST /authentication/tokens': { limit: 20 },
      'POST /authenticate': { limit: 10 },
    },
  },
});

test('tour of the main screens', async ({ page, host }) => {
  await page.setViewportSize({ width: 1100, height: 640 });
  await page.getByText('Local sandbox', { exact: true }).click();
  await shot(page, 'sign-in');
  await signIn(page);
  for (const description of ['CI deploy', 'backup script on web01', 'staging smoke tests'])
    await createToken(page, description);
  host.sandbox.world.createToken('demo', 'made in mStudio', Date.UTC(2026, 8, 1));
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(page.getByText('5 of 5 tokens')).toBeVisible();
  await shot(page, 'tokens');

  await page.getByRole('button', { name: 'Copy CI deploy' }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await shot(page, 'copy-menu');
  await page.getByRole('menuitem', { name: 'curl line' }).click();
  await expect(page.getByText(/as curl line/)).toBeVisible();
  await shot(page, 'copied');

  await page.getByRole('button', { name: 'Revoke staging smoke tests' }).click();
  await expect(page.getByRole('alertdialog', { name: /Revoke/ })).toBeVisible();
  await shot(page, 'revoke');
  await page.keyboard.press('Escape');

  await page.getByTestId('rate-gauge').click();
  await expect(page.getByRole('dialog', { name: 'All endpoints' })).toBeVisible();
  await shot(page, 'rate-limits');
  await page.keyboard.press('Escape');

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await shot(page, 'shortcuts');
  await page.keyboard.press('Escape');

  await host.manager.handlers['settings:set']({ theme: 'dark', language: 'de' });
  await page.reload();
  await expect(page.getByText('5 von 5 Tokens')).toBeVisible();
  await shot(page, 'tokens-dark-de');
});
