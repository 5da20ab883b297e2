import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_TOTP_SECRET, totp } from '../sandbox/totp';
import { signedIn, startService } from '../testing/service-fixture';
import { EphemeralAesGcmCipher } from '../vault/aes-gcm-cipher';
import type { SecretCipher } from '../vault/ports';
import { fromColumns, shownTokens } from './token-list-columns';

// Every harness (restarts included) is leak-checked and closed after each test by the set-up
// file app/testing/leak-guard.setup.ts.
const start = startService;

const LIST = 'GET /authentication/tokens';

describe('sign-in', () => {
  it('creates a dedicated access token for this device, stores it encrypted, and lists it as ours', async () => {
    const h = await start();
    await signedIn(h);
    const list = fromColumns(await h.ok('tokens:list'));
    expect(list.tokens).toEqual([
      expect.objectContaining({
        description: 'mwtokens on test-host',
        held: true,
        isThisDevice: true,
      }),
    ]);
    expect((await h.ok('profiles:list')).profiles[0]).toMatchObject({
      username: 'demo',
      hasStoredSignIn: true,
    });
    expect((await h.ok('session:state')).status).toBe('signed_in');
  });

  it('goes through the second factor', async () => {
    const h = await start();
    await h.ok('profiles:add', { name: 'MFA', server: 'sandbox' });
    expect(
      await h.ok('session:signIn', { username: 'mfa-demo', password: h.password }),
    ).toMatchObject({
      status: 'second_factor',
      name: 'TOTP',
    });
    const wrong = await h.call('session:submitSecondFactor', { code: '000000' });
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    const view = await h.ok('session:submitSecondFactor', {
      code: totp(DEMO_TOTP_SECRET, h.clock.now),
    });
    expect(view).toMatchObject({ status: 'signed_in', persisted: true });
  });

  it('stays signed in for the session when this device’s token cannot be created yet', async () => {
    const h = await start();
    await h.ok('profiles:add', { name: 'Sandbox', server: 'sandbox' });
    h.sandbox.faults.add('POST /authentication/tokens', { kind: 'status', status: 503 });
    expect(await h.ok('session:signIn', { username: 'demo', password: h.password })).toMatchObject({
      status: 'signed_in',
      persisted: false,
    });
    expect(fromColumns(await h.ok('tokens:list')).tokens).toEqual([]);
    expect(Object.values(h.storeFiles()).join('')).not.toContain('deviceTokenUuid');
  });

  it('reports a wrong password as unauthorized and stays signed out', async () => {
    const h = await start();
    await h.ok('profiles:add', { name: 'Sandbox', server: 'sandbox' });
    expect(await h.call('session:signIn', { username: 'demo', password: 'nope' })).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    });
    expect((await h.ok('session:state')).status).toBe('signed_out');
  });
});

describe('tokens', () => {
  it('creates: the vault holds the secret, the list updates from the POST without another request', async () => {
    const h = await start();
    await signedIn(h);
    await h.ok('tokens:list');
    const before = h.sandbox.countRequests();
    const row = await h.ok('tokens:create', { description: '  CI deploy  ' });
    expect(row).toMatchObject({ description: 'CI deploy', held: true, isThisDevice: false });
    expect(h.sandbox.countRequests() - before).toBe(1);
    expect(shownTokens(h.events('tokens:changed')).map((t) => t.uuid)).toContain(row.uuid);
  });

  it('a lost answer after the server committed: the vault has no record, the next list shows “not held here”', async () => {
    const h = await start();
    await signedIn(h);
    const filesBefore = h.storeFiles();
    h.sandbox.faults.add('POST /authentication/tokens', { kind: 'commit_then_drop' });
    expect(await h.call('tokens:create', { description: 'orphan' })).toMatchObject({
      ok: false,
      error: { kind: 'network' },
    });
    expect(h.storeFiles()).toEqual(filesBefore);
    const list = fromColumns(await h.ok('tokens:list', { fresh: true }));
    expect(list.tokens.find((t) => t.description === 'orphan')).toMatchObject({
      held: false,
      isThisDevice: false,
    });
  });

  it('revokes: DELETE, the vault entry goes, and the next list is read fresh past the server cache', async () => {
    const h = await start();
    await signedIn(h);
    const row = await h.ok('tokens:create', { description: 'short-lived' });
    await h.ok('tokens:list');
    await h.ok('tokens:list'); // now served from the server's cache
    expect(await h.ok('tokens:revoke', { uuid: row.uuid })).toEqual({
      uuid: row.uuid,
      outcome: 'revoked',
    });
    const list = fromColumns(await h.ok('tokens:list'));
    expect(list.cacheHit).toBe(false);
    expect(list.tokens.map((t) => t.uuid)).not.toContain(row.uuid);
    expect(await h.call('clipboard:copyToken', { uuid: row.uuid, format: 'raw' })).toMatchObject({
      ok: false,
      error: { kind: 'secret_not_held' },
    });
  });

  it('revoking this device’s own sign-in token needs confirmation, then signs the profile out', async () => {
    const h = await start();
    await signedIn(h);
    const own = fromColumns(await h.ok('tokens:list')).tokens.find((t) => t.isThisDevice);
    if (!own) throw new Error('no device token');
    expect(await h.call('tokens:revoke', { uuid: own.uuid })).toMatchObject({
      ok: false,
      error: { kind: 'confirmation_required' },
    });
    expect(h.sandbox.world.tokens.has(own.uuid)).toBe(true);
    await h.ok('tokens:revoke', { uuid: own.uuid, confirmOwnSignIn: true });
    expect(h.sandbox.world.tokens.has(own.uuid)).toBe(false);
    expect(await h.ok('session:state')).toMatchObject({ status: 'signed_out' });
    expect(h.events('session:changed').at(-1)?.status).toBe('signed_out');
    expect((await h.ok('profiles:list')).profiles[0]?.hasStoredSignIn).toBe(false);
  });

  it('revokes many, reporting each, and stops early when the rate limit runs out', async () => {
    const h = await start({
      sandbox: { rateLimits: { 'DELETE /authentication/tokens/{uuid}': { limit: 2 } } },
    });
    await signedIn(h);
    const rows = [];
    for (let i = 0; i < 4; i++)
      rows.push(await h.ok('tokens:create', { description: `bulk ${i}` }));
    const outcomes = await h.ok('tokens:revokeMany', { uuids: rows.map((r) => r.uuid) });
    expect(outcomes.map((o) => o.outcome)).toEqual(['revoked', 'revoked', 'failed', 'skipped']);
    expect(outcomes[2]?.message).toMatch(/rate limit/i);
    expect(h.sandbox.countRequests('DELETE /authentication/tokens/{uuid}')).toBe(2);
  });
});

describe('copy', () => {
  it('copies a stored secret in each format with no request, answering only a description', async () => {
    const h = await start();
    await signedIn(h);
    const row = await h.ok('tokens:create', { description: 'CI deploy' });
    const secret =
      [...h.sandbox.world.tokens.values()].find((t) => t.uuid === row.uuid)?.secret ?? '';
    const before = h.sandbox.countRequests();
    const receipt = await h.ok('clipboard:copyToken', { uuid: row.uuid, format: 'curl' });
    expect(receipt.copied).toBe('access token ‘CI deploy’ as curl line');
    expect(receipt.clearsAt).toBe(h.clock.now + 30_000);
    expect(h.clipboard.text).toContain(secret);
    expect(h.clipboard.text).toContain(`${h.sandbox.url}/authenticate`);
    await h.ok('clipboard:copyToken', { uuid: row.uuid, format: 'raw' });
    expect(h.clipboard.text).toBe(secret);
    await h.ok('clipboard:copyToken', { uuid: row.uuid, format: 'export' });
    expect(h.clipboard.text).toBe(
      `export MITTWALD_ACCESS_TOKEN_UUID='${row.uuid}' MITTWALD_ACCESS_TOKEN='${secret}'`,
    );
    expect(h.sandbox.countRequests()).toBe(before);
  });

  it('clears the clipboard after the set time, but not when the user copied something else', async () => {
    const h = await start();
    await signedIn(h);
    await h.ok('settings:set', { clipboardClearSeconds: 10 });
    await h.ok('clipboard:copyApiToken', { format: 'raw' });
    h.clock.advance(9_000);
    await h.timers.fire();
    expect(h.clipboard.text).not.toBe('');
    h.clock.advance(1_000);
    await h.timers.fire();
    expect(h.clipboard.text).toBe('');
    expect(h.events('clipboard:cleared')).toEqual([{ copied: 'API token as token' }]);

    await h.ok('clipboard:copyApiToken', { format: 'header' });
    h.clipboard.text = 'something the user copied';
    h.clock.advance(10_000);
    await h.timers.fire();
    expect(h.clipboard.text).toBe('something the user copied');
  });

  it('copies a fresh API token without a request while the cached one is valid, with its expiry', async () => {
    const h = await start();
    await signedIn(h);
    const before = h.sandbox.countRequests();
    const receipt = await h.ok('clipboard:copyApiToken', { format: 'export' });
    expect(h.sandbox.countRequests()).toBe(before);
    expect(receipt.expiresAt).toBeGreaterThan(h.clock.now);
    expect(h.clipboard.text).toMatch(/^export MITTWALD_API_TOKEN='[\w-]+\.[\w-]+\.[\w-]+'$/);
  });
});

describe('keychain', () => {
  class WeakCipher extends EphemeralAesGcmCipher {
    override readonly backend = 'basic_text';
  }

  it('refuses to store secrets on a weak backend unless this profile allows it', async () => {
    const h = await start({ cipher: new WeakCipher() });
    await signedIn(h);
    expect(await h.ok('keychain:status')).toEqual({
      backend: 'basic_text',
      available: true,
      weak: true,
      canStore: false,
    });
    expect(await h.ok('session:state')).toMatchObject({ status: 'signed_in', persisted: false });
    expect(await h.call('tokens:create', { description: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'storage_refused' },
    });
    expect(h.sandbox.countRequests('POST /authentication/tokens')).toBe(0);
    const profileId = (await h.ok('profiles:list')).selectedProfileId ?? '';
    await h.ok('profiles:allowWeakStorage', { profileId, allow: true });
    expect((await h.ok('keychain:status')).canStore).toBe(true);
    expect((await h.ok('tokens:create', { description: 'x' })).held).toBe(true);
  });

  it('refuses when no keychain is available at all', async () => {
    const unavailable: SecretCipher = {
      backend: 'none',
      isAvailable: () => Promise.resolve(false),
      encrypt: () => Promise.reject(new Error('no')),
      decrypt: () => Promise.reject(new Error('no')),
      allowWeak: () => undefined,
    };
    const h = await start({ cipher: unavailable });
    await signedIn(h);
    expect(await h.call('tokens:create', { description: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'storage_refused' },
    });
  });
});

describe('storage', () => {
  it('a corrupt record is reported and left untouched; start-up goes on', async () => {
    const h = await start();
    await signedIn(h);
    const profileId = (await h.ok('profiles:list')).selectedProfileId ?? '';
    const file = join(h.folder, `secrets-${profileId}.json`);
    writeFileSync(file, '{"version": 99, "held": "garbage"}');
    // Straight after a restart, before anything read the record: removal is refused.
    const first = h.restart();
    expect(await first.call('profiles:remove', { profileId })).toMatchObject({
      ok: false,
      error: {
        kind: 'vault_unreadable',
        message: expect.stringMatching(/left untouched/) as unknown,
      },
    });
    expect(readFileSync(file, 'utf8')).toBe('{"version": 99, "held": "garbage"}');
    const restarted = h.restart();
    const profiles = await restarted.ok('profiles:list');
    expect(profiles.profiles[0]?.vaultProblem).toMatch(/could not be read/);
    expect((await restarted.ok('session:state')).status).toBe('signed_out');
    expect(await restarted.call('profiles:remove', { profileId })).toMatchObject({
      ok: false,
      error: { kind: 'vault_unreadable' },
    });
    expect(readFileSync(file, 'utf8')).toBe('{"version": 99, "held": "garbage"}');
  });

  it('a profiles file that is not JSON does not stop the app and is not overwritten', async () => {
    const h = await start();
    writeFileSync(join(h.folder, 'profiles.json'), 'not json at all');
    const view = await h.ok('profiles:list');
    expect(view.problem).toMatch(/not JSON/);
    expect(await h.call('profiles:add', { name: 'x', server: 'sandbox' })).toMatchObject({
      ok: false,
      error: { kind: 'vault_unreadable' },
    });
    expect(readFileSync(join(h.folder, 'profiles.json'), 'utf8')).toBe('not json at all');
  });

  it('after a restart, signs in with the stored access token: one request while the API token is valid, two when not', async () => {
    const h = await start();
    await signedIn(h);
    const warm = h.restart();
    let before = h.sandbox.countRequests();
    expect((await warm.ok('session:state')).status).toBe('signed_in');
    await warm.ok('tokens:list');
    expect(h.sandbox.countRequests() - before).toBe(1);

    h.clock.advance(2 * 3600 * 1000); // the cached API token has expired
    const cold = h.restart();
    before = h.sandbox.countRequests();
    await cold.ok('tokens:list');
    expect(h.sandbox.requests.slice(before).map((r) => r.route)).toEqual([
      'POST /authenticate',
      LIST,
    ]);
  });

  it('50 concurrent calls that need a token share one authentication', async () => {
    const h = await start();
    await signedIn(h);
    h.clock.advance(2 * 3600 * 1000);
    const cold = h.restart();
    const before = h.sandbox.countRequests('POST /authenticate');
    const results = await Promise.all(
      Array.from({ length: 50 }, () => cold.call('clipboard:copyApiToken', { format: 'raw' })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(h.sandbox.countRequests('POST /authenticate') - before).toBe(1);
  });
});

describe('settings', () => {
  it('opens on the default profile after a restart', async () => {
    const h = await start();
    await h.ok('profiles:add', { name: 'First', server: 'sandbox' });
    const first = (await h.ok('profiles:list')).selectedProfileId ?? '';
    await h.ok('profiles:add', { name: 'Second', server: 'sandbox' });
    await h.ok('settings:set', { defaultProfileId: first });
    const restarted = h.restart();
    await restarted.manager.start();
    expect((await restarted.ok('profiles:list')).selectedProfileId).toBe(first);
  });
});

describe('events', () => {
  it('every rate-limit sample is pushed, and a new subscriber gets the snapshot first', async () => {
    const h = await start();
    await signedIn(h);
    const samples = h.events('rateLimits:changed').length;
    await h.ok('tokens:list', { fresh: true });
    expect(h.events('rateLimits:changed').length).toBe(samples + 1);
    const late: unknown[] = [];
    const unsubscribe = h.manager.on('rateLimits:changed', (payload) => late.push(payload));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(late).toHaveLength(1);
    unsubscribe();
    await h.ok('tokens:list', { fresh: true });
    expect(late).toHaveLength(1);
  });
});

describe('quitting', () => {
  it('dispose waits until the last rate-limit sample is written, so the next start knows it', async () => {
    const h = await start();
    await signedIn(h);
    const profileId = (await h.ok('profiles:list')).selectedProfileId ?? '';
    for (let i = 0; i < 3; i++) await h.ok('tokens:list', { fresh: true });
    const shown = (await h.ok('rateLimits:snapshot')).find(
      (view) => view.endpoint === 'GET /authentication/tokens',
    );
    expect(shown).toBeDefined();
    await h.manager.dispose();
    // Read at once: what the next start would read if the process ended now.
    const stored = (await h.manager.vault.readRateLimits(profileId)).endpoints.find(
      (state) => state.endpoint === 'GET /authentication/tokens',
    );
    expect(stored?.remaining).toBe(shown?.remaining);
    expect(stored?.history).toEqual(shown?.history);
  });
});
