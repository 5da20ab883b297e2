/**
 * The renderer in headless Chromium through the preview host. Every end mark is taken after
 * paint (renderer/src/paint-marks.ts: the next frame's callbacks, then a message handled once
 * that frame is painted); starts are the host's own moments (answer handed to the bridge,
 * event emitted) or the input event's timestamp. Host and page clocks are both epoch based;
 * their offset is measured and taken out.
 */
import type { Page } from 'playwright-core';
import { startPreview, type PreviewHost } from '../main/preview/host';
import { LARGEST_PAINT, PAGE_PROBES } from './page-probes';
import { epochNow, spread, type Spread } from './stats';

export interface RendererResult {
  tokens: number;
  /** Launch (Chromium started) → the sign-in screen painted (its largest paint). */
  launchToFirstScreenMs: number;
  listToRowsMs: Spread;
  keystrokeMs: Spread;
  /** The same keystrokes by the Event Timing API (8 ms steps; below 16 ms counts as 8). */
  keystrokeEventTimingMs: Spread;
  gaugeMs: Spread;
  /** First open (its code loaded on demand) and later opens, per dialog. */
  dialogs: { name: string; firstMs: number; againMs: Spread }[];
  heapMb: number;
  ipcRoundTripsPerSecond: number;
}

interface Samples {
  list: number;
  keystrokes: number;
  gauge: number;
  dialog: number;
}

type PageWindow = typeof globalThis & {
  __bench: { keydowns: number[]; clicks: number[]; events: { start: number; duration: number }[] };
};

/** Page epoch minus host epoch, from round trips (the page's reading taken mid-trip). */
async function clockOffset(page: Page): Promise<number> {
  const offsets: number[] = [];
  for (let i = 0; i < 15; i++) {
    const before = epochNow();
    const pageNow = await page.evaluate(() => performance.timeOrigin + performance.now());
    offsets.push(pageNow - (before + epochNow()) / 2);
  }
  return spread(offsets).median;
}

const markCount = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(n).length, name);

/** Waits for mark `name` to have more than `count` entries; answers the newest (page ms). */
async function nextMark(page: Page, name: string, count: number): Promise<number> {
  const handle = await page.waitForFunction(
    ([n, c]) => {
      const marks = performance.getEntriesByName(n);
      return marks.length > c ? (marks.at(-1)?.startTime ?? 0) : false;
    },
    [name, count] as const,
    { timeout: 30_000, polling: 10 },
  );
  return (await handle.jsonValue()) as number;
}

export async function measureRenderer(tokens: number, samples: Samples): Promise<RendererResult> {
  let answeredAt: number | undefined;
  const launchedAt = epochNow();
  const host: PreviewHost = await startPreview({
    headless: true,
    // Only the list is limited, so it is the gauge's tightest endpoint and every list moves it.
    sandbox: { rateLimits: { 'GET /authentication/tokens': { limit: 1_000_000 } } },
    tamperAnswer: (channel, answer) => {
      if (channel === 'tokens:list') answeredAt = epochNow();
      return answer;
    },
  });
  const { page } = host;
  try {
    const offset = await clockOffset(page);
    const origin = await page.evaluate(() => performance.timeOrigin);
    const hostTime = (pageMs: number) => origin + pageMs - offset;

    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const firstScreen = await page.evaluate<number>(LARGEST_PAINT);
    const launchToFirstScreenMs = hostTime(firstScreen) - launchedAt;

    await page.evaluate(PAGE_PROBES);

    for (let i = 0; i < tokens; i++)
      host.sandbox.world.createToken('demo', `token ${i}`, Date.UTC(2025, 0, 1) + i * 60_000);
    await page.getByLabel('Username', { exact: true }).fill('demo');
    await page.getByLabel('Password', { exact: true }).fill('demo');
    let rowsPainted = await markCount(page, 'mwtokens:rows-painted');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`${tokens + 1} of ${tokens + 1} tokens`).waitFor({ timeout: 60_000 });
    await nextMark(page, 'mwtokens:rows-painted', rowsPainted);
    await page.mouse.move(0, 0);

    // List answer (handed to the bridge by the host) → rows painted, per refresh.
    const list: number[] = [];
    const refresh = page.getByRole('button', { name: 'Refresh', exact: true });
    for (let i = 0; i < samples.list; i++) {
      await refresh.waitFor();
      rowsPainted = await markCount(page, 'mwtokens:rows-painted');
      answeredAt = undefined;
      await refresh.click();
      const painted = await nextMark(page, 'mwtokens:rows-painted', rowsPainted);
      list.push(hostTime(painted) - (answeredAt ?? Number.NaN));
      await page.waitForTimeout(50);
    }

    // Keystroke (the keydown's timestamp) → filtered rows painted: a digit, then Backspace.
    const keystrokes: number[] = [];
    await page.getByLabel('Search tokens').focus();
    for (let i = 0; i < samples.keystrokes; i++) {
      rowsPainted = await markCount(page, 'mwtokens:rows-painted');
      await page.keyboard.press(i % 2 === 0 ? String((i / 2) % 10) : 'Backspace');
      const painted = await nextMark(page, 'mwtokens:rows-painted', rowsPainted);
      const keydown = await page.evaluate(() => (globalThis as PageWindow).__bench.keydowns.at(-1));
      keystrokes.push(painted - (keydown ?? Number.NaN));
      await page.waitForTimeout(40);
    }
    const timed = await page.evaluate(() => (globalThis as PageWindow).__bench);
    const eventTiming = timed.keydowns.map(
      (start) => timed.events.find((e) => Math.abs(e.start - start) < 1)?.duration ?? 8,
    );
    await page.keyboard.press('Escape');

    // Rate-limit event (emitted by the host) → gauge painted.
    const gauge: number[] = [];
    let emittedAt = Number.NaN;
    const unsubscribe = host.manager.on('rateLimits:changed', () => (emittedAt = epochNow()));
    for (let i = 0; i < samples.gauge; i++) {
      const before = await markCount(page, 'mwtokens:gauge-painted');
      emittedAt = Number.NaN;
      await host.manager.handlers['tokens:list']({ fresh: true });
      const painted = await nextMark(page, 'mwtokens:gauge-painted', before);
      gauge.push(hostTime(painted) - emittedAt);
      await page.waitForTimeout(30);
    }
    unsubscribe();

    // Dialog open (the click) → dialog painted; the first open loads its code.
    const dialogs: RendererResult['dialogs'] = [];
    const openers: [string, () => Promise<void>][] = [
      ['new token', () => page.getByRole('button', { name: 'New token' }).first().click()],
      ['settings', () => page.getByRole('button', { name: 'Settings' }).click()],
      [
        'keyboard shortcuts',
        () => page.getByRole('button', { name: 'Keyboard shortcuts' }).click(),
      ],
      ['rate-limit details', () => page.getByTestId('rate-gauge').click()],
    ];
    for (const [name, open] of openers) {
      const times: number[] = [];
      for (let i = 0; i <= samples.dialog; i++) {
        const before = await markCount(page, 'bench:dialog-painted');
        await open();
        const painted = await nextMark(page, 'bench:dialog-painted', before);
        const click = await page.evaluate(() => (globalThis as PageWindow).__bench.clicks.at(-1));
        times.push(painted - (click ?? Number.NaN));
        await page.keyboard.press('Escape');
        await page.locator('[role="dialog"], [role="alertdialog"]').waitFor({ state: 'detached' });
        await page.waitForTimeout(30);
      }
      dialogs.push({ name, firstMs: times[0] ?? Number.NaN, againMs: spread(times.slice(1)) });
    }

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');

    const rounds = 200;
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
      launchToFirstScreenMs,
      listToRowsMs: spread(list),
      keystrokeMs: spread(keystrokes),
      keystrokeEventTimingMs: spread(eventTiming),
      gaugeMs: spread(gauge),
      dialogs,
      heapMb: heap.usedSize / 1024 / 1024,
      ipcRoundTripsPerSecond: (rounds / elapsed) * 1000,
    };
  } finally {
    await host.close();
  }
}
