import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_TOTP_SECRET, totp } from '../sandbox/totp';
import { demoToken, startHarness, type Harness } from '../testing/sandbox-fixture';
import { Session } from './session';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.sandbox.close();
  harness = undefined;
});
const start = async (...args: Parameters<typeof startHarness>) =>
  (harness = await startHarness(...args));

async function accessTokenFor(h: Harness) {
  const created = await h.client.createApplicationToken(await demoToken(h.client), 'session test');
  return { uuid: created.uuid, secret: created.token };
}

describe('Session', () => {
  it('signs in with a password and caches the API token while it is valid', async () => {
    const h = await start();
    const session = new Session(h.client, { clock: h.clock.read });
    expect(await session.signInWithPassword('demo', 'demo')).toMatchObject({ status: 'signed_in' });
    const before = h.sandbox.countRequests();
    const tokens = await Promise.all([session.token(), session.token(), session.token()]);
    expect(new Set(tokens).size).toBe(1);
    expect(h.sandbox.countRequests()).toBe(before);
  });

  it('completes the TOTP round trip, keeping the challenge open after a wrong code', async () => {
    const h = await start();
    const session = new Session(h.client, { clock: h.clock.read });
    expect(await session.signInWithPassword('mfa-demo', 'demo')).toEqual({
      status: 'second_factor',
      name: 'TOTP',
      username: 'mfa-demo',
    });
    expect(session.state()).toEqual({
      status: 'second_factor',
      name: 'TOTP',
      username: 'mfa-demo',
    });
    await expect(session.submitSecondFactor('123456')).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    expect(session.state().status).toBe('second_factor');
    expect(await session.submitSecondFactor(totp(DEMO_TOTP_SECRET, h.clock.now))).toMatchObject({
      status: 'signed_in',
      username: 'mfa-demo',
    });
    expect(session.state().status).toBe('signed_in');
  });

  it('confirms a new device with the mailed PIN, then signs that device in without asking', async () => {
    const h = await start();
    const session = new Session(h.client, { clock: h.clock.read });
    const challenge = await session.signInWithPassword('device-demo', 'demo');
    expect(challenge).toEqual({
      status: 'second_factor',
      name: 'DeviceCookie',
      username: 'device-demo',
    });
    const pin = /PIN: (\d+)/.exec(h.sandbox.world.mailbox.at(-1)?.body ?? '')?.[1] ?? '';
    await expect(
      session.submitSecondFactor('000000' === pin ? '111111' : '000000'),
    ).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    const done = await session.submitSecondFactor(pin);
    expect(done).toMatchObject({ status: 'signed_in', username: 'device-demo' });
    const deviceId = done.status === 'signed_in' ? done.deviceId : undefined;
    expect(deviceId).toEqual(expect.any(String));
    const mails = h.sandbox.world.mailbox.length;
    const again = new Session(h.client, { clock: h.clock.read });
    expect(await again.signInWithPassword('device-demo', 'demo', deviceId)).toMatchObject({
      status: 'signed_in',
      deviceId,
    });
    expect(h.sandbox.world.mailbox).toHaveLength(mails);
    // Another device is still asked.
    expect((await again.signInWithPassword('device-demo', 'demo')).status).toBe('second_factor');
  });

  it('never renews on every call: the margin is at most a tenth of a short token’s lifetime', async () => {
    const h = await start({ tokenLifetimeSeconds: 30 });
    const session = new Session(h.client, { clock: h.clock.read, renewMarginMs: 60_000 });
    await session.signInWithAccessToken(await accessTokenFor(h));
    const first = await session.token();
    h.clock.advance(26_000); // 4 s left: outside a 3 s margin
    expect(await session.token()).toBe(first);
    h.clock.advance(1_500); // 2.5 s left: inside it
    expect(await session.token()).not.toBe(first);
  });

  it('renews near expiry through /authentication/accesstoken, once for many concurrent callers', async () => {
    const h = await start({ tokenLifetimeSeconds: 600 });
    const session = new Session(h.client, { clock: h.clock.read, renewMarginMs: 60_000 });
    await session.signInWithAccessToken(await accessTokenFor(h));
    const first = await session.token();
    h.clock.advance(560_000); // 40 s before expiry: inside the renewal margin
    const tokens = await Promise.all(Array.from({ length: 20 }, () => session.token()));
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(first);
    expect(h.sandbox.countRequests('GET /authentication/accesstoken')).toBe(1);
  });

  it('re-authenticates with the stored access token once the API token has expired', async () => {
    const h = await start({ tokenLifetimeSeconds: 600 });
    const session = new Session(h.client, { clock: h.clock.read });
    await session.signInWithAccessToken(await accessTokenFor(h));
    const authBefore = h.sandbox.countRequests('POST /authenticate');
    h.clock.advance(700_000);
    await Promise.all(
      Array.from({ length: 10 }, () => session.call((token) => h.client.getSelf(token))),
    );
    expect(h.sandbox.countRequests('POST /authenticate') - authBefore).toBe(1);
    expect(h.sandbox.countRequests('GET /authentication/accesstoken')).toBe(0);
  });

  it('on a 401 renews once and retries once, and no more', async () => {
    const h = await start();
    const session = new Session(h.client, { clock: h.clock.read });
    const credentials = await accessTokenFor(h);
    // A restored API token the server no longer accepts (signed by another sandbox).
    session.restore(credentials, { token: 'a.b.c', expiresAt: h.clock.now + 3_600_000 });
    const self = await session.call((token) => h.client.getSelf(token));
    expect(self.value.name).toBe('demo');
    let calls = 0;
    await expect(
      session.call(() => {
        calls++;
        return h.client.getSelf('still.not.valid');
      }),
    ).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(calls).toBe(2);
  });

  it('signs out when the stored access token was revoked elsewhere', async () => {
    const h = await start({ tokenLifetimeSeconds: 600 });
    const session = new Session(h.client, { clock: h.clock.read });
    const credentials = await accessTokenFor(h);
    await session.signInWithAccessToken(credentials);
    await h.client.deleteApplicationToken(await demoToken(h.client), credentials.uuid);
    h.clock.advance(700_000);
    await expect(session.token()).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(session.state()).toEqual({ status: 'signed_out' });
  });

  it('restores from storage without a request while the cached token is valid', async () => {
    const h = await start();
    const session = new Session(h.client, { clock: h.clock.read });
    const credentials = await accessTokenFor(h);
    const apiToken = await demoToken(h.client);
    const before = h.sandbox.countRequests();
    session.restore(credentials, { token: apiToken, expiresAt: h.clock.now + 3_600_000 });
    expect(await session.token()).toBe(apiToken);
    expect(h.sandbox.countRequests()).toBe(before);
  });
});
