import { chromium, type BrowserContext, type LaunchOptions, type Page } from 'playwright-core';

/** Flags that keep Debian's Chromium off the network (this machine has none) and quiet. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
  // Without it a visible window carries an "unsupported command-line flag" bar for the above.
  '--test-type',
];

export function chromiumExecutable(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export function chromiumLaunchOptions(options: { headless: boolean }): LaunchOptions {
  return { executablePath: chromiumExecutable(), headless: options.headless, args: CHROMIUM_ARGS };
}

/** The blank page an app window starts on, until the host has installed its bridge. */
const APP_START = 'data:text/html,<title>mwtokens</title>';

/**
 * A visible window that looks like the app: Chromium's app mode, with no tab strip and no
 * address bar, sized like the Electron window. App mode exists only for the window Chromium
 * opens at start, so this is a persistent context on a profile folder the caller removes.
 */
export async function launchAppWindow(options: {
  profileDir: string;
  size?: { width: number; height: number };
}): Promise<{ context: BrowserContext; page: Page }> {
  const { width, height } = options.size ?? { width: 1200, height: 800 };
  const context = await chromium.launchPersistentContext(options.profileDir, {
    executablePath: chromiumExecutable(),
    headless: false,
    args: [...CHROMIUM_ARGS, `--app=${APP_START}`, `--window-size=${width},${height}`],
    // The page follows the window's size, as in the app.
    viewport: null,
  });
  const page = context.pages()[0] ?? (await context.waitForEvent('page'));
  return { context, page };
}
