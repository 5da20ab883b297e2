/**
 * One Electron process for tests where no binary exists: the app, its windows, notifications,
 * dialogs and displays. Each stand-in behaves as Electron 45 does, defaults and refusals included
 * (a kinder stand-in hides defects), and offers nothing the real API lacks (the `OnlyReal` checks
 * in each file fail to compile if one does). What a test needs to look at or make happen lives
 * here, on the world, never on the stand-in objects.
 */
import type {
  BrowserWindowConstructorOptions,
  Display,
  MessageBoxOptions,
  NotificationConstructorOptions,
  Rectangle,
  Screen,
  WindowSessionEndEvent,
} from 'electron';
import {
  becomeReady,
  StandInApp,
  startSecondInstance,
  windowCloseRefused,
  windowDestroyed,
  type AppWorld,
} from './stand-in-app';
import { standInEvent } from './stand-in-event';
import {
  deliverOutcomes,
  standInDialog,
  StandInNotification,
  type DialogRecord,
  type NotificationWorld,
} from './stand-in-notifications';
import { StandInBrowserWindow } from './stand-in-windows';

export class StandInWorld implements AppWorld, NotificationWorld, DialogRecord {
  readonly windows: StandInBrowserWindow[] = [];
  readonly windowOptions = new Map<StandInBrowserWindow, BrowserWindowConstructorOptions>();
  readonly app: StandInApp;
  exitCode: number | undefined;
  quitCompleted = false;
  userModelId: string | undefined;
  readonly shown: NotificationConstructorOptions[] = [];
  readonly made: NotificationWorld['made'] = [];
  readonly pendingOutcomes: NotificationWorld['pendingOutcomes'] = [];
  readonly errorBoxes: { title: string; content: string }[] = [];
  readonly messageBoxes: MessageBoxOptions[] = [];
  messageBoxAnswer = 0;
  readonly dialog = standInDialog(this);

  constructor(
    readonly platform: NodeJS.Platform = 'linux',
    readonly options: { lockGranted?: boolean; locale?: string; packaged?: boolean } = {},
  ) {
    this.app = new StandInApp(this);
  }

  openWindows(): StandInBrowserWindow[] {
    return this.windows.filter((w) => !w.isDestroyed());
  }

  /** Electron finished launching: `ready` (once) and whenReady's promise. */
  becomeReady(): void {
    becomeReady(this.app);
  }

  /** The user started the app again: `second-instance`, held back until ready as Electron does. */
  startSecondInstance(argv: string[] = []): void {
    startSecondInstance(this.app, argv);
  }

  /** The OS answers the notifications shown so far (to those still alive). */
  deliverNotificationOutcomes(): void {
    deliverOutcomes(this);
  }

  /**
   * Windows shutdown or log-off: every window hears `query-session-end`, then `session-end`,
   * and the process ends. No before-quit, will-quit or quit (electron.d.ts says so for each).
   */
  endWindowsSession(reasons: WindowSessionEndEvent['reasons'] = ['shutdown']): void {
    if (this.platform !== 'win32') throw new Error('session-end is emitted on Windows only');
    for (const name of ['query-session-end', 'session-end'])
      for (const window of this.openWindows()) window.emit(name, standInEvent({ reasons }));
  }

  /** Electron's BrowserWindow class, recording every window made in this world. */
  get BrowserWindow() {
    const hooks = {
      closeRefused: () => windowCloseRefused(this.app),
      destroyed: () => windowDestroyed(this.app, this),
    };
    const record = (window: StandInBrowserWindow, options: BrowserWindowConstructorOptions) => {
      this.windows.push(window);
      this.windowOptions.set(window, options);
      // As Electron: every new web contents is announced on the app.
      this.app.emit('web-contents-created', standInEvent(), window.webContents);
    };
    return class extends StandInBrowserWindow {
      constructor(options: BrowserWindowConstructorOptions = {}) {
        super(options, hooks);
        record(this, options);
      }
    };
  }

  /** Electron's Notification class, showing into this world. */
  get Notification() {
    const ref = { world: this as NotificationWorld };
    return class extends StandInNotification {
      static isSupported(): boolean {
        return true;
      }
      constructor(options: NotificationConstructorOptions = {}) {
        super(options, ref.world);
      }
    };
  }
}

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
