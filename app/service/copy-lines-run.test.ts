/**
 * The curl lines a user copies are run for real, in a shell, against the sandbox: the access
 * token's line signs in and calls an endpoint with the API token it got; the API token's line
 * calls it directly. Output is compared, never printed.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { signedIn, startService } from '../testing/service-fixture';

const hasCurl = (() => {
  try {
    execFileSync('curl', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasCurl) console.log('copy-lines-run: skipped, because no curl is installed here');

const run = (line: string) =>
  // Async: the sandbox answers from this process, which a sync child would block.
  new Promise<string>((resolve, reject) => {
    import('node:child_process')
      .then(({ execFile }) =>
        execFile('sh', ['-c', line], { encoding: 'utf8', timeout: 10_000 }, (error, stdout) =>
          error
            ? reject(new Error(`the copied line failed (exit ${String(error.code)})`))
            : resolve(stdout),
        ),
      )
      .catch(reject);
  });

describe.skipIf(!hasCurl)('copied curl lines, run in a shell', () => {
  it('an access token’s curl line signs in and calls /authentication/self', async () => {
    const h = await startService();
    await signedIn(h);
    const row = await h.ok('tokens:create', { description: 'scripted' });
    await h.ok('clipboard:copyToken', { uuid: row.uuid, format: 'curl' });
    const self = JSON.parse(await run(h.clipboard.text)) as { name?: string };
    expect(self.name).toBe('demo');
    await h.ok('clipboard:copyToken', { uuid: row.uuid, format: 'signin' });
    expect(await run(h.clipboard.text)).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('the session’s API token curl line calls /authentication/self', async () => {
    const h = await startService();
    await signedIn(h);
    await h.ok('clipboard:copyApiToken', { format: 'curl' });
    expect((JSON.parse(await run(h.clipboard.text)) as { name?: string }).name).toBe('demo');
    expect(await h.call('clipboard:copyApiToken', { format: 'signin' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input' },
    });
  });
});
