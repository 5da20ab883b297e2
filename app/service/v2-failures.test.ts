/**
 * v2 failures through the service: a device token revoked elsewhere signs the profile out
 * (an event says so) and the next sign-in works; a rate-limited create answers rate_limited
 * with the server's reset and stores nothing; a failed device-token creation keeps the
 * sign-in for this session only.
 */
import { describe, expect, it } from 'vitest';
import { startService } from '../testing/service-fixture';
import { sandboxDeviceToken, STUDIO, V2_SANDBOX, v2SignedIn } from '../testing/v2-service-fixture';
import { fromColumns } from './token-list-columns';

const CREATE = 'POST /v2/users/self/api-tokens';

describe('v2 failures', () => {
  it('a device token revoked elsewhere: unauthorized, signed out, and the password signs in again', async () => {
    const h = await startService();
    await v2SignedIn(h);
    const device = sandboxDeviceToken(h);
    h.sandbox.v2.world.apiTokens.delete(device?.apiTokenId ?? '');
    expect(await h.call('tokens:list')).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    });
    expect(h.events('session:changed').at(-1)).toMatchObject({ status: 'signed_out' });
    const again = await h.ok('session:signIn', { username: STUDIO, password: h.password });
    expect(again).toMatchObject({ status: 'signed_in', persisted: true });
    expect(sandboxDeviceToken(h)?.apiTokenId).not.toBe(device?.apiTokenId);
  });

  it('a rate-limited create answers rate_limited with the reset and stores nothing', async () => {
    const h = await startService();
    await v2SignedIn(h);
    await h.ok('tokens:list');
    const files = h.storeFiles();
    h.sandbox.faults.add(CREATE, {
      kind: 'rate_limited',
      retryAfter: '30',
      limitHeaders: { limit: 30, remaining: 0 },
    });
    const refused = await h.call('tokens:create', { description: 'CI' });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'rate_limited' } });
    if (!refused.ok) expect(refused.error.resetAt).toBeGreaterThan(h.clock.now);
    expect(h.storeFiles()).toEqual(files);
  });

  it('a device token that cannot be made keeps the sign-in for this session only', async () => {
    const h = await startService();
    h.sandbox.faults.add(CREATE, { kind: 'status', status: 503 });
    const view = await h.ok('session:signIn', {
      username: STUDIO,
      password: h.password,
      newProfile: V2_SANDBOX,
    });
    expect(view).toMatchObject({ status: 'signed_in', persisted: false });
    expect(view).not.toHaveProperty('deviceToken');
    expect(sandboxDeviceToken(h)).toBeUndefined();
    // The session works meanwhile, and nothing of it was stored.
    expect(fromColumns(await h.ok('tokens:list')).tokens).toEqual([]);
    expect(await h.restart().ok('session:state')).toMatchObject({ status: 'signed_out' });
  });
});
