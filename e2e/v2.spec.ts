import type { Page } from '@playwright/test';
import { DEMO_TOTP_SECRET, totp } from '../app/sandbox/totp';
import { expect, screenshot, test, tick } from './fixtures';

/** mStudio (API v2) in the preview against the sandbox: every v2 flow, by role and text. */

const DAY = 24 * 3600_000;
const DEMO = 'studio-demo@example.com';

/** The label of a react-aria checkbox (its input is visually hidden): what a user clicks. */
function checkboxLabel(page: Page, name: RegExp) {
  return page.locator('label').filter({ has: page.getByRole('checkbox', { name }) });
}

async function chooseOption(page: Page, select: RegExp, option: string): Promise<void> {
  await page.getByRole('button', { name: select }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Chooses mStudio, fills e-mail and password; device token options left to the caller. */
async function fillV2SignIn(page: Page, email: string): Promise<void> {
  await page.getByText('mStudio (API v2)', { exact: true }).click();
  await expect(page.getByRole('radio', { name: /mStudio \(API v2\)/ })).toBeChecked();
  await page.getByLabel('E-mail address', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill('demo');
}

async function signInV2(page: Page, expiry?: string): Promise<void> {
  await fillV2SignIn(page, DEMO);
  if (expiry) await chooseOption(page, /Expires/, expiry);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('row', { name: /This device/ })).toBeVisible();
}

test('v2 sign-in: e-mail, both roles and 90 days by default; no fresh API token', async ({
  page,
  host,
}) => {
  await fillV2SignIn(page, DEMO);
  // The sandbox's v2 demo accounts are named where the server is chosen.
  await expect(page.getByText(/studio-demo@example\.com \/ demo/)).toBeVisible();
  const device = page.getByRole('group', { name: 'This device’s API token' });
  await expect(device.getByRole('checkbox', { name: /^Read/ })).toBeChecked();
  await expect(device.getByRole('checkbox', { name: /^Write/ })).toBeChecked();
  await expect(device.getByRole('button', { name: /Expires/ })).toContainText('in 90 days');
  await screenshot(page, 'v2-01-sign-in');
  const before = Date.now();
  await page.getByRole('button', { name: 'Sign in' }).click();

  const row = page.getByRole('row', { name: /This device/ });
  await expect(row).toBeVisible();
  await expect(row.getByText('Read', { exact: true })).toBeVisible();
  await expect(row.getByText('Write', { exact: true })).toBeVisible();
  await expect(row.getByRole('cell').nth(3)).toContainText(/in 3 months|in 90 days/);
  await expect(page.getByRole('columnheader', { name: 'Expires' })).toBeVisible();
  await expect(page.getByText(`${DEMO} on Local sandbox`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy fresh API token' })).toHaveCount(0);
  await screenshot(page, 'v2-02-tokens');

  const [token] = host.sandbox.v2.world.apiTokensOf(DEMO);
  expect(token?.roles).toEqual(['api_read', 'api_write']);
  expect(token?.expiresAt).toBeGreaterThanOrEqual(before + 90 * DAY - 60_000);
  expect(token?.expiresAt).toBeLessThanOrEqual(Date.now() + 90 * DAY + 60_000);
  // The session that made the device token was ended: only the API token remains.
  expect(host.sandbox.v2.world.sessions.size).toBe(0);
});

test('v2 second factor: a wrong code is said, a recovery code works', async ({ page, host }) => {
  await fillV2SignIn(page, 'studio-mfa@example.com');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Second factor' })).toBeVisible();
  await expect(
    page.getByText('Signing in as studio-mfa@example.com on Local sandbox'),
  ).toBeVisible();
  await expect(page.getByText(/recovery codes works too/)).toBeVisible();
  await page.getByLabel('Code or recovery code').fill('000000');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'That code was not accepted' }),
  ).toBeVisible();
  await screenshot(page, 'v2-03-second-factor');
  await page.getByLabel('Code or recovery code').fill('recovery-0001');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('row', { name: /This device/ })).toBeVisible();
  expect(host.sandbox.countRequests('POST /v2/authenticate-mfa')).toBe(2);
});

test('v2 second factor with a TOTP code and a read-only device token for 30 days', async ({
  page,
  host,
}) => {
  await fillV2SignIn(page, 'studio-mfa@example.com');
  await checkboxLabel(page, /^Write/).click();
  await expect(page.getByRole('checkbox', { name: /^Write/ })).not.toBeChecked();
  await chooseOption(page, /Expires/, 'in 30 days');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Code or recovery code').fill(totp(DEMO_TOTP_SECRET, Date.now()));
  await page.getByRole('button', { name: 'Confirm' }).click();
  const row = page.getByRole('row', { name: /This device/ });
  await expect(row.getByText('Read', { exact: true })).toBeVisible();
  await expect(row.getByText('Write', { exact: true })).toHaveCount(0);
  const [token] = host.sandbox.v2.world.apiTokensOf('studio-mfa@example.com');
  expect(token?.roles).toEqual(['api_read']);
  expect(token?.expiresAt).toBeLessThan(Date.now() + 31 * DAY);
});

test('v2 tokens: create with roles and expiry, copy, edit, flags, revoke one and many', async ({
  page,
  host,
}) => {
  // An expired token and one that never expires, made elsewhere (not held here).
  const world = host.sandbox.v2.world;
  world.createApiToken(DEMO, {
    description: 'old laptop',
    roles: ['api_read'],
    expiresAt: Date.now() - 2 * DAY,
  });
  world.createApiToken(DEMO, { description: 'monitoring', roles: ['api_read'] });
  await signInV2(page);
  await expect(page.getByRole('row', { name: /old laptop/ })).toContainText('expired');
  await expect(page.getByRole('row', { name: /monitoring/ })).toContainText('never');

  await page.getByRole('button', { name: 'New token' }).click();
  const dialog = page.getByRole('dialog', { name: 'New API token' });
  await dialog.getByLabel('Description').fill('CI read-only');
  await checkboxLabel(page, /^Write/).click();
  // No role at all is refused before anything is sent.
  await checkboxLabel(page, /^Read/).click();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('Choose at least one role.')).toBeVisible();
  await checkboxLabel(page, /^Read/).click();
  await chooseOption(page, /Expires/, 'in 7 days');
  await screenshot(page, 'v2-04-create');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('status')).toContainText('Created “CI read-only”');
  const created = world.apiTokensOf(DEMO).find((t) => t.description === 'CI read-only');
  expect(created?.roles).toEqual(['api_read']);
  expect(created?.expiresAt).toBeLessThan(Date.now() + 7 * DAY + 60_000);

  // Copy: the v2 token is the bearer itself.
  await dialog.getByRole('button', { name: 'Copy CI read-only' }).click();
  await expect(page.getByRole('menuitem', { name: /Authorization header/ })).toContainText(
    'Ready to paste as an HTTP header.',
  );
  await page.getByRole('menuitem', { name: /Authorization header/ }).click();
  await expect
    .poll(() => host.clipboard.readText())
    .toBe(`Authorization: Bearer ${created?.secret}`);
  await dialog.getByRole('button', { name: 'Close' }).click();

  const row = page.getByRole('row', { name: /CI read-only/ });
  await expect(row).toContainText('expiring soon');
  await expect(row.getByText('Write', { exact: true })).toHaveCount(0);
  await row.getByRole('button', { name: 'Copy CI read-only' }).click();
  await page.getByRole('menuitem', { name: /export line/ }).click();
  await expect
    .poll(() => host.clipboard.readText())
    .toBe(`export MITTWALD_API_TOKEN='${created?.secret}'`);
  await screenshot(page, 'v2-05-table');

  // Details: roles with their API names, the exact expiry.
  await row.getByRole('button', { name: 'Details of CI read-only' }).click();
  const details = page.getByRole('dialog', { name: 'Token “CI read-only”' });
  await expect(details).toContainText('Read (api_read)');
  await expect(details.getByRole('definition').filter({ hasText: /in 7 days/ })).toBeVisible();
  await details.getByRole('button', { name: 'Close' }).click();

  // Edit: description and expiry (never); roles are named, not editable.
  await row.getByRole('button', { name: 'Edit CI read-only…' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit “CI read-only”' });
  await expect(edit).toContainText('Roles: Read.');
  await edit.getByLabel('Description').fill('CI reader');
  await chooseOption(page, /Expires/, 'never');
  await expect(edit).toContainText('valid until you revoke it');
  await screenshot(page, 'v2-06-edit');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  const edited = page.getByRole('row', { name: /CI reader/ });
  await expect(edited).toContainText('never');
  await expect(edited).not.toContainText('expiring soon');
  expect(world.apiTokenOf(DEMO, created?.apiTokenId ?? '')?.expiresAt).toBeUndefined();
  expect(world.apiTokenOf(DEMO, created?.apiTokenId ?? '')?.description).toBe('CI reader');

  // Revoke one.
  await edited.getByRole('button', { name: 'Revoke CI reader' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('row', { name: /CI reader/ })).toHaveCount(0);
  expect(world.apiTokenOf(DEMO, created?.apiTokenId ?? '')).toBeUndefined();

  // Revoke many.
  await tick(page, 'Select old laptop');
  await tick(page, 'Select monitoring');
  await page.getByRole('button', { name: 'Revoke selected (2)' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke 2' }).click();
  await expect(page.getByRole('row', { name: /old laptop|monitoring/ })).toHaveCount(0);
  expect(world.apiTokensOf(DEMO).map((t) => t.description)).toEqual([
    expect.stringContaining('mwtokens'),
  ]);
});

test('expiring-soon days in Settings move the flag', async ({ page }) => {
  await signInV2(page);
  await page.getByRole('button', { name: 'New token' }).click();
  const dialog = page.getByRole('dialog', { name: 'New API token' });
  await dialog.getByLabel('Description').fill('weekly job');
  await chooseOption(page, /Expires/, 'in 30 days');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  const row = page.getByRole('row', { name: /weekly job/ });
  await expect(row).not.toContainText('expiring soon');

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const days = settings.getByLabel('Flag mStudio tokens expiring within (days)');
  await expect(days).toHaveValue('14');
  await days.fill('45');
  await days.press('Tab');
  await settings.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(row).toContainText('expiring soon');
});

test('this device’s own token: a banner when renewal is due, renewed in one click', async ({
  page,
  host,
}) => {
  // 7 days is shorter than the 14-day threshold: the renewal is due at half the lifetime, not
  // from birth (nor, once renewed with the same lifetime, again at once).
  await signInV2(page, 'in 7 days');
  const banner = page.getByRole('status').filter({ hasText: 'This device’s API token expires' });
  await expect(page.getByRole('row', { name: /This device/ })).toContainText('expiring soon');
  await expect(banner).toHaveCount(0);
  // The page's clock 4 days on (the page compares its time with the service's renewFrom).
  await page.clock.setSystemTime(Date.now() + 4 * DAY);
  await expect(banner).toBeVisible();
  await screenshot(page, 'v2-07-renew');
  const [old] = host.sandbox.v2.world.apiTokensOf(DEMO);
  await banner.getByRole('button', { name: 'Renew now' }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByText('Renewed this device’s API token.')).toBeVisible();
  const tokens = host.sandbox.v2.world.apiTokensOf(DEMO);
  expect(tokens.map((t) => t.apiTokenId)).not.toContain(old?.apiTokenId);
  expect(tokens).toHaveLength(1);
  // Same lifetime as before, counted from now.
  expect(tokens[0]?.expiresAt).toBeGreaterThan(Date.now() + 6 * DAY);
  await expect(page.getByRole('row', { name: /This device/ })).toBeVisible();
});

test('a read-only device token: the banner says a new sign-in is needed, and offers no renewal', async ({
  page,
}) => {
  await fillV2SignIn(page, DEMO);
  await checkboxLabel(page, /^Write/).click();
  await expect(page.getByRole('checkbox', { name: /^Write/ })).not.toBeChecked();
  await chooseOption(page, /Expires/, 'in 7 days');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('row', { name: /This device/ })).toBeVisible();
  await page.clock.setSystemTime(Date.now() + 4 * DAY);
  const banner = page
    .getByRole('status')
    .filter({ hasText: 'This device’s read-only API token expires' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('sign out and sign in again');
  await expect(banner.getByRole('button', { name: 'Renew now' })).toHaveCount(0);
  await banner.getByRole('button', { name: 'Not now' }).click();
  await expect(banner).toBeHidden();
});
