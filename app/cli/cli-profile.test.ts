/**
 * Which profile the CLI uses, in this process over a service harness's store, and what a
 * script is told (exit 4 or 3, the message) when it cannot tell or the profile cannot serve.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signedIn, startService, type ServiceHarness } from '../testing/service-fixture';
import { sandboxDeviceToken, v2SignedIn } from '../testing/v2-service-fixture';
import { EphemeralAesGcmCipher } from '../vault/aes-gcm-cipher';
import type { SecretCipher } from '../vault/ports';
import { EXIT } from './exit-codes';
import { cli } from './testing/cli-runner';

async function idOf(h: ServiceHarness, name: string): Promise<string> {
  const found = (await h.ok('profiles:list')).profiles.find((p) => p.name === name);
  if (!found) throw new Error(`no profile ${name}`);
  return found.id;
}

describe('choosing the profile', () => {
  it('the app’s default profile wins over the selected one when none is named', async () => {
    const h = await startService();
    await signedIn(h);
    await h.ok('profiles:add', { name: 'Other', server: 'sandbox' });
    // "Other" is selected now and not signed in; the default points back at "Sandbox".
    expect((await cli(h, ['list'])).code).toBe(EXIT.notSignedIn);
    await h.ok('settings:set', { defaultProfileId: await idOf(h, 'Sandbox') });
    const run = await cli(h, ['list']);
    expect(run).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(run.stdout).toMatch(/^UUID {2}/);
  });

  it('with no default and none selected: the only profile, else exit 4 asking for --profile', async () => {
    const h = await startService();
    await signedIn(h);
    const unselect = () =>
      h.manager.vault.updateProfiles((record) => ({ ...record, selectedProfileId: undefined }));
    await unselect();
    expect((await cli(h, ['list'])).code).toBe(EXIT.ok);
    await h.ok('profiles:add', { name: 'Other', server: 'sandbox' });
    await unselect();
    expect(await cli(h, ['list'])).toEqual({
      code: EXIT.unknownProfile,
      stdout: '',
      stderr: 'mwtokens: Say which profile with --profile NAME. Profiles: “Sandbox”, “Other”.\n',
    });
  });

  it('unreadable settings do not stop the CLI: the selected profile is used', async () => {
    const h = await startService();
    await signedIn(h);
    writeFileSync(join(h.folder, 'settings.json'), '{ not json');
    expect((await cli(h, ['list'])).code).toBe(EXIT.ok);
  });

  it('an exact name wins; names differing only in case are ambiguous and answered with ids', async () => {
    const h = await startService();
    await h.ok('profiles:add', { name: 'Prod', server: 'sandbox' });
    await h.ok('profiles:add', { name: 'PROD', server: 'sandbox' });
    const ids = [await idOf(h, 'Prod'), await idOf(h, 'PROD')];
    expect(await cli(h, ['token', '-p', 'Prod'])).toEqual({
      code: EXIT.notSignedIn,
      stdout: '',
      stderr: 'mwtokens: Profile “Prod” has no stored sign-in. Sign in with the app first.\n',
    });
    expect(await cli(h, ['token', '-p', 'prod'])).toEqual({
      code: EXIT.unknownProfile,
      stdout: '',
      stderr: `mwtokens: More than one profile is named “prod”; use its id: ${ids.join(', ')}.\n`,
    });
  });

  it('an unknown name lists every known profile by name', async () => {
    const h = await startService();
    await h.ok('profiles:add', { name: 'One', server: 'sandbox' });
    await h.ok('profiles:add', { name: 'Two', server: 'sandbox' });
    expect((await cli(h, ['list', '-p', 'Three'])).stderr).toBe(
      'mwtokens: There is no profile “Three”. Profiles: “One”, “Two”.\n',
    );
  });

  it('a profile whose first sign-in has not got through yet is not offered', async () => {
    const h = await startService();
    await signedIn(h);
    await h.ok('profiles:add', { name: 'Half', server: 'sandbox' });
    await h.manager.vault.updateProfiles((record) => ({
      ...record,
      profiles: record.profiles.map((p) => (p.name === 'Half' ? { ...p, provisional: true } : p)),
    }));
    expect((await cli(h, ['list', '-p', 'Half'])).stderr).toBe(
      'mwtokens: There is no profile “Half”. Profiles: “Sandbox”.\n',
    );
  });

  it('the built-in sandbox is refused outside the app (exit 1), before any request', async () => {
    const h = await startService();
    await signedIn(h);
    const before = h.sandbox.countRequests();
    const run = await cli(h, ['token'], { sandboxUrl: undefined });
    expect(run.code).toBe(EXIT.failed);
    expect(run.stderr).toMatch(/^mwtokens: Profile “Sandbox” uses the app's built-in sandbox/);
    expect(h.sandbox.countRequests()).toBe(before);
  });
});

describe('a keychain that fails', () => {
  it('one that cannot even say whether it is available is reported as not available (5)', async () => {
    const h = await startService();
    await signedIn(h);
    class Broken extends EphemeralAesGcmCipher {
      override isAvailable = () => Promise.reject(new Error('keychain daemon gone'));
      override decrypt = () => Promise.reject(new Error('keychain daemon gone'));
    }
    const run = await cli(h, ['list'], { cipher: new Broken() });
    expect(run).toMatchObject({ code: EXIT.keychain, stdout: '' });
    expect(run.stderr).toMatch(/^mwtokens: The keychain \(.+\) is not available/);
  });
});

describe('a renewed API token that cannot be stored back', () => {
  it('is still printed, and the stored one stays as it was', async () => {
    const h = await startService();
    await signedIn(h);
    const id = await idOf(h, 'Sandbox');
    await h.ok('clipboard:copyApiToken', { format: 'raw' });
    const old = h.clipboard.text;
    const storedBefore = (await h.manager.vault.readSecrets(id)).apiToken;
    h.clock.advance(2 * 60 * 60 * 1000);
    // The keychain decrypts but cannot say whether it may store now.
    const unsure: SecretCipher = {
      backend: h.cipher.backend,
      isAvailable: () => Promise.reject(new Error('keychain busy')),
      encrypt: (plain) => h.cipher.encrypt(plain),
      decrypt: (bytes) => h.cipher.decrypt(bytes),
      allowWeak: () => undefined,
    };
    const run = await cli(h, ['token'], { cipher: unsure });
    expect(run.code).toBe(EXIT.ok);
    // Renewed (the old one had expired) and good for this call.
    expect(run.stdout.trim()).not.toBe(old);
    expect(h.sandbox.world.issuedSecrets).toContain(run.stdout.trim());
    expect((await h.manager.vault.readSecrets(id)).apiToken).toEqual(storedBefore);
  });
});

describe('a v2 profile whose device token ran out', () => {
  it('at the very moment of expiry it is “expired” with its date, not “no stored sign-in”', async () => {
    const h = await startService();
    await v2SignedIn(h);
    const expiresAt = sandboxDeviceToken(h)?.expiresAt ?? 0;
    h.clock.advance(expiresAt - h.clock.now);
    expect(await cli(h, ['list'])).toEqual({
      code: EXIT.notSignedIn,
      stdout: '',
      stderr: `mwtokens: This device's API token of “Studio” expired at ${new Date(expiresAt).toISOString()}. Sign in again with the app.\n`,
    });
  });
});
