/**
 * When and how the session renews its API token: exactly at the margin, exactly at expiry, one
 * renewal after another, and what a failed renewal does to the session (a refused access token
 * ends it; a server or network failure does not).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { demoToken, startHarness, type Harness } from '../testing/sandbox-fixture';
import { Session } from './session';

const ACCESSTOKEN = 'GET /authentication/accesstoken';
const AUTHENTICATE = 'POST /authenticate';
const LIFETIME_MS = 3_600_000;
const MARGIN_MS = 60_000;

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.sandbox.close();
  harness = undefined;
});

async function signedInSession(options: { accessToken?: boolean } = {}) {
  const h = (harness = await startHarness({ tokenLifetimeSeconds: LIFETIME_MS / 1000 }));
  const created = await h.client.createApplicationToken(await demoToken(h.client), 'renewal');
  const credentials = { uuid: created.uuid, secret: created.token };
  const session = new Session(h.client, { clock: h.clock.read, renewMarginMs: MARGIN_MS });
  if (options.accessToken === false) await session.signInWithPassword('demo', 'demo');
  else await session.signInWithAccessToken(credentials);
  const signedInAt = h.clock.now;
  const first = session.currentApiToken();
  if (!first) throw new Error('no API token after sign-in');
  expect(first.expiresAt).toBe(signedInAt + LIFETIME_MS);
  const counts = () => ({
    accesstoken: h.sandbox.countRequests(ACCESSTOKEN),
    authenticate: h.sandbox.countRequests(AUTHENTICATE),
  });
  return { h, session, credentials, first, counts };
}

describe('Session renewal timing', () => {
  it('uses the cached token until one millisecond before the margin, renews at the margin', async () => {
    const { h, session, first, counts } = await signedInSession();
    const before = counts();
    h.clock.advance(LIFETIME_MS - MARGIN_MS - 1);
    expect(await session.token()).toBe(first.token);
    expect(counts()).toEqual(before);
    h.clock.advance(1);
    const renewed = await session.token();
    expect(renewed).not.toBe(first.token);
    // Still valid: renewed by the bearer, without sending the access token's secret again.
    expect(counts()).toEqual({ ...before, accesstoken: before.accesstoken + 1 });
  });

  it('at the very millisecond of expiry the old token is not used to renew: it signs in again', async () => {
    const { h, session, first, counts } = await signedInSession();
    const before = counts();
    h.clock.advance(LIFETIME_MS);
    expect(await session.token()).not.toBe(first.token);
    expect(counts()).toEqual({ ...before, authenticate: before.authenticate + 1 });
  });

  it('renews again for each later expiry (a finished renewal is not reused)', async () => {
    const { h, session, first } = await signedInSession();
    const seen = [first.token];
    for (let round = 0; round < 3; round++) {
      h.clock.advance(LIFETIME_MS);
      const token = await session.token();
      expect(seen).not.toContain(token);
      seen.push(token);
      expect(session.currentApiToken()).toEqual({
        token,
        expiresAt: h.clock.now + LIFETIME_MS,
      });
      expect(session.state()).toEqual({
        status: 'signed_in',
        expiresAt: h.clock.now + LIFETIME_MS,
      });
    }
  });

  it('a refused renewal by the bearer falls back to the stored access token', async () => {
    const { h, session, first, counts } = await signedInSession();
    h.sandbox.faults.add(ACCESSTOKEN, { kind: 'status', status: 401 });
    const before = counts();
    h.clock.advance(LIFETIME_MS - MARGIN_MS);
    expect(await session.token()).not.toBe(first.token);
    expect(counts()).toEqual({
      accesstoken: before.accesstoken + 1,
      authenticate: before.authenticate + 1,
    });
  });

  it('a server failure of the renewal is reported, not papered over with a new sign-in', async () => {
    const { h, session, first, counts } = await signedInSession();
    h.sandbox.faults.add(ACCESSTOKEN, { kind: 'status', status: 500 });
    const before = counts();
    h.clock.advance(LIFETIME_MS - MARGIN_MS);
    await expect(session.token()).rejects.toMatchObject({ kind: 'server' });
    expect(counts().authenticate).toBe(before.authenticate);
    // The session stays: the token is still valid and the next try works.
    expect(session.state().status).toBe('signed_in');
    expect(session.currentApiToken()).toEqual(first);
    expect(await session.token()).not.toBe(first.token);
  });

  it('without an access token, a refused renewal by the bearer ends the session', async () => {
    const { h, session, counts } = await signedInSession({ accessToken: false });
    h.sandbox.faults.add(ACCESSTOKEN, { kind: 'status', status: 401 });
    const before = counts();
    h.clock.advance(LIFETIME_MS - MARGIN_MS);
    await expect(session.token()).rejects.toMatchObject({
      kind: 'unauthorized',
      message: 'The session has ended. Sign in again.',
    });
    expect(counts()).toEqual({ ...before, accesstoken: before.accesstoken + 1 });
    // Not left "signed in" with a token the server refused: the app asks for a sign-in.
    expect(session.state()).toEqual({ status: 'signed_out' });
    expect(session.currentApiToken()).toBeUndefined();
  });

  it('without an access token, an expired API token ends the session', async () => {
    const { h, session, counts } = await signedInSession({ accessToken: false });
    const before = counts();
    h.clock.advance(LIFETIME_MS);
    await expect(session.token()).rejects.toMatchObject({
      kind: 'unauthorized',
      message: 'The session has ended. Sign in again.',
    });
    expect(counts()).toEqual(before);
    expect(session.state()).toEqual({ status: 'signed_out' });
    expect(session.currentApiToken()).toBeUndefined();
  });
});

describe('Session when the access token is refused', () => {
  it('a 403 for the stored access token signs out', async () => {
    const { h, session } = await signedInSession();
    h.sandbox.faults.add(AUTHENTICATE, { kind: 'status', status: 403 });
    h.clock.advance(LIFETIME_MS);
    await expect(session.token()).rejects.toMatchObject({ kind: 'forbidden' });
    expect(session.state()).toEqual({ status: 'signed_out' });
  });

  it('a server failure keeps the session, so the next try can sign in again', async () => {
    const { h, session } = await signedInSession();
    h.sandbox.faults.add(AUTHENTICATE, { kind: 'status', status: 500 });
    h.clock.advance(LIFETIME_MS);
    await expect(session.token()).rejects.toMatchObject({ kind: 'server' });
    expect(session.state().status).toBe('signed_in');
    expect(typeof (await session.token())).toBe('string');
    expect(session.currentApiToken()?.expiresAt).toBe(h.clock.now + LIFETIME_MS);
  });
});

describe('Session.call after a 401', () => {
  it('retries with a token another caller renewed meanwhile, without renewing again', async () => {
    const { h, session, credentials, counts } = await signedInSession();
    const used: string[] = [];
    let renewedMeanwhile: string | undefined;
    const before = counts();
    const self = await session.call(async (token) => {
      used.push(token);
      if (used.length === 1) {
        // Another caller signs in again while this request is on its way; then this one's 401.
        await session.signInWithAccessToken(credentials);
        renewedMeanwhile = session.currentApiToken()?.token;
        return h.client.getSelf('rejected.by.server');
      }
      return h.client.getSelf(token);
    });
    expect(self.value.name).toBe('demo');
    expect(used).toHaveLength(2);
    expect(used[1]).toBe(renewedMeanwhile);
    expect(used[1]).not.toBe(used[0]);
    // Only the other caller's sign-in: no renewal of this caller's own.
    expect(counts()).toEqual({ ...before, authenticate: before.authenticate + 1 });
  });

  it('renews when the token it used is still the current one', async () => {
    const { h, session, counts } = await signedInSession();
    const used: string[] = [];
    const before = counts();
    await session.call((token) => {
      used.push(token);
      return h.client.getSelf(used.length === 1 ? 'rejected.by.server' : token);
    });
    expect(used[1]).not.toBe(used[0]);
    expect(session.currentApiToken()?.token).toBe(used[1]);
    // A rejected token is not renewed by its bearer: the access token signs in again.
    expect(counts()).toEqual({ ...before, authenticate: before.authenticate + 1 });
  });

  it('any other failure is passed on without a retry', async () => {
    const { session } = await signedInSession();
    let calls = 0;
    await expect(
      session.call(() => {
        calls++;
        return Promise.reject(new Error('boom'));
      }),
    ).rejects.toThrow('boom');
    expect(calls).toBe(1);
  });
});
