import { createToken, expect, signIn, test, tick } from './fixtures';

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
  await expect(page.getByText('On the clipboard: “keyboard token” as Token')).toBeVisible();
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
  await expect(page.getByText('On the clipboard: API token as Token')).toBeVisible();
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

test('menu commands obey the same rules as keys: not over a dialog, typing commands not in a field', async ({
  page,
  host,
}) => {
  await signIn(page);
  await createToken(page, 'alpha');
  await tick(page, 'Select alpha');

  // A dialog is open: the menu's New token, Settings, Copy API token do nothing.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const command of ['newToken', 'settings', 'copyApiToken', 'revokeSelected'] as const)
    host.manager.command(command);
  await page.waitForTimeout(300);
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByText('On the clipboard: API token')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // In the search field: "?" and Delete/Backspace from the menu type or delete, never act.
  const search = page.getByLabel('Search tokens');
  await search.fill('alph');
  host.manager.command('help');
  host.manager.command('revokeSelected');
  await page.keyboard.press('Control+Backspace');
  await page.waitForTimeout(300);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(search).toHaveValue('');

  // Outside a field the same commands work.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  host.manager.command('help');
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.keyboard.press('Control+Backspace');
  await page.waitForTimeout(300);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  host.manager.command('revokeSelected');
  await expect(page.getByRole('alertdialog', { name: 'Revoke “alpha”?' })).toBeVisible();
  await page.keyboard.press('Escape');
});

test('"?" opens the shortcuts on any layout: matched by the character, not Shift+/', async ({
  page,
}) => {
  await signIn(page);
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  // German: Shift+ß; some layouts need AltGr, which arrives as Ctrl+Alt.
  for (const init of [
    { key: '?', code: 'Minus', shiftKey: true },
    { key: '?', code: 'KeyM', ctrlKey: true, altKey: true },
  ]) {
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.locator('body').dispatchEvent('keydown', { ...init, bubbles: true });
    await expect(help).toBeVisible();
    await expect(help).toContainText('Go to the token list');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
  }
  // Typed into the search field, "?" is a character.
  await page.getByLabel('Search tokens').focus();
  await page.keyboard.type('?');
  await expect(help).toBeHidden();
  await expect(page.getByLabel('Search tokens')).toHaveValue('?');
});

test('the table by keyboard: T or the skip link reach it, arrows move between rows, Esc leaves the search', async ({
  page,
}) => {
  await signIn(page);
  await createToken(page, 'alpha');
  await createToken(page, 'beta');
  const checkboxes = page.getByRole('checkbox', { name: /^Select (alpha|beta|mwtokens)/ });

  // Esc clears the search, a second Esc leaves it for the first row.
  const search = page.getByLabel('Search tokens');
  await search.fill('zzz');
  // The empty state is inside the table, with a way out.
  const table = page.getByRole('table', { name: 'Access tokens' });
  await expect(table.getByRole('cell')).toContainText('No token matches “zzz”.');
  await expect(table.getByRole('button', { name: 'Clear search' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(search).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(checkboxes.nth(0)).toBeFocused();

  // Down and up keep the column: from a copy button to the next row's copy button.
  await page.keyboard.press('ArrowDown');
  await expect(checkboxes.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(checkboxes.nth(2)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(checkboxes.nth(0)).toBeFocused();
  await page.keyboard.press('Tab');
  const copyButtons = page.getByRole('button', { name: /^Copy (alpha|beta|mwtokens)/ });
  await expect(copyButtons.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(copyButtons.nth(1)).toBeFocused();

  // The focus ring of a row's button is drawn whole: no ancestor clips the 4px around it.
  const clipped = await copyButtons.nth(1).evaluate(`(() => {
    const el = document.activeElement;
    const r = el.getBoundingClientRect();
    for (let up = el.parentElement; up; up = up.parentElement) {
      const s = getComputedStyle(up);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const b = up.getBoundingClientRect();
      if (r.left - 4 < b.left || r.right + 4 > b.right || r.top - 4 < b.top || r.bottom + 4 > b.bottom)
        return up.className;
    }
    return '';
  })()`);
  expect(clipped).toBe('');

  // T from anywhere outside a field.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('t');
  await expect(checkboxes.nth(0)).toBeFocused();

  // The skip link, the second stop from the top of the page.
  await page.reload();
  await expect(checkboxes.nth(2)).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the token list' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await expect(checkboxes.nth(0)).toBeFocused();
});

test('a select by keyboard: Enter, Space or ArrowDown opens it on the chosen option, Enter chooses, Escape leaves it as it was', async ({
  page,
}) => {
  await signIn(page);
  await createToken(page, 'alpha');
  await createToken(page, 'beta');
  // The button is named by its value, then its label (as before the list was loaded on demand).
  const sort = page.getByRole('button', { name: 'Newest first Sort' });
  const rows = page.getByRole('checkbox', { name: /^Select (alpha|beta)/ });
  await expect(rows.first()).toHaveAccessibleName(/beta/);

  await sort.focus();
  await page.keyboard.press('ArrowDown');
  const list = page.getByRole('listbox', { name: 'Sort' });
  await expect(list.getByRole('option', { name: 'Newest first' })).toBeFocused();
  await expect(sort).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(list).toBeHidden();
  const oldest = page.getByRole('button', { name: 'Oldest first Sort' });
  await expect(oldest).toBeFocused();
  await expect(rows.first()).toHaveAccessibleName(/alpha/);

  // Escape closes without a change; Space and Enter open it too.
  await page.keyboard.press('Space');
  await expect(list.getByRole('option', { name: 'Oldest first' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(oldest).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(list.getByRole('option', { name: 'Oldest first' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(rows.first()).toHaveAccessibleName(/alpha/);

  // Closed, a typed letter chooses, as in a native select: no shortcut (n is New token).
  await page.keyboard.press('n');
  const newest = page.getByRole('button', { name: 'Newest first Sort' });
  await expect(newest).toBeFocused();
  await expect(list).toBeHidden();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(rows.first()).toHaveAccessibleName(/beta/);
  await page.keyboard.press('d');
  await expect(page.getByRole('button', { name: 'Description A–Z Sort' })).toBeFocused();
  // A letter no option starts with changes nothing; the shortcuts stay off here.
  await page.keyboard.press('r');
  await expect(page.getByRole('button', { name: 'Description A–Z Sort' })).toBeFocused();
  await expect(rows.first()).toHaveAccessibleName(/alpha/);
});
