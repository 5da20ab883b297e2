import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { signedIn, startService, type ServiceHarness } from '../../app/testing/service-fixture';
import { translator } from './locale';
import type { Event } from 'electron';
import { holdQuitUntilDisposed, quitWhenAllWindowsClosed } from './quit';
import { createSandboxLauncher, sandboxRequestedEagerly, startEagerly } from './sandbox-launcher';
import { claimSingleInstance } from './single-instance';
import { failStartup } from './startup-failure';
import { openStore, reportMovedStores } from './stores';
import { StandInWorld } from './testing/stand-ins';

const en = translator('en');
let harness: ServiceHarness | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mwtokens-main-'));
  dirs.push(dir);
  return dir;
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('single instance (issue 12.5)', () => {
  it('a second instance exits at once, before any boot step, and hears nothing', () => {
    const world = new StandInWorld('linux', { lockGranted: false });
    let quitEvents = 0;
    world.app.on('before-quit', () => quitEvents++);
    let booted = false;
    if (claimSingleInstance(world.app, () => undefined)) booted = true;
    expect(booted).toBe(false);
    expect(world.exitCode).toBe(0);
    // app.exit, not app.quit: no quit events (nothing may hold it), the process ends now.
    expect(quitEvents).toBe(0);
    expect(world.quitCompleted).toBe(false);
    expect(world.app.listenerCount('second-instance')).toBe(0);
  });

  it('the first instance listens for second-instance before it is ready, and hears it after', async () => {
    const world = new StandInWorld('linux');
    let focused = 0;
    expect(claimSingleInstance(world.app, () => focused++)).toBe(true);
    expect(world.app.isReady()).toBe(false);
    // A start during Electron's own start-up is held back until ready, as Electron does.
    world.startSecondInstance(['mwtokens']);
    expect(focused).toBe(0);
    world.becomeReady();
    await settle();
    expect(focused).toBe(1);
    world.startSecondInstance(['mwtokens']);
    expect(focused).toBe(2);
    expect(world.exitCode).toBeUndefined();
  });
});

describe('quit clears a copied secret (issue 12.7)', () => {
  it('holds the quit until dispose has cleared the clipboard, then quits once', async () => {
    harness = await startService();
    await signedIn(harness);
    await harness.ok('clipboard:copyApiToken', { format: 'raw' });
    expect(harness.clipboard.text).not.toBe('');
    const world = new StandInWorld('linux');
    const manager = harness.manager;
    let quitting = 0;
    holdQuitUntilDisposed(world.app, {
      dispose: () => manager.dispose(),
      onQuitting: () => quitting++,
    });
    let quits = 0;
    world.app.on('quit', () => quits++);
    world.app.quit();
    world.app.quit(); // a second request while flushing
    expect(world.quitCompleted).toBe(false);
    await settle();
    await settle();
    expect(harness.clipboard.text).toBe('');
    expect(world.quitCompleted).toBe(true);
    expect(quits).toBe(1);
    expect(quitting).toBe(1);
  });

  it('quits after the timeout when dispose hangs', () => {
    const world = new StandInWorld('linux');
    let fire: (() => void) | undefined;
    holdQuitUntilDisposed(world.app, {
      dispose: () => new Promise<void>(() => undefined),
      setTimer: (run) => ((fire = run), () => undefined),
      timeoutMs: 2_000,
    });
    world.app.quit();
    expect(world.quitCompleted).toBe(false);
    fire?.();
    expect(world.quitCompleted).toBe(true);
  });
  it('a late clean-up of a cancelled quit does not end the next quit early', async () => {
    const world = new StandInWorld('linux');
    world.becomeReady();
    const window = new world.BrowserWindow({});
    let refuse = true;
    window.on('close', (event: Event) => refuse && event.preventDefault());
    const releases: (() => void)[] = [];
    const timers: (() => void)[] = [];
    const quit = holdQuitUntilDisposed(world.app, {
      dispose: () => new Promise<void>((resolve) => releases.push(resolve)),
      setTimer: (run) => (timers.push(run), () => undefined),
    });
    quit.watch(window);
    world.app.quit();
    timers[0]?.(); // the first clean-up timed out: the real quit, refused by the window
    await settle();
    expect(quit.isQuitting()).toBe(false);
    refuse = false;
    world.app.quit(); // asked again: flushing again
    releases[0]?.(); // the first clean-up ends, late
    await settle();
    expect(world.quitCompleted).toBe(false);
    releases[1]?.();
    await settle();
    expect(world.quitCompleted).toBe(true);
  });
});

describe('closing the last window (main.ts)', () => {
  it('quits on Linux and Windows without a tray, clipboard flushed; macOS keeps running', async () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const world = new StandInWorld(platform);
      quitWhenAllWindowsClosed(world.app, platform);
      let flushed = 0;
      holdQuitUntilDisposed(world.app, { dispose: () => Promise.resolve(void flushed++) });
      world.becomeReady();
      new world.BrowserWindow({}).close();
      await settle();
      expect(world.quitCompleted, platform).toBe(platform !== 'darwin');
      expect(flushed, platform).toBe(platform === 'darwin' ? 0 : 1);
    }
  });
});

describe('the sandbox starts only when used (issue 12.10)', () => {
  it('does not start at boot; starts once on use; a failed start throws to the caller only', async () => {
    let starts = 0;
    let closes = 0;
    let fail = true;
    const launcher = createSandboxLauncher(() => {
      starts++;
      if (fail) return Promise.reject(new Error('EADDRINUSE'));
      return Promise.resolve({
        url: 'http://127.0.0.1:1/v1',
        close: () => Promise.resolve(void closes++),
      });
    });
    await launcher.close();
    expect(starts).toBe(0);
    expect(closes).toBe(0);
    await expect(launcher.url()).rejects.toThrow('EADDRINUSE');
    fail = false;
    expect(await launcher.url()).toBe('http://127.0.0.1:1/v1');
    expect(await launcher.url()).toBe('http://127.0.0.1:1/v1');
    expect(starts).toBe(2);
    await launcher.close();
    expect(closes).toBe(1);
  });

  it('the developer flag starts it eagerly and a failure is only logged', async () => {
    expect(sandboxRequestedEagerly(['electron', '.'], {})).toBe(false);
    expect(sandboxRequestedEagerly(['electron', '.', '--sandbox'], {})).toBe(true);
    expect(sandboxRequestedEagerly([], { MWTOKENS_SANDBOX: '1' })).toBe(true);
    const logged: string[] = [];
    startEagerly(
      createSandboxLauncher(() => Promise.reject(new Error('no port'))),
      (line) => logged.push(line),
    );
    await settle();
    expect(logged).toEqual(['sandbox did not start: no port']);
  });

  it('the service starts the sandbox on the first use of a sandbox profile, not before', async () => {
    harness = await startService();
    let starts = 0;
    const launcher = createSandboxLauncher(() => {
      starts++;
      return Promise.resolve({ url: harness?.sandbox.url ?? '', close: () => Promise.resolve() });
    });
    const { TokenManager } = await import('../../app/service/token-manager');
    const { FolderStore } = await import('../../app/vault/file-store');
    const { FakeClipboard, RecordingCipher } = await import('../../app/testing/service-fixture');
    const manager = new TokenManager({
      store: new FolderStore(tempDir()),
      cipher: new RecordingCipher(),
      clipboard: new FakeClipboard(),
      deviceName: 'test',
      sandboxUrl: launcher.url,
    });
    await manager.start();
    await manager.handlers['profiles:list'](undefined);
    expect(starts).toBe(0);
    await manager.handlers['profiles:add']({ name: 'Sandbox', server: 'sandbox' });
    await manager.handlers['session:state'](undefined);
    expect(starts).toBe(1);
  });
});

describe('an unreadable store file (issue 12.4)', () => {
  const openConf = (dir: string, name: string) => () =>
    new Conf<Record<string, unknown>>({
      cwd: dir,
      configName: name,
      defaults: { schemaVersion: 1 },
    });

  it('is moved aside (kept byte for byte), the store starts with defaults, the user is told', () => {
    const dir = tempDir();
    const file = join(dir, 'mwtokens.json');
    writeFileSync(file, '{"windowState": {');
    expect(openConf(dir, 'mwtokens')).toThrow(); // conf itself refuses: the app used to quit here
    const opened = openStore(dir, 'mwtokens', openConf(dir, 'mwtokens'), () => 0);
    expect(opened.store.get('schemaVersion')).toBe(1);
    expect(opened.movedAside?.file).toBe(file);
    const kept = readdirSync(dir).filter((name) => name.includes('unreadable'));
    expect(kept).toEqual(['mwtokens.unreadable-1970-01-01T00-00-00-000Z.json']);
    expect(readFileSync(join(dir, kept[0] ?? ''), 'utf8')).toBe('{"windowState": {');
    const world = new StandInWorld();
    reportMovedStores(world.dialog, en, opened.movedAside ? [opened.movedAside] : []);
    expect(world.messageBoxes[0]?.detail).toContain(kept[0]);
  });

  it('any other failure is not repaired: it propagates', () => {
    const dir = tempDir();
    expect(() =>
      openStore(dir, 'x', () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      }),
    ).toThrow('EACCES');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a failed start-up shows an error box with the reason, then exits with a failure code', () => {
    const world = new StandInWorld();
    const logged: string[] = [];
    failStartup(
      { dialog: world.dialog, app: world.app, t: en, log: (l) => logged.push(l) },
      new Error('EACCES: permission denied, open settings'),
    );
    expect(world.errorBoxes).toEqual([
      {
        title: 'mwtokens could not start',
        content: expect.stringContaining('EACCES: permission denied, open settings') as string,
      },
    ]);
    expect(world.exitCode).toBe(1);
  });
});
