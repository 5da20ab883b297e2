import { spawnSync } from 'node:child_process';
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
});
