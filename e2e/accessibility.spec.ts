import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

// axe on every screen, in both themes and both languages.
async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ') ?? ''}`,
  );
  expect(summary).toEqual([]);
}

// Many screens per test, each measured: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

for (const theme of ['light', 'dark'] as const) {
  for (const language of ['en', 'de'] as const) {
    test(`no axe violations on any screen: ${theme} theme, ${language}`, async ({ page, host }) => {
      await host.manager.handlers['settings:set']({ theme, language });
      await page.reload();
      const de = language === 'de';
      await expect(page.getByRole('heading', { name: de ? 'Anmelden' : 'Sign in' })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expectNoViolations(page, 'sign-in');
      await page.getByLabel(de ? 'Benutzername' : 'Username', { exact: true }).fill('mfa-demo');
      await page.getByLabel(de ? 'Passwort' : 'Password', { exact: true }).fill('demo');
      await page.getByRole('button', { name: de ? 'Anmelden' : 'Sign in' }).click();
      await expect(
        page.getByRole('heading', { name: de ? 'Zweiter Faktor' : 'Second factor' }),
      ).toBeVisible();
      await expectNoViolations(page, 'second factor');
      await page.getByRole('button', { name: de ? 'Abbrechen' : 'Cancel' }).click();
      await page.getByLabel(de ? 'Benutzername' : 'Username', { exact: true }).fill('demo');
      await page.getByLabel(de ? 'Passwort' : 'Password', { exact: true }).fill('demo');
      await page.getByRole('button', { name: de ? 'Anmelden' : 'Sign in' }).click();
      await expect(
        page.getByRole('row', { name: de ? /Dieses Gerät/ : /This device/ }),
      ).toBeVisible();
      await expectNoViolations(page, 'tokens');
      if (theme === 'dark' && language === 'de') await screenshot(page, '13-tokens-dark-de');

      await page.getByRole('button', { name: de ? 'Neues Token' : 'New token' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoViolations(page, 'create dialog');
      await page.keyboard.press('Escape');

      await page
        .getByRole('button', { name: de ? /widerrufen$/ : /^Revoke / })
        .first()
        .click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await expectNoViolations(page, 'revoke dialog');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: de ? 'Einstellungen' : 'Settings' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoViolations(page, 'settings');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: de ? 'Tastenkürzel' : 'Keyboard shortcuts' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoViolations(page, 'help');
      await page.keyboard.press('Escape');

      await page.getByTestId('rate-gauge').click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoViolations(page, 'rate limits');
    });
  }
}
