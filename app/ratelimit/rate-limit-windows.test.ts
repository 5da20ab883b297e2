/**
 * The edges of the tracker's window arithmetic: the exact millisecond a window ends, an unchanged
 * count, a 429 at the window's end, header values that are almost numbers, and snapshots that a
 * listener cannot use to change the tracker's state.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../testing/sandbox-fixture';
import { LowLimitWatch } from './low-limit-watch';
import {
  RATE_LIMIT_WINDOW_MS,
  RateLimitTracker,
  type EndpointRateLimit,
} from './rate-limit-tracker';

const LIST = 'GET /authentication/tokens';
const headers = (limit: string | number, remaining: string | number) =>
  new Headers({ 'X-RateLimit': String(limit), 'X-RateLimit-Remaining': String(remaining) });

function tracked() {
  const clock = new ManualClock();
  return { clock, start: clock.now, tracker: new RateLimitTracker(clock.read) };
}

describe('RateLimitTracker windows', () => {
  it('an unchanged count keeps the window', () => {
    const { clock, start, tracker } = tracked();
    tracker.record(LIST, 10, 9);
    clock.advance(60_000);
    tracker.record(LIST, 10, 9);
    expect(tracker.snapshot()[0]).toMatchObject({ windowStartedAt: start, remaining: 9 });
  });

  it('a sample one millisecond before the estimated reset still belongs to the old window', () => {
    const { clock, start, tracker } = tracked();
    tracker.record(LIST, 10, 5);
    clock.advance(RATE_LIMIT_WINDOW_MS - 1);
    tracker.record(LIST, 10, 4);
    expect(tracker.snapshot()[0]?.windowStartedAt).toBe(start);
  });

  it('a sample at the estimated reset starts a new window, even with a lower count', () => {
    const { clock, start, tracker } = tracked();
    tracker.record(LIST, 10, 5);
    clock.advance(RATE_LIMIT_WINDOW_MS);
    tracker.record(LIST, 10, 4);
    expect(tracker.snapshot()[0]).toMatchObject({
      windowStartedAt: start + RATE_LIMIT_WINDOW_MS,
      resetAt: start + 2 * RATE_LIMIT_WINDOW_MS,
    });
  });

  it('an exhausted endpoint is blocked until the last millisecond of its window', () => {
    const { clock, start, tracker } = tracked();
    tracker.record(LIST, 10, 0);
    clock.advance(RATE_LIMIT_WINDOW_MS - 1);
    expect(tracker.blockedUntil(LIST)).toBe(start + RATE_LIMIT_WINDOW_MS);
    expect(tracker.snapshot()[0]).toMatchObject({ remaining: 0, exhausted: true });
    clock.advance(1);
    expect(tracker.blockedUntil(LIST)).toBeUndefined();
    expect(tracker.snapshot()[0]).toMatchObject({ remaining: 10, exhausted: false });
  });

  it('one call left is not exhausted', () => {
    const { tracker } = tracked();
    tracker.record(LIST, 10, 1);
    expect(tracker.blockedUntil(LIST)).toBeUndefined();
    expect(tracker.snapshot()[0]?.exhausted).toBe(false);
  });

  it('the window length can be set (a server with another window)', () => {
    const clock = new ManualClock();
    const tracker = new RateLimitTracker(clock.read, 60_000);
    tracker.record(LIST, 10, 0);
    expect(tracker.blockedUntil(LIST)).toBe(clock.now + 60_000);
  });
});

describe('RateLimitTracker after a 429', () => {
  it('keeps the known limit and appends the rejection to the history', () => {
    const { clock, tracker } = tracked();
    tracker.record(LIST, 10, 3);
    clock.advance(1_000);
    tracker.recordRejected(LIST);
    const [state] = tracker.snapshot();
    expect(state).toMatchObject({ limit: 10, remaining: 0, exhausted: true });
    expect(state?.history).toEqual([
      { at: clock.now - 1_000, remaining: 3 },
      { at: clock.now, remaining: 0 },
    ]);
  });

  it('a 429 after a long run of samples keeps the history short', () => {
    const { tracker } = tracked();
    for (let remaining = 40; remaining > 0; remaining--) tracker.record(LIST, 100, remaining);
    tracker.recordRejected(LIST);
    const history = tracker.snapshot()[0]?.history ?? [];
    expect(history).toHaveLength(30);
    expect(history.at(-1)?.remaining).toBe(0);
    expect(history[0]?.remaining).toBe(29);
  });

  it('a 429 for an endpoint never seen: limit unknown (0), window starts now', () => {
    const { clock, tracker } = tracked();
    tracker.recordRejected(LIST);
    expect(tracker.snapshot()[0]).toMatchObject({
      limit: 0,
      windowStartedAt: clock.now,
      resetAt: clock.now + RATE_LIMIT_WINDOW_MS,
      history: [{ at: clock.now, remaining: 0 }],
    });
  });

  it('a 429 at the very end of the known window starts a new one', () => {
    const { clock, start, tracker } = tracked();
    tracker.record(LIST, 10, 3);
    clock.advance(RATE_LIMIT_WINDOW_MS);
    tracker.recordRejected(LIST);
    expect(tracker.blockedUntil(LIST)).toBe(start + 2 * RATE_LIMIT_WINDOW_MS);
  });

  it('a 429 one millisecond before the end of the known window is blocked only to that end', () => {
    const { clock, start, tracker } = tracked();
    tracker.record(LIST, 10, 3);
    clock.advance(RATE_LIMIT_WINDOW_MS - 1);
    tracker.recordRejected(LIST);
    expect(tracker.blockedUntil(LIST)).toBe(start + RATE_LIMIT_WINDOW_MS);
  });

  it('tells listeners about the rejection', () => {
    const { tracker } = tracked();
    const seen: EndpointRateLimit[][] = [];
    tracker.subscribe((snapshot) => seen.push(snapshot));
    tracker.recordRejected(LIST, 5_000);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.[0]).toMatchObject({ endpoint: LIST, exhausted: true });
  });
});

describe('RateLimitTracker headers', () => {
  it('reads counts with surrounding spaces', () => {
    const { tracker } = tracked();
    tracker.recordHeaders(LIST, headers(' 10 ', ' 7 '));
    expect(tracker.snapshot()[0]).toMatchObject({ limit: 10, remaining: 7 });
  });

  it('ignores a sample when either count is not a plain whole number', () => {
    for (const junk of ['-1', '1.5', '10abc', 'abc10', '', ' ', '1 0']) {
      const { tracker } = tracked();
      tracker.recordHeaders(LIST, headers(junk, 5));
      tracker.recordHeaders(LIST, headers(10, junk));
      expect(tracker.snapshot(), junk).toEqual([]);
    }
  });

  it('ignores an answer without the limit header', () => {
    const { tracker } = tracked();
    tracker.recordHeaders(LIST, new Headers({ 'X-RateLimit-Remaining': '3' }));
    expect(tracker.snapshot()).toEqual([]);
  });
});

describe('RateLimitTracker snapshots', () => {
  it('are copies: changing one does not change the tracker', () => {
    const { tracker } = tracked();
    tracker.record(LIST, 10, 9);
    const [first] = tracker.snapshot();
    first?.history.push({ at: 0, remaining: 99 });
    expect(tracker.snapshot()[0]?.history).toHaveLength(1);
  });

  it('each listener is called, and an unsubscribed one no longer', () => {
    const { tracker } = tracked();
    const a: number[] = [];
    const b: number[] = [];
    const stopA = tracker.subscribe((s) => a.push(s[0]?.remaining ?? -1));
    tracker.subscribe((s) => b.push(s[0]?.remaining ?? -1));
    tracker.record(LIST, 10, 9);
    stopA();
    tracker.record(LIST, 10, 8);
    expect(a).toEqual([9]);
    expect(b).toEqual([9, 8]);
  });
});

describe('LowLimitWatch edges', () => {
  const sample = (limit: number, remaining: number, windowStartedAt = 0): EndpointRateLimit => ({
    endpoint: LIST,
    limit,
    remaining,
    windowStartedAt,
    resetAt: windowStartedAt + RATE_LIMIT_WINDOW_MS,
    exhausted: remaining === 0,
    history: [],
  });

  it('an endpoint whose limit is unknown (a bare 429) is not announced as running low', () => {
    expect(new LowLimitWatch().check([sample(0, 0)])).toEqual([]);
  });

  it('announces each endpoint on its own', () => {
    const watch = new LowLimitWatch();
    const other = { ...sample(100, 1), endpoint: 'POST /authenticate' };
    expect(watch.check([sample(100, 5), other]).map((l) => l.endpoint)).toEqual([
      LIST,
      'POST /authenticate',
    ]);
    expect(watch.check([sample(100, 4), other])).toEqual([]);
  });
});
