import { expect, signIn, test } from './fixtures';

test('every action works from the keyboard, and focus comes back after each dialog', async ({
  page,
  host,
}) => {
  await signIn(page);
  await expect(page.getByRole('row', { name: /This device/ })).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 300 } });

  // n: new token, typed and created without the mouse.
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New access token' });
  await expect(dialog.getByLabel('Description')).toBeFocused();
  await page.keyboard.type('keyboard token');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toContainText('Created “keyboard token”');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Opened from its button, a dialog gives focus back to that button when it closes.
  const newToken = page.getByRole('button', { name: 'New token' });
  await newToken.focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Description')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(newToken).toBeFocused();

  // /: search.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search tokens')).toBeFocused();
  await page.keyboard.type('keyboard');
  await expect(page.getByText('1 of 2 tokens')).toBeVisible();

  // Tab to the row's checkbox, space selects, c copies it, Delete revokes after confirming.
  const checkbox = page.getByRole('checkbox', { name: 'Select keyboard token' });
  await checkbox.focus();
  await page.keyboard.press('Space');
  await expect(checkbox).toBeChecked();
  await page.keyboard.press('c');
  await expect(page.getByText('Copied access token ‘keyboard token’ as token.')).toBeVisible();
  expect(await host.clipboard.readText()).toMatch(/^MW_/);
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('alertdialog', { name: /Revoke/ });
  await expect(confirm).toContainText('Revoke “keyboard token”?');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Revoke' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('0 of 1 tokens')).toBeVisible();

  // ?: the shortcut list; Escape closes it and focus returns.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText(
    'Copy a fresh API token',
  );
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();

  // Ctrl+Shift+C: a fresh API token.
  await page.keyboard.press('Control+Shift+C');
  await expect(page.getByText('Copied API token as token.')).toBeVisible();
});

test('settings persist through the contract and switch language and theme at once', async ({
  page,
  host,
}) => {
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog');
  await settings.getByText('Deutsch', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
  await settings.getByText('Dunkel', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await host.manager.handlers['settings:get'](undefined)).toMatchObject({
    language: 'de',
    theme: 'dark',
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
});
