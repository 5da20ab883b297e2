/**
 * The CLI as its own process, as scripts use it: stdout carries exactly the requested output
 * through a pipe, exec passes stdin and stdout through, forwards signals and exits as its
 * child did, and the test's own variables never reach the child.
 */
import { randomBytes } from 'node:crypto';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  RecordingCipher,
  signedIn,
  startService,
  type ServiceHarness,
} from '../testing/service-fixture';
import { EXIT } from './exit-codes';
import { cliProcess } from './testing/cli-runner';

const printEnv = join(import.meta.dirname, 'testing', 'print-env.mjs');

async function ready(): Promise<{ h: ServiceHarness; key: Buffer; token: string }> {
  const key = randomBytes(32);
  const h = await startService({ cipher: new RecordingCipher(key) });
  await signedIn(h);
  await h.ok('clipboard:copyApiToken', { format: 'raw' });
  return { h, key, token: h.clipboard.text };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('mwtokens as a process', () => {
  it('token through a pipe: exactly the token and a newline, nothing on stderr', async () => {
    const { h, key, token } = await ready();
    const run = await cliProcess(h, key, ['token']).done;
    expect(run).toMatchObject({ code: EXIT.ok, stdout: `${token}\n`, stderr: '' });
  });

  it('exec: stdin in, the child’s stdout out, its environment set, its status ours', async () => {
    const { h, key, token } = await ready();
    const input = 'line one\nline two\n'.repeat(1000);
    const argv = ['exec', '--', process.execPath, printEnv, '--stdin', '--exit=3'];
    const run = await cliProcess(h, key, argv, {
      input,
      env: { MWTOKENS_PROFILE: 'Sandbox' },
    }).done;
    expect(run).toMatchObject({ code: 3, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual({
      tokenSha256: sha256(token),
      tokenLength: token.length,
      url: h.sandbox.url,
      testVariables: [],
      stdinLength: input.length,
      argv: ['--stdin', '--exit=3'],
    });
  });

  it('exec forwards SIGTERM to the child and exits as the child did', async () => {
    const { h, key } = await ready();
    const child = [
      "process.on('SIGTERM', () => { process.stdout.write('child got SIGTERM\\n'); process.exit(42); });",
      "process.stdout.write('ready\\n');",
      'setTimeout(() => process.exit(9), 10000);',
    ].join('');
    const running = cliProcess(h, key, ['exec', '--', process.execPath, '-e', child]);
    await new Promise<void>((resolve) =>
      running.child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve();
      }),
    );
    running.child.kill('SIGTERM');
    const run = await running.done;
    expect(run).toMatchObject({ code: 42, stderr: '' });
    expect(run.stdout).toBe('ready\nchild got SIGTERM\n');
  });

  it('exec reports a child ended by a signal as 128 + its number', async () => {
    const { h, key } = await ready();
    const argv = ['exec', '--', process.execPath, '-e', "process.kill(process.pid, 'SIGKILL')"];
    expect((await cliProcess(h, key, argv).done).code).toBe(128 + 9);
  });

  it('a failure says why on stderr, with its exit code, and prints nothing on stdout', async () => {
    const { h, key } = await ready();
    const run = await cliProcess(h, key, ['list', '--profile', 'Nope']).done;
    expect(run).toMatchObject({ code: EXIT.unknownProfile, stdout: '' });
    expect(run.stderr).toMatch(/^mwtokens: There is no profile “Nope”/);
  });
});
