/**
 * Which reset a 429 blocks an endpoint until, after the samples that came before it: a reset the
 * server named stays until it passes, a Retry-After holds only for the answer that carried it,
 * and a state adopted from another process keeps whichever kind of reset it had. Also the reset
 * header's edges: fractions, trailing garbage, and the line between a delay and an epoch.
 */
import { describe, expect, it } from 'vitest';
import type { RateLimitView } from '../contract';
import { ManualClock } from '../testing/sandbox-fixture';
import { RATE_LIMIT_WINDOW_MS, RateLimitTracker } from './rate-limit-tracker';

const LIST = 'GET /v2/users/self/api-tokens';
const v1 = (limit: number, remaining: number) =>
  new Headers({ 'X-RateLimit': String(limit), 'X-RateLimit-Remaining': String(remaining) });
const v2 = (limit: number, remaining: number, reset: string | number) =>
  new Headers({
    'X-Ratelimit-Limit': String(limit),
    'X-Ratelimit-Remaining': String(remaining),
    'X-Ratelimit-Reset': String(reset),
  });

function tracked() {
  const clock = new ManualClock();
  return { clock, start: clock.now, tracker: new RateLimitTracker(clock.read) };
}

/** A state as another process stored it: one sample at `at`, window from `at`. */
const stored = (at: number, resetAt: number): RateLimitView => ({
  endpoint: LIST,
  limit: 10,
  remaining: 2,
  windowStartedAt: at,
  resetAt,
  exhausted: false,
  history: [{ at, remaining: 2 }],
});

describe('RateLimitTracker: a 429 after a 429', () => {
  it('a named reset stays through several bare 429s until it passes', () => {
    const { clock, start, tracker } = tracked();
    tracker.recordHeaders(LIST, v2(10, 0, 20));
    tracker.recordRejected(LIST);
    clock.advance(1_000);
    tracker.recordRejected(LIST);
    expect(tracker.blockedUntil(LIST)).toBe(start + 20_000);
    clock.advance(1_000);
    tracker.recordRejected(LIST);
    expect(tracker.blockedUntil(LIST)).toBe(start + 20_000);
  });

  it('a Retry-After is no named reset: a bare 429 still in flight is blocked to the window’s end', () => {
    const { clock, start, tracker } = tracked();
    tracker.recordHeaders(LIST, v1(10, 1));
    tracker.recordRejected(LIST, 5_000);
    expect(tracker.blockedUntil(LIST)).toBe(start + 5_000);
    clock.advance(1_000);
    tracker.recordRejected(LIST);
    expect(tracker.blockedUntil(LIST)).toBe(start + RATE_LIMIT_WINDOW_MS);
  });

  it('the same after a named reset has passed', () => {
    const { clock, tracker } = tracked();
    tracker.recordHeaders(LIST, v2(10, 3, 20));
    clock.advance(20_000);
    const windowStart = clock.now;
    tracker.recordRejected(LIST, 5_000);
    clock.advance(1_000);
    tracker.recordRejected(LIST);
    expect(tracker.blockedUntil(LIST)).toBe(windowStart + RATE_LIMIT_WINDOW_MS);
  });

  it('the same when a v1 answer followed a v2 one', () => {
    const { clock, start, tracker } = tracked();
    tracker.recordHeaders(LIST, v2(10, 5, 600));
    tracker.recordHeaders(LIST, v1(10, 4));
    tracker.recordRejected(LIST, 5_000);
    clock.advance(1_000);
    tracker.recordRejected(LIST);
    expect(tracker.blockedUntil(LIST)).toBe(start + RATE_LIMIT_WINDOW_MS);
  });
});

describe('RateLimitTracker.adopt and the kind of reset', () => {
  it('a reset another process was told by the server is kept through a bare 429', () => {
    const { clock, tracker } = tracked();
    tracker.adopt([stored(clock.now, clock.now + 20_000)]);
    clock.advance(1_000);
    tracker.recordRejected(LIST);
    expect(tracker.blockedUntil(LIST)).toBe(clock.now - 1_000 + 20_000);
  });

  it('an estimated reset adopted stays an estimate: a Retry-After does not outlive its answer', () => {
    const { clock, start, tracker } = tracked();
    tracker.adopt([stored(start, start + RATE_LIMIT_WINDOW_MS)]);
    tracker.recordRejected(LIST, 5_000);
    clock.advance(1_000);
    tracker.recordRejected(LIST);
    expect(tracker.blockedUntil(LIST)).toBe(start + RATE_LIMIT_WINDOW_MS);
  });

  it('adopting a state named by the server replaces an estimate of ours', () => {
    const { clock, start, tracker } = tracked();
    tracker.recordHeaders(LIST, v1(10, 5));
    clock.advance(1_000);
    tracker.adopt([{ ...stored(clock.now, clock.now + 30_000), remaining: 0, exhausted: true }]);
    clock.advance(1_000);
    tracker.recordRejected(LIST);
    expect(tracker.blockedUntil(LIST)).toBe(start + 31_000);
  });
});

describe('X-Ratelimit-Reset values', () => {
  it('takes fractions to the millisecond', () => {
    const { clock, tracker } = tracked();
    tracker.recordHeaders(LIST, v2(10, 9, '1.25'));
    expect(tracker.snapshot()[0]?.resetAt).toBe(clock.now + 1_250);
    tracker.recordHeaders(LIST, v2(10, 8, ' 2.5 '));
    expect(tracker.snapshot()[0]?.resetAt).toBe(clock.now + 2_500);
  });

  it('falls back to the estimate for a number with something after it', () => {
    for (const junk of ['30s', '30 s', '1.5.2', '1.', '30abc']) {
      const { clock, tracker } = tracked();
      tracker.recordHeaders(LIST, v2(10, 9, junk));
      expect(tracker.snapshot()[0]?.resetAt, junk).toBe(clock.now + RATE_LIMIT_WINDOW_MS);
    }
  });

  it('reads 10^9 itself as a delay and anything past it as epoch seconds', () => {
    const { clock, tracker } = tracked();
    tracker.recordHeaders(LIST, v2(10, 9, '1000000000'));
    expect(tracker.snapshot()[0]?.resetAt).toBe(clock.now + 1e12);
    tracker.recordHeaders(LIST, v2(10, 8, '1000000001'));
    expect(tracker.snapshot()[0]?.resetAt).toBe(1_000_000_001_000);
  });
});
