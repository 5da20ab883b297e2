/**
 * mergeRateLimits where the two views interleave: the joined history is in time order (the gauge
 * draws it left to right), which view wins is decided by the newest sample and not by when a
 * window started, and a view without samples still takes part.
 */
import { describe, expect, it } from 'vitest';
import type { RateLimitView } from '../contract';
import { mergeRateLimits } from './rate-limit-merge';

const WINDOW = 15 * 60 * 1000;
const EP = 'GET /v2/users/self/api-tokens';
const view = (
  samples: [at: number, remaining: number][],
  extra: Partial<RateLimitView> = {},
): RateLimitView => {
  const last = samples.at(-1) ?? [0, 0];
  const windowStartedAt = samples[0]?.[0] ?? 0;
  return {
    endpoint: EP,
    limit: 10,
    remaining: last[1],
    windowStartedAt,
    resetAt: windowStartedAt + WINDOW,
    exhausted: last[1] <= 0,
    history: samples.map(([at, remaining]) => ({ at, remaining })),
    ...extra,
  };
};
const pairs = (state: RateLimitView | undefined) => state?.history.map((s) => [s.at, s.remaining]);

describe('mergeRateLimits, interleaved views', () => {
  it('joins histories that interleave in time order, each sample once', () => {
    const ours = view([
      [10, 9],
      [30, 7],
      [50, 5],
    ]);
    const theirs = view([
      [20, 8],
      [30, 7],
      [40, 6],
    ]);
    const [merged] = mergeRateLimits([ours], [theirs], 30);
    expect(pairs(merged)).toEqual([
      [10, 9],
      [20, 8],
      [30, 7],
      [40, 6],
      [50, 5],
    ]);
    expect(merged?.remaining).toBe(5);
  });

  it('keeps the newest samples when the joined history is capped', () => {
    const ours = view([
      [40, 6],
      [60, 4],
    ]);
    const theirs = view([
      [10, 9],
      [50, 5],
    ]);
    const [merged] = mergeRateLimits([ours], [theirs], 3);
    expect(pairs(merged)).toEqual([
      [40, 6],
      [50, 5],
      [60, 4],
    ]);
  });

  it('orders samples of one instant by what was spent, whichever side saw them', () => {
    // Two calls answered in the same millisecond: the one with fewer left came second.
    for (const [a, b] of [
      [3, 4],
      [4, 3],
    ] as const) {
      const [merged] = mergeRateLimits([view([[5, a]])], [view([[5, b]])], 30);
      expect(pairs(merged)).toEqual([
        [5, 4],
        [5, 3],
      ]);
      expect(merged?.remaining).toBe(3);
    }
  });

  it('the newest sample wins even when its side spent less (a new window began)', () => {
    // Theirs emptied the old window; ours saw the refilled one afterwards.
    const ours = view([[2_000, 9]], { windowStartedAt: 2_000, resetAt: 2_000 + WINDOW });
    const theirs = view([[1_000, 0]]);
    const [merged] = mergeRateLimits([ours], [theirs], 30);
    expect(merged).toMatchObject({ remaining: 9, exhausted: false, windowStartedAt: 2_000 });
    const [flipped] = mergeRateLimits([theirs], [ours], 30);
    expect(flipped).toMatchObject({ remaining: 9, exhausted: false, windowStartedAt: 2_000 });
  });

  it('compares the newest samples, not when the windows started or the first samples', () => {
    // Ours started earlier but its last sample (at 90) is newer than theirs (at 70).
    const ours = view([
      [10, 9],
      [20, 8],
      [90, 2],
    ]);
    const theirs = view([
      [30, 8],
      [60, 6],
      [70, 5],
    ]);
    expect(mergeRateLimits([ours], [theirs], 30)[0]?.remaining).toBe(2);
    expect(mergeRateLimits([theirs], [ours], 30)[0]?.remaining).toBe(2);
  });

  it('a view without samples counts from the start of its window', () => {
    const empty = view([], { windowStartedAt: 500, resetAt: 500 + WINDOW, remaining: 0 });
    const older = view([[100, 7]]);
    const newer = view([[900, 7]]);
    expect(mergeRateLimits([older], [empty], 30)[0]).toMatchObject({
      remaining: 0,
      windowStartedAt: 500,
      history: [{ at: 100, remaining: 7 }],
    });
    expect(mergeRateLimits([newer], [empty], 30)[0]?.remaining).toBe(7);
    expect(mergeRateLimits([empty], [newer], 30)[0]?.remaining).toBe(7);
  });

  it('on a complete tie (same instant, same count) our own view stays', () => {
    const ours = view([[5, 3]], { resetAt: 5 + 20_000 });
    const theirs = view([[5, 3]]);
    expect(mergeRateLimits([ours], [theirs], 30)[0]?.resetAt).toBe(5 + 20_000);
    expect(mergeRateLimits([theirs], [ours], 30)[0]?.resetAt).toBe(5 + WINDOW);
  });
});
