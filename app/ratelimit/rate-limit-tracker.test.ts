import { describe, expect, it } from 'vitest';
import { ManualClock } from '../testing/sandbox-fixture';
import {
  RATE_LIMIT_WINDOW_MS,
  RateLimitTracker,
  type EndpointRateLimit,
} from './rate-limit-tracker';

const LIST = 'GET /authentication/tokens';
const headers = (limit: number, remaining: number) =>
  new Headers({ 'X-RateLimit': String(limit), 'X-RateLimit-Remaining': String(remaining) });

describe('RateLimitTracker', () => {
  it('starts a window at the first sample and estimates the reset 15 minutes later', () => {
    const clock = new ManualClock();
    const tracker = new RateLimitTracker(clock.read);
    tracker.recordHeaders(LIST, headers(10, 9));
    const [state] = tracker.snapshot();
    expect(state).toMatchObject({
      endpoint: LIST,
      limit: 10,
      remaining: 9,
      windowStartedAt: clock.now,
      resetAt: clock.now + RATE_LIMIT_WINDOW_MS,
      exhausted: false,
    });
  });

  it('keeps the window while remaining falls and starts a new one when it rises', () => {
    const clock = new ManualClock();
    const start = clock.now;
    const tracker = new RateLimitTracker(clock.read);
    tracker.recordHeaders(LIST, headers(10, 9));
    clock.advance(60_000);
    tracker.recordHeaders(LIST, headers(10, 8));
    expect(tracker.snapshot()[0]?.windowStartedAt).toBe(start);
    clock.advance(60_000);
    tracker.recordHeaders(LIST, headers(10, 9));
    expect(tracker.snapshot()[0]?.windowStartedAt).toBe(start + 120_000);
  });

  it('blocks an exhausted endpoint until the estimated reset, then lets it go', () => {
    const clock = new ManualClock();
    const tracker = new RateLimitTracker(clock.read);
    tracker.recordHeaders(LIST, headers(2, 0));
    expect(tracker.blockedUntil(LIST)).toBe(clock.now + RATE_LIMIT_WINDOW_MS);
    expect(tracker.blockedUntil('POST /authenticate')).toBeUndefined();
    clock.advance(RATE_LIMIT_WINDOW_MS);
    expect(tracker.blockedUntil(LIST)).toBeUndefined();
    expect(tracker.snapshot()[0]).toMatchObject({ remaining: 2, exhausted: false });
  });

  it('treats a 429 as exhaustion, honouring Retry-After when given', () => {
    const clock = new ManualClock();
    const tracker = new RateLimitTracker(clock.read);
    tracker.recordRejected(LIST);
    expect(tracker.blockedUntil(LIST)).toBe(clock.now + RATE_LIMIT_WINDOW_MS);
    tracker.recordRejected('POST /authenticate', 30_000);
    expect(tracker.blockedUntil('POST /authenticate')).toBe(clock.now + 30_000);
  });

  it('ignores answers without both headers or with garbage in them', () => {
    const tracker = new RateLimitTracker();
    tracker.recordHeaders(LIST, new Headers({ 'X-RateLimit': '10' }));
    tracker.recordHeaders(
      LIST,
      new Headers({ 'X-RateLimit': 'ten', 'X-RateLimit-Remaining': '-1' }),
    );
    expect(tracker.snapshot()).toEqual([]);
  });

  it('emits a snapshot of every endpoint on each sample, and unsubscribing stops it', () => {
    const tracker = new RateLimitTracker();
    const seen: EndpointRateLimit[][] = [];
    const unsubscribe = tracker.subscribe((snapshot) => seen.push(snapshot));
    tracker.recordHeaders(LIST, headers(10, 9));
    tracker.recordHeaders('POST /authenticate', headers(5, 4));
    unsubscribe();
    tracker.recordHeaders(LIST, headers(10, 8));
    expect(seen.map((snapshot) => snapshot.map((s) => `${s.endpoint}=${s.remaining}`))).toEqual([
      [`${LIST}=9`],
      [`${LIST}=9`, 'POST /authenticate=4'],
    ]);
  });

  it('keeps a short history per endpoint', () => {
    const tracker = new RateLimitTracker();
    for (let remaining = 99; remaining >= 0; remaining--)
      tracker.recordHeaders(LIST, headers(100, remaining));
    const history = tracker.snapshot()[0]?.history ?? [];
    expect(history.length).toBe(30);
    expect(history.at(-1)?.remaining).toBe(0);
  });
});
