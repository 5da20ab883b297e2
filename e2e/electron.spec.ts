import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

// The real app, where an Electron binary exists. Found without triggering a download.
function electronBinary(): string | undefined {
  const dir = join(process.cwd(), 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, relative) : join(dir, 'dist', relative);
  return existsSync(candidate) ? candidate : undefined;
}

const binary = electronBinary();

test('the Electron app: start, sign in on the sandbox, create, copy, revoke, quit with the clipboard cleared', async () => {
  test.skip(
    binary === undefined,
    'no Electron binary here (node_modules/electron/dist or ELECTRON_OVERRIDE_DIST_PATH)',
  );
  const app = await electron.launch({
    executablePath: binary,
    // A fresh profile folder per run, so stored state never leaks between runs.
    args: [process.cwd(), `--user-data-dir=${mkdtempSync(join(tmpdir(), 'mwtokens-e2e-'))}`],
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '0' },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.getByText('Local sandbox', { exact: true }).click();
    await page.getByLabel('Username').fill('demo');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('row', { name: /This device/ })).toBeVisible();
    await page.getByRole('button', { name: 'New token' }).click();
    const dialog = page.getByRole('dialog', { name: 'New access token' });
    await dialog.getByLabel('Description').fill('electron e2e');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog.getByRole('status')).toContainText('Created “electron e2e”');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Copy electron e2e' }).click();
    await page.getByRole('menuitem', { name: 'Token', exact: true }).click();
    const copied = await app.evaluate(({ clipboard }) => clipboard.readText());
    expect(copied).toMatch(/^MW_/);
    expect(await page.content()).not.toContain(copied);
    await page.getByRole('button', { name: 'Revoke electron e2e' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke' }).click();
    await expect(page.getByRole('row', { name: /electron e2e/ })).toHaveCount(0);
    // Quit with a secret on the clipboard: before-quit holds the quit until it is cleared.
    await page
      .getByRole('button', { name: /^Copy / })
      .first()
      .click();
    await page.getByRole('menuitem', { name: 'Token', exact: true }).click();
    expect(await app.evaluate(({ clipboard }) => clipboard.readText())).toMatch(/^MW_/);
    await app.evaluate(({ app: electronApp }) => electronApp.quit());
    await app.waitForEvent('close');
    // Another instance (its own profile folder, so its own single-instance lock) reads the
    // system clipboard after the first one is gone.
    const reader = await electron.launch({
      executablePath: binary,
      args: [process.cwd(), `--user-data-dir=${mkdtempSync(join(tmpdir(), 'mwtokens-e2e-'))}`],
    });
    try {
      expect(await reader.evaluate(({ clipboard }) => clipboard.readText())).toBe('');
    } finally {
      await reader.close();
    }
  } finally {
    await app.close().catch(() => undefined);
  }
});
