/** The one window: hardened per Electron's security checklist, remembering its bounds. */
import type { BrowserWindow as BrowserWindowType, Rectangle, Session } from 'electron';
import { z } from 'zod';
import { APP_HOST, APP_SCHEME } from './app-protocol';

export const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(640),
  height: z.number().int().min(480),
});

export interface WindowDeps {
  BrowserWindow: typeof BrowserWindowType;
  preloadPath: string;
  savedBounds: unknown;
  saveBounds: (bounds: Rectangle) => void;
  devTools: boolean;
}

export function createMainWindow(deps: WindowDeps): BrowserWindowType {
  const saved = boundsSchema.safeParse(deps.savedBounds);
  const { BrowserWindow } = deps;
  const window = new BrowserWindow({
    ...(saved.success ? saved.data : { width: 1200, height: 800 }),
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'mwtokens',
    // Inline, so static checkers (electronegativity) can read every setting.
    webPreferences: {
      preload: deps.preloadPath,
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
      devTools: deps.devTools,
    },
  });
  guardContents(window);
  window.once('ready-to-show', () => window.show());
  window.on('close', () => deps.saveBounds(window.getNormalBounds()));
  void window.loadURL(`${APP_SCHEME}://${APP_HOST}/index.html`);
  return window;
}

/** No navigation, no new windows: the app is one page. */
function guardContents(window: BrowserWindowType): void {
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-redirect', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Every permission request and check is refused: the app needs none. */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
