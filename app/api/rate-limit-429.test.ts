/**
 * A real 429, in each form a server may send it: with or without Retry-After (seconds or a
 * date), with or without the limit headers. After it, nothing is sent to that endpoint until the
 * reset, and the reset is estimated from the window's known start, not from "now".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { RATE_LIMIT_WINDOW_MS } from '../ratelimit/rate-limit-tracker';
import { demoToken, startHarness, type Harness } from '../testing/sandbox-fixture';
import { retryAfterMs } from './http-client';

const SELF = 'GET /authentication/self';
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.sandbox.close();
  harness = undefined;
});

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

/** Signed in, one answered request to the endpoint (so its window is known), then `minutes` later. */
async function afterOneSample(minutes: number) {
  harness = await startHarness({ rateLimits: { [SELF]: { limit: 100 } } });
  const token = await demoToken(harness.client);
  const windowStart = harness.clock.now;
  await harness.client.getSelf(token);
  harness.clock.advance(minutes * 60_000);
  return { ...harness, token, windowStart };
}

/** Sends `count` more calls and answers how many reached the server. */
async function sentOf(h: Harness, token: string, count: number): Promise<number> {
  const before = h.sandbox.countRequests(SELF);
  for (let i = 0; i < count; i += 1)
    expect((await failure(h.client.getSelf(token, { fresh: true }))).kind).toBe('rate_limited');
  return h.sandbox.countRequests(SELF) - before;
}

describe('after a 429', () => {
  it('without Retry-After or limit headers: blocked until the known window ends', async () => {
    const h = await afterOneSample(5);
    h.sandbox.faults.add(SELF, { kind: 'rate_limited' });
    const error = await failure(h.client.getSelf(h.token, { fresh: true }));
    expect(error).toMatchObject({
      kind: 'rate_limited',
      resetAt: h.windowStart + RATE_LIMIT_WINDOW_MS,
    });
    expect(await sentOf(h, h.token, 3)).toBe(0);
    h.clock.advance(10 * 60_000 - 1);
    expect(await sentOf(h, h.token, 1)).toBe(0);
    h.clock.advance(1);
    expect((await h.client.getSelf(h.token, { fresh: true })).value.name).toBe('demo');
  });

  it('with limit headers that still show calls left: the 429 wins', async () => {
    const h = await afterOneSample(1);
    h.sandbox.faults.add(SELF, {
      kind: 'rate_limited',
      limitHeaders: { limit: 100, remaining: 42 },
    });
    expect((await failure(h.client.getSelf(h.token, { fresh: true }))).kind).toBe('rate_limited');
    expect(await sentOf(h, h.token, 2)).toBe(0);
  });

  it('with Retry-After in seconds: blocked exactly that long', async () => {
    const h = await afterOneSample(1);
    h.sandbox.faults.add(SELF, { kind: 'rate_limited', retryAfter: '90' });
    const error = await failure(h.client.getSelf(h.token, { fresh: true }));
    expect(error.resetAt).toBe(h.clock.now + 90_000);
    h.clock.advance(89_999);
    expect(await sentOf(h, h.token, 1)).toBe(0);
    h.clock.advance(1);
    expect((await h.client.getSelf(h.token, { fresh: true })).value.name).toBe('demo');
  });

  it('with Retry-After as an HTTP date', async () => {
    const h = await afterOneSample(1);
    const at = h.clock.now + 120_000;
    h.sandbox.faults.add(SELF, { kind: 'rate_limited', retryAfter: new Date(at).toUTCString() });
    expect((await failure(h.client.getSelf(h.token, { fresh: true }))).resetAt).toBe(at);
  });

  it('from the sandbox’s own limiter, which can send Retry-After to the window’s end', async () => {
    harness = await startHarness({ rateLimits: { [SELF]: { limit: 1 } }, sendRetryAfter: true });
    const token = await demoToken(harness.client);
    const start = harness.clock.now;
    await harness.client.getSelf(token);
    // Another client's samples are unknown to ours: only the 429 says the budget is spent.
    harness.tracker.record(SELF, 1, 1);
    harness.clock.advance(60_000);
    const error = await failure(harness.client.getSelf(token, { fresh: true }));
    expect(error.resetAt).toBe(start + RATE_LIMIT_WINDOW_MS);
    expect(await sentOf(harness, token, 2)).toBe(0);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and dates, ignores anything else', () => {
    const now = Date.UTC(2026, 10, 28, 12);
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs(new Date(now + 5_000).toUTCString(), now)).toBe(5_000);
    expect(retryAfterMs(new Date(now - 5_000).toUTCString(), now)).toBe(0);
    for (const junk of [null, '', '-1', '1.5', 'soon'])
      expect(retryAfterMs(junk, now)).toBeUndefined();
  });
});
