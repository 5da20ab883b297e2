/**
 * Stand-ins for Electron's main-process API, for tests where no binary exists. Each behaves as
 * Electron 45 does, defaults and refusals included (a kinder stand-in hides defects), and each
 * offers nothing the real API lacks: the `OnlyReal` checks below fail to compile if one does.
 * What a test needs to look at lives in probes beside the objects, never on them.
 */
import { EventEmitter } from 'node:events';
import type {
  App,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Dialog,
  Display,
  Event,
  HandlerDetails,
  IpcMain,
  IpcMainInvokeEvent,
  MessageBoxOptions,
  MessageBoxReturnValue,
  Notification,
  NotificationConstructorOptions,
  Rectangle,
  RenderProcessGoneDetails,
  Screen,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron';

/** Members a stand-in has that the real type lacks; must be `never`. */
export type ExtraMembers<StandIn, Real> = Exclude<keyof StandIn, keyof Real>;
type OnlyReal<T extends never> = T;

/** Electron's Event: preventable, and it remembers that it was prevented. */
export function standInEvent<P extends object = object>(params?: P): Event<P> {
  let prevented = false;
  const base = {
    preventDefault: () => void (prevented = true),
    get defaultPrevented() {
      return prevented;
    },
  };
  return Object.assign(base, params);
}

/** One Electron process: the app, its windows, its notifications. */
export class StandInWorld {
  readonly windows: StandInBrowserWindow[] = [];
  readonly windowOptions = new Map<StandInBrowserWindow, BrowserWindowConstructorOptions>();
  readonly app: StandInApp;
  exitCode: number | undefined;
  quitCompleted = false;
  userModelId: string | undefined;
  readonly shown: NotificationConstructorOptions[] = [];
  readonly errorBoxes: { title: string; content: string }[] = [];
  readonly messageBoxes: MessageBoxOptions[] = [];
  /** The button index the next message box answers with. */
  messageBoxAnswer = 0;

  constructor(
    readonly platform: NodeJS.Platform = 'linux',
    readonly options: { lockGranted?: boolean; locale?: string } = {},
  ) {
    this.app = new StandInApp(this);
  }

  openWindows(): StandInBrowserWindow[] {
    return this.windows.filter((w) => !w.isDestroyed());
  }

  /** Electron's BrowserWindow class, recording every window made in this world. */
  get BrowserWindow() {
    const record = (window: StandInBrowserWindow, options: BrowserWindowConstructorOptions) => {
      this.windows.push(window);
      this.windowOptions.set(window, options);
      // As Electron: every new web contents is announced on the app.
      this.app.emit('web-contents-created', standInEvent(), window.webContents);
    };
    return class extends StandInBrowserWindow {
      constructor(options: BrowserWindowConstructorOptions = {}) {
        super(options);
        record(this, options);
      }
    };
  }

  /** Electron's Notification class: on Windows a toast fails unless the app has an AppUserModelID. */
  get Notification() {
    const ref = { world: this };
    return class extends StandInNotification {
      static isSupported(): boolean {
        return true;
      }
      constructor(options: NotificationConstructorOptions = {}) {
        super(options, ref.world);
      }
    };
  }

  readonly dialog = {
    showErrorBox: (title: string, content: string) => void this.errorBoxes.push({ title, content }),
    showMessageBox: (
      windowOrOptions: unknown,
      maybeOptions?: MessageBoxOptions,
    ): Promise<MessageBoxReturnValue> => {
      const options = maybeOptions ?? (windowOrOptions as MessageBoxOptions);
      this.messageBoxes.push(options);
      return Promise.resolve({ response: this.messageBoxAnswer, checkboxChecked: false });
    },
  } satisfies Pick<Dialog, 'showErrorBox' | 'showMessageBox'>;
}

export class StandInApp extends EventEmitter {
  readonly isPackaged = false;
  readonly #world: StandInWorld;
  #ready = false;

  constructor(world: StandInWorld) {
    super();
    this.#world = world;
  }

  requestSingleInstanceLock(): boolean {
    return this.#world.options.lockGranted ?? true;
  }

  getLocale(): string {
    return this.#world.options.locale ?? 'en-US';
  }

  setAppUserModelId(id: string): void {
    this.#world.userModelId = id;
  }

  isReady(): boolean {
    return this.#ready;
  }

  whenReady(): Promise<void> {
    this.#ready = true;
    this.emit('ready', standInEvent(), {});
    return Promise.resolve();
  }

  /** As Electron: closes at once, with no before-quit, will-quit or window close events. */
  exit(exitCode = 0): void {
    this.#world.exitCode ??= exitCode;
    for (const window of this.#world.openWindows()) window.destroy();
  }

  /** As Electron: before-quit, then every window is asked to close (each may refuse), then will-quit. */
  quit(): void {
    const beforeQuit = standInEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    for (const window of this.#world.openWindows()) window.close();
    if (this.#world.openWindows().length > 0) return;
    const willQuit = standInEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.#world.quitCompleted = true;
    this.#world.exitCode ??= 0;
    this.emit('quit', standInEvent(), 0);
  }
}

let nextContentsId = 1;
const openHandlers = new WeakMap<
  StandInWebContents,
  (details: HandlerDetails) => WindowOpenHandlerResponse
>();
const reloadCounts = new WeakMap<StandInWebContents, number>();

export class StandInWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  #destroyed = false;
  #url = '';

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    openHandlers.set(this, handler);
  }

  loadURL(url: string): Promise<void> {
    this.#url = url;
    return Promise.resolve();
  }

  getURL(): string {
    return this.#url;
  }

  reload(): void {
    reloadCounts.set(this, (reloadCounts.get(this) ?? 0) + 1);
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  /** As Electron: sending to destroyed contents throws. */
  send(channel: string, ..._args: unknown[]): void {
    if (this.#destroyed) throw new Error(`Object has been destroyed (send ${channel})`);
  }

  close(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.emit('destroyed');
  }
}

/** A renderer crash, as Electron reports it. */
export function crashRenderer(
  contents: StandInWebContents,
  reason: RenderProcessGoneDetails['reason'],
): void {
  const details: RenderProcessGoneDetails = { reason, exitCode: 1 };
  contents.emit('render-process-gone', standInEvent(), details);
}

/** What the page's window-open handler answers (Electron's default, with none set: allow). */
export function openHandlerAnswer(contents: StandInWebContents): WindowOpenHandlerResponse {
  const handler = openHandlers.get(contents);
  return handler
    ? handler({
        url: 'https://evil.example/',
        frameName: '',
        features: '',
        disposition: 'new-window',
        referrer: { url: '', policy: 'default' },
      })
    : { action: 'allow' };
}

export const reloadsOf = (contents: StandInWebContents) => reloadCounts.get(contents) ?? 0;

export class StandInBrowserWindow extends EventEmitter {
  readonly webContents = new StandInWebContents();
  #bounds: Rectangle;
  #maximized = false;
  #minimized = false;
  #visible: boolean;
  #destroyed = false;

  constructor(options: BrowserWindowConstructorOptions) {
    super();
    // Electron's defaults: 800 × 600, shown at once, never smaller than the minimum size.
    const width = Math.max(options.width ?? 800, options.minWidth ?? 0);
    const height = Math.max(options.height ?? 600, options.minHeight ?? 0);
    this.#bounds = { x: options.x ?? 100, y: options.y ?? 100, width, height };
    this.#visible = options.show ?? true;
  }

  getNormalBounds(): Rectangle {
    return { ...this.#bounds };
  }

  setBounds(bounds: Partial<Rectangle>): void {
    this.#bounds = { ...this.#bounds, ...bounds };
  }

  isMaximized(): boolean {
    return this.#maximized;
  }

  maximize(): void {
    this.#maximized = true;
    this.emit('maximize', standInEvent());
  }

  unmaximize(): void {
    this.#maximized = false;
    this.emit('unmaximize', standInEvent());
  }

  isMinimized(): boolean {
    return this.#minimized;
  }

  minimize(): void {
    this.#minimized = true;
  }

  restore(): void {
    this.#minimized = false;
  }

  isVisible(): boolean {
    return this.#visible && !this.#destroyed;
  }

  show(): void {
    this.#visible = true;
    this.emit('show', standInEvent());
  }

  hide(): void {
    this.#visible = false;
    this.emit('hide', standInEvent());
  }

  focus(): void {}

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  /** As Electron: `close` may be prevented; otherwise the window goes and `closed` follows. */
  close(): void {
    if (this.#destroyed) return;
    const event = standInEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.webContents.close();
    this.emit('closed');
  }
}

export class StandInNotification extends EventEmitter {
  readonly #world: StandInWorld;
  readonly #options: NotificationConstructorOptions;

  constructor(options: NotificationConstructorOptions, world: StandInWorld) {
    super();
    this.#options = options;
    this.#world = world;
  }

  show(): void {
    if (this.#world.platform === 'win32' && this.#world.userModelId === undefined) {
      this.emit('failed', standInEvent(), 'no AppUserModelID: the toast belongs to no app');
      return;
    }
    this.#world.shown.push(this.#options);
    this.emit('show', standInEvent());
  }
}

const handlersOf = new WeakMap<StandInIpcMain, Map<string, (...args: never[]) => unknown>>();

/** ipcMain: `on` adds a listener (EventEmitter), `handle` refuses a second handler per channel. */
export class StandInIpcMain extends EventEmitter {
  constructor() {
    super();
    handlersOf.set(this, new Map());
  }

  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown,
  ): void {
    const handlers = handlersOf.get(this);
    if (handlers?.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers?.set(channel, listener);
  }

  removeHandler(channel: string): void {
    handlersOf.get(this)?.delete(channel);
  }
}

/** Calls a channel's handler as Electron would on an `ipcRenderer.invoke`. */
export async function invokeHandler(
  ipc: StandInIpcMain,
  channel: string,
  event: unknown,
  ...args: unknown[]
): Promise<unknown> {
  const handler = handlersOf.get(ipc)?.get(channel) as
    ((event: unknown, ...args: unknown[]) => unknown) | undefined;
  if (!handler) throw new Error(`No handler registered for '${channel}'`);
  return await handler(event, ...args);
}

export const handledChannels = (ipc: StandInIpcMain) => [...(handlersOf.get(ipc)?.keys() ?? [])];

/** A display as `screen.getAllDisplays()` answers it. */
export function standInDisplay(id: number, workArea: Rectangle): Display {
  return {
    accelerometerSupport: 'unknown',
    bounds: { ...workArea, height: workArea.height + 40 },
    colorDepth: 24,
    colorSpace: '',
    depthPerComponent: 8,
    detected: true,
    displayFrequency: 60,
    id,
    internal: false,
    label: `display ${id}`,
    maximumCursorSize: { width: 64, height: 64 },
    monochrome: false,
    nativeOrigin: { x: workArea.x, y: workArea.y },
    rotation: 0,
    scaleFactor: 1,
    size: { width: workArea.width, height: workArea.height + 40 },
    touchSupport: 'unknown',
    workArea,
    workAreaSize: { width: workArea.width, height: workArea.height },
  };
}

export function standInScreen(displays: Display[]) {
  return { getAllDisplays: () => displays } satisfies Pick<Screen, 'getAllDisplays'>;
}

// Compile-time: none of the stand-ins offers a member its Electron counterpart lacks.
export type StandInsOnlyReal = [
  OnlyReal<ExtraMembers<StandInApp, App>>,
  OnlyReal<ExtraMembers<StandInBrowserWindow, BrowserWindow>>,
  OnlyReal<ExtraMembers<StandInWebContents, WebContents>>,
  OnlyReal<ExtraMembers<StandInNotification, Notification>>,
  OnlyReal<ExtraMembers<StandInIpcMain, IpcMain>>,
];
