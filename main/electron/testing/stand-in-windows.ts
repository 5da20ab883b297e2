/**
 * BrowserWindow and its WebContents as Electron 45 behaves: hidden windows that `maximize()`
 * shows, `close` that may be refused, `ready-to-show` once per window, sends to destroyed contents
 * that throw. What the app lifecycle must hear of (a refused close, a window gone) goes through
 * hooks given by the world, never through members the real classes lack.
 */
import { EventEmitter } from 'node:events';
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  HandlerDetails,
  Rectangle,
  RenderProcessGoneDetails,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron';
import { standInEvent, type ExtraMembers, type OnlyReal } from './stand-in-event';

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

/** What the app's lifecycle hears from a window (Electron's WindowList observers). */
export interface WindowHooks {
  /** A `close` was refused: during a quit, Electron takes that as the quit cancelled. */
  closeRefused(): void;
  /** The window is gone (after `closed`): the last one gone may end or announce things. */
  destroyed(): void;
}

const noHooks: WindowHooks = { closeRefused: () => undefined, destroyed: () => undefined };
const readyShown = new WeakSet<StandInBrowserWindow>();

/** The page has painted its first frame: `ready-to-show`, once per window, as Electron emits it. */
export function paintFirstFrame(window: StandInBrowserWindow): void {
  if (readyShown.has(window) || window.isDestroyed()) return;
  readyShown.add(window);
  window.emit('ready-to-show', standInEvent());
}

export class StandInBrowserWindow extends EventEmitter {
  readonly webContents = new StandInWebContents();
  readonly #hooks: WindowHooks;
  #bounds: Rectangle;
  #maximized = false;
  #minimized = false;
  #visible: boolean;
  #destroyed = false;

  constructor(options: BrowserWindowConstructorOptions, hooks: WindowHooks = noHooks) {
    super();
    this.#hooks = hooks;
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

  /** As Electron (electron.d.ts): "This will also show (but not focus) the window". */
  maximize(): void {
    this.#maximized = true;
    if (!this.#visible) this.show();
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

  /** As Electron: `close` may be prevented (the lifecycle hears of it); otherwise the window goes. */
  close(): void {
    if (this.#destroyed) return;
    const event = standInEvent();
    this.emit('close', event);
    if (event.defaultPrevented) this.#hooks.closeRefused();
    else this.destroy();
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.webContents.close();
    this.emit('closed');
    this.#hooks.destroyed();
  }
}

// Compile-time: none of these stand-ins offers a member its Electron counterpart lacks.
export type WindowStandInsOnlyReal = [
  OnlyReal<ExtraMembers<StandInBrowserWindow, BrowserWindow>>,
  OnlyReal<ExtraMembers<StandInWebContents, WebContents>>,
];
