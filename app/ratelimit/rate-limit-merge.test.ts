import { describe, expect, it } from 'vitest';
import type { RateLimitView } from '../contract';
import { mergeRateLimits } from './rate-limit-merge';
import { RateLimitTracker } from './rate-limit-tracker';

const WINDOW = 15 * 60 * 1000;
const view = (endpoint: string, samples: [at: number, remaining: number][]): RateLimitView => {
  const last = samples.at(-1) ?? [0, 0];
  return {
    endpoint,
    limit: 10,
    remaining: last[1],
    windowStartedAt: samples[0]?.[0] ?? 0,
    resetAt: (samples[0]?.[0] ?? 0) + WINDOW,
    exhausted: last[1] <= 0,
    history: samples.map(([at, remaining]) => ({ at, remaining })),
  };
};

describe('mergeRateLimits', () => {
  it('per endpoint the newer sample wins, histories join in order; others are kept', () => {
    const ours = [
      view('GET /a', [
        [1, 9],
        [2, 8],
      ]),
      view('GET /only-ours', [[1, 5]]),
    ];
    const theirs = [
      view('GET /a', [
        [1, 9],
        [3, 7],
      ]),
      view('GET /only-theirs', [[4, 1]]),
    ];
    const merged = mergeRateLimits(ours, theirs, 30);
    expect(merged.find((s) => s.endpoint === 'GET /a')).toMatchObject({
      remaining: 7,
      history: [
        { at: 1, remaining: 9 },
        { at: 2, remaining: 8 },
        { at: 3, remaining: 7 },
      ],
    });
    expect(merged.map((s) => s.endpoint).sort()).toEqual([
      'GET /a',
      'GET /only-ours',
      'GET /only-theirs',
    ]);
  });

  it('at the same instant the one that spent more wins; history is capped', () => {
    const merged = mergeRateLimits([view('GET /a', [[5, 4]])], [view('GET /a', [[5, 3]])], 1);
    expect(merged[0]).toMatchObject({ remaining: 3, history: [{ at: 5, remaining: 3 }] });
    const kept = mergeRateLimits([view('GET /a', [[5, 3]])], [view('GET /a', [[5, 4]])], 30);
    expect(kept[0]?.remaining).toBe(3);
  });
});

describe('RateLimitTracker.adopt', () => {
  it('takes what another process saw and tells listeners once; nothing new, no news', () => {
    let now = 10;
    const tracker = new RateLimitTracker(() => now);
    tracker.record('GET /a', 10, 9);
    const heard: number[] = [];
    tracker.subscribe((snapshot) => heard.push(snapshot[0]?.remaining ?? -1));
    now = 20;
    tracker.adopt([
      view('GET /a', [
        [10, 9],
        [15, 0],
      ]),
    ]);
    expect(heard).toEqual([0]);
    expect(tracker.blockedUntil('GET /a')).toBe(10 + WINDOW);
    tracker.adopt([
      view('GET /a', [
        [10, 9],
        [15, 0],
      ]),
    ]);
    tracker.adopt([view('GET /a', [[10, 9]])]);
    expect(heard).toEqual([0]);
  });
});
