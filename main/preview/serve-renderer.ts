import type { Page } from 'playwright-core';
import { readRendererFile } from '../renderer-files';

/** A private origin that never reaches a network: every request to it is answered from disk. */
export const PREVIEW_ORIGIN = 'https://mwtokens.preview';

/** Serves the built renderer (dist/renderer) to the page without opening a port. */
export async function serveRenderer(page: Page, buildDir: string): Promise<void> {
  await page.route(`${PREVIEW_ORIGIN}/**`, async (route) => {
    const file = await readRendererFile(buildDir, new URL(route.request().url()).pathname);
    if (file.status === 200)
      await route.fulfill({ status: 200, body: file.body, contentType: file.contentType });
    else
      await route.fulfill({
        status: file.status,
        body: file.status === 404 ? 'not found' : 'forbidden',
      });
  });
}
