import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
// @ts-expect-error -- a plain .mjs script without declarations; its exports are checked here.
import * as start from './start.mjs';

const api = start as {
  electronRelativePath: (platform: string) => string;
  electronBinary: (
    root: string,
    options: {
      platform: string;
      env: Record<string, string>;
      exists: (path: string) => boolean;
      read: (path: string, encoding: string) => string;
    },
  ) => string | undefined;
  npmSpawnOptions: (platform: string) => { shell?: boolean };
  previewCommand: (
    root: string,
    options?: { execPath?: string; read?: (path: string, encoding: string) => string },
  ) => { command: string; args: string[]; options: { cwd: string; shell?: boolean } };
  exitCodeOf: (result: ReturnType<typeof spawnSync>, what: string) => number;
};

describe('npm start (issue 12.13)', () => {
  it('finds the Electron binary where the electron package puts it on each platform', () => {
    expect(api.electronRelativePath('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
    expect(api.electronRelativePath('win32')).toBe('electron.exe');
    expect(api.electronRelativePath('linux')).toBe('electron');
    const seen: string[] = [];
    const found = api.electronBinary('/r', {
      platform: 'darwin',
      env: {},
      exists: (path) => (seen.push(path), !path.endsWith('path.txt')),
      read: () => '',
    });
    expect(found).toBe(
      join('/r/node_modules/electron/dist', 'Electron.app/Contents/MacOS/Electron'),
    );
  });

  it('runs npm through a shell on Windows only (npm.cmd)', () => {
    expect(api.npmSpawnOptions('win32')).toEqual({ shell: true });
    expect(api.npmSpawnOptions('linux')).toEqual({});
  });

  it('a spawn that failed, or a child killed by a signal, is a failure, never exit 0', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const missing = spawnSync('/nonexistent/electron', [], { encoding: 'utf8' });
    expect(missing.error).toBeDefined();
    expect(api.exitCodeOf(missing, 'Electron')).toBe(1);
    const killed = spawnSync(process.execPath, ['-e', 'process.kill(process.pid, "SIGTERM")']);
    expect(api.exitCodeOf(killed, 'Electron')).toBe(1);
    const fine = spawnSync(process.execPath, ['-e', 'process.exit(3)']);
    expect(api.exitCodeOf(fine, 'Electron')).toBe(3);
    quiet.mockRestore();
  });

  it('runs the preview host with Node and tsx’s CLI, no shell, so a path with spaces stays whole', () => {
    const root = join('/home/a user/my projects/mwtokens');
    const read = (path: string) => {
      expect(path).toBe(join(root, 'node_modules', 'tsx', 'package.json'));
      return JSON.stringify({ bin: './dist/cli.mjs' });
    };
    const run = api.previewCommand(root, { execPath: '/opt/node 22/bin/node', read });
    expect(run.command).toBe('/opt/node 22/bin/node');
    expect(run.args).toEqual([
      join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      'main/preview/cli.ts',
    ]);
    expect(run.options).toMatchObject({ cwd: root });
    expect(run.options.shell).toBeUndefined();
    const named = api.previewCommand(root, {
      read: () => JSON.stringify({ bin: { tsx: 'cli.js' } }),
    });
    expect(named.command).toBe(process.execPath);
    expect(named.args[0]).toBe(join(root, 'node_modules', 'tsx', 'cli.js'));
  });

  it('that command really runs TypeScript from a folder whose path has spaces', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mw tokens with spaces '));
    try {
      writeFileSync(join(dir, 'hello.ts'), 'const n: number = 41;\nconsole.log(`ran ${n + 1}`);\n');
      const { command, args } = api.previewCommand(join(import.meta.dirname, '..'));
      const [cli] = args;
      const result = spawnSync(command, [cli ?? '', join(dir, 'hello.ts')], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.stdout.trim()).toBe('ran 42');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
