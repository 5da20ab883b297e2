/**
 * mStudio (API v2) profiles through the service, over HTTP: sign-in with and without a second
 * factor makes this device's API token (roles and expiry chosen), stores only its secret,
 * encrypted, and ends the password's session; a restart resumes without a request.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_TOTP_SECRET, totp } from '../sandbox/totp';
import { assertNoLeaks } from '../testing/leak-check';
import {
  haystacksOf,
  RecordingCipher,
  secretsOf,
  startService,
  withoutLeakGuard,
  type ServiceHarness,
} from '../testing/service-fixture';
import {
  DAY,
  sandboxDeviceToken,
  STUDIO,
  STUDIO_MFA,
  V2_SANDBOX,
  v2Requests,
  v2SignedIn,
} from '../testing/v2-service-fixture';
import { EphemeralAesGcmCipher } from '../vault/aes-gcm-cipher';
import { profilesRecordSchema, secretsRecordSchema } from '../vault/records';
import { fromColumns } from './token-list-columns';

function storedSecrets(h: ServiceHarness) {
  const [name] = readdirSync(h.folder).filter((file) => file.startsWith('secrets-'));
  if (name === undefined) throw new Error('no secrets stored');
  return secretsRecordSchema.parse(JSON.parse(readFileSync(join(h.folder, name), 'utf8')));
}

describe('v2 sign-in', () => {
  it('without a second factor: a device token with both roles and 90 days, the session ended', async () => {
    const h = await startService();
    await v2SignedIn(h);
    const device = sandboxDeviceToken(h);
    expect(device).toMatchObject({ roles: ['api_read', 'api_write'] });
    expect(device?.expiresAt).toBe(h.clock.now + 90 * DAY);
    // The password's session is logged out once the device token exists: nothing of it is kept.
    expect(h.sandbox.countRequests('PUT /v2/logout')).toBe(1);
    expect([...h.sandbox.v2.world.sessions.values()]).toHaveLength(0);

    const session = await h.ok('session:state');
    expect(session).toMatchObject({
      status: 'signed_in',
      persisted: true,
      expiresAt: h.clock.now + 90 * DAY,
      deviceToken: {
        uuid: device?.apiTokenId,
        expiresAt: h.clock.now + 90 * DAY,
        renewFrom: h.clock.now + 76 * DAY,
      },
    });
    const { profiles } = await h.ok('profiles:list');
    expect(profiles[0]).toMatchObject({
      api: 'v2',
      username: STUDIO,
      hasStoredSignIn: true,
      baseUrl: h.sandbox.v2.url,
    });
  });

  it('a v2 profile added first is signed in to later, on v2', async () => {
    const h = await startService();
    const added = await h.ok('profiles:add', V2_SANDBOX);
    expect(added.profiles[0]).toMatchObject({ api: 'v2', baseUrl: h.sandbox.v2.url });
    const view = await h.ok('session:signIn', { username: STUDIO, password: h.password });
    expect(view).toMatchObject({ status: 'signed_in', persisted: true });
    expect(sandboxDeviceToken(h)).toBeDefined();
    // Every request went to v2's paths (v1's routes are keyed without a prefix).
    expect(h.sandbox.requests.every((r) => r.route.includes(' /v2/'))).toBe(true);
  });

  it('roles and expiry as the user chose them', async () => {
    const h = await startService();
    const expiresAt = h.clock.now + 7 * DAY;
    await v2SignedIn(h, { roles: ['api_read'], expiresAt });
    expect(sandboxDeviceToken(h)).toMatchObject({ roles: ['api_read'], expiresAt });
  });

  it('with a second factor: the code completes it and the device token is made then', async () => {
    const h = await startService();
    const waiting = await h.ok('session:signIn', {
      username: STUDIO_MFA,
      password: h.password,
      newProfile: V2_SANDBOX,
      roles: ['api_write'],
    });
    expect(waiting).toMatchObject({ status: 'second_factor', name: 'TOTP', username: STUDIO_MFA });
    expect(sandboxDeviceToken(h)).toBeUndefined();
    const wrong = await h.call('session:submitSecondFactor', { code: '000000' });
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    const done = await h.ok('session:submitSecondFactor', {
      code: totp(DEMO_TOTP_SECRET, h.clock.now),
    });
    expect(done).toMatchObject({ status: 'signed_in', persisted: true });
    expect(sandboxDeviceToken(h)).toMatchObject({ roles: ['api_write'] });
    expect((await h.ok('profiles:list')).profiles[0]?.username).toBe(STUDIO_MFA);
  });

  it('a wrong password leaves no profile behind', async () => {
    const h = await startService();
    const failed = await h.call('session:signIn', {
      username: STUDIO,
      password: 'wrong',
      newProfile: V2_SANDBOX,
    });
    expect(failed).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect((await h.ok('profiles:list')).profiles).toHaveLength(0);
  });

  it('v1 refuses roles and expiry, and an expiry in the past is refused before any request', async () => {
    const h = await startService();
    const v1 = await h.call('session:signIn', {
      username: 'demo',
      password: h.password,
      newProfile: { name: 'Sandbox', server: 'sandbox' },
      roles: ['api_read'],
    });
    expect(v1).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    const past = await h.call('session:signIn', {
      username: STUDIO,
      password: h.password,
      newProfile: V2_SANDBOX,
      expiresAt: h.clock.now - 1,
    });
    expect(past).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(h.sandbox.requests).toHaveLength(0);
  });

  it('stores the device token encrypted, and nothing else of the sign-in', async () => {
    const cipher = new RecordingCipher();
    const h = await startService({ cipher });
    await v2SignedIn(h);
    const record = storedSecrets(h);
    const device = sandboxDeviceToken(h);
    expect(record.deviceTokenUuid).toBe(device?.apiTokenId);
    expect(record.apiToken).toBeUndefined();
    const sealed = Object.values(record.held).map((held) => held.secret);
    expect(sealed).toHaveLength(1);
    const stranger = new EphemeralAesGcmCipher();
    for (const value of sealed) {
      expect(cipher.produced.has(value)).toBe(true);
      expect(await cipher.decrypt(Buffer.from(value, 'base64'))).toBe(device?.secret);
      await expect(stranger.decrypt(Buffer.from(value, 'base64'))).rejects.toThrow();
    }
    // The session's token and refresh token, and the password, are nowhere (every encoding).
    assertNoLeaks(secretsOf(h), haystacksOf(h));
  });

  it('the leak check knows v2’s secrets: the refresh token in a log line is caught', async () => {
    const h = withoutLeakGuard(await startService());
    await v2SignedIn(h);
    assertNoLeaks(secretsOf(h), haystacksOf(h));
    const refresh = [...h.sandbox.v2.world.issuedSecrets].find((s) => s.startsWith('mwr_'));
    h.logLines.push(`refreshing with ${refresh ?? 'none'}`);
    expect(() => assertNoLeaks(secretsOf(h), haystacksOf(h))).toThrow(/in log lines/);
  });

  it('a restart resumes from the stored device token without a request', async () => {
    const h = await startService();
    await v2SignedIn(h);
    const sent = v2Requests(h);
    const again = h.restart();
    expect(await again.ok('session:state')).toMatchObject({ status: 'signed_in', persisted: true });
    expect(v2Requests(h)).toBe(sent);
    const list = fromColumns(await again.ok('tokens:list'));
    expect(list.tokens.find((t) => t.isThisDevice)?.held).toBe(true);
    expect(v2Requests(h)).toBe(sent + 1);
  });

  it('sign-out with revoke deletes the device token on the server and forgets it here', async () => {
    const h = await startService();
    await v2SignedIn(h);
    expect(await h.ok('session:signOut', { revokeDeviceToken: true })).toMatchObject({
      status: 'signed_out',
    });
    expect(sandboxDeviceToken(h)).toBeUndefined();
    expect(storedSecrets(h).deviceTokenUuid).toBeUndefined();
  });

  it('a stored profile without an API kind (written before v2) reads as v1', async () => {
    const h = await startService();
    await h.ok('profiles:add', { name: 'Old', server: 'sandbox' });
    const file = join(
      h.folder,
      readdirSync(h.folder).find((n) => n.startsWith('profiles'))!,
    );
    const record = profilesRecordSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(record.profiles[0]).not.toHaveProperty('api');
    expect((await h.restart().ok('profiles:list')).profiles[0]?.api).toBe('v1');
  });
});
