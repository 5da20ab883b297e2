/**
 * The preview host: the same TokenManager as the Electron app, hosted in Node, with Chromium
 * (through playwright-core) as the window. Nothing is saved: an in-memory key, a temp folder
 * that is removed at exit, and the sandbox unless a base URL is given.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { isEventName, type EventName, type Result } from '../../app/contract';
import { dispatch } from '../../app/service/dispatch';
import { TokenManager } from '../../app/service/token-manager';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../app/sandbox/server';
import { EphemeralAesGcmCipher } from '../../app/vault/aes-gcm-cipher';
import { FolderStore } from '../../app/vault/file-store';
import { chromiumLaunchOptions, launchAppWindow } from './chromium';
import { PAGE_BRIDGE_SOURCE } from './page-bridge';
import { PageClipboard } from './page-clipboard';
import { PREVIEW_ORIGIN, serveRenderer } from './serve-renderer';

export interface PreviewOptions {
  headless: boolean;
  /** Folder of the built renderer (default dist/renderer). */
  buildDir?: string;
  /** Sandbox settings (ignored when baseUrl is given). */
  sandbox?: SandboxOptions;
  /** Clipboard clear time default and other settings come from the service. */
  viewport?: { width: number; height: number };
  /**
   * Tests only: rewrites an answer before it reaches the page, so a test can plant a secret
   * and show that the transcript's leak check catches it.
   */
  tamperAnswer?: (channel: unknown, answer: Result<unknown>, sandbox: Sandbox) => Result<unknown>;
}

export interface PreviewHost {
  page: Page;
  context: BrowserContext;
  manager: TokenManager;
  sandbox: Sandbox;
  clipboard: PageClipboard;
  /** Everything that crossed into the page (answers and events, serialised), and its console. */
  transcript: string[];
  close(): Promise<void>;
}

export const PREVIEW_TITLE = 'Preview — nothing is saved';

export async function startPreview(options: PreviewOptions): Promise<PreviewHost> {
  const sandbox = await startSandbox(options.sandbox);
  const folder = mkdtempSync(join(tmpdir(), 'mwtokens-preview-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'mwtokens-preview-chromium-'));
  const removeFolders = () => {
    rmSync(folder, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  };
  let window: BrowserWindowLike | undefined;
  try {
    window = await openWindow(options, profileDir);
    const { context, page } = window;
    const clipboard = await PageClipboard.open(context);
    const manager = new TokenManager({
      store: new FolderStore(folder),
      cipher: new EphemeralAesGcmCipher(),
      clipboard,
      deviceName: `${hostname()} (preview)`,
      sandboxUrl: sandbox.url,
    });
    await manager.start();
    const transcript: string[] = [];
    page.on('console', (message) =>
      transcript.push(`console.${message.type()}: ${message.text()}`),
    );
    page.on('pageerror', (error) => transcript.push(`pageerror: ${error.message}`));
    const tamper = options.tamperAnswer;
    await installBridge(
      page,
      manager,
      transcript,
      tamper && ((channel, answer) => tamper(channel, answer, sandbox)),
    );
    await serveRenderer(page, options.buildDir ?? join(process.cwd(), 'dist', 'renderer'));
    await page.goto(`${PREVIEW_ORIGIN}/`);
    const opened = window;
    return {
      page,
      context,
      manager,
      sandbox,
      clipboard,
      transcript,
      close: async () => {
        await manager.dispose().catch(() => undefined);
        await opened.close().catch(() => undefined);
        await sandbox.close();
        removeFolders();
      },
    };
  } catch (error) {
    await window?.close().catch(() => undefined);
    await sandbox.close();
    removeFolders();
    throw error;
  }
}

interface BrowserWindowLike {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * A visible preview looks like the app: Chromium's app mode (no tab strip, no address bar).
 * Headless runs (e2e) take a plain context with a fixed viewport.
 */
async function openWindow(options: PreviewOptions, profileDir: string): Promise<BrowserWindowLike> {
  const size = options.viewport ?? { width: 1200, height: 800 };
  if (!options.headless) {
    const { context, page } = await launchAppWindow({ profileDir, size });
    return { context, page, close: () => context.close() };
  }
  const browser: Browser = await chromium.launch(chromiumLaunchOptions({ headless: true }));
  try {
    const context = await browser.newContext({ viewport: size });
    const page = await context.newPage();
    return { context, page, close: () => browser.close() };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

/**
 * invoke through exposeBinding; answers and events go in through the DevTools protocol as one
 * JSON literal each (see `deliver`). Everything handed to the page is also written to the
 * transcript, for the e2e leak check.
 */
async function installBridge(
  page: Page,
  manager: TokenManager,
  transcript: string[],
  tamper: ((channel: unknown, answer: Result<unknown>) => Result<unknown>) | undefined,
): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  /**
   * Calls a page function of the bridge with a JSON text as its argument, evaluated as a
   * literal: no string to escape twice nor to parse again in the page. A 10,000-token list
   * crossed a binding's return value (or page.evaluate) in 2–3 times the time.
   * JSON.stringify's output is an ECMAScript literal (ES2019), so nothing in it can run; only
   * a "__proto__" key would mean something else in a literal (the prototype), so such a text
   * is handed over as a string and parsed.
   */
  const deliver = async (call: string, json: string) => {
    const literal = json.includes('"__proto__":') ? `JSON.parse(${JSON.stringify(json)})` : json;
    const { exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: `${call}, ${literal})`,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`the page refused the answer: ${exceptionDetails.text}`);
  };
  const subscriptions = new Map<EventName, () => void>();
  await page.exposeBinding(
    '__mwtokensInvoke',
    async (_source, id: unknown, channel: unknown, input: unknown) => {
      if (typeof id !== 'number' || !Number.isSafeInteger(id)) return;
      const answer = await dispatch(manager, channel, input, (line) => console.error(line));
      const given = tamper ? tamper(channel, answer) : answer;
      const text = JSON.stringify(given);
      transcript.push(text);
      await deliver(`__mwtokensAnswer(${id}`, text);
    },
  );
  await page.exposeBinding('__mwtokensSubscribe', (_source, event: unknown) => {
    if (!isEventName(event)) return;
    // Re-subscribing hands the page a current snapshot again; one subscription per event.
    subscriptions.get(event)?.();
    subscriptions.set(
      event,
      manager.on(event, (payload) => {
        const text = JSON.stringify(payload);
        transcript.push(text);
        deliver(`__mwtokensEmit(${JSON.stringify(event)}`, text).catch(() => undefined);
      }),
    );
  });
  page.on('close', () => {
    for (const unsubscribe of subscriptions.values()) unsubscribe();
  });
  await page.addInitScript({ content: PAGE_BRIDGE_SOURCE });
}
