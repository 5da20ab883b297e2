/**
 * The main window's life: made on demand (start, tray, dock), focused when a second instance
 * starts, trusted for IPC while it lives, recovered when its page crashes, kept in the tray
 * when closed on Windows (and on Linux when the user said so).
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Dialog, Display } from 'electron';
import type { Translate } from './locale';
import { keepInTrayOnClose, type CloseChoice } from './close-to-tray';
import { recoverFromRendererCrashes } from './renderer-recovery';
import { createMainWindow } from './window';
import type { WindowState } from './window-state';

export interface WindowControllerDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  platform: NodeJS.Platform;
  preloadPath: string;
  displays: () => readonly Display[];
  savedState: () => unknown;
  saveState: (state: WindowState) => void;
  devTools: boolean;
  dialog: Pick<Dialog, 'showMessageBox'>;
  t: () => Translate;
  quit: () => void;
  isQuitting: () => boolean;
  /** Lets quitting see refused closes and Windows' session end on this window. */
  watchForQuit: (window: BrowserWindow) => void;
  hasTray: () => boolean;
  firstHide: () => boolean;
  tellKeptInTray: () => void;
  closeChoice: () => CloseChoice | undefined;
  rememberCloseChoice: (choice: CloseChoice) => void;
  log: (line: string) => void;
}

export class MainWindowController {
  /** The web contents ids allowed to call IPC: our windows, while they live. */
  readonly trusted = new Set<number>();
  private window: BrowserWindow | undefined;
  /** Windows whose page has painted (`ready-to-show`): only those may be shown or focused. */
  private readonly painted = new WeakSet<BrowserWindow>();
  private focusWhenReady = false;

  constructor(private readonly deps: WindowControllerDeps) {}

  open(): BrowserWindow {
    if (this.window && !this.window.isDestroyed()) {
      this.focus();
      return this.window;
    }
    const { deps } = this;
    const window = createMainWindow({
      BrowserWindow: deps.BrowserWindow,
      preloadPath: deps.preloadPath,
      displays: deps.displays(),
      savedState: deps.savedState(),
      saveState: deps.saveState,
      devTools: deps.devTools,
    });
    const id = window.webContents.id;
    this.trusted.add(id);
    window.webContents.once('destroyed', () => this.trusted.delete(id));
    window.on('closed', () => {
      if (this.window === window) this.window = undefined;
    });
    recoverFromRendererCrashes(window.webContents, {
      dialog: deps.dialog,
      t: deps.t,
      quit: deps.quit,
      log: deps.log,
    });
    keepInTrayOnClose(window, deps);
    deps.watchForQuit(window);
    this.window = window;
    // After createMainWindow's own listener, which shows (or maximises) the window.
    window.once('ready-to-show', () => {
      this.painted.add(window);
      if (!this.focusWhenReady) return;
      this.focusWhenReady = false;
      this.focus();
    });
    return window;
  }

  /**
   * For `second-instance`, the tray and the dock: may arrive before the window exists or has
   * painted (during boot); then it waits for `ready-to-show`, so no empty frame is shown early.
   */
  focus(): void {
    const window = this.window;
    if (!window || window.isDestroyed() || !this.painted.has(window)) {
      this.focusWhenReady = true;
      return;
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }
}
