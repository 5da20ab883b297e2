/**
 * Detecting a CLI call in Electron's argv (packaged and from the default app) and handing it
 * over: no window, hardware acceleration off before ready, quits from signals held off, the
 * store opened only when used and never moved or changed when unreadable, and `app.exit` with
 * the CLI's code. Electron's app is a stand-in typed against electron.d.ts that refuses what
 * Electron refuses (disableHardwareAcceleration after ready).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import type { Event } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT } from '../../app/cli/exit-codes';
import { cliArguments, handOverToCli, type HandoverApp } from './cli-handover';
import type { SafeStorageApi } from './safe-storage-cipher';
import { standInEvent } from './testing/stand-in-event';

describe('cliArguments', () => {
  it('packaged: the words after the executable', () => {
    expect(cliArguments(['/opt/mwtokens/mwtokens', 'token', '-p', 'x'], false)).toEqual([
      'token',
      '-p',
      'x',
    ]);
    expect(cliArguments(['C:\\mwtokens\\mwtokens.exe', '--help'], false)).toEqual(['--help']);
    expect(cliArguments(['mwtokens', '--no-sandbox', 'exec', '--', 'ls', '-l'], false)).toEqual([
      'exec',
      '--',
      'ls',
      '-l',
    ]);
  });

  it('from the default app: after the app path, Electron’s and Chromium’s switches skipped', () => {
    const electron = '/repo/node_modules/electron/dist/electron';
    expect(cliArguments([electron, '.', 'list', '--json'], true)).toEqual(['list', '--json']);
    expect(
      cliArguments(
        [
          electron,
          '--inspect=0',
          '--remote-debugging-port=0',
          '/repo',
          '--user-data-dir=/t',
          'token',
        ],
        true,
      ),
    ).toEqual(['token']);
    expect(cliArguments([electron, '.', '-h'], true)).toEqual(['-h']);
    expect(cliArguments([electron, '.', 'help', 'exec'], true)).toEqual(['help', 'exec']);
  });

  it('a normal start is not a CLI call', () => {
    expect(cliArguments(['/opt/mwtokens/mwtokens'], false)).toBeUndefined();
    expect(cliArguments(['/opt/mwtokens/mwtokens', '--sandbox'], false)).toBeUndefined();
    expect(cliArguments(['/Applications/mwtokens', '-psn_0_12345'], false)).toBeUndefined();
    expect(cliArguments(['electron', '.'], true)).toBeUndefined();
    expect(cliArguments(['electron', '.', '--sandbox'], true)).toBeUndefined();
    // Only the first word counts: a file named like a command later on is an argument.
    expect(cliArguments(['mwtokens', 'notes.txt', 'token'], false)).toBeUndefined();
    // Electron started with switches only (no app path) runs its default app, not a CLI call.
    expect(cliArguments(['electron', '--inspect=0', '--help'], true)).toBeUndefined();
    // The app path itself is never read as a command, even when it is called "token".
    expect(cliArguments(['electron', 'token'], true)).toBeUndefined();
    expect(cliArguments(['mwtokens', 'somefile.txt'], false)).toBeUndefined();
  });
});

/** Electron's app as the hand-over sees it. */
class StandInCliApp implements HandoverApp {
  ready = false;
  exitCode: number | undefined;
  hardwareAcceleration = true;
  dockHidden = false;
  private readonly beforeQuit: ((event: Event) => void)[] = [];
  /** `app.dock` exists on macOS only; elsewhere it is undefined. */
  readonly dock: { hide: () => void } | undefined;

  constructor(platform: NodeJS.Platform = 'darwin') {
    this.dock = platform === 'darwin' ? { hide: () => void (this.dockHidden = true) } : undefined;
  }

  whenReady(): Promise<void> {
    return new Promise((resolve) =>
      setTimeout(() => {
        this.ready = true;
        resolve();
      }, 1),
    );
  }
  exit(exitCode = 0): void {
    this.exitCode ??= exitCode;
  }
  disableHardwareAcceleration(): void {
    if (this.ready) throw new Error('disableHardwareAcceleration must be called before ready');
    this.hardwareAcceleration = false;
  }
  /** Only `before-quit` is heard of here: a listener for any other event never hears a quit. */
  on(event: 'before-quit', listener: (event: Event) => void): this {
    if (event === 'before-quit') this.beforeQuit.push(listener);
    return this;
  }
  /** What Electron does on SIGINT/SIGTERM: quit, unless before-quit is prevented. */
  quitWanted(): boolean {
    const event = standInEvent();
    for (const listener of this.beforeQuit) listener(event);
    return !event.defaultPrevented;
  }
}

/** safeStorage as on a Linux desktop with a keyring (kwallet, here by name only). */
const keyring: SafeStorageApi = {
  isEncryptionAvailable: () => true,
  isAsyncEncryptionAvailable: () => Promise.resolve(true),
  encryptStringAsync: (plain) => Promise.resolve(Buffer.from(plain).reverse()),
  decryptStringAsync: (bytes) =>
    Promise.resolve({ result: Buffer.from(bytes).reverse().toString(), shouldReEncrypt: false }),
  getSelectedStorageBackend: () => 'kwallet6',
  setUsePlainTextEncryption: () => undefined,
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function handOver(
  args: string[],
  openStore: () => Conf<Record<string, unknown>>,
  options: { platform?: NodeJS.Platform; env?: NodeJS.ProcessEnv } = {},
) {
  const app = new StandInCliApp(options.platform);
  let stdout = '';
  let stderr = '';
  let opened = 0;
  await handOverToCli(args, {
    app,
    safeStorage: keyring,
    openStore: () => {
      opened += 1;
      return openStore();
    },
    env: options.env ?? {},
    streams: {
      stdout: (text) => Promise.resolve(void (stdout += text)),
      stderr: (text) => Promise.resolve(void (stderr += text)),
    },
  });
  return { app, stdout, stderr, opened };
}

function dataFolder(content?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mwtokens-handover-'));
  dirs.push(dir);
  if (content !== undefined) writeFileSync(join(dir, 'mwtokens-data.json'), content);
  return dir;
}

const conf = (dir: string) => () =>
  new Conf<Record<string, unknown>>({ cwd: dir, configName: 'mwtokens-data', projectName: 'x' });

describe('handOverToCli', () => {
  it('--help: prints, exits 0, without touching the store; no GPU, no Dock icon', async () => {
    const run = await handOver(['--help'], () => {
      throw new Error('not to be opened');
    });
    expect(run).toMatchObject({ stderr: '', opened: 0 });
    expect(run.stdout).toMatch(/^mwtokens: API tokens for scripts/);
    expect(run.app).toMatchObject({ exitCode: 0, hardwareAcceleration: false, dockHidden: true });
  });

  it('holds off the quit Electron makes of a signal: only the call’s end exits', async () => {
    const run = await handOver(['--help'], conf(dataFolder()));
    expect(run.app.quitWanted()).toBe(false);
  });

  it('no profile in the app’s data file: exit 4, message on stderr', async () => {
    const run = await handOver(['token'], conf(dataFolder()));
    expect(run).toMatchObject({ stdout: '', opened: 1 });
    expect(run.stderr).toMatch(/no profile yet/);
    expect(run.app.exitCode).toBe(EXIT.unknownProfile);
  });

  it('an unreadable data file: exit 6, left exactly as it was, its text never quoted', async () => {
    const dir = dataFolder('{"profiles": MW_not_json_secretish');
    const run = await handOver(['list'], conf(dir));
    expect(run.app.exitCode).toBe(EXIT.store);
    expect(run.stderr).toMatch(/data file is not readable JSON/);
    expect(run.stderr).not.toContain('MW_not_json');
    expect(readFileSync(join(dir, 'mwtokens-data.json'), 'utf8')).toBe(
      '{"profiles": MW_not_json_secretish',
    );
  });

  it('a data file that cannot be opened: exit 6, said without the error’s own words', async () => {
    const run = await handOver(['token'], () => {
      throw Object.assign(new Error('EACCES: permission denied, open /home/u/MW_path'), {
        code: 'EACCES',
      });
    });
    expect(run.app.exitCode).toBe(EXIT.store);
    expect(run.stderr).toMatch(/data file could not be opened/);
    expect(run.stderr).not.toContain('MW_path');
  });

  it('on Linux and Windows (no Dock) runs all the same', async () => {
    for (const platform of ['linux', 'win32'] as const) {
      const run = await handOver(['--help'], conf(dataFolder()), { platform });
      expect(run.app.exitCode, platform).toBe(EXIT.ok);
      expect(run.app.hardwareAcceleration, platform).toBe(false);
    }
  });

  it('reads the environment it is given, not the process’s', async () => {
    vi.stubEnv('MWTOKENS_PROFILE', 'FromTheProcess');
    try {
      const given = await handOver(['token'], conf(dataFolder()), {
        env: { MWTOKENS_PROFILE: 'Given' },
      });
      expect(given.stderr).not.toContain('FromTheProcess');
      const empty = await handOver(['token'], conf(dataFolder()));
      expect(empty.stderr).not.toContain('FromTheProcess');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
