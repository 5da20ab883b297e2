/** e2e fixtures: a fresh preview host (its own sandbox and temp folder) per test. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { SandboxOptions } from '../app/sandbox/server';
import { startPreview, type PreviewHost } from '../main/preview/host';

export const SCREENS = join(process.cwd(), 'test-output', 'screens');

interface Fixtures {
  sandboxOptions: SandboxOptions;
  host: PreviewHost;
  page: Page;
}

export const test = base.extend<Fixtures>({
  sandboxOptions: [{}, { option: true }],
  host: async ({ sandboxOptions }, use) => {
    const host = await startPreview({ headless: true, sandbox: sandboxOptions });
    const errors: string[] = [];
    host.page.on('pageerror', (error) => errors.push(error.message));
    host.page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    try {
      await use(host);
      // After every flow: no secret the sandbox issued is anywhere in the page.
      await expectNoSecretsInPage(host);
      expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    } finally {
      await host.close();
    }
  },
  page: async ({ host }, use) => {
    await use(host.page);
  },
});

export async function expectNoSecretsInPage(host: PreviewHost): Promise<void> {
  const html = await host.page.content();
  const text = await host.page.locator('body').innerText();
  const secrets = [...host.sandbox.world.issuedSecrets];
  const leaked = secrets.filter((secret) => html.includes(secret) || text.includes(secret));
  expect(leaked.length, 'secrets that appeared in the page').toBe(0);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

/** Fills and submits the sign-in form; does not wait for the outcome. */
export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in as demo and waits until this device's own token is listed. */
export async function signIn(page: Page): Promise<void> {
  await submitSignIn(page, 'demo', 'demo');
  await expect(page.getByRole('row', { name: /This device/ })).toBeVisible();
}

export async function createToken(page: Page, description: string): Promise<void> {
  await page.getByRole('button', { name: 'New token' }).click();
  const dialog = page.getByRole('dialog', { name: 'New access token' });
  await dialog.getByLabel('Description').fill(description);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('status')).toContainText(`Created “${description}”`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

/** Ticks a react-aria checkbox by its label (the native input itself is visually hidden). */
export async function tick(page: Page, name: string | RegExp, within?: Locator): Promise<void> {
  // The inner locator of `has` is matched inside each label, so it is built from the page.
  const label = (within ?? page)
    .locator('label')
    .filter({ has: page.getByRole('checkbox', { name }) });
  await label.click();
  await expect(label.getByRole('checkbox')).toBeChecked();
}

export { expect };
