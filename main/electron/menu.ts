/** The application menu: the usual roles, plus the app's own commands with their shortcuts. */
import type { MenuItemConstructorOptions } from 'electron';
import type { UiCommand } from '../../app/contract';

export const ALLOWED_EXTERNAL_URLS: readonly string[] = [
  'https://api.mittwald.de/v1/docs/',
  'https://developer.mittwald.de/',
];

export function isAllowedExternal(url: string): boolean {
  return ALLOWED_EXTERNAL_URLS.includes(url);
}

export function menuTemplate(
  platform: NodeJS.Platform,
  command: (name: UiCommand) => void,
  openExternal: (url: string) => void,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&Tokens',
      submenu: [
        { label: 'New Token…', accelerator: 'CmdOrCtrl+N', click: () => command('newToken') },
        {
          label: 'Copy Fresh API Token',
          accelerator: 'CmdOrCtrl+Shift+C',
          click: () => command('copyApiToken'),
        },
        { label: 'Refresh', accelerator: 'CmdOrCtrl+R', click: () => command('refresh') },
        { label: 'Search', accelerator: 'CmdOrCtrl+F', click: () => command('search') },
        {
          label: 'Revoke Selected…',
          accelerator: 'CmdOrCtrl+Backspace',
          click: () => command('revokeSelected'),
        },
        { type: 'separator' },
        { label: 'Settings…', accelerator: 'CmdOrCtrl+,', click: () => command('settings') },
        ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
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
        { label: 'Keyboard Shortcuts', accelerator: 'Shift+/', click: () => command('help') },
        {
          label: 'mittwald API Documentation',
          click: () => openExternal(ALLOWED_EXTERNAL_URLS[0] ?? ''),
        },
      ],
    },
  ];
}
