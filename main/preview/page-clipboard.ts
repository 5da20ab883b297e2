/**
 * The preview's clipboard: a hidden page of its own private origin, so that a copied secret
 * never enters the renderer's page, only the browser's clipboard. Hidden means a target that
 * Chromium keeps out of every window and tab strip: the user cannot see or close it.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';
import type { Clipboard } from '../../app/service/clipboard-guard';

const CLIPBOARD_ORIGIN = 'https://mwtokens-clipboard.preview';
const CLIPBOARD_PAGE = '<!doctype html><title>clipboard</title>';

interface TargetMessage {
  id?: number;
  method?: string;
  params?: { requestId?: string };
  result?: { result?: { value?: unknown }; exceptionDetails?: { text?: string } };
  error?: { message?: string };
}

/**
 * A page nobody sees, driven over the DevTools protocol: created through a session of the
 * context's first page (Chromium creates hidden targets only for such a session, and ends
 * them with it), and spoken to through that session's target messages.
 */
class HiddenPage {
  private nextId = 0;
  private readonly pending = new Map<number, (message: TargetMessage) => void>();
  private loaded: (() => void) | undefined;

  private constructor(
    private readonly session: CDPSession,
    private readonly sessionId: string,
  ) {
    session.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as TargetMessage;
      if (message.id !== undefined) {
        this.pending.get(message.id)?.(message);
        this.pending.delete(message.id);
      } else if (message.method === 'Page.loadEventFired') {
        this.loaded?.();
      } else if (message.method === 'Fetch.requestPaused' && message.params?.requestId) {
        // The private origin exists nowhere: its one page is answered here.
        void this.send('Fetch.fulfillRequest', {
          requestId: message.params.requestId,
          responseCode: 200,
          responseHeaders: [{ name: 'Content-Type', value: 'text/html' }],
          body: Buffer.from(CLIPBOARD_PAGE).toString('base64'),
        });
      }
    });
  }

  static async open(context: BrowserContext): Promise<HiddenPage> {
    const anchor = context.pages()[0] ?? (await context.waitForEvent('page'));
    const session = await context.newCDPSession(anchor);
    const { targetInfo } = await session.send('Target.getTargetInfo');
    // `hidden` is newer than Playwright's protocol types: the call is typed by hand.
    const create = session.send.bind(session) as unknown as (
      method: 'Target.createTarget',
      params: {
        url: string;
        hidden: boolean;
        background: boolean;
        browserContextId: string | undefined;
      },
    ) => Promise<{ targetId: string }>;
    const { targetId } = await create('Target.createTarget', {
      url: 'about:blank',
      hidden: true,
      background: true,
      browserContextId: targetInfo.browserContextId,
    });
    const { sessionId } = await session.send('Target.attachToTarget', { targetId, flatten: false });
    const page = new HiddenPage(session, sessionId);
    await page.send('Fetch.enable', { patterns: [{ urlPattern: `${CLIPBOARD_ORIGIN}/*` }] });
    // A page without a window never has focus, and the clipboard API needs it.
    await page.send('Emulation.setFocusEmulationEnabled', { enabled: true });
    await page.send('Page.enable', {});
    const loaded = new Promise<void>((resolve) => (page.loaded = resolve));
    await page.send('Page.navigate', { url: `${CLIPBOARD_ORIGIN}/` });
    await loaded;
    return page;
  }

  private send(method: string, params: object): Promise<TargetMessage> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      void this.session.send('Target.sendMessageToTarget', {
        sessionId: this.sessionId,
        message: JSON.stringify({ id, method, params }),
      });
    });
  }

  /** Runs an expression in the page; never logs it (it may hold a secret). */
  async evaluate(expression: string): Promise<unknown> {
    const answer = await this.send('Runtime.evaluate', { expression, awaitPromise: true });
    const failure = answer.error?.message ?? answer.result?.exceptionDetails?.text;
    if (failure !== undefined) throw new Error(`clipboard page: ${failure}`);
    return answer.result?.result?.value;
  }
}

export class PageClipboard implements Clipboard {
  private page: Promise<HiddenPage> | undefined;

  private constructor(private readonly context: BrowserContext) {}

  /** Grants the clipboard to the private origin; the hidden page opens on first use. */
  static async open(context: BrowserContext): Promise<PageClipboard> {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: CLIPBOARD_ORIGIN,
    });
    return new PageClipboard(context);
  }

  private hidden(): Promise<HiddenPage> {
    this.page ??= HiddenPage.open(this.context);
    return this.page;
  }

  async writeText(text: string): Promise<void> {
    // JSON.stringify quotes the text as a JavaScript string literal.
    await (await this.hidden()).evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
  }

  async readText(): Promise<string> {
    const value = await (await this.hidden()).evaluate('navigator.clipboard.readText()');
    return typeof value === 'string' ? value : '';
  }
}
