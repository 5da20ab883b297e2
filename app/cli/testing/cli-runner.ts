/**
 * Runs the CLI against a service harness's store (the "GUI" of the test): in this process, or
 * as a process of its own (pipes, signals, exit status). Every run's stderr, and its stdout
 * where no secret belongs, joins the harness's leak check; `token`'s stdout is checked by the
 * tests to be exactly the token.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { ServiceHarness } from '../../testing/service-fixture';
import { FolderStore } from '../../vault/file-store';
import type { SecretCipher } from '../../vault/ports';
import { runCli, type CliHost } from '../run-cli';

export interface CliRun {
  code: number | null;
  signal?: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function remember(h: ServiceHarness, argv: readonly string[], run: CliRun): CliRun {
  const label = `cli ${argv[0] ?? ''}`;
  h.outputs.push({ where: `${label} stderr`, text: run.stderr });
  // `token` prints the token by design: its stdout is compared with the token instead.
  if (argv[0] !== 'token') h.outputs.push({ where: `${label} stdout`, text: run.stdout });
  return run;
}

/** In this process, on the harness's folder, cipher, sandbox and clock. */
export async function cli(
  h: ServiceHarness,
  argv: readonly string[],
  options: Partial<CliHost> & { cipher?: SecretCipher } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    store: new FolderStore(h.folder),
    cipher: h.cipher,
    sandboxUrl: h.sandbox.url,
    clock: h.clock.read,
    timeoutMs: 2_000,
    env: {},
    stdout: (text) => Promise.resolve(void (stdout += text)),
    stderr: (text) => Promise.resolve(void (stderr += text)),
    ...options,
  });
  return remember(h, argv, { code, stdout, stderr });
}

export interface CliProcess {
  child: ReturnType<typeof spawn>;
  done: Promise<CliRun>;
}

/**
 * A CLI process of its own (`cli-process.ts` under tsx) on the harness's store, with the
 * harness's cipher key: the harness must have been started with `new RecordingCipher(key)`.
 */
export function cliProcess(
  h: ServiceHarness,
  key: Buffer,
  argv: readonly string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): CliProcess {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const entry = join(import.meta.dirname, 'cli-process.ts');
  const child = spawn(tsx, [entry, ...argv], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...options.env,
      MWTOKENS_TEST_STORE: h.folder,
      MWTOKENS_TEST_KEY: key.toString('hex'),
      MWTOKENS_TEST_SANDBOX: h.sandbox.url,
      MWTOKENS_TEST_NOW: String(h.clock.now),
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin.end(options.input ?? '');
  const done = new Promise<CliRun>((resolve) => {
    child.on('close', (code, signal) =>
      resolve(remember(h, argv, { code, signal, stdout, stderr })),
    );
  });
  return { child, done };
}
