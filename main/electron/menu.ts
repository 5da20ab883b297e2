/**
 * The application menu: the usual roles, plus the app's own commands.
 *
 * The app's commands are the page's keyboard shortcuts, and the page owns those keys: it ignores
 * them while a dialog is open and ignores plain keys while the focus is in a text field
 * (renderer/src/shortcuts.ts). A menu accelerator registered with the system would fire first,
 * in every state (Ctrl+Backspace in the search field would revoke; `Shift+/` never matches `?`
 * on non-US layouts). So on Windows and Linux they are display-only (`registerAccelerator:
 * false`, which Electron supports there only); on macOS, where every menu key equivalent is
 * registered, they carry no accelerator at all and the page's keys act alone.
 *
 * A click on one of these items reaches the renderer as the `ui:command` event (through
 * TokenManager.command); the renderer applies the same guards to it as to a key press.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { ApiKind, EventPayloads, ProfilesView, UiCommand } from '../../app/contract';
import type { Translate } from './locale';

export const ALLOWED_EXTERNAL_URLS: readonly string[] = [
  'https://api.mittwald.de/v1/docs/',
  'https://developer.mittwald.de/',
];

export function isAllowedExternal(url: string): boolean {
  return ALLOWED_EXTERNAL_URLS.includes(url);
}

/** The shortcut each command shows; the page's own key handling is what acts on it. */
const SHORTCUT_HINTS: Record<UiCommand, string> = {
  newToken: 'CmdOrCtrl+N',
  copyApiToken: 'CmdOrCtrl+Shift+C',
  refresh: 'CmdOrCtrl+R',
  search: 'CmdOrCtrl+F',
  revokeSelected: 'CmdOrCtrl+Backspace',
  settings: 'CmdOrCtrl+,',
  help: '?',
};

export function commandItem(
  platform: NodeJS.Platform,
  label: string,
  name: UiCommand,
  command: (name: UiCommand) => void,
): MenuItemConstructorOptions {
  const item: MenuItemConstructorOptions = { label, click: () => command(name) };
  if (platform === 'darwin') return item;
  return { ...item, accelerator: SHORTCUT_HINTS[name], registerAccelerator: false };
}

/**
 * A fresh API token is v1's short-lived exchange; a v2 (mStudio) token is used as it is, so the
 * command is not offered while a v2 profile is selected (nor in the page, its shortcut help).
 */
export function offersFreshApiToken(api: ApiKind | undefined): boolean {
  return api !== 'v2';
}

/** The API of the selected profile; undefined when none is selected. */
export function selectedApi(view: ProfilesView): ApiKind | undefined {
  return view.profiles.find((profile) => profile.id === view.selectedProfileId)?.api;
}

/** Where the menu and tray learn of the profiles (a TokenManager). */
export interface ProfileSource {
  on(event: 'profiles:changed', listener: (view: EventPayloads['profiles:changed']) => void): void;
}

/**
 * Calls `apply` with the selected profile's API: first with the current selection (the
 * service delivers a state event's snapshot on subscription), then on every change (a
 * selection, an added or removed profile).
 */
export function followSelectedApi(
  source: ProfileSource,
  apply: (api: ApiKind | undefined) => void,
): void {
  source.on('profiles:changed', (view) => apply(selectedApi(view)));
}

export function menuTemplate(
  platform: NodeJS.Platform,
  t: Translate,
  command: (name: UiCommand) => void,
  openExternal: (url: string) => void,
  api: ApiKind | undefined,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const item = (label: string, name: UiCommand) => commandItem(platform, label, name, command);
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t('menu.tokens'),
      submenu: [
        item(t('menu.newToken'), 'newToken'),
        ...(offersFreshApiToken(api) ? [item(t('menu.copyApiToken'), 'copyApiToken')] : []),
        item(t('menu.refresh'), 'refresh'),
        item(t('menu.search'), 'search'),
        item(t('menu.revokeSelected'), 'revokeSelected'),
        { type: 'separator' },
        item(t('menu.settings'), 'settings'),
        ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
      ],
    },
    { role: 'editMenu' },
    {
      label: t('menu.view'),
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        item(t('menu.shortcuts'), 'help'),
        {
          label: t('menu.apiDocs'),
          click: () => openExternal(ALLOWED_EXTERNAL_URLS[0] ?? ''),
        },
      ],
    },
  ];
}
