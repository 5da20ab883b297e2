/**
 * What the application menu and the tray show: the platform's usual menus (the app menu first
 * on macOS; Quit at the end of the first menu elsewhere), editing, zoom and full screen, the
 * window menu, help with the API documentation; the tray's tightest rate limit at a glance.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { RateLimitView } from '../../app/contract';
import { translator } from './locale';
import { ALLOWED_EXTERNAL_URLS, isAllowedExternal, menuTemplate } from './menu';
import {
  pickTrayItem,
  StandInImage,
  StandInMenu,
  StandInTray,
  trayLabels,
  trayWorld,
} from './testing/stand-in-menu';
import { tightestLabel, trayIcon } from './tray';
import { TrayController } from './tray-controller';

const en = translator('en');

/** Each item as the user reads it: its role, its label, or a separator. */
function shape(items: MenuItemConstructorOptions[]): unknown[] {
  return items.map((item) => {
    const name = item.type === 'separator' ? '---' : (item.role ?? item.label);
    return Array.isArray(item.submenu) ? { [String(name)]: shape(item.submenu) } : name;
  });
}

function template(platform: NodeJS.Platform, opened: string[] = []) {
  return menuTemplate(
    platform,
    en,
    () => undefined,
    (url) => opened.push(url),
    'v1',
  );
}

describe('the application menu', () => {
  it('on Windows and Linux: Tokens ending in Quit, Edit, View, Window, Help', () => {
    for (const platform of ['win32', 'linux'] as const)
      expect(shape(template(platform)), platform).toEqual([
        {
          '&Tokens': [
            'New Token…',
            'Copy Fresh API Token',
            'Refresh',
            'Search',
            'Revoke Selected…',
            '---',
            'Settings…',
            '---',
            'quit',
          ],
        },
        'editMenu',
        { '&View': ['resetZoom', 'zoomIn', 'zoomOut', '---', 'togglefullscreen'] },
        'windowMenu',
        { help: ['Keyboard Shortcuts', 'mittwald API Documentation'] },
      ]);
  });

  it('with a v2 profile selected, Tokens offers no fresh API token and nothing in its place', () => {
    const v2 = menuTemplate(
      'linux',
      en,
      () => undefined,
      () => undefined,
      'v2',
    );
    expect(shape(v2)[0]).toEqual({
      '&Tokens': [
        'New Token…',
        'Refresh',
        'Search',
        'Revoke Selected…',
        '---',
        'Settings…',
        '---',
        'quit',
      ],
    });
  });

  it('on macOS: the app menu first (Quit lives there), no Quit in Tokens', () => {
    const mac = shape(template('darwin'));
    expect(mac[0]).toBe('appMenu');
    expect(mac[1]).toEqual({
      '&Tokens': [
        'New Token…',
        'Copy Fresh API Token',
        'Refresh',
        'Search',
        'Revoke Selected…',
        '---',
        'Settings…',
      ],
    });
    expect(mac.slice(2)).toEqual(shape(template('linux')).slice(1));
  });

  it('the documentation item opens the API documentation, an allowed address', () => {
    const opened: string[] = [];
    const help = template('linux', opened).find((item) => item.role === 'help');
    const docs = (help?.submenu as MenuItemConstructorOptions[]).find(
      (item) => item.label === 'mittwald API Documentation',
    );
    (docs?.click as () => void)();
    expect(opened).toEqual(['https://api.mittwald.de/v1/docs/']);
    expect(opened.every(isAllowedExternal)).toBe(true);
  });

  it('only the listed addresses may be opened outside the app, exactly as listed', () => {
    for (const url of ALLOWED_EXTERNAL_URLS) expect(isAllowedExternal(url)).toBe(true);
    for (const url of [
      'https://api.mittwald.de/v1/docs',
      'https://api.mittwald.de/v1/docs/../../evil',
      'https://developer.mittwald.de.evil.example/',
      'http://developer.mittwald.de/',
      '',
    ])
      expect(isAllowedExternal(url), url).toBe(false);
  });
});

const limit = (endpoint: string, remaining: number, max: number): RateLimitView => ({
  endpoint,
  limit: max,
  remaining,
  windowStartedAt: 0,
  resetAt: 0,
  exhausted: remaining === 0,
  history: [],
});

describe('the tray', () => {
  it('shows the limit with the smallest share left, not the fewest requests left', () => {
    const limits = [
      limit('GET /a', 50, 100), // half left
      limit('GET /b', 3, 10), // 30 % left
      limit('GET /c', 9, 1000), // under 1 % left: the tightest
    ];
    expect(tightestLabel(limits, en)).toBe('GET /c: 9 of 1000 left');
    expect(tightestLabel([...limits].reverse(), en)).toBe('GET /c: 9 of 1000 left');
    expect(tightestLabel([], en)).toBe('No rate limits seen yet');
  });

  it('a limit of 0 (none announced) does not divide by zero', () => {
    expect(tightestLabel([limit('GET /a', 5, 10), limit('GET /z', 0, 0)], en)).toBe(
      'GET /z: 0 of 0 left',
    );
  });

  it('on Linux uses the app icon, scaled to 22 px', () => {
    const dir = join(import.meta.dirname, '..', '..', 'build');
    const icon = trayIcon('linux', dir);
    expect(icon).toEqual({ path: join(dir, 'icon.png'), template: false, size: 22 });
    expect(existsSync(icon.path)).toBe(true);
  });
});

describe('the tray icon’s menu', () => {
  it('shows the tightest limit once limits arrive; Show and Quit do what they say', () => {
    const world = trayWorld();
    const picked: string[] = [];
    const controller = new TrayController(
      {
        platform: 'linux',
        iconDir: '/icons',
        makeTray: (image: StandInImage) => new StandInTray(world, image),
        loadImage: (path) => new StandInImage(path),
        buildMenu: (items) => StandInMenu.buildFromTemplate(items),
        actions: {
          copyApiToken: () => picked.push('copy'),
          show: () => picked.push('show'),
          quit: () => picked.push('quit'),
        },
      },
      en,
    );
    expect(trayLabels(world)).toContain('No rate limits seen yet');
    controller.setLimits([limit('GET /a', 50, 100), limit('GET /b', 1, 10)]);
    expect(trayLabels(world)).toEqual([
      'Copy Fresh API Token',
      'GET /b: 1 of 10 left',
      'Show mwtokens',
      'Quit mwtokens',
    ]);
    pickTrayItem(world, 'Show mwtokens');
    pickTrayItem(world, 'Quit mwtokens');
    expect(picked).toEqual(['show', 'quit']);
  });
});
