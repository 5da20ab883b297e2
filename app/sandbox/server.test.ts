import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../testing/sandbox-fixture';
import { startSandbox, type Sandbox } from './server';

// The sandbox over raw HTTP, as any client would see it.
let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function post(path: string, body: unknown, token?: string) {
  return fetch(sandbox!.url + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
}
async function signIn(username: string, password: string): Promise<string> {
  const response = await post('/authenticate', { username, password });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}
const get = (path: string, token: string, headers: Record<string, string> = {}) =>
  fetch(sandbox!.url + path, { headers: { authorization: `Bearer ${token}`, ...headers } });

describe('sandbox', () => {
  it('signs in with an access token as uuid/secret until that token is deleted', async () => {
    sandbox = await startSandbox();
    const apiToken = await signIn('demo', 'demo');
    const created = (await (
      await post('/authentication/tokens', { description: 'd' }, apiToken)
    ).json()) as { uuid: string; token: string };
    const viaToken = await signIn(created.uuid, created.token);
    expect((await get('/authentication/self', viaToken)).status).toBe(200);
    expect(
      (
        await fetch(`${sandbox.url}/authentication/tokens/${created.uuid}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${apiToken}` },
        })
      ).status,
    ).toBe(200);
    expect(
      (await post('/authenticate', { username: created.uuid, password: created.token })).status,
    ).toBe(401);
    // API tokens issued for the deleted access token end with it.
    expect(
      (await get('/authentication/self', viaToken, { 'cache-control': 'no-cache' })).status,
    ).toBe(401);
  });

  it('accepts the token as access_token query parameter too', async () => {
    sandbox = await startSandbox();
    const apiToken = await signIn('demo', 'demo');
    expect(
      (await fetch(`${sandbox.url}/authentication/self?access_token=${apiToken}`)).status,
    ).toBe(200);
    expect((await fetch(`${sandbox.url}/authentication/self`)).status).toBe(401);
  });

  it('sends both rate-limit headers on every answer of a limited endpoint, 429 past the limit, and refills after the window', async () => {
    const clock = new ManualClock();
    sandbox = await startSandbox({
      clock: clock.read,
      rateLimits: { 'POST /authenticate': { limit: 2 } },
      rateLimitWindowMs: 60_000,
    });
    const answers = [];
    for (let i = 0; i < 3; i++)
      answers.push(
        await post('/authenticate', { username: 'demo', password: i === 1 ? 'wrong' : 'demo' }),
      );
    expect(
      answers.map((r) => [
        r.status,
        r.headers.get('x-ratelimit'),
        r.headers.get('x-ratelimit-remaining'),
      ]),
    ).toEqual([
      [200, '2', '1'],
      [401, '2', '0'],
      [429, '2', '0'],
    ]);
    clock.advance(60_000);
    expect(
      (await post('/authenticate', { username: 'demo', password: 'demo' })).headers.get(
        'x-ratelimit-remaining',
      ),
    ).toBe('1');
  });

  it('caches GETs per URI: HIT until a POST to the same URI or Cache-Control: no-cache', async () => {
    sandbox = await startSandbox();
    const token = await signIn('demo', 'demo');
    const cacheOf = async (headers: Record<string, string> = {}) =>
      (await get('/authentication/tokens', token, headers)).headers.get('x-cache');
    expect(await cacheOf()).toBeNull();
    expect(await cacheOf()).toBe('HIT');
    await post('/authentication/tokens', { description: 'clears the list' }, token);
    expect(await cacheOf()).toBeNull();
    expect(await cacheOf()).toBe('HIT');
    expect(await cacheOf({ 'cache-control': 'no-cache' })).toBeNull();
  });

  it('answers a bare JWT for Accept: application/jwt and rejects bad bodies with 400', async () => {
    sandbox = await startSandbox();
    const response = await fetch(`${sandbox.url}/authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/jwt' },
      body: JSON.stringify({ username: 'demo', password: 'demo' }),
    });
    expect(response.headers.get('content-type')).toBe('application/jwt');
    expect((await response.text()).split('.')).toHaveLength(3);
    expect((await post('/authenticate', { username: 42 })).status).toBe(400);
    const token = await signIn('demo', 'demo');
    expect(
      (await post('/authentication/tokens', { description: 'x'.repeat(256) }, token)).status,
    ).toBe(400);
  });

  it('records every secret it issued, for leak checks', async () => {
    sandbox = await startSandbox();
    const token = await signIn('demo', 'demo');
    const created = (await (
      await post('/authentication/tokens', { description: 'd' }, token)
    ).json()) as { token: string };
    expect(sandbox.world.issuedSecrets).toContain(token);
    expect(sandbox.world.issuedSecrets).toContain(created.token);
  });
});
