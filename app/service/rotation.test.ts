/**
 * Rotation: the replacement is created, held and copied before the old token is touched; the old
 * one is revoked only when the user confirms. Every step can fail without losing anything.
 */
import { describe, expect, it } from 'vitest';
import { signedIn, startService, type ServiceHarness } from '../testing/service-fixture';
import { rotatedDescription } from './token-channels';
import { fromColumns, shownTokens } from './token-list-columns';

const CREATE = 'POST /authentication/tokens';
const DELETE = 'DELETE /authentication/tokens/{uuid}';

async function withToken(): Promise<{ h: ServiceHarness; old: string }> {
  const h = await startService();
  await signedIn(h);
  const row = await h.ok('tokens:create', { description: 'CI deploy' });
  await h.ok('tokens:list');
  return { h, old: row.uuid };
}

const secretOf = (h: ServiceHarness, uuid: string) =>
  [...h.sandbox.world.tokens.values()].find((t) => t.uuid === uuid)?.secret;

describe('rotation', () => {
  it('creates the replacement, holds and copies it, and marks the old one to retire', async () => {
    const { h, old } = await withToken();
    const { replacement, receipt } = await h.ok('tokens:rotate', { uuid: old, format: 'raw' });
    expect(replacement).toMatchObject({
      description: `CI deploy (rotated ${new Date(h.clock.now).toISOString().slice(0, 10)})`,
      held: true,
    });
    expect(h.clipboard.text).toBe(secretOf(h, replacement.uuid));
    expect(receipt.copied).toContain('rotated');
    const shown = shownTokens(h.events('tokens:changed'));
    expect(shown.find((t) => t.uuid === old)?.retire).toEqual({
      replacedBy: replacement.uuid,
      since: h.clock.now,
    });
    // Still listed, still held, still marked after a restart: deploying may take days.
    const restarted = h.restart();
    const listed = fromColumns(await restarted.ok('tokens:list', { fresh: true })).tokens;
    expect(listed.find((t) => t.uuid === old)).toMatchObject({
      held: true,
      retire: { replacedBy: replacement.uuid },
    });
    // Retiring is a revoke: the mark goes with the token.
    await restarted.ok('tokens:revoke', { uuid: old });
    const after = fromColumns(await restarted.ok('tokens:list')).tokens;
    expect(after.map((t) => t.uuid)).toEqual(expect.not.arrayContaining([old]));
    expect(after.some((t) => t.retire)).toBe(false);
  });

  it('a failed create revokes nothing and changes nothing stored', async () => {
    const { h, old } = await withToken();
    const files = h.storeFiles();
    h.sandbox.faults.add(CREATE, { kind: 'status', status: 503 });
    expect(await h.call('tokens:rotate', { uuid: old, format: 'raw' })).toMatchObject({
      ok: false,
      error: { kind: 'server' },
    });
    expect(h.storeFiles()).toEqual(files);
    expect(h.sandbox.countRequests(DELETE)).toBe(0);
    expect(secretOf(h, old)).toBeDefined();
  });

  it('a create whose answer is lost leaves the old token as it was, unmarked', async () => {
    const { h, old } = await withToken();
    h.sandbox.faults.add(CREATE, { kind: 'commit_then_drop' });
    expect((await h.call('tokens:rotate', { uuid: old, format: 'raw' })).ok).toBe(false);
    const listed = fromColumns(await h.ok('tokens:list', { fresh: true })).tokens;
    expect(listed.find((t) => t.uuid === old)).toMatchObject({ held: true });
    expect(listed.find((t) => t.uuid === old)?.retire).toBeUndefined();
  });

  it('a failed copy keeps the replacement held and listed, to be copied again', async () => {
    const { h, old } = await withToken();
    // The header format needs a sign-in with the new token: make that fail.
    h.sandbox.faults.add('POST /authenticate', { kind: 'status', status: 503 });
    expect((await h.call('tokens:rotate', { uuid: old, format: 'header' })).ok).toBe(false);
    const listed = fromColumns(await h.ok('tokens:list', { fresh: true })).tokens;
    const replacement = listed.find((t) => t.description.includes('rotated'));
    expect(replacement).toMatchObject({ held: true });
    expect(listed.find((t) => t.uuid === old)?.retire?.replacedBy).toBe(replacement?.uuid);
    await h.ok('clipboard:copyToken', { uuid: replacement?.uuid ?? '', format: 'raw' });
    expect(h.clipboard.text).toBe(secretOf(h, replacement?.uuid ?? ''));
  });

  it('a failed retire leaves both listed, the old one still marked', async () => {
    const { h, old } = await withToken();
    const { replacement } = await h.ok('tokens:rotate', { uuid: old, format: 'raw' });
    h.sandbox.faults.add(DELETE, { kind: 'status', status: 500 });
    expect((await h.call('tokens:revoke', { uuid: old })).ok).toBe(false);
    const listed = fromColumns(await h.ok('tokens:list', { fresh: true })).tokens;
    expect(listed.find((t) => t.uuid === old)).toMatchObject({
      held: true,
      retire: { replacedBy: replacement.uuid },
    });
    expect(listed.find((t) => t.uuid === replacement.uuid)).toMatchObject({ held: true });
  });

  it('does not rotate this device’s own sign-in token, nor one it does not know', async () => {
    const { h } = await withToken();
    const own =
      fromColumns(await h.ok('tokens:list')).tokens.find((t) => t.isThisDevice)?.uuid ?? '';
    expect(await h.call('tokens:rotate', { uuid: own, format: 'raw' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input' },
    });
    expect(await h.call('tokens:rotate', { uuid: 'nope', format: 'raw' })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
    expect(h.sandbox.countRequests(CREATE)).toBe(2);
  });
});

describe('rotatedDescription', () => {
  const day = Date.UTC(2026, 10, 29, 12);
  it('marks the date once, replacing an earlier mark, within the length limit', () => {
    expect(rotatedDescription('CI deploy', day)).toBe('CI deploy (rotated 2026-11-29)');
    expect(rotatedDescription('CI deploy (rotated 2025-01-02)', day)).toBe(
      'CI deploy (rotated 2026-11-29)',
    );
    expect(rotatedDescription('x'.repeat(200), day)).toHaveLength(200);
  });
});
