import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

/**
 * Every screen at three window sizes, both themes and both languages: nothing wider than the
 * window, and every interactive element on the topmost layer reachable where it is drawn
 * (elementFromPoint at its centre is the element itself or inside it).
 */
interface LayoutProblem {
  kind: 'overflow' | 'covered' | 'outside';
  what: string;
  by?: string;
}

async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  // Let transitions and pop-overs settle before measuring.
  await page.waitForTimeout(150);
  // Plain source run in the page: this side is type-checked for Node, without the DOM.
  return page.evaluate<LayoutProblem[]>(`(() => {
    const problems = [];
    const width = window.innerWidth;
    const height = window.innerHeight;
    const describe = (el) => {
      const label =
        el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 40) ?? '';
      return \`\${el.tagName.toLowerCase()}\${el.className ? '.' + String(el.className).split(' ').join('.') : ''} "\${label}"\`;
    };
    if (document.documentElement.scrollWidth > width)
      problems.push({
        kind: 'overflow',
        what: \`page is \${document.documentElement.scrollWidth}px wide in \${width}px\`,
      });
    // The topmost layer: an open modal, else an open menu or list, else the whole page.
    const overlays = [...document.querySelectorAll('.overlay')];
    const popovers = [...document.querySelectorAll('.popover:not([role="tooltip"])')];
    const scope =
      popovers.at(-1) ??
      overlays.at(-1)?.querySelector('[role="dialog"], [role="alertdialog"]') ??
      document.body;
    const interactive = scope.querySelectorAll(
      'button, a[href], input:not([type="checkbox"]):not([type="radio"]), select, textarea, [tabindex="0"], [role="menuitem"], [role="option"], label.checkbox, label.radio, label.switch',
    );
    for (const el of interactive) {
      const rect = el.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue;
      if (el.closest('[aria-hidden="true"], .skip-link')) continue;
      // react-aria's checkbox and radio inputs are hidden; their label is what is clicked.
      if (el.matches('input[type="checkbox"], input[type="radio"]')) continue;
      if (rect.right > width + 1 || rect.left < -1) {
        problems.push({ kind: 'outside', what: describe(el) });
        continue;
      }
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      if (y < 0 || y > height) continue;
      // Scrolled out of view inside a scrolling container (rows below the fold): not covered.
      let clipped = false;
      for (let up = el.parentElement; up; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.overflowY === 'visible' && style.overflowX === 'visible') continue;
        const box = up.getBoundingClientRect();
        if (y < box.top || y > box.bottom || x < box.left || x > box.right) clipped = true;
      }
      if (clipped) continue;
      const hit = document.elementFromPoint(x, y);
      if (!hit || hit === el || el.contains(hit) || hit.closest('[role="tooltip"]')) continue;
      problems.push({ kind: 'covered', what: describe(el), by: describe(hit) });
    }
    return problems;
})()`);
}

async function expectTidy(page: Page, screen: string, shotName: string): Promise<void> {
  const problems = await layoutProblems(page);
  await screenshot(page, `${shotName}-${screen}`);
  expect(problems, `${screen} at ${shotName}`).toEqual([]);
}

const SIZES = [
  { width: 800, height: 600 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

// Many screens per test, each measured: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 180_000 });

for (const size of SIZES) {
  for (const theme of ['light', 'dark'] as const) {
    for (const language of ['en', 'de'] as const) {
      const name = `layout-${size.width}x${size.height}-${theme}-${language}`;
      test(`every screen fits and nothing covers a control: ${size.width}×${size.height}, ${theme}, ${language}`, async ({
        page,
        host,
      }) => {
        const de = language === 'de';
        await page.setViewportSize(size);
        await host.manager.handlers['settings:set']({ theme, language });
        await page.reload();
        await expect(
          page.getByRole('heading', { name: de ? 'Anmelden' : 'Sign in' }),
        ).toBeVisible();
        await page.getByText(de ? 'Lokale Sandbox' : 'Local sandbox', { exact: true }).click();
        await expectTidy(page, 'sign-in', name);

        await page.getByLabel(de ? 'Benutzername' : 'Username', { exact: true }).fill('mfa-demo');
        await page.getByLabel(de ? 'Passwort' : 'Password', { exact: true }).fill('demo');
        await page.getByRole('button', { name: de ? 'Anmelden' : 'Sign in' }).click();
        await expect(
          page.getByRole('heading', { name: de ? 'Zweiter Faktor' : 'Second factor' }),
        ).toBeVisible();
        await expectTidy(page, 'second-factor', name);
        await page.getByRole('button', { name: de ? 'Abbrechen' : 'Cancel' }).click();

        await page
          .getByLabel(de ? 'Benutzername' : 'Username', { exact: true })
          .fill('device-demo');
        await page.getByLabel(de ? 'Passwort' : 'Password', { exact: true }).fill('demo');
        await page.getByRole('button', { name: de ? 'Anmelden' : 'Sign in' }).click();
        await expect(
          page.getByRole('region', { name: de ? 'Sandbox-Postfach' : 'Sandbox mailbox' }),
        ).toContainText('PIN');
        await expectTidy(page, 'second-factor-device', name);
        await page.getByRole('button', { name: de ? 'Abbrechen' : 'Cancel' }).click();

        await page.getByLabel(de ? 'Benutzername' : 'Username', { exact: true }).fill('demo');
        await page.getByLabel(de ? 'Passwort' : 'Password', { exact: true }).fill('demo');
        await page.getByRole('button', { name: de ? 'Anmelden' : 'Sign in' }).click();
        const own = page.getByRole('row', { name: de ? /Dieses Gerät/ : /This device/ });
        await expect(own).toBeVisible();
        await page.mouse.move(0, 0);
        await expectTidy(page, 'tokens', name);

        // Issue 13: an old token not held here, a token to retire, the dialogs and menus.
        host.sandbox.world.createToken('demo', 'legacy script', Date.now() - 400 * 24 * 3600_000);
        await host.manager.handlers['tokens:create']({ description: 'CI deploy' });
        await page
          .getByRole('button', { name: de ? 'CI deploy rotieren …' : 'Rotate CI deploy…' })
          .click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await expectTidy(page, 'rotate', name);
        await page
          .getByRole('button', {
            name: de ? 'Ersatz anlegen und kopieren' : 'Create and copy replacement',
          })
          .click();
        await expect(page.getByRole('dialog').getByRole('status')).toBeVisible();
        await expectTidy(page, 'rotate-done', name);
        await page
          .getByRole('button', {
            name: de ? 'Später, nach dem Einsetzen' : 'Later, after deploying',
          })
          .click();
        // The toast saying the old token stays listed is an alertdialog too: dismiss it.
        const toast = page.getByRole('alertdialog');
        await toast.getByRole('button', { name: de ? 'Schließen' : 'Dismiss' }).click();
        await expect(toast).toBeHidden();
        await page
          .getByRole('button', { name: de ? 'Aktualisieren' : 'Refresh', exact: true })
          .click();
        await expect(page.getByRole('row', { name: /legacy script/ })).toBeVisible();
        await page.mouse.move(0, 0);
        await expectTidy(page, 'tokens-rotated-old', name);
        await page
          .getByRole('button', {
            name: de ? 'Details zu legacy script' : 'Details of legacy script',
          })
          .click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await expectTidy(page, 'details', name);
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: de ? 'Exportieren …' : 'Export…' }).click();
        await expect(page.getByRole('menu')).toBeVisible();
        await expectTidy(page, 'export-menu', name);
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: de ? / Anzeigen$/ : / Show$/ }).click();
        await expect(page.getByRole('listbox')).toBeVisible();
        await expectTidy(page, 'filter-list', name);
        await page.keyboard.press('Escape');

        await own.getByRole('button', { name: de ? /kopieren$/ : /^Copy / }).click();
        await expect(page.getByRole('menu')).toBeVisible();
        await expectTidy(page, 'copy-menu', name);
        await page.keyboard.press('Escape');

        await page.getByRole('button', { name: de ? 'Neues Token' : 'New token' }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await expectTidy(page, 'create', name);
        await page.keyboard.press('Escape');

        await own.getByRole('button', { name: de ? /widerrufen$/ : /^Revoke / }).click();
        await expect(page.getByRole('alertdialog')).toBeVisible();
        await expectTidy(page, 'revoke', name);
        await page.keyboard.press('Escape');

        await page.getByRole('button', { name: de ? 'Einstellungen' : 'Settings' }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await expectTidy(page, 'settings', name);
        await page.keyboard.press('Escape');

        await page
          .getByRole('button', { name: de ? 'Tastenkürzel' : 'Keyboard shortcuts' })
          .click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await expectTidy(page, 'help', name);
        await page.keyboard.press('Escape');

        await page.getByTestId('rate-gauge').click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await expectTidy(page, 'rate-limits', name);
        await page.keyboard.press('Escape');

        await page
          .getByLabel(de ? 'Tokens durchsuchen' : 'Search tokens')
          .fill('nothing like this');
        await expect(
          page.getByRole('button', { name: de ? 'Suche leeren' : 'Clear search' }).last(),
        ).toBeVisible();
        await expectTidy(page, 'no-match', name);
      });
    }
  }
}
