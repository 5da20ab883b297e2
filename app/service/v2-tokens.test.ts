/**
 * v2 tokens through the service, over HTTP: list with roles and expiry, create with them,
 * update, revoke one or many, copy as is in every format, no fresh API token, rotation keeping
 * roles and lifetime, the expiring-soon flag, and v2's real rate-limit reset in the snapshot.
 * v1 refuses what only v2 can do, with invalid_input and without a request.
 */
import { describe, expect, it } from 'vitest';
import { signedIn, startService } from '../testing/service-fixture';
import { DAY, sandboxDeviceToken, v2Requests, v2SignedIn } from '../testing/v2-service-fixture';
import { fromColumns, shownTokens } from './token-list-columns';

describe('v2 tokens', () => {
  it('list shows roles, created and expiry; this device’s token is held and marked', async () => {
    const h = await startService();
    await v2SignedIn(h);
    const list = fromColumns(await h.ok('tokens:list'));
    expect(list.tokens).toEqual([
      {
        uuid: sandboxDeviceToken(h)?.apiTokenId,
        description: 'mwtokens on test-host',
        createdAt: h.clock.now,
        held: true,
        isThisDevice: true,
        roles: ['api_read', 'api_write'],
        expiresAt: h.clock.now + 90 * DAY,
        expiringSoon: false,
      },
    ]);
  });

  it('create with roles and expiry holds the secret; without them: both roles, no expiry', async () => {
    const h = await startService();
    await v2SignedIn(h);
    await h.ok('tokens:list');
    const expiresAt = h.clock.now + 30 * DAY;
    const row = await h.ok('tokens:create', {
      description: 'CI',
      roles: ['api_read'],
      expiresAt,
    });
    expect(row).toMatchObject({ description: 'CI', roles: ['api_read'], expiresAt, held: true });
    const server = h.sandbox.v2.world.apiTokens.get(row.uuid);
    expect(server).toMatchObject({ description: 'CI', roles: ['api_read'], expiresAt });
    expect(shownTokens(h.events('tokens:changed'))[0]?.uuid).toBe(row.uuid);

    const plain = await h.ok('tokens:create', { description: 'forever' });
    expect(plain.roles).toEqual(['api_read', 'api_write']);
    expect(plain).not.toHaveProperty('expiresAt');
    const past = await h.call('tokens:create', { description: 'x', expiresAt: h.clock.now });
    expect(past).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
  });

  it('update changes description and expiry, null removes the expiry, roles stay', async () => {
    const h = await startService();
    await v2SignedIn(h);
    await h.ok('tokens:list');
    const row = await h.ok('tokens:create', {
      description: 'CI',
      roles: ['api_read'],
      expiresAt: h.clock.now + 30 * DAY,
    });
    const later = h.clock.now + 60 * DAY;
    const updated = await h.ok('tokens:update', {
      uuid: row.uuid,
      description: 'CI v2',
      expiresAt: later,
    });
    expect(updated).toMatchObject({ description: 'CI v2', expiresAt: later, roles: ['api_read'] });
    expect(h.sandbox.v2.world.apiTokens.get(row.uuid)).toMatchObject({
      description: 'CI v2',
      expiresAt: later,
    });
    // Only the description: the expiry is sent as it is, not cleared by the PUT.
    await h.ok('tokens:update', { uuid: row.uuid, description: 'CI v3' });
    expect(h.sandbox.v2.world.apiTokens.get(row.uuid)?.expiresAt).toBe(later);
    const never = await h.ok('tokens:update', { uuid: row.uuid, expiresAt: null });
    expect(never).not.toHaveProperty('expiresAt');
    expect(h.sandbox.v2.world.apiTokens.get(row.uuid)).not.toHaveProperty('expiresAt');
    expect(fromColumns(await h.ok('tokens:list', { fresh: true })).tokens).toContainEqual(
      expect.objectContaining({ uuid: row.uuid, description: 'CI v3', held: true }),
    );
  });

  it('updating this device’s expiry is what the session shows next', async () => {
    const h = await startService();
    await v2SignedIn(h);
    const device = sandboxDeviceToken(h)?.apiTokenId ?? '';
    const later = h.clock.now + 200 * DAY;
    await h.ok('tokens:update', { uuid: device, expiresAt: later });
    expect(await h.ok('session:state')).toMatchObject({
      expiresAt: later,
      deviceToken: { uuid: device, expiresAt: later },
    });
    expect(await h.restart().ok('session:state')).toMatchObject({ expiresAt: later });
  });

  it('revokes one and many; this device’s own token needs confirmation and goes last', async () => {
    const h = await startService();
    await v2SignedIn(h);
    await h.ok('tokens:list');
    const a = await h.ok('tokens:create', { description: 'a' });
    const b = await h.ok('tokens:create', { description: 'b' });
    const c = await h.ok('tokens:create', { description: 'c' });
    expect(await h.ok('tokens:revoke', { uuid: a.uuid })).toEqual({
      uuid: a.uuid,
      outcome: 'revoked',
    });
    expect(h.sandbox.v2.world.apiTokens.has(a.uuid)).toBe(false);
    const device = sandboxDeviceToken(h)?.apiTokenId ?? '';
    const unconfirmed = await h.call('tokens:revokeMany', { uuids: [device, b.uuid] });
    expect(unconfirmed).toMatchObject({ ok: false, error: { kind: 'confirmation_required' } });
    const outcomes = await h.ok('tokens:revokeMany', {
      uuids: [device, b.uuid, c.uuid],
      confirmOwnSignIn: true,
    });
    expect(outcomes.map((o) => [o.uuid, o.outcome])).toEqual([
      [b.uuid, 'revoked'],
      [c.uuid, 'revoked'],
      [device, 'revoked'],
    ]);
    expect(h.sandbox.v2.world.apiTokens.size).toBe(0);
    expect(await h.ok('session:state')).toMatchObject({ status: 'signed_out' });
  });

  it('copies the token as is in every format, with v2’s URL', async () => {
    const h = await startService();
    await v2SignedIn(h);
    await h.ok('tokens:list');
    const row = await h.ok('tokens:create', { description: 'CI', expiresAt: h.clock.now + DAY });
    const secret = h.sandbox.v2.world.apiTokens.get(row.uuid)?.secret ?? '';
    const sent = v2Requests(h);
    const expected = {
      raw: secret,
      header: `Authorization: Bearer ${secret}`,
      curl: `curl -H 'Authorization: Bearer ${secret}' '${h.sandbox.v2.url}/v2/users/self/api-tokens'`,
      export: `export MITTWALD_API_TOKEN='${secret}'`,
    } as const;
    for (const format of ['raw', 'header', 'curl', 'export'] as const) {
      const receipt = await h.ok('clipboard:copyToken', { uuid: row.uuid, format });
      expect(h.clipboard.text).toBe(expected[format]);
      expect(receipt.copied).toContain('API token ‘CI’');
      expect(receipt.expiresAt).toBe(h.clock.now + DAY);
    }
    // No exchange: copying sends nothing.
    expect(v2Requests(h)).toBe(sent);
  });

  it('refuses a fresh API token for v2, without a request', async () => {
    const h = await startService();
    await v2SignedIn(h);
    const sent = v2Requests(h);
    const refused = await h.call('clipboard:copyApiToken', { format: 'raw' });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(h.clipboard.text).toBe('');
    expect(v2Requests(h)).toBe(sent);
  });

  it('rotation creates the replacement with the same roles and a new expiry of the same length', async () => {
    const h = await startService();
    await v2SignedIn(h);
    await h.ok('tokens:list');
    const old = await h.ok('tokens:create', {
      description: 'CI',
      roles: ['api_read'],
      expiresAt: h.clock.now + 30 * DAY,
    });
    h.clock.advance(20 * DAY);
    const { replacement, receipt } = await h.ok('tokens:rotate', { uuid: old.uuid, format: 'raw' });
    expect(replacement).toMatchObject({
      roles: ['api_read'],
      expiresAt: h.clock.now + 30 * DAY,
      held: true,
    });
    expect(replacement.description).toMatch(/^CI \(rotated \d{4}-\d{2}-\d{2}\)$/);
    expect(h.clipboard.text).toBe(h.sandbox.v2.world.apiTokens.get(replacement.uuid)?.secret);
    expect(receipt.copied).toContain('API token');
    const listed = fromColumns(await h.ok('tokens:list', { fresh: true })).tokens;
    expect(listed.find((t) => t.uuid === old.uuid)?.retire?.replacedBy).toBe(replacement.uuid);
  });

  it('flags tokens expiring within the threshold (14 days, then as set)', async () => {
    const h = await startService();
    await v2SignedIn(h);
    await h.ok('tokens:create', { description: 'soon', expiresAt: h.clock.now + 10 * DAY });
    await h.ok('tokens:create', { description: 'later', expiresAt: h.clock.now + 20 * DAY });
    await h.ok('tokens:create', { description: 'never' });
    const flags = async () =>
      Object.fromEntries(
        fromColumns(await h.ok('tokens:list', { fresh: true })).tokens.map((t) => [
          t.description,
          t.expiringSoon,
        ]),
      );
    expect((await h.ok('settings:get')).expiringSoonDays).toBe(14);
    expect(await flags()).toMatchObject({ soon: true, later: false, never: undefined });
    await h.ok('settings:set', { expiringSoonDays: 30 });
    expect(await flags()).toMatchObject({ soon: true, later: true });
    expect(await h.ok('session:state')).toMatchObject({
      deviceToken: { renewFrom: h.clock.now + 60 * DAY },
    });
  });

  it('the export adds roles and expiry for a v2 list', async () => {
    const h = await startService();
    await v2SignedIn(h);
    await h.ok('tokens:list');
    const file = await h.ok('tokens:export', { format: 'csv' });
    const [header, row] = file.content.split('\r\n');
    expect(header).toBe('uuid,description,created,heldHere,thisDevice,ageDays,roles,expires');
    expect(row).toContain(`,api_read api_write,${new Date(h.clock.now + 90 * DAY).toISOString()}`);
  });

  it('the rate-limit snapshot carries v2’s real reset', async () => {
    const h = await startService();
    await v2SignedIn(h);
    h.clock.advance(15_000);
    await h.ok('tokens:list');
    const snapshot = await h.ok('rateLimits:snapshot');
    expect(snapshot.find((s) => s.endpoint === 'GET /v2/users/self/api-tokens')).toMatchObject({
      limit: 120,
      remaining: 119,
      // The sandbox's one-minute window, as X-Ratelimit-Reset said: no 15-minute estimate.
      resetAt: h.clock.now + 60_000,
    });
    expect(snapshot.find((s) => s.endpoint === 'POST /v2/authenticate')).toMatchObject({
      resetAt: h.clock.now - 15_000 + 60_000,
    });
  });
});

describe('v1 refuses what only v2 does', () => {
  it('update, roles and expiry are invalid_input, and nothing is sent', async () => {
    const h = await startService();
    await signedIn(h);
    const list = fromColumns(await h.ok('tokens:list'));
    const uuid = list.tokens[0]?.uuid ?? '';
    const sent = h.sandbox.requests.length;
    for (const result of [
      await h.call('tokens:update', { uuid, description: 'x' }),
      await h.call('tokens:create', { description: 'x', roles: ['api_read'] }),
      await h.call('tokens:create', { description: 'x', expiresAt: h.clock.now + DAY }),
    ])
      expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(h.sandbox.requests.length).toBe(sent);
    expect(list.tokens[0]).not.toHaveProperty('roles');
    expect(list.tokens[0]).not.toHaveProperty('expiringSoon');
    expect(await h.ok('session:state')).not.toHaveProperty('deviceToken');
  });
});
