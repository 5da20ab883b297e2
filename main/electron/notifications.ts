/**
 * Desktop notifications. On Windows a toast shows only for the AppUserModelID that the installed
 * shortcut carries (see app-identity.ts); whatever still fails is reported by Electron as
 * `failed` (Windows), which we log instead of losing silently. Each Notification is held until it
 * closes or fails: an unreferenced one may be garbage-collected first, and its events with it.
 */
import type { Event, NotificationConstructorOptions } from 'electron';

export interface NotificationPort {
  on(event: 'failed', listener: (event: Event, error: string) => void): unknown;
  on(event: 'close', listener: (event: Event) => void): unknown;
  on(event: 'click', listener: (event: Event) => void): unknown;
  show(): void;
}

export interface NotificationClass {
  new (options: NotificationConstructorOptions): NotificationPort;
  isSupported(): boolean;
}

/** Shows a notification; `onClick` runs when the user clicks it. */
export type Notify = (title: string, body: string, onClick?: () => void) => void;

/**
 * Electron does not promise `close` on every platform (a toast may just expire into the action
 * centre), so the hold is bounded: beyond this many, the oldest is let go.
 */
export const MAX_HELD_NOTIFICATIONS = 32;

export function createNotifier(
  Notification: NotificationClass,
  log: (line: string) => void,
): Notify {
  const held = new Set<NotificationPort>();
  return (title, body, onClick) => {
    if (!Notification.isSupported()) {
      log('notification skipped: not supported here');
      return;
    }
    const notification = new Notification({ title, body, silent: true });
    const release = () => void held.delete(notification);
    // The title only: bodies may name endpoints, never secrets, but logs stay lean.
    notification.on('failed', (_event, error) => {
      release();
      log(`notification "${title}" failed: ${error}`);
    });
    notification.on('close', release);
    if (onClick)
      notification.on('click', () => {
        release();
        onClick();
      });
    held.add(notification);
    for (const oldest of held) {
      if (held.size <= MAX_HELD_NOTIFICATIONS) break;
      held.delete(oldest);
    }
    notification.show();
  };
}
