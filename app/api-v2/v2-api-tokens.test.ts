/**
 * v2 API tokens over real HTTP: create (the secret once), list, get, update, delete; roles
 * deciding what a token may do; expiry ending a token; the token itself as the bearer; and the
 * list followed across pages when the server pages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { startV2Harness, studioSession, type V2Harness } from './v2-harness';

let h: V2Harness;
afterEach(() => h.sandbox.close());

const HOUR = 3600_000;

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => {
      if (error instanceof ApiError) return error;
      throw error;
    },
  );

async function signedIn(options: Parameters<typeof startV2Harness>[0] = {}) {
  h = await startV2Harness(options);
  return (await studioSession(h.client)).token;
}

describe('v2 API tokens', () => {
  it('create answers the secret once; list and get show description, roles, created and expiry', async () => {
    const session = await signedIn();
    const expiresAt = Date.UTC(2027, 0, 1, 0, 0, 0);
    const created = await h.client.createApiToken(session, {
      description: 'laptop',
      roles: ['api_read', 'api_write'],
      expiresAt,
    });
    expect(created.token).toMatch(/:mittwald_a$/);
    const [listed, ...others] = await h.client.listApiTokens(session);
    expect(others).toEqual([]);
    expect(listed).toEqual({
      apiTokenId: expect.any(String) as string,
      description: 'laptop',
      roles: ['api_read', 'api_write'],
      createdAt: h.clock.now,
      expiresAt,
    });
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(await h.client.getApiToken(session, listed!.apiTokenId)).toEqual(listed);
  });

  it('a token without expiry lists without one; repeated roles are sent once', async () => {
    const session = await signedIn();
    await h.client.createApiToken(session, {
      description: 'ci',
      roles: ['api_read', 'api_read'],
    });
    const [token] = await h.client.listApiTokens(session);
    expect(token?.roles).toEqual(['api_read']);
    expect(token?.expiresAt).toBeUndefined();
  });

  it('refuses no roles, an unknown role and an expiry in the past as rejected input', async () => {
    const session = await signedIn();
    const cases = [
      { description: 'none', roles: [] },
      { description: 'past', roles: ['api_read' as const], expiresAt: h.clock.now - 1 },
    ];
    for (const input of cases) {
      expect(await failure(h.client.createApiToken(session, input))).toMatchObject({
        kind: 'rejected',
        status: 400,
      });
    }
    expect(await h.client.listApiTokens(session)).toEqual([]);
  });

  it('update sets description and expiry; an update without expiry clears it', async () => {
    const session = await signedIn();
    await h.client.createApiToken(session, { description: 'old', roles: ['api_read'] });
    const [{ apiTokenId } = { apiTokenId: '' }] = await h.client.listApiTokens(session);
    const later = h.clock.now + 48 * HOUR;
    await h.client.updateApiToken(session, apiTokenId, { description: 'new', expiresAt: later });
    expect(await h.client.getApiToken(session, apiTokenId)).toMatchObject({
      description: 'new',
      expiresAt: later,
      roles: ['api_read'],
    });
    await h.client.updateApiToken(session, apiTokenId, {
      description: 'new',
      expiresAt: undefined,
    });
    expect((await h.client.getApiToken(session, apiTokenId)).expiresAt).toBeUndefined();
  });

  it('delete removes it: get, update and delete then answer not_found', async () => {
    const session = await signedIn();
    await h.client.createApiToken(session, { description: 'gone', roles: ['api_read'] });
    const [{ apiTokenId } = { apiTokenId: '' }] = await h.client.listApiTokens(session);
    await h.client.deleteApiToken(session, apiTokenId);
    expect(await h.client.listApiTokens(session)).toEqual([]);
    for (const attempt of [
      () => h.client.getApiToken(session, apiTokenId),
      () =>
        h.client.updateApiToken(session, apiTokenId, { description: 'x', expiresAt: undefined }),
      () => h.client.deleteApiToken(session, apiTokenId),
    ]) {
      expect(await failure(attempt())).toMatchObject({ kind: 'not_found', status: 404 });
    }
  });

  it("another account's token is not found, never shown", async () => {
    const session = await signedIn();
    const other = h.sandbox.v2.world.createApiToken('studio-mfa@example.com', {
      description: 'theirs',
      roles: ['api_read'],
    });
    expect(await h.client.listApiTokens(session)).toEqual([]);
    expect(await failure(h.client.getApiToken(session, other.apiTokenId))).toMatchObject({
      kind: 'not_found',
    });
  });
});

describe('a v2 API token as the bearer', () => {
  it('is used directly; the current-session status names its apiTokenId', async () => {
    const session = await signedIn();
    const { token: secret } = await h.client.createApiToken(session, {
      description: 'this device',
      roles: ['api_read', 'api_write'],
    });
    const [own] = await h.client.listApiTokens(secret);
    expect((await h.client.sessionStatus(secret)).tokenId).toBe(own?.apiTokenId);
    // With api_write it manages tokens itself, its own included.
    await h.client.createApiToken(secret, { description: 'made by a token', roles: ['api_read'] });
    expect(await h.client.listApiTokens(secret)).toHaveLength(2);
  });

  it('api_read reads but may not write; api_write may', async () => {
    const session = await signedIn();
    const reader = (
      await h.client.createApiToken(session, { description: 'r', roles: ['api_read'] })
    ).token;
    const writer = (
      await h.client.createApiToken(session, { description: 'w', roles: ['api_write'] })
    ).token;
    const [first] = await h.client.listApiTokens(reader);
    await expect(h.client.getApiToken(reader, first!.apiTokenId)).resolves.toBeDefined();
    const denied = [
      () => h.client.createApiToken(reader, { description: 'no', roles: ['api_read'] }),
      () => h.client.updateApiToken(reader, first!.apiTokenId, { description: 'no', expiresAt: 0 }),
      () => h.client.deleteApiToken(reader, first!.apiTokenId),
    ];
    for (const attempt of denied)
      expect(await failure(attempt())).toMatchObject({ kind: 'forbidden', status: 403 });
    // Write access includes reading (the sandbox's reading of the roles; see the report).
    await expect(h.client.listApiTokens(writer)).resolves.toHaveLength(2);
    await h.client.deleteApiToken(writer, first!.apiTokenId);
    expect(await h.client.listApiTokens(session)).toHaveLength(1);
  });

  it('stops authenticating when it expires, and is still listed for the session', async () => {
    const session = await signedIn();
    const { token: secret } = await h.client.createApiToken(session, {
      description: 'short',
      roles: ['api_read'],
      expiresAt: h.clock.now + HOUR,
    });
    await expect(h.client.sessionStatus(secret)).resolves.toBeDefined();
    h.clock.advance(HOUR - 1);
    await expect(h.client.listApiTokens(secret)).resolves.toHaveLength(1);
    h.clock.advance(1);
    expect(await failure(h.client.listApiTokens(secret))).toMatchObject({ kind: 'unauthorized' });
    const fresh = (await studioSession(h.client)).token;
    expect(await h.client.listApiTokens(fresh)).toMatchObject([{ description: 'short' }]);
  });

  it('stops authenticating when it is deleted', async () => {
    const session = await signedIn();
    const { token: secret } = await h.client.createApiToken(session, {
      description: 'revoked',
      roles: ['api_read'],
    });
    const { tokenId } = await h.client.sessionStatus(secret);
    await h.client.deleteApiToken(session, tokenId);
    expect(await failure(h.client.sessionStatus(secret))).toMatchObject({ kind: 'unauthorized' });
  });
});

describe('a paged token list', () => {
  it('is followed to the end when the server pages without being asked', async () => {
    const session = await signedIn({ v2: { listPageSize: 2 } });
    for (let i = 0; i < 5; i++)
      await h.client.createApiToken(session, { description: `t${i}`, roles: ['api_read'] });
    const before = h.sandbox.countRequests('GET /v2/users/self/api-tokens');
    const list = await h.client.listApiTokens(session);
    expect(list.map((token) => token.description)).toEqual(['t0', 't1', 't2', 't3', 't4']);
    expect(h.sandbox.countRequests('GET /v2/users/self/api-tokens') - before).toBe(3);
  });

  it('is read in one request when the server does not page', async () => {
    const session = await signedIn();
    for (let i = 0; i < 3; i++)
      await h.client.createApiToken(session, { description: `t${i}`, roles: ['api_read'] });
    const before = h.sandbox.countRequests('GET /v2/users/self/api-tokens');
    expect(await h.client.listApiTokens(session)).toHaveLength(3);
    expect(h.sandbox.countRequests('GET /v2/users/self/api-tokens') - before).toBe(1);
  });
});
