import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../app/contract';
import { signedIn, startService, type ServiceHarness } from '../../app/testing/service-fixture';
import { ElectronStoreAdapter } from './adapters';
import { answerAppRequest, resolveAppRequest } from './app-protocol';
import { CSP } from './csp';
import { isTrustedSender, registerEventSubscriptions, registerIpc, SUBSCRIBE_CHANNEL } from './ipc';
import { createPreloadApi } from './preload-api';
import { standInEvent } from './testing/stand-in-event';
import { handledChannels, invokeHandler, StandInIpcMain } from './testing/stand-in-ipc';
import { openHandlerAnswer } from './testing/stand-in-windows';
import { StandInWorld } from './testing/stand-ins';
import { guardAllWebContents } from './web-contents-guards';
import { createMainWindow } from './window';

let harness: ServiceHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const frame = (url: string, parent: unknown = null) => ({ url, parent });
const event = (id: number, url: string, parent: unknown = null) =>
  ({ sender: { id }, senderFrame: frame(url, parent) }) as unknown as IpcMainInvokeEvent;

describe('sender check', () => {
  const trusted = new Set([7]);
  it('accepts only our own window’s top frame on app://', () => {
    expect(isTrustedSender(event(7, 'app://mwtokens/index.html'), trusted)).toBe(true);
    expect(isTrustedSender(event(8, 'app://mwtokens/index.html'), trusted)).toBe(false);
    expect(isTrustedSender(event(7, 'https://evil.example/'), trusted)).toBe(false);
    expect(isTrustedSender(event(7, 'file:///tmp/x.html'), trusted)).toBe(false);
    expect(isTrustedSender(event(7, 'app://mwtokens/index.html', {}), trusted)).toBe(false);
    // Near misses of our own origin (issue 11.7): another host of app://, a port, credentials,
    // a look-alike scheme, a host that merely starts with ours, an unparsable URL.
    for (const nearMiss of [
      'app://evil/index.html',
      'app://mwtokens.evil/index.html',
      'app://mwtokensx/index.html',
      'app://evil.mwtokens/index.html',
      'app://mwtokens:8080/index.html',
      'app://user@mwtokens/index.html',
      'app://user:pass@mwtokens/index.html',
      'apps://mwtokens/index.html',
      'http://mwtokens/index.html',
      'app:mwtokens/index.html',
      'app:///mwtokens/index.html',
      'not a url',
      '',
    ])
      expect(isTrustedSender(event(7, nearMiss), trusted), nearMiss).toBe(false);
    expect(
      isTrustedSender(
        { sender: { id: 7 }, senderFrame: null } as unknown as IpcMainInvokeEvent,
        trusted,
      ),
    ).toBe(false);
  });
});

describe('IPC registration', () => {
  it('registers every contract channel once, even when set up twice, and refuses strangers', async () => {
    harness = await startService();
    const ipc = new StandInIpcMain();
    const logged: string[] = [];
    registerIpc(ipc, harness.manager, new Set([1]), (line) => logged.push(line));
    registerIpc(ipc, harness.manager, new Set([1]), (line) => logged.push(line));
    expect(handledChannels(ipc).sort()).toEqual([...CHANNEL_NAMES].sort());
    const refused = await invokeHandler(
      ipc,
      'profiles:list',
      event(2, 'app://mwtokens/'),
      undefined,
    );
    expect(refused).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(logged).toEqual(['refused profiles:list from app://mwtokens/']);
    const bad = await invokeHandler(ipc, 'tokens:create', event(1, 'app://mwtokens/'), {
      description: 42,
    });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    const ok = await invokeHandler(ipc, 'profiles:add', event(1, 'app://mwtokens/'), {
      name: 'Sandbox',
      server: 'sandbox',
    });
    expect(ok).toMatchObject({ ok: true, value: { profiles: [{ name: 'Sandbox' }] } });
  });

  it('delivers events to a subscribed window, snapshot first, and stops when it is destroyed', async () => {
    harness = await startService();
    await signedIn(harness);
    const ipc = new StandInIpcMain();
    // Set up twice, as on a reload: Electron's ipcMain.on adds a listener each time.
    registerEventSubscriptions(ipc, harness.manager, new Set([1]), () => undefined);
    registerEventSubscriptions(ipc, harness.manager, new Set([1]), () => undefined);
    expect(ipc.listenerCount(SUBSCRIBE_CHANNEL)).toBe(1);
    const sent: [string, unknown][] = [];
    let destroyed: (() => void) | undefined;
    const contents = {
      id: 1,
      isDestroyed: () => false,
      send: (name: string, payload: unknown) => sent.push([name, payload]),
      once: (_e: string, fn: () => void) => (destroyed = fn),
    };
    ipc.emit(
      SUBSCRIBE_CHANNEL,
      { sender: contents, senderFrame: frame('app://mwtokens/') },
      'session:changed',
    );
    ipc.emit(
      SUBSCRIBE_CHANNEL,
      { sender: { ...contents, id: 9 }, senderFrame: frame('app://mwtokens/') },
      'session:changed',
    );
    // The snapshot is read asynchronously: wait for it rather than for a guessed time.
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent).toEqual([['session:changed', expect.objectContaining({ status: 'signed_in' })]]);
    destroyed?.();
    await harness.ok('session:signOut', { revokeDeviceToken: false });
    expect(sent).toHaveLength(1);
  });
});

describe('preload', () => {
  function fakeIpcRenderer() {
    const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
    const sent: unknown[][] = [];
    const invoked: unknown[][] = [];
    return {
      listeners,
      sent,
      invoked,
      invoke: (...args: unknown[]) => (
        invoked.push(args),
        Promise.resolve({ ok: true, value: 'answer' })
      ),
      send: (...args: unknown[]) => void sent.push(args),
      on(channel: string, listener: (...args: unknown[]) => void) {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
        return this;
      },
      removeListener(channel: string, listener: (...args: unknown[]) => void) {
        listeners.get(channel)?.delete(listener);
        return this;
      },
    };
  }

  it('forwards contract channels only', async () => {
    const ipc = fakeIpcRenderer();
    const api = createPreloadApi(ipc as never);
    expect(await api.invoke('profiles:list')).toEqual({ ok: true, value: 'answer' });
    expect(await api.invoke('shell:openExternal', 'https://evil.example')).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input' },
    });
    expect(ipc.invoked).toEqual([['profiles:list', undefined]]);
    expect(() => api.on('anything', () => undefined)).toThrow();
  });

  it('delivers payloads only, asks for a snapshot, and unsubscribing really stops delivery', () => {
    const ipc = fakeIpcRenderer();
    const api = createPreloadApi(ipc as never);
    const seen: unknown[] = [];
    const off = api.on('rateLimits:changed', (payload: unknown) => seen.push(payload));
    expect(ipc.sent).toEqual([[SUBSCRIBE_CHANNEL, 'rateLimits:changed']]);
    for (const listener of ipc.listeners.get('rateLimits:changed') ?? [])
      listener({ sender: 'secret ipc internals' }, ['snapshot']);
    off();
    expect(ipc.listeners.get('rateLimits:changed')?.size).toBe(0);
    expect(seen).toEqual([['snapshot']]);
  });
});

describe('adapters', () => {
  it('ElectronStoreAdapter keeps dotted keys flat', async () => {
    const data: Record<string, unknown> = {};
    const store = {
      get: (k: string) => data[k],
      set: (k: string, v: unknown) => void (data[k] = v),
      delete: (k: string) => void delete data[k],
      get store() {
        return data;
      },
    };
    const adapter = new ElectronStoreAdapter(store);
    await adapter.set('secrets-a.b', { version: 1 });
    expect(Object.keys(data)).toEqual(['secrets-a%2Eb']);
    expect(await adapter.get('secrets-a.b')).toEqual({ version: 1 });
    expect(await adapter.keys()).toEqual(['secrets-a.b']);
    await adapter.delete('secrets-a.b');
    expect(data).toEqual({});
  });
});

describe('app:// protocol and window', () => {
  it('serves only files inside the renderer folder, with the CSP header', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mwtokens-app-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    try {
      expect(resolveAppRequest('app://mwtokens/', dir)).toBe(join(dir, 'index.html'));
      for (const attempt of [
        'app://mwtokens/../../etc/passwd',
        'app://mwtokens/%2e%2e/%2e%2e/etc/passwd',
        'app://mwtokens/..%2f..%2fetc%2fpasswd',
      ]) {
        const file = resolveAppRequest(attempt, dir);
        expect(file === undefined || file.startsWith(dir + '/')).toBe(true);
      }
      expect(resolveAppRequest('app://other/index.html', dir)).toBeUndefined();
      expect(resolveAppRequest('app://mwtokens/%E0%A4%A', dir)).toBeUndefined();
      const response = await answerAppRequest('app://mwtokens/index.html', dir);
      expect(response.headers.get('content-security-policy')).toBe(CSP);
      expect((await answerAppRequest('app://mwtokens/missing.js', dir)).status).toBe(404);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the page’s CSP meta tag equals the header, less frame-ancestors; no unsafe-inline or unsafe-eval', () => {
    const html = readFileSync(
      join(import.meta.dirname, '..', '..', 'renderer', 'index.html'),
      'utf8',
    );
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CSP.replace("; frame-ancestors 'none'", ''));
    expect(CSP).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('the window follows Electron’s security checklist; every web contents is guarded', () => {
    const world = new StandInWorld();
    guardAllWebContents(world.app);
    const window = createMainWindow({
      BrowserWindow: world.BrowserWindow,
      preloadPath: '/p.cjs',
      displays: [],
      savedState: undefined,
      saveState: () => undefined,
      devTools: false,
    });
    expect(world.windowOptions.get(window)?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
    expect(window.webContents.getURL()).toBe('app://mwtokens/index.html');
    // Any web contents, not only the main window's (issue 12.12).
    const other = new world.BrowserWindow({});
    for (const contents of [window.webContents, other.webContents]) {
      expect(openHandlerAnswer(contents)).toEqual({ action: 'deny' });
      for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
        const navigation = standInEvent();
        contents.emit(name, navigation);
        expect(navigation.defaultPrevented, name).toBe(true);
      }
      // A subframe navigating: will-navigate does not fire for it, will-frame-navigate does.
      const subframe = standInEvent({
        url: 'https://evil.example/',
        isSameDocument: false,
        isMainFrame: false,
        frame: null,
      });
      contents.emit('will-frame-navigate', subframe);
      expect(subframe.defaultPrevented, 'will-frame-navigate').toBe(true);
    }
  });
});
