import { createToken, expect, signIn, test } from './fixtures';

test.use({ sandboxOptions: { rateLimits: { 'POST /authenticate': { limit: 4 } } } });

test('the gauge: quiet until a limit is seen, then a filled meter with the endpoint in words', async ({
  page,
}) => {
  const gauge = page.getByRole('button', { name: /^API rate limit/ });
  await expect(gauge).toHaveAccessibleName('API rate limit: No limits seen yet');
  await expect(gauge).toHaveText('');
  await signIn(page);
  await expect(gauge).toContainText('sign-ins: 3 of 4 left');
  const meter = gauge.getByRole('meter', { name: 'sign-ins' });
  await expect(meter).toHaveAttribute('aria-valuenow', '3');
  // The fill has a length that follows the share left (3 of 4).
  const [bar, fill] = await Promise.all([
    gauge.locator('.meter-bar').boundingBox(),
    gauge.locator('.meter-fill').boundingBox(),
  ]);
  expect(fill?.width ?? 0).toBeCloseTo((bar?.width ?? 0) * 0.75, 0);

  await gauge.click();
  const panel = page.getByRole('dialog', { name: 'All endpoints' });
  await expect(panel).toContainText('sign-ins');
  await expect(panel).toContainText('POST /authenticate');
  await expect(panel).toContainText(/resets in \d+:\d\d/);
  await panel.getByRole('button', { name: 'Close' }).click();
});

test('an action that spends a scarce call says so first: sign-in, and the Authorization header', async ({
  page,
}) => {
  await signIn(page);
  await createToken(page, 'deploy');
  await page.getByRole('button', { name: 'Copy deploy' }).click();
  // Header signs in with the token: 3 of 4 sign-ins left is not scarce yet.
  await expect(page.getByRole('menuitem', { name: 'Authorization header' })).not.toContainText(
    'Rate limit',
  );
  await page.getByRole('menuitem', { name: 'Authorization header' }).click();
  await expect(page.getByText('On the clipboard: API token from “deploy”')).toBeVisible();

  await page.getByRole('button', { name: 'Copy deploy' }).click();
  await expect(page.getByRole('menuitem', { name: 'Authorization header' })).toContainText(
    /Rate limit for sign-ins: 2 of 4 left until \d\d:\d\d( [AP]M)?; this uses one\./,
  );
  await expect(page.getByRole('menuitem', { name: 'Token', exact: true })).not.toContainText(
    'Rate limit',
  );
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Rate limit for sign-ins: 2 of 4 left');
});
