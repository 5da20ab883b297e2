/**
 * Quitting clears a copied secret first. `before-quit` holds the quit (preventDefault) until the
 * service's dispose (the clipboard flush) has finished or a short timeout passed, then quits for
 * real; the `before-quit` of that real quit goes through. Two ways out that Electron has and this
 * follows: a window refusing to close cancels the quit (Electron resets its own quit state, so a
 * later quit sends `before-quit` again: flush again), and Windows ending the session (shutdown,
 * log-off) sends no `before-quit` or `will-quit` at all: the windows' `query-session-end` and
 * `session-end` flush instead.
 */
import type { Event, WindowSessionEndEvent } from 'electron';

export interface QuitApp {
  on(event: 'before-quit', listener: (event: Event) => void): unknown;
  quit(): void;
}

export interface QuitOptions {
  /** Everything that must happen before the process ends (clipboard flush, sandbox close). */
  dispose: () => Promise<void>;
  /** What must happen even when Windows ends the session (the clipboard flush). */
  flushOnSessionEnd?: () => Promise<void>;
  /** Called when a quit request starts one (windows may close from now on). */
  onQuitting?: () => void;
  timeoutMs?: number;
  setTimer?: (run: () => void, ms: number) => () => void;
  log?: (line: string) => void;
}

/** A window as far as quitting watches it (Electron's BrowserWindow satisfies it). */
export interface QuitWatchedWindow {
  on(event: 'close', listener: (event: Event) => void): unknown;
  on(
    event: 'query-session-end' | 'session-end',
    listener: (event: WindowSessionEndEvent) => void,
  ): unknown;
}

export interface QuitControl {
  /** True from a quit request until the quit ends or is cancelled (close-to-tray lets go then). */
  isQuitting(): boolean;
  /** Every window: a refused close cancels a running quit; the session's end flushes. */
  watch(window: QuitWatchedWindow): void;
}

export const QUIT_TIMEOUT_MS = 2_000;

const realTimer = (run: () => void, ms: number) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

type QuitState = 'running' | 'disposing' | 'releasing' | 'done';

export function holdQuitUntilDisposed(app: QuitApp, options: QuitOptions): QuitControl {
  let state: QuitState = 'running';
  /** Which quit request is running: a late clean-up of a cancelled one must not end a newer one. */
  let round = 0;
  const finish = (of: number) => {
    if (state !== 'disposing' || of !== round) return;
    state = 'releasing';
    app.quit();
    // A close refused during app.quit() may already have set 'running' again.
    if (state === 'releasing') state = 'done';
  };
  app.on('before-quit', (event) => {
    if (state === 'releasing') return; // our own real quit: let it through
    // Electron sends before-quit again only after the real quit was cancelled: start over.
    if (state === 'done') state = 'running';
    event.preventDefault();
    if (state === 'disposing') return; // a second request while flushing: one quit follows
    state = 'disposing';
    const current = ++round;
    options.onQuitting?.();
    const cancel = (options.setTimer ?? realTimer)(() => {
      options.log?.('quit: clean-up timed out, quitting anyway');
      finish(current);
    }, options.timeoutMs ?? QUIT_TIMEOUT_MS);
    options
      .dispose()
      .catch(() => options.log?.('quit: clean-up failed'))
      .finally(() => {
        cancel();
        finish(current);
      });
  });

  let sessionFlush: Promise<void> | undefined;
  const flushForSessionEnd = () => {
    const flush = options.flushOnSessionEnd ?? options.dispose;
    sessionFlush ??= flush()
      .catch(() => options.log?.('session end: clean-up failed'))
      .finally(() => (sessionFlush = undefined));
  };

  return {
    isQuitting: () => state !== 'running',
    watch(window) {
      window.on('close', (event) => {
        // Read once every close listener has run: any of them may have refused.
        queueMicrotask(() => {
          if (event.defaultPrevented && (state === 'releasing' || state === 'done'))
            state = 'running';
        });
      });
      window.on('query-session-end', flushForSessionEnd);
      window.on('session-end', flushForSessionEnd);
    },
  };
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
