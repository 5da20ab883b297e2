/**
 * V2Session over real HTTP: sign-in with and without a second factor, the device token as the
 * bearer once it exists, the session refreshed in time (one refresh for concurrent callers, one
 * retry after a 401), the device token forgotten when refused, logout.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  currentCode,
  startV2Harness,
  STUDIO_DEMO,
  STUDIO_MFA,
  type V2Harness,
} from '../api-v2/v2-harness';
import { V2Session } from './v2-session';

let h: V2Harness;
afterEach(() => h.sandbox.close());

const REFRESH = 'PUT /v2/users/self/sessions';
const HOUR = 3600_000;

async function signedIn() {
  h = await startV2Harness();
  const session = new V2Session(h.client, { clock: h.clock.read });
  await session.signInWithPassword(STUDIO_DEMO.email, STUDIO_DEMO.password);
  return session;
}

describe('V2Session sign-in', () => {
  it('a password alone signs in with the session as the bearer', async () => {
    const session = await signedIn();
    expect(session.state()).toEqual({
      status: 'signed_in',
      bearer: 'session',
      expiresAt: h.clock.now + 30 * 60_000,
    });
    await expect(session.call((bearer) => h.client.listApiTokens(bearer))).resolves.toEqual([]);
  });

  it('a second factor: the challenge survives a wrong code, the right one signs in', async () => {
    h = await startV2Harness();
    const session = new V2Session(h.client, { clock: h.clock.read });
    expect(await session.signInWithPassword(STUDIO_MFA.email, STUDIO_MFA.password)).toEqual({
      status: 'second_factor',
      email: STUDIO_MFA.email,
    });
    await expect(session.submitSecondFactor('000000x')).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    expect(session.state()).toEqual({ status: 'second_factor', email: STUDIO_MFA.email });
    await expect(session.submitSecondFactor(currentCode(h.clock))).resolves.toMatchObject({
      status: 'signed_in',
    });
    expect(session.state()).toMatchObject({ status: 'signed_in', bearer: 'session' });
  });

  it('a stale first factor closes the challenge: sign in again', async () => {
    h = await startV2Harness();
    const session = new V2Session(h.client, { clock: h.clock.read });
    await session.signInWithPassword(STUDIO_MFA.email, STUDIO_MFA.password);
    h.clock.advance(6 * 60_000);
    await expect(session.submitSecondFactor(currentCode(h.clock))).rejects.toMatchObject({
      kind: 'rejected',
      status: 408,
    });
    expect(session.state()).toEqual({ status: 'signed_out' });
  });
});

describe('V2Session device token', () => {
  it('is created with the session, identified by id, and then is the bearer', async () => {
    const session = await signedIn();
    const device = await session.createDeviceToken({
      description: 'this laptop',
      roles: ['api_read', 'api_write'],
      expiresAt: h.clock.now + 90 * 24 * HOUR,
    });
    const [listed] = await h.client.listApiTokens(device.secret);
    expect(device.apiTokenId).toBe(listed?.apiTokenId);
    expect(session.state()).toEqual({
      status: 'signed_in',
      bearer: 'api_token',
      expiresAt: device.expiresAt,
    });
    expect(await session.token()).toBe(device.secret);
    // Ending the session keeps the device working; the session token is dead.
    const sessionsBefore = h.sandbox.v2.world.sessions.size;
    await session.endSession();
    expect(h.sandbox.v2.world.sessions.size).toBe(sessionsBefore - 1);
    await expect(session.call((bearer) => h.client.listApiTokens(bearer))).resolves.toHaveLength(1);
  });

  it('an expired device token is refused without a request; a new sign-in can replace it', async () => {
    const session = await signedIn();
    await session.createDeviceToken({
      description: 'short',
      roles: ['api_read'],
      expiresAt: h.clock.now + HOUR,
    });
    await session.endSession();
    h.clock.advance(HOUR);
    const sent = h.sandbox.countRequests();
    await expect(session.token()).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(h.sandbox.countRequests()).toBe(sent);
    await session.signInWithPassword(STUDIO_DEMO.email, STUDIO_DEMO.password);
    const renewed = await session.createDeviceToken({ description: 'new', roles: ['api_read'] });
    expect(await session.token()).toBe(renewed.secret);
  });

  it('a device token revoked elsewhere is forgotten on its 401', async () => {
    const session = await signedIn();
    const device = await session.createDeviceToken({ description: 'd', roles: ['api_read'] });
    await session.endSession();
    h.sandbox.v2.world.apiTokens.delete(device.apiTokenId);
    await expect(session.call((b) => h.client.listApiTokens(b))).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    expect(session.deviceToken()).toBeUndefined();
    expect(session.state()).toEqual({ status: 'signed_out' });
  });

  it('a restored device token is used as is, with no sign-in', async () => {
    const first = await signedIn();
    const device = await first.createDeviceToken({ description: 'd', roles: ['api_read'] });
    const restarted = new V2Session(h.client, { clock: h.clock.read });
    restarted.useDeviceToken(device);
    await expect(restarted.call((b) => h.client.listApiTokens(b))).resolves.toHaveLength(1);
  });
});

describe('V2Session refresh', () => {
  it('refreshes shortly before expiry, once for concurrent callers', async () => {
    const session = await signedIn();
    const before = await session.token();
    h.clock.advance(29 * 60_000 + 1);
    const tokens = await Promise.all([session.token(), session.token(), session.token()]);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(before);
    expect(h.sandbox.countRequests(REFRESH)).toBe(1);
  });

  it('a 401 on the session leads to one refresh and one retry', async () => {
    const session = await signedIn();
    // The server ends the token early (its clock, its rules): the client still thinks it valid.
    for (const live of h.sandbox.v2.world.sessions.values()) live.expiresAt = h.clock.now;
    await expect(session.call((b) => h.client.listApiTokens(b))).resolves.toEqual([]);
    expect(h.sandbox.countRequests(REFRESH)).toBe(1);
    expect(h.sandbox.countRequests('GET /v2/users/self/api-tokens')).toBe(2);
  });

  it('a refused refresh ends the session', async () => {
    const session = await signedIn();
    h.sandbox.v2.world.sessions.clear();
    await expect(session.call((b) => h.client.listApiTokens(b))).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    expect(session.state()).toEqual({ status: 'signed_out' });
  });

  it('sign-out logs the session out on the server and forgets everything', async () => {
    const session = await signedIn();
    await session.createDeviceToken({ description: 'd', roles: ['api_read'] });
    await session.signOut();
    expect(h.sandbox.countRequests('PUT /v2/logout')).toBe(1);
    expect(h.sandbox.v2.world.sessions.size).toBe(0);
    expect(session.state()).toEqual({ status: 'signed_out' });
    await expect(session.token()).rejects.toMatchObject({ kind: 'unauthorized' });
  });
});
