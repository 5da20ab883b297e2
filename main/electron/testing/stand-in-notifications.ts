/**
 * Notifications and dialogs as Electron 45 has them. A notification's outcome (`show`, or
 * `failed` on Windows) arrives later, from the OS, and only to a Notification that is still
 * alive: Electron drops the native toast with its JS object, so an unreferenced one that the
 * garbage collector took never reports anything. The stand-in holds only a WeakRef to model that.
 */
import { EventEmitter } from 'node:events';
import type {
  Dialog,
  MessageBoxOptions,
  MessageBoxReturnValue,
  Notification,
  NotificationConstructorOptions,
} from 'electron';
import { standInEvent, type ExtraMembers, type OnlyReal } from './stand-in-event';

/** The part of the world that notifications and dialogs read and record into. */
export interface NotificationWorld {
  readonly platform: NodeJS.Platform;
  readonly userModelId: string | undefined;
  readonly shown: NotificationConstructorOptions[];
  /** Every notification made, weakly: whether the app still holds it is for tests to see. */
  readonly made: WeakRef<StandInNotification>[];
  /** Outcomes the OS has not delivered yet, each to a notification that may be gone by then. */
  readonly pendingOutcomes: { target: WeakRef<StandInNotification>; failure?: string }[];
}

export class StandInNotification extends EventEmitter {
  readonly #world: NotificationWorld;
  readonly #options: NotificationConstructorOptions;

  constructor(options: NotificationConstructorOptions, world: NotificationWorld) {
    super();
    this.#options = options;
    this.#world = world;
    world.made.push(new WeakRef(this));
  }

  /** On Windows a toast fails unless the app has an AppUserModelID; the outcome comes later. */
  show(): void {
    const target = new WeakRef(this);
    if (this.#world.platform === 'win32' && this.#world.userModelId === undefined) {
      this.#world.pendingOutcomes.push({
        target,
        failure: 'no AppUserModelID: the toast belongs to no app',
      });
      return;
    }
    this.#world.shown.push(this.#options);
    this.#world.pendingOutcomes.push({ target });
  }
}

/** The OS answers: each still-living notification hears `show` or `failed`. */
export function deliverOutcomes(world: NotificationWorld): void {
  for (const { target, failure } of world.pendingOutcomes.splice(0)) {
    const notification = target.deref();
    if (!notification) continue;
    if (failure === undefined) notification.emit('show', standInEvent());
    else notification.emit('failed', standInEvent(), failure);
  }
}

/** What the dialogs recorded, and how the next message box is answered. */
export interface DialogRecord {
  readonly errorBoxes: { title: string; content: string }[];
  readonly messageBoxes: MessageBoxOptions[];
  /** The button index the next message box answers with. */
  messageBoxAnswer: number;
}

/** Electron's dialog: the window argument is optional, as in `showMessageBox([window, ]options)`. */
export function standInDialog(record: DialogRecord) {
  return {
    showErrorBox: (title: string, content: string) =>
      void record.errorBoxes.push({ title, content }),
    showMessageBox: (
      windowOrOptions: unknown,
      maybeOptions?: MessageBoxOptions,
    ): Promise<MessageBoxReturnValue> => {
      const options = maybeOptions ?? (windowOrOptions as MessageBoxOptions);
      record.messageBoxes.push(options);
      return Promise.resolve({ response: record.messageBoxAnswer, checkboxChecked: false });
    },
  } satisfies Pick<Dialog, 'showErrorBox' | 'showMessageBox'>;
}

// Compile-time: the stand-in offers nothing Notification lacks.
export type NotificationStandInOnlyReal = OnlyReal<ExtraMembers<StandInNotification, Notification>>;
