/** e2e fixtures: a fresh preview host (its own sandbox and temp folder) per test. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { SandboxOptions } from '../app/sandbox/server';
import { findLeaks, type Haystack } from '../app/testing/leak-check';
import { startPreview, type PreviewHost, type PreviewOptions } from '../main/preview/host';

export const SCREENS = join(process.cwd(), 'test-output', 'screens');

interface Fixtures {
  sandboxOptions: SandboxOptions;
  previewOptions: Partial<PreviewOptions>;
  /** Off only for a test that plants a leak on purpose and checks for it itself. */
  leakCheck: boolean;
  host: PreviewHost;
  page: Page;
}

export const test = base.extend<Fixtures>({
  sandboxOptions: [{}, { option: true }],
  previewOptions: [{}, { option: true }],
  leakCheck: [true, { option: true }],
  host: async ({ sandboxOptions, previewOptions, leakCheck }, use) => {
    const host = await startPreview({
      headless: true,
      sandbox: sandboxOptions,
      ...previewOptions,
    });
    const errors: string[] = [];
    host.page.on('pageerror', (error) => errors.push(error.message));
    host.page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    try {
      await use(host);
      // After every flow: no secret the sandbox issued is anywhere the page could see.
      if (leakCheck) await expectNoSecretsInPage(host);
      expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    } finally {
      await host.close();
    }
  },
  page: async ({ host }, use) => {
    await use(host.page);
  },
});

/**
 * Everything the page saw or kept: the whole transcript of what crossed into it (answers,
 * events), its console, its storage (local, session, IndexedDB, cookies) and its DOM.
 */
export async function pageHaystacks(host: PreviewHost): Promise<Haystack[]> {
  const storage = await host.context.storageState({ indexedDB: true });
  const session = await host.page
    .evaluate<string>('JSON.stringify(Object.entries(sessionStorage))')
    .catch(() => '');
  return [
    { where: 'answers, events and console', text: host.transcript.join('\n') },
    { where: 'page storage', text: `${JSON.stringify(storage)}\n${session}` },
    { where: 'page HTML', text: await host.page.content() },
    { where: 'page text', text: await host.page.locator('body').innerText() },
  ];
}

export async function expectNoSecretsInPage(host: PreviewHost): Promise<void> {
  // v1's and v2's (mStudio sessions, refresh tokens, API tokens): one check for both APIs.
  const issued = [...host.sandbox.world.issuedSecrets, ...host.sandbox.v2.world.issuedSecrets];
  const leaks = findLeaks(issued, await pageHaystacks(host));
  expect(
    leaks.map((leak) => `secret #${leak.secret} in ${leak.where} (${leak.encoding})`),
    'secrets that reached the page',
  ).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

/** Fills and submits the sign-in form; does not wait for the outcome. */
export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
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
