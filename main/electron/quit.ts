/**
 * Quitting clears a copied secret first. `before-quit` holds the quit (preventDefault) until the
 * service's dispose (the clipboard flush) has finished or a short timeout passed, then quits for
 * real; the second `before-quit` of that real quit goes through.
 */
import type { Event } from 'electron';

export interface QuitApp {
  on(event: 'before-quit', listener: (event: Event) => void): unknown;
  quit(): void;
}

export interface QuitOptions {
  /** Everything that must happen before the process ends (clipboard flush, sandbox close). */
  dispose: () => Promise<void>;
  /** Called once, when the first quit request arrives (windows may close from now on). */
  onQuitting?: () => void;
  timeoutMs?: number;
  setTimer?: (run: () => void, ms: number) => () => void;
  log?: (line: string) => void;
}

export const QUIT_TIMEOUT_MS = 2_000;

const realTimer = (run: () => void, ms: number) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

export function holdQuitUntilDisposed(app: QuitApp, options: QuitOptions): void {
  let state: 'running' | 'disposing' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'disposing') return; // a second request while flushing: one quit follows
    state = 'disposing';
    options.onQuitting?.();
    const finish = () => {
      if (state === 'done') return;
      state = 'done';
      app.quit();
    };
    const cancel = (options.setTimer ?? realTimer)(() => {
      options.log?.('quit: clean-up timed out, quitting anyway');
      finish();
    }, options.timeoutMs ?? QUIT_TIMEOUT_MS);
    options
      .dispose()
      .catch(() => options.log?.('quit: clean-up failed'))
      .finally(() => {
        cancel();
        finish();
      });
  });
}

export interface AllClosedApp {
  on(event: 'window-all-closed', listener: () => void): unknown;
  quit(): void;
}

/**
 * The last window closed (no tray kept it, or the user chose to quit): quit on Windows and Linux.
 * macOS apps stay in the dock without windows. Listening replaces Electron's own default.
 */
export function quitWhenAllWindowsClosed(app: AllClosedApp, platform: NodeJS.Platform): void {
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });
}
