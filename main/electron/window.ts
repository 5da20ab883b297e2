/** The one window: hardened per Electron's security checklist, opening where it was left. */
import type { BrowserWindowConstructorOptions, Display, Event, Rectangle, Session } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-protocol';
import { MIN_WINDOW_SIZE, restoreWindowState, type WindowState } from './window-state';

/** What main needs of a BrowserWindow (Electron's own satisfies it; so do the stand-ins). */
export interface MainWindow {
  on(event: 'close', listener: (event: Event) => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  maximize(): void;
  show(): void;
  loadURL(url: string): Promise<void>;
}

export interface WindowDeps<W extends MainWindow> {
  /** Electron's BrowserWindow (or a stand-in); constructed here, so checkers read the options. */
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W;
  preloadPath: string;
  displays: readonly Display[];
  savedState: unknown;
  saveState: (state: WindowState) => void;
  devTools: boolean;
}

export function createMainWindow<W extends MainWindow>(deps: WindowDeps<W>): W {
  const restored = restoreWindowState(deps.savedState, deps.displays);
  const { BrowserWindow } = deps;
  const window = new BrowserWindow({
    ...restored.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
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
  // Only once the page has painted: maximize() also shows a hidden window (electron.d.ts), so
  // calling it now would show an empty frame before the page is ready.
  window.once('ready-to-show', () => (restored.maximized ? window.maximize() : window.show()));
  // Saved even when the close is turned into a hide (tray): the place is what the user left.
  window.on('close', () =>
    deps.saveState({ bounds: window.getNormalBounds(), maximized: window.isMaximized() }),
  );
  void window.loadURL(`${APP_SCHEME}://${APP_HOST}/index.html`);
  return window;
}

/** Every permission request and check is refused: the app needs none. */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
