import { createToken, expect, signIn, test } from './fixtures';

test('one clipboard indicator: what was copied (never the secret), a countdown, and clear now', async ({
  page,
  host,
}) => {
  await signIn(page);
  await createToken(page, 'CI deploy');
  const status = page.getByRole('region', { name: 'Clipboard' });
  await expect(status).toContainText('Nothing from mwtokens on the clipboard');

  const row = page.getByRole('row', { name: /CI deploy/ });
  await row.getByRole('button', { name: 'Copy CI deploy' }).click();
  await page.getByRole('menuitem', { name: 'export line' }).click();
  await expect(status).toContainText('On the clipboard: “CI deploy” as export line');
  await expect(status).toContainText(/cleared in 0:[0-3]\d/);
  // A second copy replaces the first: one indicator, no stack of toasts.
  await page.getByRole('button', { name: 'Copy fresh API token' }).click();
  await page.getByRole('menuitem', { name: 'Token', exact: true }).click();
  await expect(status).toContainText('On the clipboard: API token as Token');
  await expect(status).toContainText('valid until');
  await expect(page.getByText(/On the clipboard/)).toHaveCount(1);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  // The clipboard's own page is hidden: the window is the only page a user could see or close.
  expect(host.context.pages()).toEqual([page]);

  await status.getByRole('button', { name: 'Clear now' }).click();
  await expect(status).toContainText('Clipboard cleared.');
  expect(await host.clipboard.readText()).toBe('');
  await expect(status).toContainText('Nothing from mwtokens on the clipboard', { timeout: 6000 });
});

test('a toast names the revoked token, is short, and never sits above a modal', async ({
  page,
}) => {
  await signIn(page);
  await createToken(page, 'old backup');
  await page.getByRole('button', { name: 'Revoke old backup' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke' }).click();
  const toast = page.getByText('Revoked “old backup”.');
  await expect(toast).toBeVisible();

  // Settings opened while the toast shows: the dialog's buttons are on top, the toast below.
  await page.getByRole('button', { name: 'Settings' }).click();
  const done = page.getByRole('dialog').getByRole('button', { name: 'Done' });
  await expect(done).toBeVisible();
  const box = await toast.boundingBox();
  expect(box).not.toBeNull();
  if (box) {
    const onTop = await page.evaluate<string, [number, number]>(
      ([x, y]) =>
        `${(globalThis as unknown as { document: { elementFromPoint(x: number, y: number): { className: string } | null } }).document.elementFromPoint(x, y)?.className ?? ''}`,
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(onTop).toContain('overlay');
  }
  await done.click();
  // Short: gone within a few seconds.
  await expect(toast).toBeHidden({ timeout: 6000 });
});

test('a language change re-renders everything at once: rows, the indicator, open toasts', async ({
  page,
  host,
}) => {
  await signIn(page);
  await page.getByRole('button', { name: 'Copy fresh API token' }).click();
  await page.getByRole('menuitem', { name: 'Token', exact: true }).click();
  // A toast that is open when the language changes.
  await page.keyboard.press('c');
  await expect(page.getByText('Select a token first')).toBeVisible();

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog').getByText('Deutsch', { exact: true }).click();
  await expect(page.getByRole('row', { name: /Dieses Gerät/ })).toContainText('Hier gespeichert');
  await expect(page.getByRole('row', { name: /Dieses Gerät/ })).toContainText('gerade eben');
  await expect(page.getByText('Wählen Sie zuerst ein Token aus')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Zwischenablage' })).toContainText(
    'In der Zwischenablage: API-Token als Token',
  );
  // react-aria's own strings follow too: no "Select an item" in the default-profile select.
  await expect(page.getByRole('dialog')).not.toContainText('Select an item');
  await page.getByRole('dialog').getByRole('button', { name: 'Fertig' }).click();
  expect(await host.manager.handlers['settings:get'](undefined)).toMatchObject({ language: 'de' });
});

test('a copy made outside this window (tray, menu) is described in the window’s own words, in German too', async ({
  page,
  host,
}) => {
  await signIn(page);
  await createToken(page, 'CI deploy');
  const status = page.getByRole('region', { name: 'Clipboard' });
  const listed = await host.manager.handlers['tokens:list']({ fresh: false });
  const deploy = listed.uuid[listed.description.indexOf('CI deploy')] ?? '';
  // As the tray does: the service copies; this window made no request.
  await host.manager.handlers['clipboard:copyToken']({ uuid: deploy, format: 'header' });
  await expect(status).toContainText('On the clipboard: API token from “CI deploy” as');
  await host.manager.handlers['settings:set']({ language: 'de' });
  await page.reload();
  const region = page.getByRole('region', { name: 'Zwischenablage' });
  await expect(region).toContainText('In der Zwischenablage: API-Token aus „CI deploy“ als');
  await host.manager.handlers['clipboard:copyApiToken']({ format: 'raw' });
  await expect(region).toContainText('In der Zwischenablage: API-Token als');
});
