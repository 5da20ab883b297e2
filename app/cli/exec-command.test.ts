/**
 * `exec`'s child, run for real (this Node binary with a one-line script) in this process: the
 * status a script sees, the message for a command that cannot start, and signals reaching the
 * child and our listeners gone once it ended.
 */
import { chmodSync, fstatSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runInheriting } from './exec-command';

const node = process.execPath;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2'] as const;
type Listener = NodeJS.SignalsListener;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  const status = runInheriting(command, args, env, (line) => {
    lines.push(line);
    return Promise.resolve();
  });
  return { status, lines };
}

/** Listeners runInheriting added for a signal since `before` was taken. */
function added(before: Map<string, Listener[]>, signal: NodeJS.Signals): Listener[] {
  return process.listeners(signal).filter((l) => !(before.get(signal) ?? []).includes(l));
}

function snapshot(): Map<string, Listener[]> {
  return new Map(SIGNALS.map((s) => [s, [...process.listeners(s)]]));
}

let scratch: string | undefined;
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

describe.skipIf(process.platform === 'win32')('runInheriting', () => {
  it('answers the child’s own exit code, 0 included', async () => {
    await expect(run(node, ['-e', 'process.exit(3)']).status).resolves.toBe(3);
    await expect(run(node, ['-e', '']).status).resolves.toBe(0);
  });

  it('hands the child exactly the environment it is given, and its arguments untouched', async () => {
    const script =
      'process.exit(process.env.MITTWALD_API_URL === "https://api.example" && process.argv[1] === "--profile" && process.env.HOME === undefined ? 0 : 1)';
    const { status } = run(node, ['-e', script, '--', '--profile'], {
      MITTWALD_API_URL: 'https://api.example',
    });
    await expect(status).resolves.toBe(0);
  });

  it('the child writes to our own stdout and stderr (pipes and terminals work as if it ran alone)', async () => {
    const same = [1, 2].map((fd) => `${fstatSync(fd).dev}:${fstatSync(fd).ino}`);
    const script =
      'const { fstatSync: s } = require("node:fs"); const id = (fd) => `${s(fd).dev}:${s(fd).ino}`; process.exit(id(1) === process.argv[1] && id(2) === process.argv[2] ? 0 : 1)';
    await expect(run(node, ['-e', script, '--', ...same]).status).resolves.toBe(0);
  });

  it('a child ended by a signal answers 128 + its number, as shells do', async () => {
    await expect(run(node, ['-e', 'process.kill(process.pid, "SIGTERM")']).status).resolves.toBe(
      143,
    );
    await expect(run(node, ['-e', 'process.kill(process.pid, "SIGKILL")']).status).resolves.toBe(
      137,
    );
  });

  it('a command that does not exist: 127 and “command not found”, named by the command only', async () => {
    const missing = join(tmpdir(), 'mwtokens-no-such-command');
    const { status, lines } = run(missing, ['--token', 'ignored']);
    await expect(status).resolves.toBe(127);
    expect(lines).toEqual([`command not found: ${missing}`]);
  });

  it('a command that exists but cannot be run: 126 and “could not be run”', async () => {
    scratch = mkdtempSync(join(tmpdir(), 'mwtokens-exec-'));
    const plain = join(scratch, 'not-executable');
    writeFileSync(plain, 'exit 0\n');
    chmodSync(plain, 0o600);
    const { status, lines } = run(plain, []);
    await expect(status).resolves.toBe(126);
    expect(lines).toEqual([`command could not be run: ${plain}`]);
  });

  it('forwards the signals we get to the running child, then removes its listeners', async () => {
    for (const [signal, number] of [
      ['SIGTERM', 15],
      ['SIGHUP', 1],
      ['SIGINT', 2],
    ] as const) {
      const before = snapshot();
      // The child waits until a signal ends it.
      const { status } = run(node, ['-e', 'setInterval(() => {}, 1000)']);
      const forward = added(before, signal);
      expect(forward).toHaveLength(1);
      // As the OS would deliver it to this process (without signalling the test runner).
      forward[0]?.(signal);
      await expect(status).resolves.toBe(128 + number);
      for (const s of SIGNALS) expect(added(before, s), s).toEqual([]);
    }
  });

  it('listens for every signal a terminal or supervisor sends while the child runs', async () => {
    const before = snapshot();
    const { status } = run(node, ['-e', 'setInterval(() => {}, 1000)']);
    for (const s of SIGNALS) expect(added(before, s), s).toHaveLength(1);
    added(before, 'SIGQUIT')[0]?.('SIGQUIT');
    await expect(status).resolves.toBe(128 + 3);
  });

  it('removes its listeners after a child that could not start, too', async () => {
    const before = snapshot();
    await run(join(tmpdir(), 'mwtokens-no-such-command'), []).status;
    for (const s of SIGNALS) expect(added(before, s), s).toEqual([]);
  });
});
