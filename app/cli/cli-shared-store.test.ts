/**
 * A running app and CLI calls on one store: no write is lost when both renew the API token at
 * once, and the app's gauge shows what the CLI spent as soon as the app next reads the store.
 */
import { describe, expect, it } from 'vitest';
import { signedIn, startService, type ServiceHarness } from '../testing/service-fixture';
import { FolderStore } from '../vault/file-store';
import { Vault } from '../vault/vault';
import { EXIT } from './exit-codes';
import { cli } from './testing/cli-runner';

const LIST = 'GET /authentication/tokens';
const EXPIRED = 2 * 60 * 60 * 1000;

async function ready(): Promise<{ h: ServiceHarness; id: string }> {
  const h = await startService();
  await signedIn(h);
  const id = (await h.ok('profiles:list')).selectedProfileId ?? '';
  return { h, id };
}

/** The store as a process that starts now reads it. */
const storedSecrets = (h: ServiceHarness, id: string) =>
  new Vault(new FolderStore(h.folder), h.cipher).readSecrets(id);

describe('one store, the app and the CLI', () => {
  it('an app that cached the record before another wrote it loses nothing when it renews', async () => {
    const { h, id } = await ready();
    // A second app instance on the same store, holding the record in memory already.
    const other = h.restart();
    await other.ok('profiles:list');
    await h.ok('tokens:create', { description: 'held meanwhile' });
    h.clock.advance(EXPIRED);
    await other.ok('session:resume');
    const stored = await storedSecrets(h, id);
    expect(Object.values(stored.held).map((t) => t.description)).toContain('held meanwhile');
    expect(stored.apiToken).toBeDefined();
  });

  it('app and CLI renewing at once: every secret kept, a valid token cached', async () => {
    const { h, id } = await ready();
    h.clock.advance(EXPIRED);
    const [created, ...runs] = await Promise.all([
      h.ok('tokens:create', { description: 'made while the CLI renews' }),
      cli(h, ['token']),
      cli(h, ['list']),
      cli(h, ['token']),
    ]);
    for (const run of runs) expect(run.code).toBe(EXIT.ok);
    const stored = await storedSecrets(h, id);
    expect(Object.keys(stored.held)).toContain(created.uuid);
    expect(Object.keys(stored.held)).toContain(stored.deviceTokenUuid);
    const cached = await h.manager.vault.open(stored.apiToken?.token ?? '');
    expect(h.sandbox.world.issuedSecrets).toContain(cached);
    // The restarted app copies the secret created during the race.
    const restarted = h.restart();
    await restarted.ok('clipboard:copyToken', { uuid: created.uuid, format: 'raw' });
    expect(h.sandbox.world.issuedSecrets).toContain(restarted.clipboard.text);
  });

  it('the gauge shows what the CLI spent once the app reads the store', async () => {
    const { h } = await ready();
    await h.ok('tokens:list', { fresh: true });
    const remaining = () =>
      h
        .events('rateLimits:changed')
        .at(-1)
        ?.find((e) => e.endpoint === LIST)?.remaining;
    const before = remaining() ?? 0;
    expect((await cli(h, ['list'])).code).toBe(EXIT.ok);
    expect((await cli(h, ['list'])).code).toBe(EXIT.ok);
    await h.ok('rateLimits:snapshot');
    expect(remaining()).toBe(before - 2);
    // And the other way: the CLI starts from what the app saw (one more spent there).
    await h.ok('tokens:list', { fresh: true });
    expect((await cli(h, ['list'])).code).toBe(EXIT.ok);
    const stored = await new Vault(new FolderStore(h.folder), h.cipher).readRateLimits(
      (await h.ok('profiles:list')).selectedProfileId ?? '',
    );
    const list = stored.endpoints.find((e) => e.endpoint === LIST);
    expect(list?.remaining).toBe(before - 4);
    expect(list?.history.map((s) => s.remaining).slice(-4)).toEqual([
      before - 1,
      before - 2,
      before - 3,
      before - 4,
    ]);
  });
});
