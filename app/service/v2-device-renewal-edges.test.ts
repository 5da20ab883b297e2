/**
 * Renewal's edges: the renewed token shown at once without a request, the old secret forgotten
 * once revoked, a refused revoke leaving the old token listed to retire (its secret kept), and
 * the refusals before any request.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiTokenRole } from '../contract';
import { signedIn, startService, type ServiceHarness } from '../testing/service-fixture';
import { DAY, sandboxDeviceToken, v2Requests, v2SignedIn } from '../testing/v2-service-fixture';
import { secretsRecordSchema } from '../vault/records';
import { shownTokens } from './token-list-columns';

const DELETE = 'DELETE /v2/users/self/api-tokens/{apiTokenId}';

function storedSecrets(h: ServiceHarness) {
  const [name] = readdirSync(h.folder).filter((file) => file.startsWith('secrets-'));
  if (name === undefined) throw new Error('no secrets stored');
  return secretsRecordSchema.parse(JSON.parse(readFileSync(join(h.folder, name), 'utf8')));
}

/** The device token that is not `old` (the old one may still exist on the server). */
function successorOf(h: ServiceHarness, old: string): string {
  const tokens = [...h.sandbox.v2.world.apiTokens.values()];
  const next = tokens.find(
    (t) => t.description === 'mwtokens on test-host' && t.apiTokenId !== old,
  );
  return next?.apiTokenId ?? 'none';
}

async function device30Days(roles: ApiTokenRole[] = ['api_write']): Promise<ServiceHarness> {
  const h = await startService();
  await v2SignedIn(h, { roles, expiresAt: h.clock.now + 30 * DAY });
  await h.ok('tokens:list');
  h.clock.advance(20 * DAY);
  return h;
}

describe('device token renewal, edges', () => {
  it('shows the renewed token at once (held, this device’s, its roles and expiry) and forgets the old secret', async () => {
    const h = await device30Days();
    const old = sandboxDeviceToken(h)?.apiTokenId ?? '';
    await h.ok('session:renewDeviceToken');
    const renewed = sandboxDeviceToken(h)?.apiTokenId ?? '';
    const [first, ...rest] = shownTokens(h.events('tokens:changed'));
    expect(first).toMatchObject({
      uuid: renewed,
      held: true,
      isThisDevice: true,
      roles: ['api_write'],
      expiresAt: h.clock.now + 30 * DAY,
    });
    expect(rest).toEqual([]);
    const secrets = storedSecrets(h);
    expect(Object.keys(secrets.held)).toEqual([renewed]);
    expect(secrets.retiring?.[old]).toBeUndefined();
    expect(secrets.deviceTokenUuid).toBe(renewed);
  });

  it('a refused revoke keeps the old token listed to retire, its secret held, and logs why', async () => {
    const h = await device30Days();
    const old = sandboxDeviceToken(h)?.apiTokenId ?? '';
    h.sandbox.faults.add(DELETE, { kind: 'status', status: 503 });
    const view = await h.ok('session:renewDeviceToken');
    const renewed = successorOf(h, old);
    expect(view).toMatchObject({ status: 'signed_in', deviceToken: { uuid: renewed } });
    expect(h.sandbox.v2.world.apiTokens.has(old)).toBe(true);
    const shown = shownTokens(h.events('tokens:changed'));
    expect(shown.map((t) => t.uuid)).toEqual([renewed, old]);
    expect(shown[1]).toMatchObject({
      isThisDevice: false,
      held: true,
      retire: { replacedBy: renewed, since: h.clock.now },
    });
    const secrets = storedSecrets(h);
    expect(Object.keys(secrets.held).sort()).toEqual([old, renewed].sort());
    expect(secrets.retiring?.[old]).toMatchObject({ replacedBy: renewed });
    expect(h.logLines.join('\n')).toMatch(/predecessor stays listed to retire/);
  });

  it('an old token already gone on the server counts as revoked', async () => {
    const h = await device30Days();
    const old = sandboxDeviceToken(h)?.apiTokenId ?? '';
    h.sandbox.faults.add(DELETE, { kind: 'status', status: 404 });
    await h.ok('session:renewDeviceToken');
    const renewed = successorOf(h, old);
    expect(shownTokens(h.events('tokens:changed')).map((t) => t.uuid)).toEqual([renewed]);
    expect(Object.keys(storedSecrets(h).held)).toEqual([renewed]);
    expect(h.logLines.join('\n')).not.toMatch(/predecessor/);
  });

  it('a read-only device token is not offered renewal, and renewing it is refused before any request', async () => {
    const h = await device30Days(['api_read']);
    expect(await h.ok('session:state')).toMatchObject({
      deviceToken: { renewable: false, renewFrom: h.clock.now - 4 * DAY },
    });
    const sent = v2Requests(h);
    expect(await h.call('session:renewDeviceToken')).toMatchObject({
      ok: false,
      error: {
        kind: 'forbidden',
        message: expect.stringMatching(/read-only device token/) as unknown,
      },
    });
    expect(v2Requests(h)).toBe(sent);
    const both = await device30Days(['api_read', 'api_write']);
    expect(await both.ok('session:state')).toMatchObject({ deviceToken: { renewable: true } });
  });

  it('refuses without a request when the device token’s secret is not held, and for v1 says why', async () => {
    const h = await device30Days();
    const profileId = (await h.ok('profiles:list')).selectedProfileId ?? '';
    await h.manager.vault.updateSecrets(profileId, (record) => ({ ...record, held: {} }));
    const sent = v2Requests(h);
    expect(await h.call('session:renewDeviceToken')).toMatchObject({
      ok: false,
      error: {
        kind: 'not_signed_in',
        message: expect.stringMatching(/no device token/) as unknown,
      },
    });
    expect(v2Requests(h)).toBe(sent);

    const v1 = await startService();
    await signedIn(v1);
    expect(await v1.call('session:renewDeviceToken')).toMatchObject({
      ok: false,
      error: {
        kind: 'invalid_input',
        message: expect.stringMatching(/does not expire/) as unknown,
      },
    });
  });
});
