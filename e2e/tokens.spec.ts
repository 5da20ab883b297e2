import { createToken, expect, screenshot, signIn, test, tick } from './fixtures';

test('creates a token, highlights it, and copies it without the secret ever entering the page', async ({
  page,
  host,
}) => {
  await signIn(page);
  await page.getByRole('button', { name: 'New token' }).click();
  const dialog = page.getByRole('dialog', { name: 'New access token' });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('A description is required.')).toBeVisible();
  await dialog.getByLabel('Description').fill('CI deploy');
  await screenshot(page, '04-create-dialog');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('status')).toContainText('Created “CI deploy”');
  await screenshot(page, '05-created');
  await dialog.getByRole('button', { name: 'Copy CI deploy' }).click();
  await page.getByRole('menuitem', { name: 'curl line' }).click();
  await expect(page.getByText('On the clipboard: “CI deploy” as curl line')).toBeVisible();
  const secret =
    [...host.sandbox.world.tokens.values()].find((t) => t.description === 'CI deploy')?.secret ??
    'missing';
  expect(await host.clipboard.readText()).toContain(secret);
  await dialog.getByRole('button', { name: 'Close' }).click();
  const row = page.getByRole('row', { name: /CI deploy/ });
  await expect(row).toHaveClass(/highlight/);
  await expect(row.getByText('Held here')).toBeVisible();
});

test('copies in each format from a row, and the clipboard is cleared after the set time', async ({
  page,
  host,
}) => {
  await signIn(page);
  await host.manager.handlers['settings:set']({ clipboardClearSeconds: 5 });
  await createToken(page, 'backup script');
  const row = page.getByRole('row', { name: /backup script/ });
  for (const [item, pattern] of [
    ['Token', /^MW_/],
    ['export line', /^export MITTWALD_ACCESS_TOKEN_UUID=/],
    ['Authorization header', /^Authorization: Bearer [\w-]+\.[\w-]+\.[\w-]+$/],
  ] as const) {
    await row.getByRole('button', { name: 'Copy backup script' }).click();
    await page.getByRole('menuitem', { name: item, exact: true }).click();
    await expect.poll(() => host.clipboard.readText()).toMatch(pattern);
  }
  await expect(page.getByText(/cleared in 0:0\d/)).toBeVisible();
  await screenshot(page, '06-copied-toast');
  await expect(page.getByText('Clipboard cleared.')).toBeVisible({ timeout: 8000 });
  expect(await host.clipboard.readText()).toBe('');
});

test('does not clear the clipboard when the user copied something else meanwhile', async ({
  page,
  host,
}) => {
  await signIn(page);
  await host.manager.handlers['settings:set']({ clipboardClearSeconds: 5 });
  await page.getByRole('button', { name: 'Copy fresh API token' }).click();
  await page.getByRole('menuitem', { name: 'Token', exact: true }).click();
  await expect(page.getByText('On the clipboard: API token as Token')).toBeVisible();
  await host.clipboard.writeText('my own text');
  await page.waitForTimeout(6000);
  expect(await host.clipboard.readText()).toBe('my own text');
});

test('revokes one token and the next list is fresh despite the server cache', async ({
  page,
  host,
}) => {
  await signIn(page);
  await createToken(page, 'temporary');
  // Fill the server's cache with a plain read; opening the screen again then reads from it.
  await host.manager.handlers['tokens:list']({});
  await page.reload();
  await expect(page.getByText('came from the server’s cache')).toBeVisible();
  await screenshot(page, '07-cache-hint');
  await page.getByRole('button', { name: 'Revoke temporary' }).click();
  const confirm = page.getByRole('alertdialog', { name: /Revoke/ });
  await expect(confirm).toContainText('Revoke “temporary”?');
  await expect(confirm).toContainText('stops working');
  await screenshot(page, '08-revoke-confirm');
  await confirm.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('row', { name: /temporary/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(page.getByText('1 of 1 tokens')).toBeVisible();
  await expect(page.getByRole('row', { name: /temporary/ })).toHaveCount(0);
  expect([...host.sandbox.world.tokens.values()].some((t) => t.description === 'temporary')).toBe(
    false,
  );
});

test('revokes a selection, with an extra confirmation for this device’s own sign-in token', async ({
  page,
}) => {
  await signIn(page);
  await createToken(page, 'one');
  await createToken(page, 'two');
  await tick(page, 'Select all shown tokens');
  await page.getByRole('button', { name: 'Revoke selected (3)' }).click();
  const confirm = page.getByRole('alertdialog', { name: /Revoke/ });
  await expect(
    confirm.getByRole('list', { name: 'Tokens to revoke' }).getByRole('listitem'),
  ).toHaveCount(3);
  await expect(confirm).toContainText('signs you out');
  await expect(confirm.getByRole('button', { name: 'Revoke 3' })).toBeDisabled();
  await tick(page, /sign me out too/, confirm);
  await confirm.getByRole('button', { name: 'Revoke 3' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
