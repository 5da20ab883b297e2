/**
 * What the clipboard holds is described in parts a window can put in its own words (the
 * English `copied` is for logs): a held token by its description, an API token made from one
 * (v1's Authorization header), or the session's own API token. v2's header is the token itself.
 */
import { describe, expect, it } from 'vitest';
import { signedIn, startService } from '../testing/service-fixture';
import { v2SignedIn } from '../testing/v2-service-fixture';

describe('clipboard holding subject', () => {
  it('v1: a held token, an API token made from it, the session’s own API token', async () => {
    const h = await startService();
    await signedIn(h);
    const { uuid } = await h.ok('tokens:create', { description: 'CI deploy' });
    const holding = async () => (await h.ok('clipboard:state')).holding;

    await h.ok('clipboard:copyToken', { uuid, format: 'curl' });
    expect(await holding()).toMatchObject({
      subject: { kind: 'token', name: 'CI deploy' },
      format: 'curl',
    });
    await h.ok('clipboard:copyToken', { uuid, format: 'header' });
    expect(await holding()).toMatchObject({
      subject: { kind: 'apiTokenFrom', name: 'CI deploy' },
      format: 'header',
    });
    await h.ok('clipboard:copyApiToken', { format: 'raw' });
    expect((await holding())?.subject).toStrictEqual({ kind: 'apiToken' });
    // Every change is pushed with its subject.
    expect(h.events('clipboard:changed').map((view) => view.holding?.subject.kind)).toEqual(
      expect.arrayContaining(['token', 'apiTokenFrom', 'apiToken']) as unknown,
    );
  });

  it('v2: the header carries the held token itself', async () => {
    const h = await startService();
    await v2SignedIn(h);
    const { uuid } = await h.ok('tokens:create', { description: 'deploy' });
    await h.ok('clipboard:copyToken', { uuid, format: 'header' });
    expect((await h.ok('clipboard:state')).holding?.subject).toStrictEqual({
      kind: 'token',
      name: 'deploy',
    });
  });
});
