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
      // The device-PIN factor, with the sandbox's mailbox.
      await page.getByLabel(de ? 'Benutzername' : 'Username', { exact: true }).fill('device-demo');
      await page.getByLabel(de ? 'Passwort' : 'Password', { exact: true }).fill('demo');
      await page.getByRole('button', { name: de ? 'Anmelden' : 'Sign in' }).click();
      await expect(
        page.getByRole('region', { name: de ? 'Sandbox-Postfach' : 'Sandbox mailbox' }),
      ).toContainText('PIN');
      await expectNoViolations(page, 'second factor: device PIN and sandbox mailbox');
      await page.getByRole('button', { name: de ? 'Abbrechen' : 'Cancel' }).click();
      await page.getByLabel(de ? 'Benutzername' : 'Username', { exact: true }).fill('demo');
      await page.getByLabel(de ? 'Passwort' : 'Password', { exact: true }).fill('demo');
      await page.getByRole('button', { name: de ? 'Anmelden' : 'Sign in' }).click();
      await expect(
        page.getByRole('row', { name: de ? /Dieses Gerät/ : /This device/ }),
      ).toBeVisible();
      await expectNoViolations(page, 'tokens');
      if (theme === 'dark' && language === 'de') await screenshot(page, '13-tokens-dark-de');

      // Issue 13's screens: details, rotation (each step), export menu, filter list.
      await host.manager.handlers['tokens:create']({ description: 'CI deploy' });
      await page
        .getByRole('button', { name: de ? 'Details zu CI deploy' : 'Details of CI deploy' })
        .click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoViolations(page, 'details dialog');
      await page.keyboard.press('Escape');
      await page
        .getByRole('button', { name: de ? 'CI deploy rotieren …' : 'Rotate CI deploy…' })
        .click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoViolations(page, 'rotate dialog');
      await page
        .getByRole('button', {
          name: de ? 'Ersatz anlegen und kopieren' : 'Create and copy replacement',
        })
        .click();
      await expect(page.getByRole('dialog').getByRole('status')).toBeVisible();
      await expectNoViolations(page, 'rotate dialog: done');
      await page
        .getByRole('button', {
          name: de ? 'Altes Token jetzt ausmustern' : 'Retire the old token now',
        })
        .click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await expectNoViolations(page, 'rotate dialog: confirm retire');
      await page.keyboard.press('Escape');
      // Closing says the old token stays listed, in a toast (an alertdialog too): dismiss it.
      const toast = page
        .getByRole('alertdialog')
        .filter({ hasText: de ? 'auszumustern' : 'to retire' });
      await toast.getByRole('button', { name: de ? 'Schließen' : 'Dismiss' }).click();
      await expect(page.getByRole('alertdialog')).toBeHidden();
      await expectNoViolations(page, 'tokens with a token to retire');
      await page.getByRole('button', { name: de ? 'Exportieren …' : 'Export…' }).click();
      await expect(page.getByRole('menu')).toBeVisible();
      await expectNoViolations(page, 'export menu');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: de ? / Anzeigen$/ : / Show$/ }).click();
      await expect(page.getByRole('listbox')).toBeVisible();
      await expectNoViolations(page, 'filter list');
      await page.keyboard.press('Escape');

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

// mStudio (API v2): its sign-in, second factor, table (with the renewal banner), create,
// edit and settings, in both themes and both languages.
for (const theme of ['light', 'dark'] as const) {
  for (const language of ['en', 'de'] as const) {
    test(`no axe violations on the v2 screens: ${theme} theme, ${language}`, async ({
      page,
      host,
    }) => {
      await host.manager.handlers['settings:set']({ theme, language });
      await page.reload();
      const de = language === 'de';
      const signIn = de ? 'Anmelden' : 'Sign in';
      await expect(page.getByRole('heading', { name: signIn })).toBeVisible();
      await page.getByText('mStudio (API v2)', { exact: true }).click();
      const email = page.getByLabel(de ? 'E-Mail-Adresse' : 'E-mail address', { exact: true });
      const password = page.getByLabel(de ? 'Passwort' : 'Password', { exact: true });
      await email.fill('studio-mfa@example.com');
      await password.fill('demo');
      await expectNoViolations(page, 'v2 sign-in');
      await page.getByRole('button', { name: signIn }).click();
      await expect(
        page.getByRole('heading', { name: de ? 'Zweiter Faktor' : 'Second factor' }),
      ).toBeVisible();
      await expectNoViolations(page, 'v2 second factor');
      await page.getByRole('button', { name: de ? 'Abbrechen' : 'Cancel' }).click();

      await email.fill('studio-demo@example.com');
      await password.fill('demo');
      // A week: inside the expiring-soon window; the renewal banner shows from half its
      // lifetime on, so the page's clock is moved 4 days on below.
      await page.getByRole('button', { name: de ? /Läuft ab/ : /Expires/ }).click();
      await page.getByRole('option', { name: de ? 'in 7 Tagen' : 'in 7 days' }).click();
      await page.getByRole('button', { name: signIn }).click();
      await expect(
        page.getByRole('row', { name: de ? /Dieses Gerät/ : /This device/ }),
      ).toBeVisible();
      await page.clock.setSystemTime(Date.now() + 4 * 24 * 3600_000);
      await expect(
        page.getByRole('button', { name: de ? 'Jetzt erneuern' : 'Renew now' }),
      ).toBeVisible();
      await expectNoViolations(page, 'v2 tokens');
      if (language === 'de' && theme === 'dark') await screenshot(page, 'v2-tokens-dark-de');

      await page.getByRole('button', { name: de ? 'Neues Token' : 'New token' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoViolations(page, 'v2 create dialog');
      await page.keyboard.press('Escape');

      await page
        .getByRole('button', { name: de ? /bearbeiten …$/ : /^Edit / })
        .first()
        .click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoViolations(page, 'v2 edit dialog');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: de ? 'Einstellungen' : 'Settings' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoViolations(page, 'v2 settings');
    });
  }
}
