/**
 * v2's rate-limit headers (`X-Ratelimit-Limit`, `-Remaining`, `-Reset`): the named reset is
 * used instead of the 15-minute estimate, kept through a 429, and v1's headers still mean what
 * they meant.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../testing/sandbox-fixture';
import { RATE_LIMIT_WINDOW_MS, RateLimitTracker } from './rate-limit-tracker';

const LIST = 'GET /v2/users/self/api-tokens';
const v2 = (limit: string | number, remaining: string | number, reset?: string | number) =>
  new Headers({
    'X-Ratelimit-Limit': String(limit),
    'X-Ratelimit-Remaining': String(remaining),
    ...(reset !== undefined && { 'X-Ratelimit-Reset': String(reset) }),
  });

function tracked() {
  const clock = new ManualClock();
  return { clock, tracker: new RateLimitTracker(clock.read) };
}

describe('RateLimitTracker with v2 headers', () => {
  it('reads limit and remaining, and the reset as seconds from now', () => {
    const { clock, tracker } = tracked();
    tracker.recordHeaders(LIST, v2(100, 99, 42));
    expect(tracker.snapshot()[0]).toMatchObject({
      endpoint: LIST,
      limit: 100,
      remaining: 99,
      windowStartedAt: clock.now,
      resetAt: clock.now + 42_000,
      exhausted: false,
    });
  });

  it('takes a fractional delay, and a value past 10^9 as epoch seconds', () => {
    const { clock, tracker } = tracked();
    tracker.recordHeaders(LIST, v2(10, 9, '1.5'));
    expect(tracker.snapshot()[0]?.resetAt).toBe(clock.now + 1_500);
    const epochSeconds = Math.floor(clock.now / 1000) + 300;
    tracker.recordHeaders(LIST, v2(10, 8, epochSeconds));
    expect(tracker.snapshot()[0]?.resetAt).toBe(epochSeconds * 1000);
  });

  it('follows the reset the server names on each answer', () => {
    const { clock, tracker } = tracked();
    tracker.recordHeaders(LIST, v2(10, 9, 60));
    clock.advance(10_000);
    tracker.recordHeaders(LIST, v2(10, 8, 50));
    expect(tracker.snapshot()[0]).toMatchObject({
      resetAt: clock.now + 50_000,
      windowStartedAt: clock.now - 10_000,
    });
  });

  it('falls back to the estimate when a sample names no reset, or garbage', () => {
    const { clock, tracker } = tracked();
    tracker.recordHeaders(LIST, v2(10, 9, 'soon'));
    expect(tracker.snapshot()[0]?.resetAt).toBe(clock.now + RATE_LIMIT_WINDOW_MS);
    tracker.recordHeaders(LIST, v2(10, 8, '-5'));
    expect(tracker.snapshot()[0]?.resetAt).toBe(clock.now + RATE_LIMIT_WINDOW_MS);
  });

  it('blocks an exhausted endpoint exactly until the named reset', () => {
    const { clock, tracker } = tracked();
    tracker.recordHeaders(LIST, v2(10, 0, 30));
    expect(tracker.blockedUntil(LIST)).toBe(clock.now + 30_000);
    clock.advance(29_999);
    expect(tracker.blockedUntil(LIST)).toBe(clock.now + 1);
    clock.advance(1);
    expect(tracker.blockedUntil(LIST)).toBeUndefined();
    expect(tracker.snapshot()[0]).toMatchObject({ remaining: 10, exhausted: false });
  });

  it('keeps the named reset through a 429 without Retry-After', () => {
    const { clock, tracker } = tracked();
    // The HTTP client records the 429's headers first, then the rejection.
    tracker.recordHeaders(LIST, v2(10, 0, 20));
    tracker.recordRejected(LIST);
    expect(tracker.blockedUntil(LIST)).toBe(clock.now + 20_000);
  });

  it('lets Retry-After win over a named reset', () => {
    const { clock, tracker } = tracked();
    tracker.recordHeaders(LIST, v2(10, 0, 20));
    tracker.recordRejected(LIST, 5_000);
    expect(tracker.blockedUntil(LIST)).toBe(clock.now + 5_000);
  });

  it('forgets a named reset once it has passed: a later bare 429 is estimated again', () => {
    const { clock, tracker } = tracked();
    tracker.recordHeaders(LIST, v2(10, 3, 20));
    clock.advance(20_000);
    tracker.recordRejected(LIST);
    expect(tracker.blockedUntil(LIST)).toBe(clock.now + RATE_LIMIT_WINDOW_MS);
  });

  it('a v1 sample after a v2 one is estimated, as v1 always was', () => {
    const { clock, tracker } = tracked();
    tracker.recordHeaders(LIST, v2(10, 9, 20));
    tracker.recordHeaders(LIST, new Headers({ 'X-RateLimit': '10', 'X-RateLimit-Remaining': '8' }));
    expect(tracker.snapshot()[0]?.resetAt).toBe(clock.now + RATE_LIMIT_WINDOW_MS);
    tracker.recordRejected(LIST);
    expect(tracker.blockedUntil(LIST)).toBe(clock.now + RATE_LIMIT_WINDOW_MS);
  });

  it('prefers v1’s limit header when both limits are present', () => {
    const { tracker } = tracked();
    tracker.recordHeaders(
      LIST,
      new Headers({ 'X-RateLimit': '7', 'X-Ratelimit-Limit': '9', 'X-Ratelimit-Remaining': '1' }),
    );
    expect(tracker.snapshot()[0]).toMatchObject({ limit: 7, remaining: 1 });
  });

  it('ignores a v2 answer without remaining', () => {
    const { tracker } = tracked();
    tracker.recordHeaders(
      LIST,
      new Headers({ 'X-Ratelimit-Limit': '9', 'X-Ratelimit-Reset': '3' }),
    );
    expect(tracker.snapshot()).toEqual([]);
  });
});
