import { readFile } from 'node:fs/promises';
import { createToken, expect, screenshot, signIn, test } from './fixtures';

const DAY = 24 * 3600_000;

test('age, old flag, filters and the threshold setting', async ({ page, host }) => {
  host.sandbox.world.createToken('demo', 'legacy script', Date.now() - 400 * DAY);
  await signIn(page);
  await createToken(page, 'CI deploy');
  const legacy = page.getByRole('row', { name: /legacy script/ });
  await expect(legacy).toContainText('last year');
  await expect(legacy).toContainText('old');
  await expect(legacy).toContainText('Not held here');
  await expect(page.getByRole('row', { name: /CI deploy/ })).not.toContainText('old');

  const show = async (option: string) => {
    // The select's button is named by its value and its label, "Show".
    await page.getByRole('button', { name: / Show$/ }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };
  await show('Older than 180 days');
  await expect(page.getByText('1 of 3 tokens')).toBeVisible();
  await expect(legacy).toBeVisible();
  await show('Not held here');
  await expect(page.getByText('1 of 3 tokens')).toBeVisible();
  await show('This device');
  await expect(page.getByRole('row', { name: /This device/ })).toBeVisible();
  await expect(page.getByText('1 of 3 tokens')).toBeVisible();
  await show('Held here');
  await expect(page.getByText('2 of 3 tokens')).toBeVisible();
  await expect(legacy).toHaveCount(0);
  await screenshot(page, 'filter-held');
  await show('All tokens');
  await expect(page.getByText('3 of 3 tokens')).toBeVisible();

  // The threshold is a setting: at 500 days the 400-day-old token is no longer flagged.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const days = settings.getByRole('textbox', { name: 'Flag tokens older than (days)' });
  await expect(days).toHaveValue('180');
  await days.fill('500');
  await days.press('Tab');
  await expect
    .poll(async () => (await host.manager.handlers['settings:get'](undefined)).oldTokenDays)
    .toBe(500);
  await settings.getByRole('button', { name: 'Done' }).click();
  await expect(legacy).not.toContainText(/\bold\b/);
  await show('Older than 500 days');
  await expect(page.getByText('No token in this view.')).toBeVisible();
});

test('details: ID copyable, exact creation time, where it is held, what revoking stops', async ({
  page,
  host,
}) => {
  const listed = host.sandbox.world.createToken('demo', 'legacy script', Date.now() - 400 * DAY);
  await signIn(page);
  await createToken(page, 'CI deploy');

  await page.getByRole('button', { name: 'Details of legacy script' }).click();
  let dialog = page.getByRole('dialog', { name: 'Token “legacy script”' });
  await expect(dialog).toContainText(listed.uuid);
  await expect(dialog).toContainText(String(new Date(listed.crdate).getFullYear()));
  await expect(dialog).toContainText('Not held here');
  await expect(dialog).toContainText('This app cannot copy it; revoking still works.');
  await screenshot(page, 'details-not-held');
  await dialog.getByRole('button', { name: 'Copy ID' }).click();
  await expect(page.getByText('Copied the ID of “legacy script”.')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('Nothing from mwtokens');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Details of CI deploy' }).click();
  dialog = page.getByRole('dialog', { name: 'Token “CI deploy”' });
  await expect(dialog).toContainText('Held here: this app can copy it');
  await expect(dialog).toContainText('Scripts and services using it stop working.');
  await expect(dialog).not.toContainText('cannot copy');
  await page.keyboard.press('Escape');

  await page
    .getByRole('row', { name: /This device/ })
    .getByRole('button', { name: /^Details/ })
    .click();
  dialog = page.getByRole('dialog', { name: /^Token “mwtokens on / });
  await expect(dialog).toContainText('Yes: this app signs in with it');
  await expect(dialog).toContainText('Signs this profile out here.');
});

test('export as CSV and JSON downloads the inventory, without a secret', async ({ page, host }) => {
  const listed = host.sandbox.world.createToken('demo', 'legacy script', Date.now() - 400 * DAY);
  await signIn(page);
  await createToken(page, 'CI deploy');

  for (const [item, extension] of [
    ['CSV (spreadsheets)', 'csv'],
    ['JSON (scripts)', 'json'],
  ] as const) {
    await page.getByRole('button', { name: 'Export…' }).click();
    await expect(page.getByRole('menu', { name: 'Export…' })).toBeVisible();
    if (extension === 'csv') await screenshot(page, 'export-menu');
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: item }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${extension}$`));
    const content = await readFile(await file.path(), 'utf8');
    expect(content).toContain(listed.uuid);
    expect(content).toContain('CI deploy');
    for (const secret of host.sandbox.world.issuedSecrets) expect(content).not.toContain(secret);
    if (extension === 'json') expect(() => JSON.parse(content) as unknown).not.toThrow();
    await expect(
      page.getByText(`Saved the token list as ${file.suggestedFilename()}`),
    ).toBeVisible();
  }
});
