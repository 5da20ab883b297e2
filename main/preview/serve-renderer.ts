import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Page } from 'playwright-core';

/** A private origin that never reaches a network: every request to it is answered from disk. */
export const PREVIEW_ORIGIN = 'https://mwtokens.preview';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Serves the built renderer (dist/renderer) to the page without opening a port. */
export async function serveRenderer(page: Page, buildDir: string): Promise<void> {
  await page.route(`${PREVIEW_ORIGIN}/**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    const relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname));
    const file = join(buildDir, relative);
    if (!file.startsWith(buildDir + sep)) {
      await route.fulfill({ status: 403, body: 'forbidden' });
      return;
    }
    try {
      const body = await readFile(file);
      await route.fulfill({
        status: 200,
        body,
        contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      });
    } catch {
      await route.fulfill({ status: 404, body: 'not found' });
    }
  });
}
