import type { Page } from '@playwright/test';
import { createToken, expect, screenshot, signIn, test } from './fixtures';

const CREATE = 'POST /authentication/tokens';
const DELETE = 'DELETE /authentication/tokens/{uuid}';

/** The row of the old token (its description exactly, not the rotated replacement's). */
const oldRow = (page: Page) =>
  page.getByRole('row').filter({ has: page.getByText('CI deploy', { exact: true }) });
const replacementRow = (page: Page) => page.getByRole('row', { name: /CI deploy \(rotated / });

async function rotate(page: Page, format: string): Promise<void> {
  await page.getByRole('button', { name: 'Rotate CI deploy…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rotate “CI deploy”' });
  await expect(dialog).toContainText('The old token keeps working until you retire it');
  await dialog.getByText(format, { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: format })).toBeChecked();
  await dialog.getByRole('button', { name: 'Create and copy replacement' }).click();
}

test('rotates a token, copies the replacement and retires the old one now', async ({
  page,
  host,
}) => {
  await signIn(page);
  await createToken(page, 'CI deploy');
  // This device's own sign-in token is not rotated here.
  await expect(
    page.getByRole('row', { name: /This device/ }).getByRole('button', { name: /^Rotate / }),
  ).toHaveCount(0);
  await rotate(page, 'curl line');
  const dialog = page.getByRole('dialog', { name: 'Rotate “CI deploy”' });
  await expect(dialog.getByRole('status')).toContainText(
    /Created the replacement “CI deploy \(rotated \d{4}-\d\d-\d\d\)” and copied it as curl line\./,
  );
  await expect(page.getByRole('contentinfo')).toContainText('On the clipboard');
  await expect(oldRow(page)).toContainText('to retire');
  await expect(replacementRow(page)).toContainText('Held here');
  await screenshot(page, 'rotation-done');

  await dialog.getByRole('button', { name: 'Retire the old token now' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Rotate “CI deploy”' });
  await expect(confirm).toContainText('stops working at once');
  await confirm.getByRole('button', { name: 'Revoke the old token' }).click();
  await expect(confirm).toBeHidden();
  await expect(oldRow(page)).toHaveCount(0);
  await expect(replacementRow(page)).toBeVisible();
  await expect(page.getByText('Retired the old token.')).toBeVisible();
  expect(host.sandbox.countRequests(DELETE)).toBe(1);
});

test('later, after deploying: the old token stays “to retire” with a Retire action', async ({
  page,
}) => {
  await signIn(page);
  await createToken(page, 'CI deploy');
  await rotate(page, 'Token');
  const dialog = page.getByRole('dialog', { name: 'Rotate “CI deploy”' });
  await dialog.getByRole('button', { name: 'Later, after deploying' }).click();
  await expect(dialog).toBeHidden();
  await expect(oldRow(page)).toContainText('to retire');
  // The filter shows only what waits to be retired.
  await page.getByRole('button', { name: /^All tokens/ }).click();
  await page.getByRole('option', { name: 'To retire' }).click();
  await expect(page.getByText('1 of 3 tokens')).toBeVisible();
  await screenshot(page, 'rotation-to-retire');
  await page.getByRole('button', { name: 'Retire CI deploy' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Revoke “CI deploy”?' });
  await confirm.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(page.getByText('No token in this view.')).toBeVisible();
  await page.getByRole('button', { name: 'Show all tokens' }).click();
  await expect(replacementRow(page)).toBeVisible();
});

test('a failed create says that nothing changed, and revokes nothing', async ({ page, host }) => {
  await signIn(page);
  await createToken(page, 'CI deploy');
  host.sandbox.faults.add(CREATE, { kind: 'status', status: 503 });
  await rotate(page, 'Token');
  const dialog = page.getByRole('dialog', { name: 'Rotate “CI deploy”' });
  await expect(dialog.getByRole('alert')).toContainText(
    'No replacement was created. The old token is unchanged and still works.',
  );
  await expect(dialog.getByRole('alert')).toContainText('The server failed');
  await screenshot(page, 'rotation-create-failed');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(oldRow(page)).not.toContainText('to retire');
  await expect(replacementRow(page)).toHaveCount(0);
  expect(host.sandbox.countRequests(DELETE)).toBe(0);
});

test('a failed retire keeps both listed, says so, and can be retried from the row', async ({
  page,
  host,
}) => {
  await signIn(page);
  await createToken(page, 'CI deploy');
  await rotate(page, 'export line');
  const dialog = page.getByRole('dialog', { name: 'Rotate “CI deploy”' });
  await expect(dialog.getByRole('status')).toContainText('copied it as export line');
  host.sandbox.faults.add(DELETE, { kind: 'status', status: 500 });
  await dialog.getByRole('button', { name: 'Retire the old token now' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Rotate “CI deploy”' });
  await confirm.getByRole('button', { name: 'Revoke the old token' }).click();
  await expect(confirm.getByRole('alert')).toContainText(
    'The old token could not be revoked. Both tokens stay listed',
  );
  await screenshot(page, 'rotation-retire-failed');
  await confirm.getByRole('button', { name: 'Later, after deploying' }).click();
  await expect(confirm).toBeHidden();
  await expect(oldRow(page)).toContainText('to retire');
  await expect(replacementRow(page)).toBeVisible();

  await page.getByRole('button', { name: 'Retire CI deploy' }).click();
  await page
    .getByRole('alertdialog', { name: 'Revoke “CI deploy”?' })
    .getByRole('button', { name: 'Revoke', exact: true })
    .click();
  await expect(oldRow(page)).toHaveCount(0);
  await expect(replacementRow(page)).toBeVisible();
});

test('keyboard only: rotate from the row and keep the old token for later', async ({ page }) => {
  await signIn(page);
  await createToken(page, 'CI deploy');
  await page.getByRole('button', { name: 'Rotate CI deploy…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Rotate “CI deploy”' });
  // Focus starts on the main action; the formats are one Tab back, chosen with the arrows.
  await expect(dialog.getByRole('button', { name: 'Create and copy replacement' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('radio', { name: 'Token' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: 'Authorization header' })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toContainText('copied it as Authorization header');
  await expect(dialog.getByRole('button', { name: 'Later, after deploying' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Rotate CI deploy…' })).toHaveCount(0);
  // The Rotate button that opened the dialog is gone: focus goes to the row's Retire.
  await expect(page.getByRole('button', { name: 'Retire CI deploy' })).toBeFocused();
});
