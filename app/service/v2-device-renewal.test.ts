/**
 * Renewing this device's v2 token before it expires: the replacement (same roles, same
 * lifetime) is stored and used, the old one revoked on the server; a restart signs in with the
 * new one. v1 refuses, without a request.
 */
import { describe, expect, it } from 'vitest';
import { signedIn, startService } from '../testing/service-fixture';
import {
  DAY,
  sandboxDeviceToken,
  STUDIO,
  v2Requests,
  v2SignedIn,
} from '../testing/v2-service-fixture';
import { fromColumns, shownTokens } from './token-list-columns';

describe('device token renewal', () => {
  it('replaces the device token with the same roles and lifetime and revokes the old', async () => {
    const h = await startService();
    await v2SignedIn(h, { roles: ['api_read', 'api_write'], expiresAt: h.clock.now + 30 * DAY });
    await h.ok('tokens:list');
    const old = sandboxDeviceToken(h);
    h.clock.advance(20 * DAY);
    const view = await h.ok('session:renewDeviceToken');
    const renewed = sandboxDeviceToken(h);
    expect(renewed?.apiTokenId).not.toBe(old?.apiTokenId);
    expect(h.sandbox.v2.world.apiTokens.has(old?.apiTokenId ?? '')).toBe(false);
    expect(renewed).toMatchObject({
      roles: ['api_read', 'api_write'],
      expiresAt: h.clock.now + 30 * DAY,
    });
    expect(view).toMatchObject({
      status: 'signed_in',
      expiresAt: h.clock.now + 30 * DAY,
      deviceToken: { uuid: renewed?.apiTokenId, renewFrom: h.clock.now + 16 * DAY },
    });
    const shown = shownTokens(h.events('tokens:changed'));
    expect(shown.map((t) => [t.uuid, t.isThisDevice])).toEqual([[renewed?.apiTokenId, true]]);

    const again = h.restart();
    const sent = v2Requests(h);
    expect(await again.ok('session:state')).toMatchObject({
      deviceToken: { uuid: renewed?.apiTokenId },
    });
    expect(v2Requests(h)).toBe(sent);
    const listed = fromColumns(await again.ok('tokens:list'));
    expect(listed.tokens.map((t) => t.uuid)).toEqual([renewed?.apiTokenId]);
  });

  it('an expired device token reads as signed out, without a request; the password signs in again', async () => {
    const h = await startService();
    await v2SignedIn(h, { expiresAt: h.clock.now + DAY });
    h.clock.advance(DAY);
    const sent = v2Requests(h);
    expect(await h.ok('session:state')).toMatchObject({ status: 'signed_out' });
    expect(await h.call('tokens:list')).toMatchObject({
      ok: false,
      error: { kind: 'not_signed_in' },
    });
    expect(v2Requests(h)).toBe(sent);
    const again = await h.ok('session:signIn', { username: STUDIO, password: h.password });
    expect(again).toMatchObject({ status: 'signed_in', expiresAt: h.clock.now + 90 * DAY });
  });

  it('v1 refuses without a request', async () => {
    const h = await startService();
    await signedIn(h);
    const sent = h.sandbox.requests.length;
    expect(await h.call('session:renewDeviceToken')).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input' },
    });
    expect(h.sandbox.requests.length).toBe(sent);
  });
});
