/**
 * What each way in and out of a session leaves behind: a password sign-in forgets an earlier
 * access token and any pending challenge, a restored session without an API token still counts
 * as signed in, a cancelled challenge signs nobody in, and sign-out forgets everything.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import type { AuthenticateResult, Credentials, MittwaldClient } from '../api/mittwald-client';
import { DEMO_TOTP_SECRET, totp } from '../sandbox/totp';
import { demoToken, startHarness, type Harness } from '../testing/sandbox-fixture';
import { Session } from './session';

const AUTHENTICATE = 'POST /authenticate';
const LIFETIME_MS = 3_600_000;

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.sandbox.close();
  harness = undefined;
});

async function start() {
  const h = (harness = await startHarness({ tokenLifetimeSeconds: LIFETIME_MS / 1000 }));
  const created = await h.client.createApplicationToken(await demoToken(h.client), 'sign-in');
  const credentials = { uuid: created.uuid, secret: created.token };
  const session = new Session(h.client, { clock: h.clock.read });
  return { h, session, credentials };
}

describe('Session sign-in', () => {
  it('a password sign-in forgets an earlier access token: at expiry the session ends', async () => {
    const { h, session, credentials } = await start();
    await session.signInWithAccessToken(credentials);
    await session.signInWithPassword('demo', 'demo');
    h.clock.advance(LIFETIME_MS);
    await expect(session.token()).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(session.state()).toEqual({ status: 'signed_out' });
  });

  it('a completed second factor also forgets an earlier access token', async () => {
    const { h, session, credentials } = await start();
    await session.signInWithAccessToken(credentials);
    await session.signInWithPassword('mfa-demo', 'demo');
    await session.submitSecondFactor(totp(DEMO_TOTP_SECRET, h.clock.now));
    h.clock.advance(LIFETIME_MS);
    await expect(session.token()).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(session.state()).toEqual({ status: 'signed_out' });
  });

  it('useAccessToken after a password sign-in lets the session sign in again at expiry', async () => {
    const { h, session, credentials } = await start();
    await session.signInWithPassword('demo', 'demo');
    session.useAccessToken(credentials);
    const before = h.sandbox.countRequests(AUTHENTICATE);
    h.clock.advance(LIFETIME_MS);
    expect(typeof (await session.token())).toBe('string');
    expect(h.sandbox.countRequests(AUTHENTICATE)).toBe(before + 1);
    expect(session.state().status).toBe('signed_in');
  });

  it('a new sign-in replaces a pending challenge', async () => {
    const { session, credentials } = await start();
    expect((await session.signInWithPassword('mfa-demo', 'demo')).status).toBe('second_factor');
    expect((await session.signInWithPassword('demo', 'demo')).status).toBe('signed_in');
    expect(session.state().status).toBe('signed_in');
    await expect(session.submitSecondFactor('000000')).rejects.toMatchObject({
      kind: 'unauthorized',
      message: 'There is no sign-in waiting for a code.',
    });

    await session.signInWithPassword('mfa-demo', 'demo');
    await session.signInWithAccessToken(credentials);
    expect(session.state().status).toBe('signed_in');

    await session.signInWithPassword('mfa-demo', 'demo');
    session.restore(credentials);
    expect(session.state().status).toBe('signed_in');
  });

  it('a cancelled challenge signs nobody in and cannot be completed later', async () => {
    const { h, session } = await start();
    await session.signInWithPassword('mfa-demo', 'demo');
    session.cancelSecondFactor();
    expect(session.state()).toEqual({ status: 'signed_out' });
    await expect(
      session.submitSecondFactor(totp(DEMO_TOTP_SECRET, h.clock.now)),
    ).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(session.state()).toEqual({ status: 'signed_out' });
  });

  it('a restored session without a cached API token is signed in, expiry unknown, and fetches one', async () => {
    const { h, session, credentials } = await start();
    session.restore(credentials);
    expect(session.state()).toEqual({ status: 'signed_in', expiresAt: 0 });
    expect(session.currentApiToken()).toBeUndefined();
    const token = await session.token();
    expect(session.currentApiToken()).toEqual({ token, expiresAt: h.clock.now + LIFETIME_MS });
  });

  it('signing out forgets the token and the credentials', async () => {
    const { session, credentials } = await start();
    await session.signInWithAccessToken(credentials);
    session.signOut();
    expect(session.state()).toEqual({ status: 'signed_out' });
    expect(session.currentApiToken()).toBeUndefined();
    await expect(session.token()).rejects.toMatchObject({ kind: 'unauthorized' });
  });
});

describe('Session with a server that asks an access token for a second factor', () => {
  it('refuses it as a bad answer instead of waiting for a code nobody will type', async () => {
    const client = {
      authenticate: (_credentials: Credentials): Promise<AuthenticateResult> =>
        Promise.resolve({ status: 'second_factor', name: 'TOTP', deviceId: 'd' }),
      renewApiToken: () => Promise.reject(new ApiError('unauthorized', 'no')),
    } satisfies Pick<MittwaldClient, 'authenticate' | 'renewApiToken'>;
    const session = new Session(client as unknown as MittwaldClient);
    await expect(session.signInWithAccessToken({ uuid: 'u', secret: 's' })).rejects.toMatchObject({
      kind: 'bad_response',
      message: 'The server asked for a second factor for an access token.',
    });
    expect(session.state().status).not.toBe('second_factor');
  });

  it('a code answered with another challenge says so and keeps the challenge open', async () => {
    const client = {
      authenticate: (_credentials: Credentials): Promise<AuthenticateResult> =>
        Promise.resolve({ status: 'second_factor', name: 'DeviceCookie', deviceId: 'd' }),
      renewApiToken: () => Promise.reject(new ApiError('unauthorized', 'no')),
    } satisfies Pick<MittwaldClient, 'authenticate' | 'renewApiToken'>;
    const session = new Session(client as unknown as MittwaldClient);
    expect(await session.signInWithPassword('u', 'p')).toMatchObject({
      status: 'second_factor',
      name: 'DeviceCookie',
    });
    await expect(session.submitSecondFactor('123456')).rejects.toMatchObject({
      kind: 'unauthorized',
      message: 'The code was not accepted. Try the current one.',
    });
    expect(session.state()).toMatchObject({ status: 'second_factor', name: 'DeviceCookie' });
  });
});
