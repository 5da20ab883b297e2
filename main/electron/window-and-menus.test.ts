import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { UiCommand } from '../../app/contract';
import { AppLanguage } from './app-language';
import { resolveLanguage, translator, MAIN_LOCALES } from './locale';
import { menuTemplate } from './menu';
import { recoverFromRendererCrashes } from './renderer-recovery';
import { standInDisplay, standInScreen, StandInWorld } from './testing/stand-ins';
import { crashRenderer, paintFirstFrame, reloadsOf } from './testing/stand-in-windows';
import { trayIcon, trayTemplate } from './tray';
import { createMainWindow } from './window';
import { MIN_WINDOW_SIZE, type WindowState } from './window-state';

const en = translator('en');
const de = translator('de');
const screen = standInScreen([
  standInDisplay(1, { x: 0, y: 0, width: 1920, height: 1040 }),
  standInDisplay(2, { x: 1920, y: 0, width: 1280, height: 984 }),
]);

function open(world: StandInWorld, savedState: unknown, saved: WindowState[] = []) {
  return createMainWindow({
    BrowserWindow: world.BrowserWindow,
    preloadPath: '/p.cjs',
    displays: screen.getAllDisplays(),
    savedState,
    saveState: (state) => saved.push(state),
    devTools: false,
  });
}

describe('window bounds (issue 12.9)', () => {
  it('restores bounds on a current display, and the maximised state', () => {
    const world = new StandInWorld();
    const saved: WindowState[] = [];
    const bounds = { x: 2000, y: 50, width: 900, height: 700 };
    const window = open(world, { bounds, maximized: true }, saved);
    expect(window.getNormalBounds()).toEqual(bounds);
    paintFirstFrame(window); // maximised when shown: maximize() would show it before
    expect(window.isMaximized()).toBe(true);
    window.close();
    expect(saved).toEqual([{ bounds, maximized: true }]);
  });

  it('ignores bounds on a display that is gone, or only a sliver visible', () => {
    for (const bounds of [
      { x: 4000, y: 0, width: 900, height: 700 }, // right of every display
      { x: -880, y: 100, width: 900, height: 700 }, // 20 px visible
      { x: 100, y: 1020, width: 900, height: 700 }, // below the work area but for 20 px
      // Most of the window on screen, but its title bar above the work area: nothing to grab.
      { x: 100, y: -200, width: 900, height: 700 },
      { x: 100, y: -1, width: 900, height: 700 },
      // The title bar on screen for 60 px only (the window hangs off the left edge).
      { x: -840, y: 100, width: 900, height: 700 },
    ]) {
      const world = new StandInWorld();
      const window = open(world, { bounds, maximized: false });
      expect(window.getNormalBounds(), JSON.stringify(bounds)).toMatchObject({
        width: 1200,
        height: 800,
      });
      expect(world.windowOptions.get(window)).not.toHaveProperty('x');
    }
  });

  it('restores a window whose title bar is grabbable even if much of it is off screen', () => {
    for (const bounds of [
      { x: 100, y: 1000, width: 900, height: 700 }, // title bar just above the work area's bottom
      { x: -700, y: 0, width: 900, height: 700 }, // 200 px of title bar on display 1
      { x: 3080, y: 300, width: 900, height: 700 }, // 120 px on display 2's right edge
    ]) {
      const world = new StandInWorld();
      expect(
        open(world, { bounds, maximized: false }).getNormalBounds(),
        JSON.stringify(bounds),
      ).toEqual(bounds);
    }
  });

  it('never opens below the size at which the UI works, and enforces it as the minimum', () => {
    const world = new StandInWorld();
    const window = open(world, {
      bounds: { x: 10, y: 10, width: 300, height: 200 },
      maximized: false,
    });
    expect(window.getNormalBounds()).toMatchObject(MIN_WINDOW_SIZE);
    expect(world.windowOptions.get(window)).toMatchObject({
      minWidth: MIN_WINDOW_SIZE.width,
      minHeight: MIN_WINDOW_SIZE.height,
    });
  });

  it('reads bounds saved by earlier releases (bare rectangle)', () => {
    const world = new StandInWorld();
    const bounds = { x: 10, y: 10, width: 1000, height: 700 };
    expect(open(world, bounds).getNormalBounds()).toEqual(bounds);
  });
});

describe('renderer crashes (issue 12.12)', () => {
  it('reloads once, then explains and lets the user choose; a clean exit is no crash', async () => {
    const world = new StandInWorld();
    const window = new world.BrowserWindow({});
    let quits = 0;
    recoverFromRendererCrashes(window.webContents, {
      dialog: world.dialog,
      t: () => en,
      quit: () => quits++,
      log: () => undefined,
    });
    crashRenderer(window.webContents, 'clean-exit');
    expect(reloadsOf(window.webContents)).toBe(0);
    crashRenderer(window.webContents, 'crashed');
    expect(reloadsOf(window.webContents)).toBe(1);
    expect(world.messageBoxes).toEqual([]);
    world.messageBoxAnswer = 1;
    crashRenderer(window.webContents, 'oom');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reloadsOf(window.webContents)).toBe(1);
    expect(world.messageBoxes[0]).toMatchObject({ buttons: ['Reload', 'Quit'] });
    expect(world.messageBoxes[0]?.detail).toContain('oom');
    expect(quits).toBe(1);
  });
});

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu) : []),
  ]);
}

describe('menu accelerators leave the keys to the page (issue 12.8)', () => {
  it('on Windows and Linux every command shows its shortcut without registering it', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const commands: UiCommand[] = [];
      const all = items(
        menuTemplate(
          platform,
          en,
          (c) => commands.push(c),
          () => undefined,
          'v1',
        ),
      );
      const own = all.filter((item) => item.click && item.label !== en('menu.apiDocs'));
      expect(own).toHaveLength(7);
      for (const item of own) {
        expect(item.accelerator, item.label).toBeTruthy();
        expect(item.registerAccelerator, item.label).toBe(false);
      }
      // No item of ours registers a key at all (roles such as copy and zoom keep theirs).
      for (const item of all.filter((i) => i.accelerator && !i.role))
        expect(item.registerAccelerator, item.label).toBe(false);
      expect(own.find((i) => i.label === 'Keyboard Shortcuts')?.accelerator).not.toBe('Shift+/');
      for (const item of own) (item.click as (() => void) | undefined)?.();
      expect(commands.sort()).toEqual(
        [
          'copyApiToken',
          'help',
          'newToken',
          'refresh',
          'revokeSelected',
          'search',
          'settings',
        ].sort(),
      );
    }
  });

  it('on macOS (where registerAccelerator does not exist) our items carry no accelerator', () => {
    const all = items(
      menuTemplate(
        'darwin',
        en,
        () => undefined,
        () => undefined,
        'v1',
      ),
    );
    expect(all.filter((i) => i.accelerator && !i.role)).toEqual([]);
  });
});

describe('main’s texts follow the app’s language (issue 12.11)', () => {
  it('has every key in both languages, and resolves system from the OS locale', () => {
    expect(Object.keys(MAIN_LOCALES.de).sort()).toEqual(Object.keys(MAIN_LOCALES.en).sort());
    expect(resolveLanguage('system', 'de-AT')).toBe('de');
    expect(resolveLanguage('system', 'fr-FR')).toBe('en');
    expect(resolveLanguage('en', 'de-DE')).toBe('en');
  });

  it('menu, tray and notifications speak German after the setting changes', async () => {
    let setting: 'system' | 'en' | 'de' = 'system';
    const language = new AppLanguage({
      readSetting: () => Promise.resolve(setting),
      systemLocale: () => 'en-GB',
    });
    const seen: string[] = [];
    language.onChange((t) => seen.push(t('tray.quit')));
    await language.refresh();
    expect(language.language).toBe('en');
    setting = 'de';
    await language.refresh();
    expect(seen).toEqual(['mwtokens beenden']);
    const menu = items(
      menuTemplate(
        'linux',
        language.t,
        () => undefined,
        () => undefined,
        'v1',
      ),
    );
    expect(menu.map((i) => i.label)).toContain('Neues Token…');
    const tray = trayTemplate(
      [],
      language.t,
      { copyApiToken: () => undefined, show: () => undefined, quit: () => undefined },
      'v1',
    );
    expect(tray.map((i) => i.label)).toEqual([
      'Frisches API-Token kopieren',
      'Noch keine Ratenlimits gesehen',
      undefined,
      'mwtokens zeigen',
      'mwtokens beenden',
    ]);
    expect(de('notify.copied', { seconds: 30 })).toContain('30 s');
  });

  it('the macOS tray icon is a template image (black on transparent, with a @2x)', () => {
    const dir = join(import.meta.dirname, '..', '..', 'build');
    const mac = trayIcon('darwin', dir);
    expect(mac.template).toBe(true);
    expect(mac.path).toMatch(/Template\.png$/);
    expect(existsSync(mac.path.replace('.png', '@2x.png'))).toBe(true);
    // PNG colour type 6 (RGBA): the menu bar tints it by its alpha.
    expect(readFileSync(mac.path)[25]).toBe(6);
    expect(trayIcon('linux', dir)).toMatchObject({ template: false });
  });

  it('the Windows tray icon is an .ico with 16 and 32 px images drawn at size, not a resized PNG', () => {
    const dir = join(import.meta.dirname, '..', '..', 'build');
    const win = trayIcon('win32', dir);
    expect(win).toEqual({ path: join(dir, 'tray.ico'), template: false }); // no resize
    const ico = readFileSync(win.path);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // ICONDIR, type icon
    const sizes: number[] = [];
    for (let i = 0; i < ico.readUInt16LE(4); i++) {
      const entry = 6 + 16 * i;
      const size = ico.readUInt8(entry);
      const offset = ico.readUInt32LE(entry + 12);
      expect(ico.readUInt16LE(entry + 6), `${size} px bit count`).toBe(32);
      // A BITMAPINFOHEADER whose height covers colour and mask, inside the file.
      expect(ico.readUInt32LE(offset)).toBe(40);
      expect([ico.readInt32LE(offset + 4), ico.readInt32LE(offset + 8)]).toEqual([size, size * 2]);
      expect(offset + ico.readUInt32LE(entry + 8)).toBeLessThanOrEqual(ico.length);
      // Rows run bottom-up: the bottom-left corner (rounded) is clear, the middle opaque.
      const alphaAt = (x: number, y: number) =>
        ico.readUInt8(offset + 40 + ((size - 1 - y) * size + x) * 4 + 3);
      expect(alphaAt(0, size - 1)).toBeLessThan(128);
      expect(alphaAt(size >> 1, size >> 1)).toBe(255);
      sizes.push(size);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 32]));
  });
});
