/**
 * The CLI's commands in this process, over the store of a signed-in "app" (a service harness):
 * output, exit codes, the cached API token reused and renewed as the app does, and no secret
 * anywhere but `token`'s stdout (every run's stderr and other stdout join the leak check).
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signedIn, startService, type ServiceHarness } from '../testing/service-fixture';
import { EphemeralAesGcmCipher } from '../vault/aes-gcm-cipher';
import { EXIT } from './exit-codes';
import { cli } from './testing/cli-runner';

const AUTH = 'POST /authenticate';
const LIST = 'GET /authentication/tokens';

/** The API token the app holds now (copied the way the app's tray does it). */
async function appToken(h: ServiceHarness): Promise<string> {
  await h.ok('clipboard:copyApiToken', { format: 'raw' });
  return h.clipboard.text;
}

async function ready(): Promise<ServiceHarness> {
  const h = await startService();
  await signedIn(h);
  return h;
}

describe('mwtokens --help and usage', () => {
  it('help goes to stdout with the exit codes; nothing on stderr', async () => {
    const h = await startService();
    for (const argv of [['--help'], ['-h'], ['help'], []]) {
      const run = await cli(h, argv);
      expect(run).toMatchObject({ code: EXIT.ok, stderr: '' });
      expect(run.stdout).toMatch(/mwtokens token \[--profile NAME\]/);
      expect(run.stdout).toMatch(/7 {2}rate limited/);
    }
    expect((await cli(h, ['exec', '--help'])).stdout).toMatch(/^mwtokens exec/);
  });

  it('a wrong command or option is a usage error on stderr (2), stdout stays empty', async () => {
    const h = await startService();
    for (const argv of [
      ['tokens'],
      ['token', '--format', 'xml'],
      ['token', '--bogus'],
      ['list', '--json=yes'],
      ['exec'],
      ['exec', '--profile', 'x', '--'],
    ]) {
      const run = await cli(h, argv);
      expect(run, argv.join(' ')).toMatchObject({ code: EXIT.usage, stdout: '' });
      expect(run.stderr).toMatch(/^mwtokens: .+\nusage: /);
    }
  });

  it('never repeats a stray argument, which could be a secret pasted in the wrong place', async () => {
    const h = await startService();
    const pasted = 'MW_pasted_by_mistake_0123456789';
    for (const argv of [['token', pasted], [pasted], ['list', '--profile', 'a', pasted]]) {
      const run = await cli(h, argv);
      expect(run.code).toBe(EXIT.usage);
      expect(run.stderr).not.toContain(pasted);
    }
  });
});

describe('mwtokens token', () => {
  it('prints the app’s cached API token while valid: no request, stdout exactly the token', async () => {
    const h = await ready();
    const cached = await appToken(h);
    const before = h.sandbox.countRequests();
    const run = await cli(h, ['token']);
    expect(run).toEqual({ code: EXIT.ok, stdout: `${cached}\n`, stderr: '' });
    expect(h.sandbox.countRequests()).toBe(before);
  });

  it('renews an expired token once, stores it back encrypted, and the next call reuses it', async () => {
    const h = await ready();
    const old = await appToken(h);
    h.clock.advance(2 * 60 * 60 * 1000);
    const auths = h.sandbox.countRequests(AUTH);
    const first = await cli(h, ['token']);
    expect(first.code).toBe(EXIT.ok);
    const fresh = first.stdout.trim();
    expect(fresh).not.toBe(old);
    expect(h.sandbox.world.issuedSecrets).toContain(fresh);
    expect(h.sandbox.countRequests(AUTH)).toBe(auths + 1);
    expect((await cli(h, ['token'])).stdout).toBe(`${fresh}\n`);
    expect(h.sandbox.countRequests(AUTH)).toBe(auths + 1);
    // Stored encrypted in the app's record: a restarted app uses it without asking.
    const stored = (await h.manager.vault.readSecrets(await profileId(h))).apiToken;
    expect(await h.manager.vault.open(stored?.token ?? '')).toBe(fresh);
    expect(await appToken(h.restart())).toBe(fresh);
  });

  it('formats: header and env (for eval in a POSIX shell)', async () => {
    const h = await ready();
    const token = await appToken(h);
    expect((await cli(h, ['token', '--format', 'header'])).stdout).toBe(
      `Authorization: Bearer ${token}\n`,
    );
    expect((await cli(h, ['token', '-f', 'env'])).stdout).toBe(
      `export MITTWALD_API_TOKEN='${token}'\nexport MITTWALD_API_URL='${h.sandbox.url}'\n`,
    );
  });
});

describe('profiles and sign-in', () => {
  it('chooses by --profile (name or id), MWTOKENS_PROFILE, else the app’s selected one', async () => {
    const h = await ready();
    const token = await appToken(h);
    await h.ok('profiles:add', { name: 'Other', server: 'sandbox' });
    const id = await profileId(h, 'Sandbox');
    // "Other" is selected now and not signed in.
    expect((await cli(h, ['token'])).code).toBe(EXIT.notSignedIn);
    expect((await cli(h, ['token', '--profile', 'Sandbox'])).stdout).toBe(`${token}\n`);
    expect((await cli(h, ['token', '-p', id])).stdout).toBe(`${token}\n`);
    expect((await cli(h, ['token', '-p', 'sandbox'])).stdout).toBe(`${token}\n`);
    const byEnv = await cli(h, ['token'], { env: { MWTOKENS_PROFILE: 'Sandbox' } });
    expect(byEnv.stdout).toBe(`${token}\n`);
  });

  it('an unknown profile exits 4 and names the known ones; no profile at all too', async () => {
    const h = await ready();
    const run = await cli(h, ['list', '--profile', 'Nope']);
    expect(run).toMatchObject({ code: EXIT.unknownProfile, stdout: '' });
    expect(run.stderr).toMatch(/no profile “Nope”.*“Sandbox”/);
    const empty = await startService();
    expect(await cli(empty, ['token'])).toMatchObject({
      code: EXIT.unknownProfile,
      stderr: expect.stringMatching(/no profile yet/) as unknown,
    });
  });

  it('not signed in (never, or signed out) exits 3', async () => {
    const h = await startService();
    await h.ok('profiles:add', { name: 'Fresh', server: 'sandbox' });
    expect(await cli(h, ['token'])).toMatchObject({ code: EXIT.notSignedIn, stdout: '' });
    await signedIn(h);
    await h.ok('session:signOut', { revokeDeviceToken: true });
    expect((await cli(h, ['token', '-p', 'Sandbox'])).code).toBe(EXIT.notSignedIn);
  });

  it('a stored sign-in revoked elsewhere exits 3 and the stored device token is kept', async () => {
    const h = await ready();
    const id = await profileId(h);
    const device = (await h.manager.vault.readSecrets(id)).deviceTokenUuid ?? '';
    h.sandbox.world.tokens.delete(device);
    h.clock.advance(2 * 60 * 60 * 1000);
    const run = await cli(h, ['token']);
    expect(run).toMatchObject({ code: EXIT.notSignedIn, stdout: '' });
    expect(run.stderr).toMatch(/was refused/);
    // As in the app: the refused sign-in is not thrown away by a script; the app decides.
    expect((await h.manager.vault.readSecrets(id)).deviceTokenUuid).toBe(device);
  });
});

describe('keychain and store failures', () => {
  it('a keychain that is not available exits 5', async () => {
    const h = await ready();
    class Locked extends EphemeralAesGcmCipher {
      override isAvailable = () => Promise.resolve(false);
      override decrypt = () => Promise.reject(new Error('keychain locked'));
    }
    const run = await cli(h, ['token'], { cipher: new Locked() });
    expect(run).toMatchObject({ code: EXIT.keychain, stdout: '' });
    expect(run.stderr).toMatch(/not available/);
  });

  it('secrets sealed by another keychain exit 5 and stay as they were', async () => {
    const h = await ready();
    const files = h.storeFiles();
    const run = await cli(h, ['token'], { cipher: new EphemeralAesGcmCipher() });
    expect(run.code).toBe(EXIT.keychain);
    expect(run.stderr).toMatch(/another keychain/);
    expect(h.storeFiles()).toEqual(files);
  });

  it('an unreadable record exits 6 and is left untouched', async () => {
    const h = await ready();
    const file = join(h.folder, `secrets-${await profileId(h)}.json`);
    writeFileSync(file, '{"version":9}');
    expect(await cli(h, ['token'])).toMatchObject({ code: EXIT.store, stdout: '' });
    expect(readFileSync(file, 'utf8')).toBe('{"version":9}');
    writeFileSync(join(h.folder, 'profiles.json'), '{broken');
    expect((await cli(h, ['list'])).code).toBe(EXIT.store);
  });
});

describe('the API failing', () => {
  it('rate limited exits 7 and says when the limit resets', async () => {
    const h = await ready();
    h.sandbox.faults.add(LIST, { kind: 'rate_limited', retryAfter: '120' });
    const run = await cli(h, ['list']);
    expect(run).toMatchObject({ code: EXIT.rateLimited, stdout: '' });
    const reset = new Date(h.clock.now + 120_000).toISOString();
    expect(run.stderr).toContain(`reset at ${reset}, in 120 s`);
    // The limit the CLI ran into is the app's too, read from the store: it sends nothing.
    const before = h.sandbox.countRequests(LIST);
    expect((await h.call('tokens:list', { fresh: true })).ok).toBe(false);
    expect(h.sandbox.countRequests(LIST)).toBe(before);
  });

  it('a network failure exits 8', async () => {
    const h = await ready();
    h.sandbox.faults.add(LIST, { kind: 'reset' }, Infinity);
    expect(await cli(h, ['list'])).toMatchObject({ code: EXIT.network, stdout: '' });
  });
});

describe('mwtokens list', () => {
  it('a table, or JSON, of the profile’s tokens, flags included, never a secret', async () => {
    const h = await ready();
    const made = await h.ok('tokens:create', { description: 'CI deploy' });
    const table = await cli(h, ['list']);
    expect(table).toMatchObject({ code: EXIT.ok, stderr: '' });
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^UUID +CREATED \(UTC\) +FLAGS +DESCRIPTION$/);
    expect(lines).toHaveLength(3);
    expect(table.stdout).toMatch(new RegExp(`${made.uuid} +\\S+ \\S+ +held +CI deploy`));
    expect(table.stdout).toMatch(/this-device,held +mwtokens on test-host/);
    const json = JSON.parse((await cli(h, ['list', '--json'])).stdout) as unknown[];
    expect(json).toContainEqual({
      uuid: made.uuid,
      description: 'CI deploy',
      createdAt: new Date(made.createdAt).toISOString(),
      held: true,
      isThisDevice: false,
      retiring: false,
    });
  });
});

describe('mwtokens exec', () => {
  it('the child gets the token and the URL in its environment and our exit code is its own', async () => {
    const h = await ready();
    const token = await appToken(h);
    const out = join(h.folder, '..', `${h.folder.split('/').pop() ?? 'x'}-child.json`);
    const child = join(import.meta.dirname, 'testing', 'print-env.mjs');
    const run = await cli(h, ['exec', '--', process.execPath, child, out, '--exit=7']);
    expect(run).toEqual({ code: 7, stdout: '', stderr: '' });
    const report = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    rmSync(out);
    expect(report).toMatchObject({
      tokenSha256: createHash('sha256').update(token).digest('hex'),
      url: h.sandbox.url,
      argv: [out, '--exit=7'],
    });
  });

  it('a command that does not exist exits 127, named on stderr', async () => {
    const h = await ready();
    const run = await cli(h, ['exec', 'mwtokens-no-such-command-here', '-x']);
    expect(run).toEqual({
      code: 127,
      stdout: '',
      stderr: 'mwtokens: command not found: mwtokens-no-such-command-here\n',
    });
  });

  it('runs nothing when there is no token to give', async () => {
    const h = await startService();
    await h.ok('profiles:add', { name: 'Fresh', server: 'sandbox' });
    const run = await cli(h, ['exec', '--', process.execPath, '-e', 'process.exit(0)']);
    expect(run.code).toBe(EXIT.notSignedIn);
  });
});

async function profileId(h: ServiceHarness, name = 'Sandbox'): Promise<string> {
  const view = await h.ok('profiles:list');
  const found = view.profiles.find((p) => p.name === name);
  if (!found) throw new Error(`no profile ${name}`);
  return found.id;
}
