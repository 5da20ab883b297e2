/** The clipboard never keeps our secret past sign-out, profile removal or quit, and says what it holds. */
import { describe, expect, it } from 'vitest';
import { signedIn, startService, type ServiceHarness } from '../testing/service-fixture';
import { fromColumns } from './token-list-columns';

async function withCopiedToken(): Promise<{ h: ServiceHarness; profileId: string }> {
  const h = await startService();
  await signedIn(h);
  const row = await h.ok('tokens:create', { description: 'CI deploy' });
  await h.ok('clipboard:copyToken', { uuid: row.uuid, format: 'raw' });
  expect(h.clipboard.text).not.toBe('');
  const profileId = (await h.ok('profiles:list')).selectedProfileId ?? '';
  return { h, profileId };
}

describe('clipboard hygiene', () => {
  it('sign-out clears a copied secret', async () => {
    const { h } = await withCopiedToken();
    await h.ok('session:signOut', { revokeDeviceToken: false });
    expect(h.clipboard.text).toBe('');
  });

  it('removing the profile clears a copied secret', async () => {
    const { h, profileId } = await withCopiedToken();
    await h.ok('profiles:remove', { profileId });
    expect(h.clipboard.text).toBe('');
  });

  it('quitting (dispose) clears a copied secret', async () => {
    const { h } = await withCopiedToken();
    await h.manager.dispose();
    expect(h.clipboard.text).toBe('');
  });

  it('none of them touches what the user copied since', async () => {
    const { h, profileId } = await withCopiedToken();
    h.clipboard.text = 'the user’s own text';
    await h.ok('session:signOut', { revokeDeviceToken: false });
    await h.manager.dispose();
    await h.ok('profiles:remove', { profileId });
    expect(h.clipboard.text).toBe('the user’s own text');
  });

  it('reports what it holds (never the secret), clears on request, and says when it did', async () => {
    const { h } = await withCopiedToken();
    expect(await h.ok('clipboard:state')).toEqual({
      holding: {
        copied: 'access token ‘CI deploy’ as token',
        subject: { kind: 'token', name: 'CI deploy' },
        format: 'raw',
        clearsAt: h.clock.now + 30_000,
      },
    });
    expect(h.events('clipboard:changed').at(-1)?.holding?.format).toBe('raw');
    expect(await h.ok('clipboard:clear')).toEqual({ cleared: true });
    expect(h.clipboard.text).toBe('');
    expect(await h.ok('clipboard:state')).toEqual({ holding: undefined });
    expect(h.events('clipboard:changed').at(-1)).toEqual({ holding: undefined });
    expect(h.events('clipboard:cleared').at(-1)).toEqual({
      copied: 'access token ‘CI deploy’ as token',
    });
    expect(await h.ok('clipboard:clear')).toEqual({ cleared: false });
  });

  it('a clipboard replaced by the user is no longer reported as ours, and is left alone', async () => {
    const { h } = await withCopiedToken();
    h.clipboard.text = 'mine';
    expect(await h.ok('clipboard:clear')).toEqual({ cleared: false });
    expect(h.clipboard.text).toBe('mine');
    expect(await h.ok('clipboard:state')).toEqual({ holding: undefined });
  });
});

describe('copying a UUID', () => {
  it('copies it plainly, and the clipboard no longer counts as holding our secret', async () => {
    const { h } = await withCopiedToken();
    const uuid = fromColumns(await h.ok('tokens:list')).tokens[0]?.uuid ?? '';
    await h.ok('clipboard:copyUuid', { uuid });
    expect(h.clipboard.text).toBe(uuid);
    expect(h.clipboard.marks).toEqual([]);
    expect(await h.ok('clipboard:state')).toEqual({ holding: undefined });
    h.clock.advance(60_000);
    await h.timers.fire();
    expect(h.clipboard.text).toBe(uuid);
  });
});

describe('a copy that overtakes a clear', () => {
  it('is neither wiped nor disowned by the clear that was reading the clipboard', async () => {
    const { h } = await withCopiedToken();
    // The timed clear reads the clipboard; while it waits, the user copies an API token.
    let release: () => void = () => undefined;
    const read = h.clipboard.readText.bind(h.clipboard);
    h.clipboard.readText = () =>
      new Promise<string>((resolve) => (release = () => void read().then(resolve)));
    h.clock.advance(30_000);
    await h.timers.fire();
    h.clipboard.readText = read;
    await h.ok('clipboard:copyApiToken', { format: 'raw' });
    const fresh = h.clipboard.text;
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(h.clipboard.text).toBe(fresh);
    expect((await h.ok('clipboard:state')).holding?.copied).toBe('API token as token');
    expect(h.events('clipboard:changed').at(-1)?.holding?.copied).toBe('API token as token');
  });
});
