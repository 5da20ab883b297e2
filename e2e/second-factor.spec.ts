import { DEMO_TOTP_SECRET, totp } from '../app/sandbox/totp';
import { expect, screenshot, submitSignIn, test } from './fixtures';

test('a new device asks for the PIN mailed to the account; the sandbox mailbox shows it', async ({
  page,
  host,
}) => {
  await submitSignIn(page, 'device-demo', 'demo');
  await expect(page.getByRole('heading', { name: 'Second factor' })).toBeVisible();
  // The screen names the account and the server, and asks for the PIN, not an app's code.
  await expect(page.getByText('Signing in as device-demo on Local sandbox')).toBeVisible();
  await expect(page.getByText('device PIN sent to device-demo’s e-mail')).toBeVisible();
  await expect(page.getByLabel('PIN', { exact: true })).toBeVisible();
  await expect(page.getByText('authenticator app')).toHaveCount(0);

  // The sandbox's stand-in for e-mail, labelled as the sandbox's.
  const mailbox = page.getByRole('region', { name: 'Sandbox mailbox' });
  await expect(mailbox).toContainText('sends no real e-mail');
  const mails = mailbox.getByRole('list', { name: 'Mails to device-demo, newest first' });
  await expect(mails.getByRole('listitem')).toHaveCount(1);
  await expect(mails).toContainText('Confirm a new device');
  await screenshot(page, 'second-factor-device-pin');

  // A wrong PIN is said as a PIN; the form stays.
  await page.getByLabel('PIN', { exact: true }).fill('not-the-pin');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'That PIN was not accepted' }),
  ).toBeVisible();

  // Longer than any digit rule would allow is not refused by the form (the API states none).
  const pin = /PIN: (\d+)/.exec(host.sandbox.world.mailbox.at(-1)?.body ?? '')?.[1] ?? '';
  expect(pin).not.toBe('');
  await mails.getByRole('button', { name: `Use PIN ${pin}` }).click();
  await expect(page.getByLabel('PIN', { exact: true })).toHaveValue(pin);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('row', { name: /This device/ })).toBeVisible();
  // The header says who is signed in where.
  await expect(page.locator('header')).toContainText('device-demo on Local sandbox');

  // Signed out and in again with the password: this device is remembered, no PIN asked.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await submitSignIn(page, 'device-demo', 'demo');
  await expect(page.getByRole('row', { name: /This device/ })).toBeVisible();
  expect(host.sandbox.world.mailbox).toHaveLength(1);
});

test('TOTP asks for the authenticator code for the named account; the header then names it', async ({
  page,
  host,
}) => {
  await submitSignIn(page, 'mfa-demo', 'demo');
  await expect(page.getByRole('heading', { name: 'Second factor' })).toBeVisible();
  await expect(page.getByText('Signing in as mfa-demo on Local sandbox')).toBeVisible();
  await expect(page.getByText('authenticator app for mfa-demo')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sandbox mailbox' })).toHaveCount(0);
  await page.getByLabel('Code', { exact: true }).fill(totp(DEMO_TOTP_SECRET, Date.now()));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('row', { name: /This device/ })).toBeVisible();
  await expect(page.locator('header')).toContainText('mfa-demo on Local sandbox');
  const profiles = await host.manager.handlers['profiles:list'](undefined);
  expect(profiles.profiles.map((p) => p.username)).toEqual(['mfa-demo']);
});

test('a failed first sign-in leaves no profile behind', async ({ page, host }) => {
  await submitSignIn(page, 'demo', 'wrong');
  await expect(
    page.getByRole('alert').filter({ hasText: 'did not accept the sign-in' }),
  ).toBeVisible();
  expect((await host.manager.handlers['profiles:list'](undefined)).profiles).toEqual([]);
  // Trying again makes exactly one profile.
  await page.getByLabel('Password', { exact: true }).fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('row', { name: /This device/ })).toBeVisible();
  expect((await host.manager.handlers['profiles:list'](undefined)).profiles).toHaveLength(1);
  await expect(page.locator('header')).toContainText('demo on Local sandbox');
});
