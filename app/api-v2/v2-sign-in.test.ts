/**
 * v2 sign-in over real HTTP against the sandbox: password, second factor (TOTP and recovery
 * code, wrong and stale), refresh (the old pair dies, an expired token may still refresh) and
 * logout.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import {
  currentCode,
  startV2Harness,
  STUDIO_DEMO,
  STUDIO_MFA,
  studioSession,
  type V2Harness,
} from './v2-harness';

let h: V2Harness;
afterEach(() => h.sandbox.close());

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

describe('v2 sign-in', () => {
  it('a password alone gives a session: token, refresh token and the expiry from `expires`', async () => {
    h = await startV2Harness();
    const result = await h.client.authenticate(STUDIO_DEMO);
    expect(result).toMatchObject({ status: 'authenticated', expiresAt: h.clock.now + 30 * 60_000 });
    if (result.status !== 'authenticated') return;
    expect(result.token).not.toBe(result.refreshToken);
    const status = await h.client.sessionStatus(result.token);
    expect(status).toMatchObject({ isImpersonated: false, isEmployee: false });
  });

  it('a wrong password or an unknown e-mail is unauthorized, and says nothing secret', async () => {
    h = await startV2Harness();
    for (const credentials of [
      { ...STUDIO_DEMO, password: 'wrong' },
      { email: 'nobody@example.com', password: 'demo' },
    ]) {
      const error = await failure(h.client.authenticate(credentials));
      expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
      expect(error.message).not.toContain(credentials.password);
    }
  });

  it('an account with a second factor answers 202; the TOTP code completes the sign-in', async () => {
    h = await startV2Harness();
    expect(await h.client.authenticate(STUDIO_MFA)).toEqual({ status: 'second_factor' });
    const session = await h.client.authenticateMfa({
      ...STUDIO_MFA,
      multiFactorCode: currentCode(h.clock),
    });
    expect(session.expiresAt).toBe(h.clock.now + 30 * 60_000);
    await expect(h.client.sessionStatus(session.token)).resolves.toBeDefined();
  });

  it('takes the code as an authenticator shows it, with a space', async () => {
    h = await startV2Harness();
    await h.client.authenticate(STUDIO_MFA);
    const code = currentCode(h.clock);
    const spaced = `${code.slice(0, 3)} ${code.slice(3)}`;
    await expect(
      h.client.authenticateMfa({ ...STUDIO_MFA, multiFactorCode: spaced }),
    ).resolves.toHaveProperty('token');
  });

  it('a wrong code is unauthorized and leaves the first factor open for another try', async () => {
    h = await startV2Harness();
    await h.client.authenticate(STUDIO_MFA);
    const wrong = String((Number(currentCode(h.clock)) + 1) % 1_000_000).padStart(6, '0');
    const error = await failure(
      h.client.authenticateMfa({ ...STUDIO_MFA, multiFactorCode: wrong }),
    );
    expect(error).toMatchObject({ kind: 'unauthorized', status: 400 });
    await expect(
      h.client.authenticateMfa({ ...STUDIO_MFA, multiFactorCode: currentCode(h.clock) }),
    ).resolves.toHaveProperty('token');
  });

  it('a recovery code works once', async () => {
    h = await startV2Harness();
    await h.client.authenticate(STUDIO_MFA);
    const recovery = { ...STUDIO_MFA, multiFactorCode: 'recovery-0001' };
    await expect(h.client.authenticateMfa(recovery)).resolves.toHaveProperty('token');
    await h.client.authenticate(STUDIO_MFA);
    expect(await failure(h.client.authenticateMfa(recovery))).toMatchObject({
      kind: 'unauthorized',
    });
  });

  it('a first factor older than five minutes, or none at all, is answered 408', async () => {
    h = await startV2Harness();
    const none = await failure(
      h.client.authenticateMfa({ ...STUDIO_MFA, multiFactorCode: currentCode(h.clock) }),
    );
    expect(none).toMatchObject({ kind: 'rejected', status: 408 });
    await h.client.authenticate(STUDIO_MFA);
    h.clock.advance(5 * 60_000 + 1);
    const stale = await failure(
      h.client.authenticateMfa({ ...STUDIO_MFA, multiFactorCode: currentCode(h.clock) }),
    );
    expect(stale).toMatchObject({ kind: 'rejected', status: 408 });
    expect(stale.message).toMatch(/sign in again/i);
  });

  it('the password is checked again at the second step', async () => {
    h = await startV2Harness();
    await h.client.authenticate(STUDIO_MFA);
    const error = await failure(
      h.client.authenticateMfa({
        ...STUDIO_MFA,
        password: 'wrong',
        multiFactorCode: currentCode(h.clock),
      }),
    );
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
  });
});

describe('v2 refresh and logout', () => {
  it('refresh answers a new pair; the old token and the old refresh token stop working', async () => {
    h = await startV2Harness();
    const first = await studioSession(h.client);
    h.clock.advance(60_000);
    const second = await h.client.refreshSession(first);
    expect(second.token).not.toBe(first.token);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.expiresAt).toBe(h.clock.now + 30 * 60_000);
    expect(await failure(h.client.sessionStatus(first.token))).toMatchObject({
      kind: 'unauthorized',
    });
    await expect(h.client.sessionStatus(second.token)).resolves.toBeDefined();
    const replay = { token: second.token, refreshToken: first.refreshToken };
    expect(await failure(h.client.refreshSession(replay))).toMatchObject({
      kind: 'unauthorized',
      status: 400,
    });
  });

  it('an expired session token still refreshes, as the description promises', async () => {
    h = await startV2Harness();
    const session = await studioSession(h.client);
    h.clock.advance(31 * 60_000);
    expect(await failure(h.client.sessionStatus(session.token))).toMatchObject({
      kind: 'unauthorized',
    });
    const renewed = await h.client.refreshSession(session);
    await expect(h.client.sessionStatus(renewed.token)).resolves.toBeDefined();
  });

  it('a refresh token past its own lifetime does not', async () => {
    h = await startV2Harness({ v2: { refreshLifetimeSeconds: 3600 } });
    const session = await studioSession(h.client);
    h.clock.advance(3600_000);
    expect(await failure(h.client.refreshSession(session))).toMatchObject({ kind: 'unauthorized' });
  });

  it('logout ends the session: the token and its refresh token stop working', async () => {
    h = await startV2Harness();
    const session = await studioSession(h.client);
    await h.client.logout(session.token);
    expect(await failure(h.client.sessionStatus(session.token))).toMatchObject({
      kind: 'unauthorized',
    });
    expect(await failure(h.client.refreshSession(session))).toMatchObject({
      kind: 'unauthorized',
    });
    expect(await failure(h.client.logout(session.token))).toMatchObject({ kind: 'unauthorized' });
  });

  it('sessions are the sessions: an API token may not log out or refresh', async () => {
    h = await startV2Harness();
    const session = await studioSession(h.client);
    const { token: secret } = await h.client.createApiToken(session.token, {
      description: 'device',
      roles: ['api_read', 'api_write'],
    });
    expect(await failure(h.client.logout(secret))).toMatchObject({ kind: 'forbidden' });
    expect(
      await failure(h.client.refreshSession({ token: secret, refreshToken: session.refreshToken })),
    ).toMatchObject({ kind: 'unauthorized' });
    // The refresh token was not spent by the refused attempt.
    await expect(h.client.refreshSession(session)).resolves.toHaveProperty('token');
  });
});
