/** The renderer in headless Chromium through the preview host, timed by the page's own marks. */
import { startPreview } from '../main/preview/host';

export interface RendererResult {
  tokens: number;
  listToRowsMs: number;
  searchMedianMs: number;
  gaugeMedianMs: number;
  heapMb: number;
  ipcRoundTripsPerSecond: number;
}

interface Mark {
  name: string;
  startTime: number;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export async function measureRenderer(tokens: number, samples: number): Promise<RendererResult> {
  const host = await startPreview({
    headless: true,
    sandbox: { rateLimits: { 'GET /authentication/tokens': { limit: 100_000 } } },
  });
  const { page } = host;
  const marks = () =>
    page.evaluate(() =>
      performance.getEntriesByType('mark').map((m) => ({ name: m.name, startTime: m.startTime })),
    );
  /** Time from the last `from` mark to the first `to` mark after it. */
  const span = (all: Mark[], from: string, to: string) => {
    const start = all.filter((m) => m.name === from).at(-1);
    const end = all.find(
      (m) => m.name === to && start !== undefined && m.startTime >= start.startTime,
    );
    return start && end ? end.startTime - start.startTime : Number.NaN;
  };
  try {
    for (let i = 0; i < tokens; i++)
      host.sandbox.world.createToken('demo', `token ${i}`, Date.UTC(2025, 0, 1) + i * 60_000);
    await page.getByLabel('Username').fill('demo');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`${tokens + 1} of ${tokens + 1} tokens`).waitFor();
    await page.waitForTimeout(200);
    const listToRowsMs = span(await marks(), 'mwtokens:list-answer', 'mwtokens:rows-committed');

    const search: number[] = [];
    const field = page.getByLabel('Search tokens');
    for (let i = 0; i < samples; i++) {
      await field.focus();
      await page.keyboard.type(String(i % 10));
      await page.waitForTimeout(60);
      search.push(span(await marks(), 'mwtokens:search-input', 'mwtokens:rows-committed'));
      await page.keyboard.press('Backspace');
      await page.waitForTimeout(60);
    }

    const gauge: number[] = [];
    for (let i = 0; i < samples; i++) {
      await host.manager.handlers['tokens:list']({ fresh: true });
      await page.waitForTimeout(80);
      gauge.push(
        span(await marks(), 'mwtokens:event:rateLimits:changed', 'mwtokens:gauge-painted'),
      );
    }

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');

    const rounds = Math.max(50, samples * 20);
    const elapsed = await page.evaluate(async (n) => {
      const bridge = (
        globalThis as unknown as { mwtokens: { invoke(c: string): Promise<unknown> } }
      ).mwtokens;
      const start = performance.now();
      for (let i = 0; i < n; i++) await bridge.invoke('app:ping');
      return performance.now() - start;
    }, rounds);

    return {
      tokens,
      listToRowsMs,
      searchMedianMs: median(search),
      gaugeMedianMs: median(gauge),
      heapMb: heap.usedSize / 1024 / 1024,
      ipcRoundTripsPerSecond: (rounds / elapsed) * 1000,
    };
  } finally {
    await host.close();
  }
}
