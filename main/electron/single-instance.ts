/**
 * One instance per user. Checked before anything else: a second instance exits at once
 * (`app.exit`, no quit events), so it never opens stores, starts servers or makes windows; the
 * first hears of it through `second-instance`, registered at top level so that a start during
 * boot is not lost.
 */
import type { App } from 'electron';

export interface SingleInstanceApp extends Pick<App, 'requestSingleInstanceLock' | 'exit'> {
  on(event: 'second-instance', listener: () => void): unknown;
}

/** True when this process is the one instance and should boot. */
export function claimSingleInstance(app: SingleInstanceApp, onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.exit(0);
    return false;
  }
  app.on('second-instance', onSecondInstance);
  return true;
}
