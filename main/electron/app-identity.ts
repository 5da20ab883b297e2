/**
 * Who the app is to the OS. APP_ID must equal `appId` in electron-builder.yml: the NSIS installer
 * gives the Start-menu shortcut that AppUserModelID, and Windows shows a notification only for an
 * id that a shortcut carries (the packaging test keeps the two equal).
 */
import type { App } from 'electron';

export const APP_ID = 'de.mwtokens.app';
export const APP_NAME = 'mwtokens';

export function declareIdentity(
  app: Pick<App, 'setAppUserModelId'>,
  platform: NodeJS.Platform,
): void {
  if (platform === 'win32') app.setAppUserModelId(APP_ID);
}
