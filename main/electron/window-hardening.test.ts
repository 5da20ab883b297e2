/**
 * The window as built: every webPreferences setting of Electron's security checklist exactly
 * (a setting dropped falls back to Electron's default, which for several is the unsafe one),
 * hidden until the first frame is painted, the app's page loaded, every permission refused.
 */
import { describe, expect, it } from 'vitest';
import type { Session } from 'electron';
import { StandInWorld } from './testing/stand-ins';
import { paintFirstFrame } from './testing/stand-in-windows';
import { createMainWindow, denyAllPermissions } from './window';

function open(devTools = false) {
  const world = new StandInWorld();
  const window = createMainWindow({
    BrowserWindow: world.BrowserWindow,
    preloadPath: '/app/preload.cjs',
    displays: [],
    savedState: undefined,
    saveState: () => undefined,
    devTools,
  });
  return { world, window };
}

describe('the main window', () => {
  it('is built with the hardened webPreferences, exactly', () => {
    const { world, window } = open();
    const options = world.windowOptions.get(window);
    expect(options?.webPreferences).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
    expect(options?.title).toBe('mwtokens');
    expect(open(true).world.windowOptions.values().next().value?.webPreferences?.devTools).toBe(
      true,
    );
  });

  it('stays hidden until its first frame is painted, then shows, with the app page loaded', () => {
    const { window } = open();
    expect(window.isVisible()).toBe(false);
    expect(window.webContents.getURL()).toBe('app://mwtokens/index.html');
    paintFirstFrame(window);
    expect(window.isVisible()).toBe(true);
    expect(window.isMaximized()).toBe(false);
  });
});

describe('permissions', () => {
  it('refuses every permission request and check', () => {
    const answers: boolean[] = [];
    const handlers: {
      request?: Parameters<Session['setPermissionRequestHandler']>[0];
      check?: Parameters<Session['setPermissionCheckHandler']>[0];
    } = {};
    denyAllPermissions({
      setPermissionRequestHandler: (handler) => void (handlers.request = handler),
      setPermissionCheckHandler: (handler) => void (handlers.check = handler),
    });
    expect(handlers.request).toBeTypeOf('function');
    expect(handlers.check).toBeTypeOf('function');
    for (const permission of ['media', 'notifications', 'clipboard-read'] as const) {
      handlers.request?.({} as never, permission, (granted) => answers.push(granted), {} as never);
    }
    expect(answers).toEqual([false, false, false]);
    expect(handlers.check?.(null, 'clipboard-read', 'app://mwtokens', {} as never)).toBe(false);
  });
});
