import { DEMO_TOTP_SECRET, totp } from '../app/sandbox/totp';
import { expect, screenshot, signIn, submitSignIn, test } from './fixtures';

test('signs in on the sandbox and shows this device’s own token', async ({ page, host }) => {
  await expect(page).toHaveTitle('mwtokens — Preview — nothing is saved');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByText('Local sandbox', { exact: true }).click();
  await expect(page.getByRole('radio', { name: /Local sandbox/ })).toBeChecked();
  await expect(page.getByText('demo / demo', { exact: false }).first()).toBeVisible();
  await screenshot(page, '01-sign-in');
  await signIn(page);
  const row = page.getByRole('row', { name: /mwtokens on .* This device/ });
  await expect(row).toBeVisible();
  await expect(row.getByText('Held here')).toBeVisible();
  await expect(page.getByTestId('rate-gauge')).toContainText('left');
  await screenshot(page, '03-tokens');
  expect(host.sandbox.countRequests('POST /authenticate')).toBe(1);
});

test('a wrong password says so and keeps the form', async ({ page }) => {
  await submitSignIn(page, 'demo', 'wrong');
  await expect(
    page.getByRole('alert').filter({ hasText: 'did not accept the sign-in' }),
  ).toBeVisible();
  await expect(page.getByLabel('Username', { exact: true })).toHaveValue('demo');
});

test('asks for the second factor and completes it', async ({ page, host }) => {
  await submitSignIn(page, 'mfa-demo', 'demo');
  await expect(page.getByRole('heading', { name: 'Second factor' })).toBeVisible();
  await page.getByLabel('Code').fill('000000');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'That code was not accepted' }),
  ).toBeVisible();
  await screenshot(page, '02-second-factor');
  // The sandbox runs on real time here, so the current code is the real one.
  await page.getByLabel('Code').fill(totp(DEMO_TOTP_SECRET, Date.now()));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('row', { name: /This device/ })).toBeVisible();
  expect(host.sandbox.countRequests('POST /authenticate')).toBe(3);
});
