/**
 * Who the app is to the OS. APP_ID must equal `appId` in electron-builder.yml: the NSIS installer
 * gives the Start-menu shortcut that AppUserModelID, and Windows shows a notification only for an
 * id that a shortcut carries (the packaging test keeps the two equal).
 */
import type { App } from 'electron';

export const APP_ID = 'de.mwtokens.app';
export const APP_NAME = 'mwtokens';

/**
 * Windows only. Packaged: APP_ID, which the installed shortcut carries. An unpackaged run
 * (`npm start`) has no such shortcut, so a toast for APP_ID would belong to no app; Electron's
 * notification guide says to use `process.execPath` there.
 */
export function declareIdentity(
  app: Pick<App, 'setAppUserModelId' | 'isPackaged'>,
  platform: NodeJS.Platform,
  execPath: string = process.execPath,
): void {
  if (platform === 'win32') app.setAppUserModelId(app.isPackaged ? APP_ID : execPath);
}
