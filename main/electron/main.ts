/**
 * The Electron main process: it wires, it decides nothing the service could decide. One boot
 * composes the features: protocol, store and keychain, service, IPC, window, menu, tray.
 */
import { join } from 'node:path';
import { hostname } from 'node:os';
import {
  app,
  BrowserWindow,
  clipboard,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
  Tray,
} from 'electron';
import Store from 'electron-store';
import { toErrorView } from '../../app/service/dispatch';
import { TokenManager } from '../../app/service/token-manager';
import { LowLimitWatch } from '../../app/ratelimit/low-limit-watch';
import { startSandbox } from '../../app/sandbox/server';
import type { RateLimitView } from '../../app/contract';
import { ElectronClipboardAdapter, ElectronStoreAdapter } from './adapters';
import { SafeStorageCipher } from './safe-storage-cipher';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { registerEventSubscriptions, registerIpc } from './ipc';
import { isAllowedExternal, menuTemplate } from './menu';
import { trayTemplate } from './tray';
import { createMainWindow, denyAllPermissions } from './window';

const STORE_SCHEMA_VERSION = 1;
const here = import.meta.dirname;
// Never log payloads or secrets: channel names, kinds and URLs only.
const log = (line: string) => console.error(`[mwtokens] ${line}`);

registerAppScheme(protocol);
if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | undefined;
const trusted = new Set<number>();

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function boot(): Promise<void> {
  handleAppProtocol(protocol, join(here, '..', 'renderer'));
  denyAllPermissions(session.defaultSession);

  const settingsStore = new Store<Record<string, unknown>>({
    name: 'mwtokens',
    defaults: { schemaVersion: STORE_SCHEMA_VERSION },
  });
  const dataStore = new Store<Record<string, unknown>>({ name: 'mwtokens-data' });
  const sandbox = await startSandbox();
  const manager = new TokenManager({
    store: new ElectronStoreAdapter(dataStore),
    cipher: new SafeStorageCipher(safeStorage),
    clipboard: new ElectronClipboardAdapter(clipboard),
    deviceName: hostname(),
    sandboxUrl: sandbox.url,
  });

  await manager.start();
  registerIpc(ipcMain, manager, trusted, log);
  registerEventSubscriptions(ipcMain, manager, trusted, log);

  const openExternal = (url: string) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
  };
  const createWindow = () => {
    const window = createMainWindow({
      BrowserWindow,
      preloadPath: join(here, 'preload.cjs'),
      savedBounds: settingsStore.get('windowBounds'),
      saveBounds: (bounds) => settingsStore.set('windowBounds', bounds),
      devTools: !app.isPackaged,
    });
    const id = window.webContents.id;
    trusted.add(id);
    window.webContents.once('destroyed', () => trusted.delete(id));
    window.on('closed', () => (mainWindow = undefined));
    mainWindow = window;
  };
  createWindow();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(process.platform, (command) => manager.command(command), openExternal),
    ),
  );

  const copyApiToken = async () => {
    let body: string;
    try {
      const receipt = await manager.handlers['clipboard:copyApiToken']({ format: 'raw' });
      body = `Copied a fresh API token. The clipboard is cleared in ${Math.max(0, Math.round((receipt.clearsAt - Date.now()) / 1000))} s.`;
    } catch (error) {
      body = toErrorView(error).message;
    }
    new Notification({ title: 'mwtokens', body }).show();
  };
  const tray = new Tray(
    nativeImage.createFromPath(join(here, 'icon.png')).resize({ width: 18, height: 18 }),
  );
  tray.setToolTip('mwtokens');
  const updateTray = (limits: readonly RateLimitView[]) =>
    tray.setContextMenu(
      Menu.buildFromTemplate(
        trayTemplate(limits, {
          copyApiToken: () => void copyApiToken(),
          show: () => (mainWindow ? focusWindow() : createWindow()),
          quit: () => app.quit(),
        }),
      ),
    );
  const watch = new LowLimitWatch();
  manager.on('rateLimits:changed', (limits) => {
    updateTray(limits);
    for (const low of watch.check(limits)) {
      new Notification({
        title: 'Rate limit running low',
        body: `${low.endpoint}: ${low.remaining} of ${low.limit} left in this 15-minute window.`,
      }).show();
    }
  });

  app.on('second-instance', focusWindow);
  app.on('activate', () => (mainWindow ? focusWindow() : createWindow()));
  app.on('before-quit', () => {
    void manager.dispose();
    void sandbox.close();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app
  .whenReady()
  .then(boot)
  .catch((error: unknown) => {
    log(`start-up failed: ${error instanceof Error ? error.name : 'unknown error'}`);
    app.quit();
  });
