/**
 * The main window's life over the Electron stand-ins: nothing shown before the page painted
 * (`ready-to-show`), whether the window opens maximised or a second instance asks for it during boot.
 */
import type { Event } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { signedIn, startService, type ServiceHarness } from '../../app/testing/service-fixture';
import { translator } from './locale';
import { MainWindowController, type WindowControllerDeps } from './main-window-controller';
import { holdQuitUntilDisposed } from './quit';
import {
  crashRenderer,
  paintFirstFrame,
  reloadsOf,
  type StandInBrowserWindow,
} from './testing/stand-in-windows';
import { standInDisplay, StandInWorld } from './testing/stand-ins';

const en = translator('en');
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
let harness: ServiceHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});
const display = standInDisplay(1, { x: 0, y: 0, width: 1920, height: 1040 });

function controllerFor(
  world: StandInWorld,
  overrides: Partial<WindowControllerDeps> = {},
): MainWindowController {
  return new MainWindowController({
    // The stand-in class offers only what BrowserWindow has (checked at compile time), not all of it.
    BrowserWindow: world.BrowserWindow as unknown as WindowControllerDeps['BrowserWindow'],
    platform: world.platform,
    preloadPath: '/p.cjs',
    displays: () => [display],
    savedState: () => undefined,
    saveState: () => undefined,
    devTools: false,
    dialog: world.dialog,
    t: () => en,
    quit: () => world.app.quit(),
    isQuitting: () => false,
    watchForQuit: () => undefined,
    hasTray: () => true,
    firstHide: () => false,
    tellKeptInTray: () => undefined,
    closeChoice: () => 'tray',
    rememberCloseChoice: () => undefined,
    log: () => undefined,
    ...overrides,
  });
}

const only = (world: StandInWorld): StandInBrowserWindow => {
  const [window] = world.openWindows();
  if (!window) throw new Error('no window');
  return window;
};

describe('the window is shown only once its page painted', () => {
  it('a window restored maximised stays hidden until ready-to-show, then shows maximised', () => {
    const world = new StandInWorld();
    const bounds = { x: 10, y: 10, width: 1000, height: 700 };
    controllerFor(world, { savedState: () => ({ bounds, maximized: true }) }).open();
    const window = only(world);
    expect(window.isVisible()).toBe(false);
    paintFirstFrame(window);
    expect(window.isVisible()).toBe(true);
    expect(window.isMaximized()).toBe(true);
  });

  it('a second instance during boot (window made, page not painted) waits for ready-to-show', () => {
    const world = new StandInWorld();
    const controller = controllerFor(world);
    controller.focus(); // before the window exists
    controller.open();
    controller.focus(); // after it exists, before it painted
    const window = only(world);
    let shows = 0;
    window.on('show', () => shows++);
    expect(window.isVisible()).toBe(false);
    paintFirstFrame(window);
    expect(window.isVisible()).toBe(true);
    window.hide(); // kept in the tray
    controller.focus(); // a later second instance shows it at once
    expect(window.isVisible()).toBe(true);
    expect(shows).toBe(3); // createMainWindow's show, the deferred focus, the later one
  });
});

describe('quitting with the window (issue 12.7)', () => {
  async function setUp(platform: NodeJS.Platform) {
    harness = await startService();
    await signedIn(harness);
    const h = harness;
    const world = new StandInWorld(platform);
    world.becomeReady();
    const quit = holdQuitUntilDisposed(world.app, {
      dispose: () => h.manager.dispose(),
      flushOnSessionEnd: () => h.manager.dispose(),
    });
    const controller = controllerFor(world, {
      isQuitting: () => quit.isQuitting(),
      watchForQuit: (window) => quit.watch(window),
    });
    controller.open();
    const window = only(world);
    paintFirstFrame(window);
    const copy = async () => {
      await h.ok('clipboard:copyApiToken', { format: 'raw' });
      expect(h.clipboard.text).not.toBe('');
    };
    return { h, world, quit, window, copy };
  }

  it('a quit cancelled by a refusing window is over: the tray works again, a later quit flushes again', async () => {
    const { h, world, quit, window, copy } = await setUp('linux');
    let refuse = true;
    window.on('close', (event: Event) => refuse && event.preventDefault());
    await copy();
    world.app.quit();
    await settle();
    expect(h.clipboard.text).toBe('');
    expect(world.quitCompleted).toBe(false);
    expect(quit.isQuitting()).toBe(false);
    refuse = false;
    window.close(); // kept in the tray again, not closed as during a quit
    expect(window.isDestroyed()).toBe(false);
    expect(window.isVisible()).toBe(false);
    await copy();
    world.app.quit();
    await settle();
    expect(h.clipboard.text).toBe('');
    expect(world.quitCompleted).toBe(true);
  });

  it('Windows ending the session (no before-quit) still clears a copied secret', async () => {
    const { h, world, copy } = await setUp('win32');
    let beforeQuit = 0;
    world.app.on('before-quit', () => beforeQuit++);
    await copy();
    world.endWindowsSession(['logoff']);
    await settle();
    expect(beforeQuit).toBe(0);
    expect(h.clipboard.text).toBe('');
  });
});

describe('one main window, trusted while it lives', () => {
  it('opening again focuses the same window; after it closed, a new one is made', () => {
    const world = new StandInWorld();
    world.becomeReady();
    world.app.on('window-all-closed', () => undefined); // stays running, as on macOS
    const controller = controllerFor(world, { hasTray: () => false });
    const first = controller.open();
    paintFirstFrame(only(world));
    first.minimize();
    expect(controller.open()).toBe(first); // the dock or the tray asking for it
    expect(world.windows).toHaveLength(1);
    expect(first.isMinimized()).toBe(false); // restored, so the user sees it
    first.close();
    const second = controller.open();
    expect(second).not.toBe(first);
    expect(world.openWindows()).toEqual([second]);
  });

  it('only a living window’s page may call IPC', () => {
    const world = new StandInWorld();
    world.becomeReady();
    world.app.on('window-all-closed', () => undefined); // stays running, as on macOS
    const controller = controllerFor(world, { hasTray: () => false });
    const window = controller.open();
    const id = window.webContents.id;
    expect([...controller.trusted]).toEqual([id]);
    window.close();
    expect(controller.trusted.size).toBe(0);
    const next = controller.open();
    expect([...controller.trusted]).toEqual([next.webContents.id]);
  });

  it('painted without a pending focus, it is shown once; a focus for a closed window waits for the next', () => {
    const world = new StandInWorld();
    world.becomeReady();
    world.app.on('window-all-closed', () => undefined); // stays running, as on macOS
    const controller = controllerFor(world, { hasTray: () => false });
    controller.open();
    const window = only(world);
    let shows = 0;
    window.on('show', () => shows++);
    paintFirstFrame(window);
    expect(shows).toBe(1);
    window.close();
    controller.focus(); // a second instance while no window is open
    controller.open();
    const next = only(world);
    let nextShows = 0;
    next.on('show', () => nextShows++);
    paintFirstFrame(next);
    expect(nextShows).toBe(2); // createMainWindow's show, then the waiting focus
  });

  it('its page is reloaded after a crash, it stays in the tray on Windows, quitting watches it', () => {
    const world = new StandInWorld('win32');
    world.becomeReady();
    const watched: unknown[] = [];
    const logged: string[] = [];
    const controller = controllerFor(world, {
      watchForQuit: (window) => watched.push(window),
      log: (line) => logged.push(line),
    });
    const window = controller.open();
    expect(watched).toEqual([window]);
    crashRenderer(only(world).webContents, 'crashed');
    expect(reloadsOf(only(world).webContents)).toBe(1);
    expect(logged).toEqual(['renderer gone: crashed (exit code 1)']);
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(window.isVisible()).toBe(false);
  });

  it('the Linux close question speaks the app’s current language', () => {
    const world = new StandInWorld('linux');
    world.becomeReady();
    let t = en;
    const controller = controllerFor(world, { t: () => t, closeChoice: () => undefined });
    const window = controller.open();
    t = translator('de');
    window.close();
    expect(world.messageBoxes[0]?.title).toBe('mwtokens im Infobereich weiterlaufen lassen?');
  });

  it('a waiting focus is spent once: the next window is shown by itself only', () => {
    const world = new StandInWorld();
    world.becomeReady();
    world.app.on('window-all-closed', () => undefined); // stays running, as on macOS
    const controller = controllerFor(world, { hasTray: () => false });
    controller.focus(); // a second instance during boot
    controller.open();
    paintFirstFrame(only(world));
    only(world).close();
    controller.open(); // opened again later (dock), nobody asked for a focus
    const next = only(world);
    let shows = 0;
    next.on('show', () => shows++);
    paintFirstFrame(next);
    expect(shows).toBe(1);
  });
});
