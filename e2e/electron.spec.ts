import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { startSandbox } from '../app/sandbox/server';

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

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The binary as a command line: `electron <app> --user-data-dir=… <words>`, no window. */
function mwtokens(userData: string, words: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    execFile(
      binary ?? 'electron',
      [process.cwd(), `--user-data-dir=${userData}`, ...words],
      { env, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

test('the command line beside the running app: token, exec and list on its store', async () => {
  test.skip(
    binary === undefined,
    'no Electron binary here (node_modules/electron/dist or ELECTRON_OVERRIDE_DIST_PATH)',
  );
  // A sandbox both processes reach (the app's built-in one lives inside its window), as a
  // custom profile; weak storage allowed so that a machine without a keyring can run this.
  const sandbox = await startSandbox();
  const userData = mkdtempSync(join(tmpdir(), 'mwtokens-e2e-cli-'));
  const profile = {
    id: 'e2e-cli',
    name: 'Scripts',
    server: 'custom',
    baseUrl: sandbox.url,
    allowWeakStorage: true,
    createdAt: Date.now(),
  };
  writeFileSync(
    join(userData, 'mwtokens-data.json'),
    JSON.stringify({
      profiles: { version: 1, profiles: [profile], selectedProfileId: profile.id },
    }),
  );
  const app = await electron.launch({
    executablePath: binary,
    args: [process.cwd(), `--user-data-dir=${userData}`],
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '0' },
  });
  try {
    const page = await app.firstWindow();
    await page.getByLabel('Username').fill('demo');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('row', { name: /This device/ })).toBeVisible();

    // While the app runs (no single-instance lock taken from it).
    const token = await mwtokens(userData, ['token', '--profile', 'Scripts']);
    expect(token.code).toBe(0);
    expect(token.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const jwt = token.stdout.trim();
    expect(sandbox.world.issuedSecrets).toContain(jwt);
    expect(token.stderr).not.toContain(jwt);

    const child = `process.stdout.write(JSON.stringify({ sha: require('node:crypto').createHash('sha256').update(process.env.MITTWALD_API_TOKEN ?? '').digest('hex'), url: process.env.MITTWALD_API_URL })); process.exit(5)`;
    const exec = await mwtokens(userData, ['exec', '--', process.execPath, '-e', child]);
    expect(exec.code).toBe(5);
    expect(JSON.parse(exec.stdout)).toEqual({
      sha: createHash('sha256').update(jwt).digest('hex'),
      url: sandbox.url,
    });
    expect(exec.stderr).not.toContain(jwt);

    const list = await mwtokens(userData, ['list', '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toContainEqual(
      expect.objectContaining({ isThisDevice: true, held: true }),
    );
    for (const secret of sandbox.world.issuedSecrets) expect(list.stdout).not.toContain(secret);

    expect((await mwtokens(userData, ['token', '--profile', 'Nope'])).code).toBe(4);
    const help = await mwtokens(userData, ['--help']);
    expect(help).toMatchObject({ code: 0, stderr: expect.not.stringContaining('mwtokens:') });
    expect(help.stdout).toMatch(/Exit codes/);
  } finally {
    await app.close().catch(() => undefined);
    await sandbox.close();
  }
});
