/**
 * When this device's v2 token is due for renewal (`deviceToken.renewFrom`, which the tray's
 * notification and the page's banner both wait for): the expiring-soon threshold before it
 * expires, but never before half its lifetime has passed. A short-lived token is therefore not
 * due from birth, and neither is its renewal (same lifetime), across restarts too.
 */
import { describe, expect, it } from 'vitest';
import { startService } from '../testing/service-fixture';
import { DAY, v2SignedIn } from '../testing/v2-service-fixture';

async function renewFromNow(h: Awaited<ReturnType<typeof startService>>) {
  const view = await h.ok('session:state');
  if (view.status !== 'signed_in') throw new Error(`not signed in: ${view.status}`);
  const renewFrom = view.deviceToken?.renewFrom;
  return renewFrom === undefined ? undefined : renewFrom - h.clock.now;
}

describe('renewal due for this device’s v2 token', () => {
  it('a token shorter-lived than the threshold is due at half its lifetime, not at birth', async () => {
    const h = await startService();
    await v2SignedIn(h, { expiresAt: h.clock.now + 7 * DAY }); // threshold: 14 days
    expect(await renewFromNow(h)).toBe(3.5 * DAY);
    // Still so for a restarted app, from what it stored (no request needed).
    expect(await renewFromNow(h.restart())).toBe(3.5 * DAY);
  });

  it('a long-lived token keeps the threshold before expiry; a higher threshold is capped at half', async () => {
    const h = await startService();
    await v2SignedIn(h, { expiresAt: h.clock.now + 90 * DAY });
    expect(await renewFromNow(h)).toBe(76 * DAY); // 90 − 14: later than 45
    await h.ok('settings:set', { expiringSoonDays: 60 });
    expect(await renewFromNow(h)).toBe(45 * DAY); // 90 − 60 = 30 would be before half
  });

  it('a renewed short-lived token is not due again at once', async () => {
    const h = await startService();
    await v2SignedIn(h, { expiresAt: h.clock.now + 7 * DAY });
    await h.ok('tokens:list');
    h.clock.advance(4 * DAY);
    expect(await renewFromNow(h)).toBeLessThanOrEqual(0); // due now
    const renewed = await h.ok('session:renewDeviceToken');
    expect(renewed).toMatchObject({
      status: 'signed_in',
      deviceToken: { expiresAt: h.clock.now + 7 * DAY, renewFrom: h.clock.now + 3.5 * DAY },
    });
  });

  it('a token that never expires is never due', async () => {
    const h = await startService();
    await v2SignedIn(h);
    const id = (await h.ok('profiles:list')).profiles[0]?.id ?? '';
    await h.manager.vault.updateSecrets(id, (record) => {
      const device = record.deviceTokenUuid ?? '';
      const held = record.held[device];
      if (!held) return record;
      const never = { ...held };
      delete never.expiresAt;
      return { ...record, held: { ...record.held, [device]: never } };
    });
    expect(await renewFromNow(h.restart())).toBeUndefined();
  });
});
