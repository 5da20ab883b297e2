/**
 * Electron's `app` and its lifecycle, after Electron's Browser (shell/browser/browser.cc) and
 * browser init: `ready` once, `whenReady()` resolved asynchronously; `second-instance` only after
 * ready; `quit()` ignored while a quit runs, `before-quit` → windows asked to close (a refusal
 * cancels the quit) → `will-quit` → `quit`; `exit()` before ready ends the process with no event,
 * after ready destroys the windows and emits `quit` only; the last window closed outside a quit
 * emits `window-all-closed`, which quits unless the app listens itself.
 */
import { EventEmitter } from 'node:events';
import type { App } from 'electron';
import { standInEvent, type ExtraMembers, type OnlyReal } from './stand-in-event';

/** What the app reads of its world: options, the open windows, and where it records its end. */
export interface AppWorld {
  readonly options: { lockGranted?: boolean; locale?: string; packaged?: boolean };
  exitCode: number | undefined;
  quitCompleted: boolean;
  userModelId: string | undefined;
  openWindows(): { close(): void; destroy(): void }[];
}

/** Browser state, kept off the app object so it offers only what Electron's app does. */
class Lifecycle {
  ready = false;
  quitting = false;
  exiting = false;
  shutdown = false;
  resolveReady: (() => void) | undefined;
  readonly readyPromise: Promise<void>;
  readonly queuedSecondInstances: string[][] = [];

  constructor(
    readonly app: StandInApp,
    readonly world: AppWorld,
  ) {
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve));
  }

  notifyAndShutdown(): void {
    if (this.shutdown) return;
    const willQuit = standInEvent();
    this.app.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      this.quitting = false;
      return;
    }
    this.doShutdown(0);
  }

  doShutdown(exitCode: number): void {
    if (this.shutdown) return;
    this.shutdown = true;
    this.quitting = true;
    this.world.quitCompleted = true;
    this.world.exitCode ??= exitCode;
    this.app.emit('quit', standInEvent(), exitCode);
  }

  allWindowsClosed(): void {
    if (this.exiting) this.doShutdown(this.world.exitCode ?? 0);
    else if (this.quitting) this.notifyAndShutdown();
    else this.app.emit('window-all-closed');
  }
}

const lifecycles = new WeakMap<StandInApp, Lifecycle>();
const lifecycleOf = (app: StandInApp): Lifecycle => {
  const life = lifecycles.get(app);
  if (!life) throw new Error('not a stand-in app');
  return life;
};

export class StandInApp extends EventEmitter {
  readonly isPackaged: boolean;
  readonly #world: AppWorld;

  constructor(world: AppWorld) {
    super();
    this.#world = world;
    this.isPackaged = world.options.packaged ?? false;
    lifecycles.set(this, new Lifecycle(this, world));
    // As Electron's browser init: with no listener of the app's own, the last window closed quits.
    this.on('window-all-closed', () => {
      if (this.listenerCount('window-all-closed') === 1) this.quit();
    });
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
    return lifecycleOf(this).ready;
  }

  /** Resolves (always asynchronously) once the app is ready; asking does not make it ready. */
  whenReady(): Promise<void> {
    return lifecycleOf(this).readyPromise;
  }

  /** As Electron: closes at once, with no before-quit or will-quit (and no `quit` before ready). */
  exit(exitCode = 0): void {
    const life = lifecycleOf(this);
    if (!life.ready) {
      this.#world.exitCode ??= exitCode;
      return;
    }
    this.#world.exitCode ??= exitCode;
    life.quitting = true;
    life.exiting = true;
    const windows = this.#world.openWindows();
    if (windows.length === 0) life.doShutdown(exitCode);
    else for (const window of windows) window.destroy();
  }

  /** As Electron: before-quit, then every window is asked to close (each may refuse), then will-quit. */
  quit(): void {
    const life = lifecycleOf(this);
    if (life.quitting) return;
    const beforeQuit = standInEvent();
    this.emit('before-quit', beforeQuit);
    life.quitting = !beforeQuit.defaultPrevented;
    if (!life.quitting) return;
    const windows = this.#world.openWindows();
    if (windows.length === 0) life.notifyAndShutdown();
    else for (const window of windows) window.close();
  }
}

/** The app becomes ready (once): `ready`, then whenReady's callbacks, then queued second instances. */
export function becomeReady(app: StandInApp): void {
  const life = lifecycleOf(app);
  if (life.ready) return;
  life.ready = true;
  life.resolveReady?.();
  app.emit('ready', standInEvent(), {});
  // Electron posts these as a task after ready: they follow the ready callbacks, never precede them.
  const queued = life.queuedSecondInstances.splice(0);
  if (queued.length > 0)
    setTimeout(() => {
      for (const argv of queued) emitSecondInstance(app, argv);
    }, 0);
}

function emitSecondInstance(app: StandInApp, argv: string[]): void {
  app.emit('second-instance', standInEvent(), argv, process.cwd(), {});
}

/** Another start of the app: heard as `second-instance`, but never before `ready`. */
export function startSecondInstance(app: StandInApp, argv: string[] = []): void {
  const life = lifecycleOf(app);
  if (life.ready) emitSecondInstance(app, argv);
  else life.queuedSecondInstances.push(argv);
}

/** A window refused to close: during a quit, Electron takes the quit as cancelled. */
export function windowCloseRefused(app: StandInApp): void {
  lifecycleOf(app).quitting = false;
}

/** A window went; when it was the last one, the lifecycle goes on (quit, exit or announce). */
export function windowDestroyed(app: StandInApp, world: AppWorld): void {
  if (world.openWindows().length === 0) lifecycleOf(app).allWindowsClosed();
}

// Compile-time: the stand-in offers nothing Electron's app lacks.
export type AppStandInOnlyReal = OnlyReal<ExtraMembers<StandInApp, App>>;
