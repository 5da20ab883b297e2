import { describe, expect, it } from 'vitest';
import { LowLimitWatch } from './low-limit-watch';
import type { EndpointRateLimit } from './rate-limit-tracker';

const sample = (remaining: number, windowStartedAt = 0): EndpointRateLimit => ({
  endpoint: 'GET /authentication/tokens',
  limit: 100,
  remaining,
  windowStartedAt,
  resetAt: windowStartedAt + 900_000,
  exhausted: remaining === 0,
  history: [],
});

describe('LowLimitWatch', () => {
  it('announces an endpoint once when it drops below 10 %, and again in a new window', () => {
    const watch = new LowLimitWatch();
    expect(watch.check([sample(50)])).toEqual([]);
    expect(watch.check([sample(10)])).toEqual([]);
    expect(watch.check([sample(9)]).map((l) => l.remaining)).toEqual([9]);
    expect(watch.check([sample(3)])).toEqual([]);
    expect(watch.check([sample(5, 900_000)]).map((l) => l.remaining)).toEqual([5]);
  });
});
