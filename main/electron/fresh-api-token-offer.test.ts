/**
 * "Copy fresh API token" is v1's short-lived exchange: the application menu and the tray offer
 * it while a v1 profile is selected and never while a v2 (mStudio) one is, following the
 * selection of a real service. The tray runs over stand-ins of Menu, Tray and nativeImage that
 * build, refuse and show menus as Electron does.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { ApiKind, UiCommand } from '../../app/contract';
import { startService } from '../../app/testing/service-fixture';
import { translator } from './locale';
import { followSelectedApi, menuTemplate } from './menu';
import {
  pickTrayItem,
  StandInImage,
  StandInMenu,
  StandInTray,
  trayLabels,
  trayWorld,
} from './testing/stand-in-menu';
import { TrayController } from './tray-controller';

const en = translator('en');
const COPY = en('menu.copyApiToken');
const TRAY_COPY = en('tray.copyApiToken');

function flat(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flat(item.submenu) : []),
  ]);
}

/** Clicks every item of ours and answers the commands they sent. */
function commandsOffered(platform: NodeJS.Platform, api: ApiKind | undefined): UiCommand[] {
  const sent: UiCommand[] = [];
  const template = menuTemplate(
    platform,
    en,
    (c) => sent.push(c),
    () => undefined,
    api,
  );
  for (const item of flat(template))
    if (item.label !== en('menu.apiDocs')) (item.click as (() => void) | undefined)?.();
  return sent;
}

describe('the application menu offers a fresh API token for v1 only', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('on %s', (platform) => {
    for (const api of ['v1', undefined] as const) {
      expect(commandsOffered(platform, api), String(api)).toContain('copyApiToken');
      expect(
        flat(
          menuTemplate(
            platform,
            en,
            () => undefined,
            () => undefined,
            api,
          ),
        ).map((i) => i.label),
      ).toContain(COPY);
    }
    const v2 = commandsOffered(platform, 'v2');
    expect(v2).not.toContain('copyApiToken');
    // Everything else stays.
    expect(v2.sort()).toEqual([
      'help',
      'newToken',
      'refresh',
      'revokeSelected',
      'search',
      'settings',
    ]);
    const labels = flat(
      menuTemplate(
        platform,
        en,
        () => undefined,
        () => undefined,
        'v2',
      ),
    ).map((i) => i.label);
    expect(labels).not.toContain(COPY);
  });
});

function standInTray(platform: NodeJS.Platform = 'linux') {
  const world = trayWorld();
  const picked: string[] = [];
  const controller = new TrayController(
    {
      platform,
      iconDir: '/icons',
      makeTray: (image: StandInImage) => new StandInTray(world, image),
      loadImage: (path) => new StandInImage(path),
      buildMenu: (template) => StandInMenu.buildFromTemplate(template),
      actions: {
        copyApiToken: () => picked.push('copy'),
        show: () => picked.push('show'),
        quit: () => picked.push('quit'),
      },
    },
    en,
  );
  return { world, picked, controller };
}

describe('the tray offers a fresh API token for v1 only', () => {
  it('follows the selected profile’s API, and the language, without bringing it back on v2', () => {
    const { world, picked, controller } = standInTray();
    expect(trayLabels(world)).toEqual([
      TRAY_COPY,
      en('tray.noLimits'),
      en('tray.show'),
      en('tray.quit'),
    ]);
    pickTrayItem(world, TRAY_COPY);
    expect(picked).toEqual(['copy']);

    controller.setApi('v2');
    expect(trayLabels(world)).toEqual([en('tray.noLimits'), en('tray.show'), en('tray.quit')]);
    expect(() => pickTrayItem(world, TRAY_COPY)).toThrow(/no item/);
    // A later re-render (limits, language) keeps it away.
    const endpoint = 'GET /v2/users/self/api-tokens';
    controller.setLimits([
      {
        endpoint,
        limit: 10,
        remaining: 9,
        windowStartedAt: 0,
        resetAt: 0,
        exhausted: false,
        history: [],
      },
    ]);
    controller.setLanguage(translator('de'));
    expect(trayLabels(world)).not.toContain(translator('de')('tray.copyApiToken'));
    expect(trayLabels(world)).toHaveLength(3);

    controller.setApi('v1');
    expect(trayLabels(world)[0]).toBe(translator('de')('tray.copyApiToken'));
    pickTrayItem(world, translator('de')('tray.copyApiToken'));
    expect(picked).toEqual(['copy', 'copy']);
    // The limit line is shown, never clickable.
    expect(() => pickTrayItem(world, trayLabels(world)[1] ?? '')).toThrow(/disabled/);
  });

  it('makes its icon as each platform wants it', () => {
    expect(standInTray('darwin').world.image).toMatchObject({ template: true, size: undefined });
    expect(standInTray('linux').world.image).toMatchObject({
      template: false,
      size: { width: 22, height: 22 },
    });
    expect(standInTray('linux').world.toolTip).toBe('mwtokens');
  });
});

describe('the menus follow the selected profile of the service', () => {
  it('v1 → v2 → v1 as profiles are added and selected; a restart starts from the stored selection', async () => {
    const h = await startService();
    const seen: (ApiKind | undefined)[] = [];
    followSelectedApi(h.manager, (api) => seen.push(api));
    await expect.poll(() => seen).toEqual([undefined]); // no profile yet: the default menus
    const v1 = await h.ok('profiles:add', { name: 'Classic', server: 'sandbox' });
    const v2 = await h.ok('profiles:add', { name: 'Studio', server: 'sandbox', api: 'v2' });
    expect(seen).toEqual([undefined, 'v1', 'v2']);
    const v1Id = v1.profiles.find((p) => p.name === 'Classic')?.id ?? '';
    await h.ok('profiles:select', { profileId: v1Id });
    expect(seen.at(-1)).toBe('v1');

    const v2Id = v2.profiles.find((p) => p.name === 'Studio')?.id ?? '';
    await h.ok('profiles:select', { profileId: v2Id });
    expect(seen.at(-1)).toBe('v2');
    const after: (ApiKind | undefined)[] = [];
    followSelectedApi(h.restart().manager, (api) => after.push(api));
    await expect.poll(() => after).toEqual(['v2']);
  });
});

describe('the Menu stand-in builds as Electron does', () => {
  it('refuses an item with neither label, role nor separator type; folds and trims separators', () => {
    expect(() => StandInMenu.buildFromTemplate([{ click: () => undefined }])).toThrow(TypeError);
    const menu = StandInMenu.buildFromTemplate([
      { type: 'separator' },
      { label: 'a' },
      { type: 'separator' },
      { type: 'separator' },
      { label: 'b', enabled: false },
      { type: 'separator' },
    ]);
    expect(menu.items.map((i) => [i.label, i.type, i.enabled])).toEqual([
      ['a', 'normal', true],
      ['', 'separator', true],
      ['b', 'normal', false],
    ]);
  });
});
