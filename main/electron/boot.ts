/**
 * What happens once Electron is ready, in order: protocol and permissions, stores (an
 * unreadable file moved aside), the service (the sandbox only on first use), IPC, quit
 * handling, window, menu, tray, notifications, and main's language following the settings.
 */
import { join } from 'node:path';
import { hostname } from 'node:os';
import {
  app,
  BrowserWindow,
  clipboard,
  ClipboardItem,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  Tray,
} from 'electron';
import Store from 'electron-store';
import type { NativeImage } from 'electron';
import type { ApiKind } from '../../app/contract';
import { dispatch, toErrorView } from '../../app/service/dispatch';
import { TokenManager } from '../../app/service/token-manager';
import { LowLimitWatch } from '../../app/ratelimit/low-limit-watch';
import { startSandbox } from '../../app/sandbox/server';
import { ElectronStoreAdapter } from './adapters';
import { ElectronClipboardAdapter } from './clipboard-adapter';
import { AppLanguage } from './app-language';
import { isCloseChoice } from './close-to-tray';
import { handleAppProtocol } from './app-protocol';
import { registerEventSubscriptions, registerIpc } from './ipc';
import { MainWindowController } from './main-window-controller';
import { followSelectedApi, menuTemplate } from './menu';
import { createNotifier } from './notifications';
import { DeviceTokenWatch } from './device-token-watch';
import { holdQuitUntilDisposed } from './quit';
import { createSandboxLauncher, sandboxRequestedEagerly, startEagerly } from './sandbox-launcher';
import { SafeStorageCipher } from './safe-storage-cipher';
import { openStore, reportMovedStores, type MovedStore } from './stores';
import { TrayController } from './tray-controller';
import { denyAllPermissions } from './window';

const STORE_SCHEMA_VERSION = 1;
type Settings = Record<string, unknown>;

/** Boots the app; answers the window controller (for `second-instance`). */
export async function boot(
  here: string,
  log: (line: string) => void,
  /** Opens an allowed documentation URL in the browser (main.ts checks the URL). */
  openExternal: (url: string) => void,
): Promise<MainWindowController> {
  handleAppProtocol(protocol, join(here, '..', 'renderer'));
  denyAllPermissions(session.defaultSession);

  const dir = app.getPath('userData');
  const settings = openStore(
    dir,
    'mwtokens',
    () =>
      new Store<Settings>({
        name: 'mwtokens',
        defaults: { schemaVersion: STORE_SCHEMA_VERSION },
      }),
  );
  const data = openStore(
    dir,
    'mwtokens-data',
    () => new Store<Settings>({ name: 'mwtokens-data' }),
  );
  const moved = [settings.movedAside, data.movedAside].filter((m): m is MovedStore => !!m);
  const settingsStore = settings.store;

  const sandbox = createSandboxLauncher(() => startSandbox());
  if (sandboxRequestedEagerly(process.argv, process.env)) startEagerly(sandbox, log);
  const manager = new TokenManager({
    store: new ElectronStoreAdapter(data.store),
    cipher: new SafeStorageCipher(safeStorage),
    clipboard: new ElectronClipboardAdapter(clipboard, (items) => new ClipboardItem(items)),
    deviceName: hostname(),
    sandboxUrl: sandbox.url,
  });
  await manager.start();

  const language = new AppLanguage({
    readSetting: async () => (await manager.handlers['settings:get'](undefined)).language,
    systemLocale: () => app.getLocale(),
  });
  await language.refresh();

  const quit = holdQuitUntilDisposed(app, {
    dispose: async () => {
      await manager.dispose();
      await sandbox.close();
    },
    flushOnSessionEnd: () => manager.dispose(),
    log,
  });

  const trayRef: { current?: TrayController<NativeImage, Menu> } = {};
  const notify = createNotifier(Notification, log);
  const controller = new MainWindowController({
    BrowserWindow,
    platform: process.platform,
    preloadPath: join(here, 'preload.cjs'),
    displays: () => screen.getAllDisplays(),
    savedState: () => settingsStore.get('windowState') ?? settingsStore.get('windowBounds'),
    saveState: (state) => settingsStore.set('windowState', state),
    devTools: !app.isPackaged,
    dialog,
    t: () => language.t,
    quit: () => app.quit(),
    isQuitting: () => quit.isQuitting(),
    watchForQuit: (window) => quit.watch(window),
    hasTray: () => trayRef.current !== undefined,
    firstHide: () => {
      if (settingsStore.get('trayHintShown') === true) return false;
      settingsStore.set('trayHintShown', true);
      return true;
    },
    closeChoice: () => {
      const choice = settingsStore.get('closeChoice');
      return isCloseChoice(choice) ? choice : undefined;
    },
    rememberCloseChoice: (choice) => settingsStore.set('closeChoice', choice),
    tellKeptInTray: () =>
      notify(language.t('notify.keptInTrayTitle'), language.t('notify.keptInTray')),
    log,
  });
  registerIpc(ipcMain, manager, controller.trusted, log);
  manager.on('settings:changed', () => void language.refresh());
  registerEventSubscriptions(ipcMain, manager, controller.trusted, log);
  controller.open();
  reportMovedStores(dialog, language.t, moved);

  let api: ApiKind | undefined;
  const setMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(process.platform, language.t, (c) => manager.command(c), openExternal, api),
      ),
    );
  setMenu();

  const copyApiToken = async () => {
    const t = language.t;
    let body: string;
    try {
      const receipt = await manager.handlers['clipboard:copyApiToken']({ format: 'raw' });
      const seconds = Math.max(0, Math.round((receipt.clearsAt - Date.now()) / 1000));
      body = t('notify.copied', { seconds });
    } catch (error) {
      body = toErrorView(error).message;
    }
    notify('mwtokens', body);
  };
  trayRef.current = new TrayController(
    {
      platform: process.platform,
      iconDir: here,
      makeTray: (image) => new Tray(image),
      loadImage: (path) => nativeImage.createFromPath(path),
      buildMenu: (template) => Menu.buildFromTemplate(template),
      actions: {
        copyApiToken: () => void copyApiToken(),
        show: () => void controller.open(),
        quit: () => app.quit(),
      },
    },
    language.t,
  );
  language.onChange((t) => {
    setMenu();
    trayRef.current?.setLanguage(t);
  });
  // A fresh API token is offered only while the selected profile speaks v1.
  followSelectedApi(manager, (selected) => {
    api = selected;
    setMenu();
    trayRef.current?.setApi(selected);
  });

  const watch = new LowLimitWatch();
  manager.on('rateLimits:changed', (limits) => {
    trayRef.current?.setLimits(limits);
    for (const low of watch.check(limits)) {
      const t = language.t;
      notify(
        t('notify.lowLimitTitle'),
        t('notify.lowLimit', {
          endpoint: low.endpoint,
          remaining: low.remaining,
          limit: low.limit,
        }),
      );
    }
  });
  const renewal = new DeviceTokenWatch(
    {
      setTimeout: (run, ms) => setTimeout(run, ms),
      clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    },
    Date.now,
    (expiresAt, renew) => {
      const t = language.t;
      const date =
        expiresAt === undefined
          ? '—'
          : new Date(expiresAt).toLocaleString(language.language, {
              dateStyle: 'medium',
              timeStyle: 'short',
            });
      notify(t('notify.renewTitle'), t('notify.renew', { date }), renew);
    },
    async () => {
      const result = await dispatch(manager, 'session:renewDeviceToken', undefined, log);
      const t = language.t;
      notify(
        t('notify.renewTitle'),
        result.ok
          ? t('notify.renewed')
          : t('notify.renewFailed', { message: result.error.message }),
      );
    },
  );
  manager.on('session:changed', (view) => renewal.update(view));
  app.on('activate', () => void controller.open());
  return controller;
}
