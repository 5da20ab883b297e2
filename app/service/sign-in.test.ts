/** Sign-in as the real API behaves: both second-factor kinds, the confirmed device, the account shown. */
import { describe, expect, it } from 'vitest';
import { signedIn, startService, type ServiceHarness } from '../testing/service-fixture';
import { DEMO_TOTP_SECRET, totp } from '../sandbox/totp';
import { fromColumns } from './token-list-columns';

const SANDBOX = { name: 'Sandbox', server: 'sandbox' } as const;
const lastPin = (h: ServiceHarness) =>
  /PIN: (\d+)/.exec(h.sandbox.world.mailbox.at(-1)?.body ?? '')?.[1] ?? '';

describe('second factor', () => {
  it('TOTP: the username survives the second factor', async () => {
    const h = await startService();
    await h.ok('profiles:add', SANDBOX);
    const waiting = await h.ok('session:signIn', { username: 'mfa-demo', password: h.password });
    expect(waiting).toMatchObject({ status: 'second_factor', name: 'TOTP', username: 'mfa-demo' });
    await h.ok('session:submitSecondFactor', { code: totp(DEMO_TOTP_SECRET, h.clock.now) });
    expect((await h.ok('profiles:list')).profiles[0]?.username).toBe('mfa-demo');
  });

  it('DeviceCookie: the mailed PIN confirms this device, which is not asked again', async () => {
    const h = await startService();
    await h.ok('profiles:add', SANDBOX);
    const waiting = await h.ok('session:signIn', { username: 'device-demo', password: h.password });
    expect(waiting).toMatchObject({
      status: 'second_factor',
      name: 'DeviceCookie',
      username: 'device-demo',
    });
    const [mail] = await h.ok('sandbox:mailbox');
    expect(mail?.body).toContain(lastPin(h));
    // A PIN is not a 6-digit code by rule: whatever the API accepts goes through.
    expect(await h.call('session:submitSecondFactor', { code: 'not-the-pin' })).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    });
    await h.ok('session:submitSecondFactor', { code: lastPin(h) });
    expect((await h.ok('profiles:list')).profiles[0]?.username).toBe('device-demo');

    await h.ok('session:signOut', { revokeDeviceToken: true });
    const mails = h.sandbox.world.mailbox.length;
    const again = await h.ok('session:signIn', { username: 'device-demo', password: h.password });
    expect(again.status).toBe('signed_in');
    expect(h.sandbox.world.mailbox).toHaveLength(mails);
  });

  it('the mailbox is the sandbox’s only', async () => {
    const h = await startService();
    await h.ok('profiles:add', { name: 'Real', server: 'mittwald' });
    expect(await h.call('sandbox:mailbox')).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input' },
    });
  });
});

describe('a first sign-in', () => {
  it('that fails leaves no profile behind, and the previous one stays selected', async () => {
    const h = await startService();
    await signedIn(h);
    const before = await h.ok('profiles:list');
    expect(
      await h.call('session:signIn', {
        username: 'demo',
        password: 'wrong password',
        newProfile: { name: 'Second', server: 'sandbox' },
      }),
    ).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(await h.ok('profiles:list')).toEqual(before);
  });

  it('that succeeds keeps its profile', async () => {
    const h = await startService();
    const view = await h.ok('session:signIn', {
      username: 'demo',
      password: h.password,
      newProfile: SANDBOX,
    });
    expect(view.status).toBe('signed_in');
    expect((await h.ok('profiles:list')).profiles).toMatchObject([
      { name: 'Sandbox', username: 'demo', hasStoredSignIn: true },
    ]);
  });

  it('waiting for a second factor keeps its profile until cancelled or the app restarts', async () => {
    const h = await startService();
    const signIn = { username: 'mfa-demo', password: h.password, newProfile: SANDBOX };
    expect((await h.ok('session:signIn', signIn)).status).toBe('second_factor');
    expect((await h.ok('profiles:list')).profiles).toHaveLength(1);
    await h.ok('session:cancelSecondFactor');
    expect((await h.ok('profiles:list')).profiles).toEqual([]);

    expect((await h.ok('session:signIn', signIn)).status).toBe('second_factor');
    const restarted = h.restart();
    await restarted.manager.start();
    expect((await restarted.ok('profiles:list')).profiles).toEqual([]);
  });
});

describe('after a restart', () => {
  it('a token revoked just before quitting is not listed again from the server’s cache', async () => {
    const h = await startService();
    await signedIn(h);
    const row = await h.ok('tokens:create', { description: 'short-lived' });
    await h.ok('tokens:list'); // the server caches the list with the token in it
    await h.ok('tokens:revoke', { uuid: row.uuid });
    const restarted = h.restart();
    const before = h.sandbox.countRequests('GET /authentication/tokens');
    const list = fromColumns(await restarted.ok('tokens:list'));
    expect(list.tokens.map((t) => t.uuid)).not.toContain(row.uuid);
    expect(list.cacheHit).toBe(false);
    expect(h.sandbox.countRequests('GET /authentication/tokens') - before).toBe(1);
  });
});

describe('clipboard marks', () => {
  it('every copied secret is marked for clipboard history and managers to skip', async () => {
    const h = await startService();
    await signedIn(h);
    await h.ok('clipboard:copyApiToken', { format: 'raw' });
    expect(h.clipboard.marks).toEqual([
      'org.nspasteboard.ConcealedType',
      'org.nspasteboard.TransientType',
      'ExcludeClipboardContentFromMonitorProcessing',
      'CanIncludeInClipboardHistory',
      'CanUploadToCloudClipboard',
      'x-kde-passwordManagerHint',
    ]);
  });
});
