/**
 * The CLI over an mStudio (API v2) profile, against the sandbox's `/v2` over HTTP, through the
 * runtime the app makes for it: `exec` passes this device's stored API token on as it is (no
 * request at all), `list` shows roles and expiry, and `token` (v1's short-lived exchange) is
 * refused with its own exit code before any request. Every run's output joins the leak check.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signedIn, startService, type ServiceHarness } from '../testing/service-fixture';
import { DAY, sandboxDeviceToken, v2Requests, v2SignedIn } from '../testing/v2-service-fixture';
import { EXIT } from './exit-codes';
import { cli } from './testing/cli-runner';

const LIST = 'GET /v2/users/self/api-tokens';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function studio(): Promise<ServiceHarness> {
  const h = await startService();
  await v2SignedIn(h);
  return h;
}

/** Runs exec with the env-reporting child; answers the run and what the child saw. */
async function execReport(h: ServiceHarness, extra: string[] = []) {
  const out = join(h.folder, '..', `${h.folder.split('/').pop() ?? 'x'}-v2-child.json`);
  const child = join(import.meta.dirname, 'testing', 'print-env.mjs');
  try {
    const run = await cli(h, ['exec', ...extra, '--', process.execPath, child, out]);
    const report =
      run.code === 0 ? (JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>) : {};
    return { run, report };
  } finally {
    rmSync(out, { force: true });
  }
}

describe('mwtokens exec with a v2 profile', () => {
  it('gives the child this device’s stored API token as it is and v2’s URL, sending nothing', async () => {
    const h = await studio();
    const device = sandboxDeviceToken(h);
    const before = h.sandbox.countRequests();
    const { run, report } = await execReport(h);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    // The very token the sandbox issued to this device: no exchange, no other token.
    expect(report.tokenSha256).toBe(sha256(device?.secret ?? 'none'));
    // v2's paths carry /v2 themselves: the URL is the server's origin.
    expect(report.url).toBe(new URL(h.sandbox.url).origin);
    expect(h.sandbox.countRequests()).toBe(before);
  });

  it('the token it passes on works against v2 as a bearer', async () => {
    const h = await studio();
    const { report } = await execReport(h);
    const token = [...h.sandbox.v2.world.apiTokens.values()].find(
      (t) => sha256(t.secret) === report.tokenSha256,
    );
    const answer = await fetch(`${String(report.url)}/v2/users/self/api-tokens`, {
      headers: { Authorization: `Bearer ${token?.secret ?? ''}` },
    });
    expect(answer.status).toBe(200);
  });

  it('a v1 and a v2 profile side by side: each gets its own kind of token', async () => {
    const h = await studio();
    await signedIn(h); // a v1 sandbox profile "Sandbox", selected now
    await h.ok('clipboard:copyApiToken', { format: 'raw' });
    const v1Token = h.clipboard.text;
    const v1 = await execReport(h, ['-p', 'Sandbox']);
    expect(v1.report).toMatchObject({ tokenSha256: sha256(v1Token), url: h.sandbox.url });
    const v2 = await execReport(h, ['-p', 'Studio']);
    expect(v2.report.tokenSha256).toBe(sha256(sandboxDeviceToken(h)?.secret ?? 'none'));
    expect(v2.report.url).not.toBe(h.sandbox.url);
  });
});

describe('mwtokens token with a v2 profile', () => {
  it('is refused with exit 9 in every format, naming exec, before any request', async () => {
    const h = await studio();
    const before = h.sandbox.countRequests();
    for (const format of ['raw', 'header', 'env']) {
      const run = await cli(h, ['token', '--format', format]);
      expect(run, format).toMatchObject({ code: EXIT.notForThisApi, stdout: '' });
      expect(run.stderr).toMatch(/mStudio \(API v2\).*no fresh short-lived API token.*exec/);
    }
    expect(h.sandbox.countRequests()).toBe(before);
    expect((await cli(h, ['--help'])).stdout).toMatch(/9 {2}not for this API/);
  });
});

describe('mwtokens list with a v2 profile', () => {
  it('a table with expiry and roles, or JSON with them; one request to v2', async () => {
    const h = await studio();
    const expiresAt = h.clock.now + 30 * DAY;
    const made = await h.ok('tokens:create', { description: 'CI', roles: ['api_read'], expiresAt });
    await h.ok('tokens:create', { description: 'Forever' });
    const before = v2Requests(h);
    const table = await cli(h, ['list']);
    expect(table).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(v2Requests(h)).toBe(before + 1);
    expect(h.sandbox.countRequests(LIST)).toBeGreaterThan(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^UUID +CREATED \(UTC\) +EXPIRES \(UTC\) +ROLES +FLAGS +DESCRIPTION$/);
    expect(lines).toHaveLength(4);
    const expiry = new Date(expiresAt).toISOString().slice(0, 16).replace('T', ' ');
    expect(table.stdout).toMatch(
      new RegExp(`${made.uuid} +\\S+ \\S+ +${expiry} +api_read +held +CI`),
    );
    expect(table.stdout).toMatch(/ never +api_read,api_write +held +Forever/);
    expect(table.stdout).toMatch(/api_read,api_write +this-device,held +mwtokens on test-host/);

    const json = JSON.parse((await cli(h, ['list', '--json'])).stdout) as unknown[];
    expect(json).toContainEqual({
      uuid: made.uuid,
      description: 'CI',
      createdAt: new Date(made.createdAt).toISOString(),
      expiresAt: new Date(expiresAt).toISOString(),
      roles: ['api_read'],
      held: true,
      isThisDevice: false,
      retiring: false,
    });
    expect(json).toContainEqual(
      expect.objectContaining({ description: 'Forever', expiresAt: null }),
    );
  });

  it('rate limited on v2 exits 7 with the server’s reset, and the app honours it', async () => {
    const h = await studio();
    h.sandbox.faults.add(LIST, {
      kind: 'rate_limited',
      retryAfter: '90',
      limitHeaders: { limit: 30, remaining: 0 },
    });
    const run = await cli(h, ['list']);
    expect(run).toMatchObject({ code: EXIT.rateLimited, stdout: '' });
    expect(run.stderr).toContain(`in 90 s`);
    const before = h.sandbox.countRequests(LIST);
    expect((await h.call('tokens:list', { fresh: true })).ok).toBe(false);
    expect(h.sandbox.countRequests(LIST)).toBe(before);
  });
});

describe('a v2 profile’s stored sign-in', () => {
  it('expired: exit 3 with the date, and nothing is sent', async () => {
    const h = await studio();
    const expiresAt = sandboxDeviceToken(h)?.expiresAt ?? 0;
    h.clock.advance(91 * DAY);
    const before = h.sandbox.countRequests();
    for (const argv of [['list'], ['exec', '--', process.execPath, '-e', '0']]) {
      const run = await cli(h, argv);
      expect(run, argv[0]).toMatchObject({ code: EXIT.notSignedIn, stdout: '' });
      expect(run.stderr).toContain(`expired at ${new Date(expiresAt).toISOString()}`);
    }
    expect(h.sandbox.countRequests()).toBe(before);
  });

  it('revoked elsewhere: exit 3, and the stored device token is kept for the app to decide', async () => {
    const h = await studio();
    const device = sandboxDeviceToken(h)?.apiTokenId ?? '';
    h.sandbox.v2.world.apiTokens.delete(device);
    const run = await cli(h, ['list']);
    expect(run).toMatchObject({ code: EXIT.notSignedIn, stdout: '' });
    expect(run.stderr).toMatch(/was refused/);
    const id = (await h.ok('profiles:list')).profiles[0]?.id ?? '';
    expect((await h.manager.vault.readSecrets(id)).deviceTokenUuid).toBe(device);
  });
});
