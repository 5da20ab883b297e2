/**
 * The preview's clipboard: a separate blank page of its own private origin, so that a copied
 * secret never enters the renderer's page, only the browser's clipboard.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { Clipboard } from '../../app/service/clipboard-guard';

const CLIPBOARD_ORIGIN = 'https://mwtokens-clipboard.preview';

/** The page's clipboard, reached without the DOM library (this side is type-checked for Node). */
interface PageGlobals {
  navigator: { clipboard: { writeText(text: string): Promise<void>; readText(): Promise<string> } };
}

export class PageClipboard implements Clipboard {
  private constructor(private readonly page: Page) {}

  static async open(context: BrowserContext): Promise<PageClipboard> {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: CLIPBOARD_ORIGIN,
    });
    const page = await context.newPage();
    await page.route(`${CLIPBOARD_ORIGIN}/**`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><title>clipboard</title>',
      }),
    );
    await page.goto(`${CLIPBOARD_ORIGIN}/`);
    return new PageClipboard(page);
  }

  async writeText(text: string): Promise<void> {
    await this.page.evaluate(
      (value) => (globalThis as unknown as PageGlobals).navigator.clipboard.writeText(value),
      text,
    );
  }

  async readText(): Promise<string> {
    return this.page.evaluate(() =>
      (globalThis as unknown as PageGlobals).navigator.clipboard.readText(),
    );
  }
}
