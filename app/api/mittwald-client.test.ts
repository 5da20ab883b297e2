import { afterEach, describe, expect, it } from 'vitest';
import { demoToken, startHarness, type Harness } from '../testing/sandbox-fixture';
import { totp, DEMO_TOTP_SECRET } from '../sandbox/totp';
import { ApiError } from './errors';
import { jwtExpiry } from './jwt';
import { MittwaldClient } from './mittwald-client';
import { RateLimitTracker } from '../ratelimit/rate-limit-tracker';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.sandbox.close();
  harness = undefined;
});
const start = async (...args: Parameters<typeof startHarness>) =>
  (harness = await startHarness(...args));

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('authenticate', () => {
  it('signs in with JSON {token, expires} and derives the expiry from expires', async () => {
    const { client, clock } = await start({ tokenLifetimeSeconds: 600 });
    const result = await client.authenticate({ username: 'demo', password: 'demo' });
    expect(result.status).toBe('authenticated');
    if (result.status !== 'authenticated') return;
    expect(result.expiresAt).toBe(Math.floor(clock.now / 1000) * 1000 + 600_000);
  });

  it('accepts a bare JWT (Accept: application/jwt) and reads the expiry from its exp', async () => {
    const { client } = await start({}, { preferJwt: true });
    const result = await client.authenticate({ username: 'demo', password: 'demo' });
    if (result.status !== 'authenticated') throw new Error('expected a token');
    expect(result.token.split('.')).toHaveLength(3);
    expect(result.expiresAt).toBe(jwtExpiry(result.token));
  });

  it('turns a 202 into a second-factor result and completes with the TOTP code', async () => {
    const { client, clock } = await start();
    const first = await client.authenticate({ username: 'mfa-demo', password: 'demo' });
    expect(first).toMatchObject({ status: 'second_factor', name: 'TOTP' });
    if (first.status !== 'second_factor') return;
    const wrong = await failure(
      client.authenticate({
        username: 'mfa-demo',
        password: 'demo',
        multiFactorCode: '000000',
        deviceId: first.deviceId,
      }),
    );
    expect(wrong.kind).toBe('unauthorized');
    const second = await client.authenticate({
      username: 'mfa-demo',
      password: 'demo',
      multiFactorCode: totp(DEMO_TOTP_SECRET, clock.now),
      deviceId: first.deviceId,
    });
    expect(second.status).toBe('authenticated');
  });

  it('reports wrong credentials as unauthorized with a message for people', async () => {
    const { client } = await start();
    const error = await failure(client.authenticate({ username: 'demo', password: 'wrong' }));
    expect(error.kind).toBe('unauthorized');
    expect(error.message).not.toContain('wrong');
  });
});

describe('application tokens', () => {
  it('reads a null list as empty, creates, lists, and deletes', async () => {
    const { client } = await start();
    const token = await demoToken(client);
    expect((await client.listApplicationTokens(token)).value).toEqual([]);
    const created = await client.createApplicationToken(token, 'CI deploy');
    expect(created).toMatchObject({ description: 'CI deploy' });
    expect(created.token).toMatch(/^MW_/);
    const listed = await client.listApplicationTokens(token, { fresh: true });
    expect(listed.value).toEqual([
      { uuid: created.uuid, crdate: created.crdate, description: 'CI deploy' },
    ]);
    await client.deleteApplicationToken(token, created.uuid);
    expect((await client.listApplicationTokens(token, { fresh: true })).value).toEqual([]);
  });

  it('normalises crdate from ISO strings, epoch seconds and epoch milliseconds to epoch ms', async () => {
    const { client, sandbox } = await start();
    const token = await demoToken(client);
    const created = await client.createApplicationToken(token, 'a');
    const isoMs = (await client.listApplicationTokens(token, { fresh: true })).value[0]?.crdate;
    sandbox.faults.add('GET /authentication/tokens', { kind: 'crdate_number' });
    const seconds = (await client.listApplicationTokens(token, { fresh: true })).value[0]?.crdate;
    expect(isoMs).toBe(created.crdate);
    expect(seconds).toBe(Math.floor(created.crdate / 1000) * 1000);
  });

  it('reports a missing token on delete as not_found', async () => {
    const { client } = await start();
    const token = await demoToken(client);
    expect((await failure(client.deleteApplicationToken(token, 'no-such-uuid'))).kind).toBe(
      'not_found',
    );
  });

  it('sends the token as a Bearer header, or as access_token only when asked to', async () => {
    const seen: string[] = [];
    const spy: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
      const where = url.includes('access_token=') ? 'query' : 'noquery';
      seen.push(`${where} ${headers.get('authorization') === null ? 'noheader' : 'header'}`);
      return fetch(input, init);
    };
    const { client, sandbox, tracker } = await start({}, { fetch: spy });
    const token = await demoToken(client);
    await client.getSelf(token);
    const queryClient = new MittwaldClient({
      baseUrl: sandbox.url,
      tracker,
      fetch: spy,
      tokenInQuery: true,
    });
    expect((await queryClient.getSelf(token, { fresh: true })).value.name).toBe('demo');
    expect(seen.slice(1)).toEqual(['noquery header', 'query noheader']);
  });
});

describe('server cache', () => {
  it('reports X-Cache: HIT and reads fresh on request', async () => {
    const { client } = await start();
    const token = await demoToken(client);
    expect((await client.listApplicationTokens(token)).cacheHit).toBe(false);
    expect((await client.listApplicationTokens(token)).cacheHit).toBe(true);
    expect((await client.listApplicationTokens(token, { fresh: true })).cacheHit).toBe(false);
  });

  it('shows the documented trap: a DELETE of one token does not clear the cached list', async () => {
    const { client } = await start();
    const token = await demoToken(client);
    const created = await client.createApplicationToken(token, 'x');
    await client.listApplicationTokens(token);
    await client.deleteApplicationToken(token, created.uuid);
    const stale = await client.listApplicationTokens(token);
    expect(stale.cacheHit).toBe(true);
    expect(stale.value.map((t) => t.uuid)).toEqual([created.uuid]);
    expect((await client.listApplicationTokens(token, { fresh: true })).value).toEqual([]);
  });
});

describe('rate limits', () => {
  it('feeds every answer to the tracker and refuses an exhausted endpoint without a request', async () => {
    const { client, sandbox, tracker, clock } = await start({
      rateLimits: { 'GET /authentication/self': { limit: 2 } },
    });
    const token = await demoToken(client);
    await client.getSelf(token);
    await client.getSelf(token, { fresh: true });
    expect(tracker.snapshot().find((s) => s.endpoint === 'GET /authentication/self')).toMatchObject(
      { limit: 2, remaining: 0, exhausted: true },
    );
    const before = sandbox.countRequests();
    const error = await failure(client.getSelf(token));
    expect(error.kind).toBe('rate_limited');
    expect(error.resetAt).toBe(clock.now + 15 * 60 * 1000);
    expect(sandbox.countRequests()).toBe(before);
    clock.advance(15 * 60 * 1000);
    expect((await client.getSelf(token, { fresh: true })).value.name).toBe('demo');
  });

  it('treats a 429 like exhaustion: no request leaves until the estimated reset', async () => {
    const { client, sandbox, clock } = await start({
      rateLimits: { 'GET /authentication/self': { limit: 1 } },
    });
    const token = await demoToken(client);
    // Another client spent the budget: our first request is answered 429.
    const other = new MittwaldClient({
      baseUrl: sandbox.url,
      tracker: new RateLimitTracker(clock.read),
    });
    await other.getSelf(token);
    expect((await failure(client.getSelf(token))).kind).toBe('rate_limited');
    const sent = sandbox.countRequests('GET /authentication/self');
    for (let i = 0; i < 5; i++)
      expect((await failure(client.getSelf(token))).kind).toBe('rate_limited');
    expect(sandbox.countRequests('GET /authentication/self')).toBe(sent);
  });
});
