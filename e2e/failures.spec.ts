import { createToken, expect, screenshot, signIn, test } from './fixtures';

test.describe('rate limit running out', () => {
  test.use({ sandboxOptions: { rateLimits: { 'GET /authentication/tokens': { limit: 3 } } } });

  test('the gauge reaches zero, the endpoint is refused with the reset time, and the UI stays usable', async ({
    page,
    host,
  }) => {
    await signIn(page);
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect(page.getByTestId('rate-gauge')).toContainText('token list: used up until');
    const sent = host.sandbox.countRequests('GET /authentication/tokens');
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: /Rate limit reached\. Try again at \d\d:\d\d/ }),
    ).toBeVisible();
    expect(host.sandbox.countRequests('GET /authentication/tokens')).toBe(sent);
    await screenshot(page, '09-rate-limited');
    await page.getByTestId('rate-gauge').click();
    await expect(page.getByRole('dialog', { name: 'All endpoints' })).toContainText(
      'GET /authentication/tokens',
    );
    await screenshot(page, '10-rate-limit-details');
    await page.keyboard.press('Escape');
    await createToken(page, 'still works');
  });
});

test('the server failing mid-create leaves a row “not held here” after refresh', async ({
  page,
  host,
}) => {
  await signIn(page);
  host.sandbox.faults.add('POST /authentication/tokens', { kind: 'commit_then_drop' });
  await page.getByRole('button', { name: 'New token' }).click();
  const dialog = page.getByRole('dialog', { name: 'New access token' });
  await dialog.getByLabel('Description').fill('lost answer');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Could not reach the server');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  const row = page.getByRole('row', { name: /lost answer/ });
  await expect(row.getByText('Not held here')).toBeVisible();
  await expect(row.getByRole('button', { name: 'Copy lost answer' })).toBeDisabled();
  await screenshot(page, '11-not-held');
});

test('searches 10,000 tokens and keeps the DOM small', async ({ page, host }) => {
  for (let i = 0; i < 10_000; i++)
    host.sandbox.world.createToken('demo', `token ${i}`, Date.UTC(2025, 0, 1) + i * 60_000);
  await signIn(page);
  await expect(page.getByText('10001 of 10001 tokens')).toBeVisible();
  expect(await page.getByRole('row').count()).toBeLessThan(60);
  await page.getByLabel('Search tokens').fill('token 4242');
  await expect(page.getByText('1 of 10001 tokens')).toBeVisible();
  await expect(page.getByRole('row', { name: /token 4242/ })).toBeVisible();
  await page.getByLabel('Search tokens').fill('token 99');
  await expect(page.getByText('111 of 10001 tokens')).toBeVisible();
  await screenshot(page, '12-search');
});
