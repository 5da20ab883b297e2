/**
 * v2 rate limits end to end: the sandbox's `X-Ratelimit-*` headers reach the one tracker per
 * endpoint with the reset the server named; a 429 blocks the endpoint until then without
 * another request, and the budget is back after the window.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { startV2Harness, STUDIO_DEMO, studioSession, type V2Harness } from './v2-harness';

let h: V2Harness;
afterEach(() => h.sandbox.close());

const AUTH = 'POST /v2/authenticate';
const LIST = 'GET /v2/users/self/api-tokens';

describe('v2 rate limits', () => {
  it('every answer feeds the tracker: limit, remaining and the named reset, per endpoint', async () => {
    h = await startV2Harness();
    const session = await studioSession(h.client);
    h.clock.advance(15_000);
    await h.client.listApiTokens(session.token);
    await h.client.listApiTokens(session.token);
    const byEndpoint = new Map(h.tracker.snapshot().map((state) => [state.endpoint, state]));
    expect(byEndpoint.get(AUTH)).toMatchObject({
      limit: 10,
      remaining: 9,
      resetAt: h.clock.now - 15_000 + 60_000,
    });
    expect(byEndpoint.get(LIST)).toMatchObject({
      limit: 120,
      remaining: 118,
      // The sandbox's one-minute window, not the 15 minutes a v1 estimate would assume.
      resetAt: h.clock.now + 60_000,
      exhausted: false,
    });
  });

  it('a 429 blocks the endpoint until the named reset, with no further request', async () => {
    h = await startV2Harness({ v2: { rateLimits: { [AUTH]: { limit: 2 } } } });
    await studioSession(h.client);
    h.clock.advance(20_000);
    // The second request spends the budget: the tracker blocks before a third is sent.
    await studioSession(h.client);
    const blocked = await h.client.authenticate(STUDIO_DEMO).catch((error: unknown) => error);
    expect(blocked).toBeInstanceOf(ApiError);
    expect(blocked).toMatchObject({ kind: 'rate_limited', endpoint: AUTH });
    expect((blocked as ApiError).resetAt).toBe(h.clock.now + 40_000);
    expect(h.sandbox.countRequests(AUTH)).toBe(2);
    h.clock.advance(40_000);
    await expect(studioSession(h.client)).resolves.toHaveProperty('token');
    expect(h.tracker.snapshot().find((s) => s.endpoint === AUTH)?.remaining).toBe(1);
  });

  it("a 429 the client did not see coming (someone else's requests) carries the reset", async () => {
    h = await startV2Harness({ v2: { rateLimits: { [AUTH]: { limit: 1 } } } });
    // Another client spends the budget.
    await fetch(`${h.sandbox.v2.url}/v2/authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(STUDIO_DEMO),
    });
    h.clock.advance(10_000);
    await expect(h.client.authenticate(STUDIO_DEMO)).rejects.toMatchObject({
      kind: 'rate_limited',
      status: 429,
      resetAt: h.clock.now + 50_000,
    });
    expect(h.tracker.blockedUntil(AUTH)).toBe(h.clock.now + 50_000);
  });

  it('Retry-After, when the server sends it, agrees with the reset', async () => {
    h = await startV2Harness({
      sendRetryAfter: true,
      v2: { rateLimits: { [AUTH]: { limit: 1 } } },
    });
    const raw = () =>
      fetch(`${h.sandbox.v2.url}/v2/authenticate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(STUDIO_DEMO),
      });
    await raw();
    h.clock.advance(30_000);
    const tooMany = await raw();
    expect(tooMany.status).toBe(429);
    expect(await tooMany.json()).toEqual({ type: 'RateLimitError', message: 'too many requests' });
    expect(
      ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after'].map(
        (name) => tooMany.headers.get(name),
      ),
    ).toEqual(['1', '0', '30', '30']);
  });

  it('endpoints are limited apart: a spent sign-in does not block the token list', async () => {
    h = await startV2Harness({ v2: { rateLimits: { [AUTH]: { limit: 1 } } } });
    const session = await studioSession(h.client);
    await expect(h.client.authenticate(STUDIO_DEMO)).rejects.toMatchObject({
      kind: 'rate_limited',
    });
    await expect(h.client.listApiTokens(session.token)).resolves.toEqual([]);
  });
});
