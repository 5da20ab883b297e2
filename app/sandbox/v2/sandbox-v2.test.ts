import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../testing/sandbox-fixture';
import { startSandbox, type Sandbox } from '../server';

// The v2 sandbox over raw HTTP, as a client written from the v2 description sees it.
let sandbox: Sandbox;
let clock: ManualClock;
afterEach(() => sandbox.close());

async function start(options: Parameters<typeof startSandbox>[0] = {}) {
  clock = new ManualClock();
  sandbox = await startSandbox({ clock: clock.read, ...options });
}

function call(method: string, path: string, init: { body?: unknown; headers?: object } = {}) {
  return fetch(sandbox.v2.url + path, {
    method,
    headers: {
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function signIn(): Promise<{ token: string; refreshToken: string; expires: string }> {
  const response = await call('POST', '/v2/authenticate', {
    body: { email: 'studio-demo@example.com', password: 'demo' },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { token: string; refreshToken: string; expires: string };
}

describe('sandbox v2', () => {
  it('shares the server with v1: v1 under /v1, v2 under /v2, unknown routes 404 as JSON', async () => {
    await start();
    expect(sandbox.url).toBe(`${sandbox.v2.url}/v1`);
    const v1 = await fetch(`${sandbox.url}/authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo', password: 'demo' }),
    });
    expect(v1.status).toBe(200);
    const session = await signIn();
    expect(Date.parse(session.expires)).toBe(clock.now + 30 * 60_000);
    const unknown = await call('GET', '/v2/nothing-here');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toHaveProperty('type');
  });

  it('takes the token as `Authorization: Bearer` or `X-Access-Token`; without one, 401', async () => {
    await start();
    const { token } = await signIn();
    const status = '/v2/users/self/sessions/current/status';
    expect((await call('GET', status, { headers: bearer(token) })).status).toBe(200);
    expect((await call('GET', status, { headers: { 'X-Access-Token': token } })).status).toBe(200);
    const none = await call('GET', status);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({
      type: expect.any(String) as string,
      message: expect.any(String) as string,
    });
  });

  it('answers bad input with ValidationErrors, paths in property notation', async () => {
    await start();
    const missing = await call('POST', '/v2/authenticate', { body: { email: 'x@example.com' } });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      type: 'ValidationError',
      validationErrors: [
        {
          path: '.password',
          type: expect.any(String) as string,
          message: expect.any(String) as string,
        },
      ],
    });
    const { token } = await signIn();
    const roles = await call('POST', '/v2/users/self/api-tokens', {
      headers: bearer(token),
      body: { description: 'd', roles: ['api_read', 'root'] },
    });
    expect(roles.status).toBe(400);
    expect(await roles.json()).toMatchObject({ validationErrors: [{ path: '.roles[1]' }] });
    const shortCode = await call('POST', '/v2/authenticate-mfa', {
      body: { email: 'studio-mfa@example.com', password: 'demo', multiFactorCode: '12345' },
    });
    expect(shortCode.status).toBe(400);
  });

  it('a second factor: 202 with its name, then 200 or 400 or 408 from authenticate-mfa', async () => {
    await start();
    const mfa = { email: 'studio-mfa@example.com', password: 'demo' };
    const first = await call('POST', '/v2/authenticate', { body: mfa });
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ name: 'SecondFactorRequired' });
    const wrong = await call('POST', '/v2/authenticate-mfa', {
      body: { ...mfa, multiFactorCode: 'not-a-code' },
    });
    expect(wrong.status).toBe(400);
    clock.advance(5 * 60_000 + 1);
    const stale = await call('POST', '/v2/authenticate-mfa', {
      body: { ...mfa, multiFactorCode: 'recovery-0001' },
    });
    expect(stale.status).toBe(408);
    expect(await stale.json()).toMatchObject({ name: 'FirstAuthenticationFactorExpired' });
  });

  it('refresh needs the session token too, and answers `expiresAt`', async () => {
    await start();
    const session = await signIn();
    const body = { refreshToken: session.refreshToken };
    expect((await call('PUT', '/v2/users/self/sessions', { body })).status).toBe(401);
    const refreshed = await call('PUT', '/v2/users/self/sessions', {
      body,
      headers: bearer(session.token),
    });
    expect(refreshed.status).toBe(200);
    expect(Object.keys((await refreshed.json()) as object).sort()).toEqual([
      'expiresAt',
      'refreshToken',
      'token',
    ]);
  });

  it('204s carry no body: logout, update and delete', async () => {
    await start();
    const { token } = await signIn();
    const created = await call('POST', '/v2/users/self/api-tokens', {
      headers: bearer(token),
      body: { description: 'd', roles: ['api_read'] },
    });
    expect(created.status).toBe(201);
    const { tokenId } = (await (
      await call('GET', '/v2/users/self/sessions/current/status', {
        headers: bearer(((await created.json()) as { token: string }).token),
      })
    ).json()) as { tokenId: string };
    const one = `/v2/users/self/api-tokens/${tokenId}`;
    for (const response of [
      await call('PUT', one, { headers: bearer(token), body: { description: 'e' } }),
      await call('DELETE', one, { headers: bearer(token) }),
      await call('PUT', '/v2/logout', { headers: bearer(token) }),
    ]) {
      expect(response.status).toBe(204);
      expect(await response.text()).toBe('');
    }
  });

  it('pages the token list by limit, skip and page, and says so in X-Pagination-*', async () => {
    await start();
    const { token } = await signIn();
    for (let i = 0; i < 5; i++)
      sandbox.v2.world.createApiToken('studio-demo@example.com', {
        description: `t${i}`,
        roles: ['api_read'],
      });
    const page = async (query: string) => {
      const response = await call('GET', `/v2/users/self/api-tokens${query}`, {
        headers: bearer(token),
      });
      const items = (await response.json()) as { description: string }[];
      return {
        status: response.status,
        items: items.map?.((item) => item.description),
        total: response.headers.get('x-pagination-totalcount'),
        page: response.headers.get('x-pagination-page'),
      };
    };
    expect(await page('')).toEqual({
      status: 200,
      items: ['t0', 't1', 't2', 't3', 't4'],
      total: '5',
      page: '0',
    });
    expect(await page('?limit=2&page=1')).toMatchObject({ items: ['t2', 't3'], page: '1' });
    expect(await page('?limit=2&page=1&skip=4')).toMatchObject({ items: ['t4'], page: '2' });
    expect((await page('?limit=-1')).status).toBe(400);
  });

  it('lists the sessions, ends all but the current one, and keeps the deprecated check', async () => {
    await start();
    const current = await signIn();
    const other = await signIn();
    const list = await call('GET', '/v2/users/self/sessions', { headers: bearer(current.token) });
    expect(((await list.json()) as unknown[]).length).toBe(2);
    const ended = await call('DELETE', '/v2/users/self/sessions', {
      headers: bearer(current.token),
    });
    expect(ended.status).toBe(204);
    const status = '/v2/users/self/sessions/current/status';
    expect((await call('GET', status, { headers: bearer(other.token) })).status).toBe(401);
    const check = await call('POST', '/v2/users/self/credentials/token', {
      headers: bearer(current.token),
      body: {},
    });
    expect(check.status).toBe(200);
    expect(await check.json()).toMatchObject({ id: expect.any(String) as string });
  });

  it('records every secret it issued, for leak checks', async () => {
    await start();
    const session = await signIn();
    const created = (await (
      await call('POST', '/v2/users/self/api-tokens', {
        headers: bearer(session.token),
        body: { description: 'd', roles: ['api_read'] },
      })
    ).json()) as { token: string };
    for (const secret of [session.token, session.refreshToken, created.token])
      expect(sandbox.v2.world.issuedSecrets).toContain(secret);
  });
});
