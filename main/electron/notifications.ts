/**
 * Desktop notifications. On Windows a toast shows only for the AppUserModelID that the installed
 * shortcut carries (see app-identity.ts); whatever still fails is reported by Electron as
 * `failed` (Windows), which we log instead of losing silently.
 */
import type { Event, NotificationConstructorOptions } from 'electron';

export interface NotificationPort {
  on(event: 'failed', listener: (event: Event, error: string) => void): unknown;
  show(): void;
}

export interface NotificationClass {
  new (options: NotificationConstructorOptions): NotificationPort;
  isSupported(): boolean;
}

export type Notify = (title: string, body: string) => void;

export function createNotifier(
  Notification: NotificationClass,
  log: (line: string) => void,
): Notify {
  return (title, body) => {
    if (!Notification.isSupported()) {
      log('notification skipped: not supported here');
      return;
    }
    const notification = new Notification({ title, body, silent: true });
    // The title only: bodies may name endpoints, never secrets, but logs stay lean.
    notification.on('failed', (_event, error) => log(`notification "${title}" failed: ${error}`));
    notification.show();
  };
}
