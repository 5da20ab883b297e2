/**
 * Quitting over the app stand-in: the quit waits for the clean-up (the clipboard flush) or its
 * time-out, says in the log why it went on without it, and Windows' session end flushes once.
 */
import type { Event } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { holdQuitUntilDisposed, QUIT_TIMEOUT_MS } from './quit';
import { standInEvent } from './testing/stand-in-event';
import { StandInWorld } from './testing/stand-ins';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
afterEach(() => void vi.useRealTimers());

/** A clean-up that ends when the test says so. */
function pending() {
  let resolve = () => undefined as void;
  let reject = (_error: Error) => undefined as void;
  let calls = 0;
  const start = () => {
    calls++;
    return new Promise<void>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
  };
  return { start, calls: () => calls, resolve: () => resolve(), reject: (e: Error) => reject(e) };
}

describe('the quit waits for the clean-up', () => {
  it('a failed clean-up is logged and the app still quits', async () => {
    const world = new StandInWorld('linux');
    const logged: string[] = [];
    holdQuitUntilDisposed(world.app, {
      dispose: () => Promise.reject(new Error('clipboard gone')),
      log: (line) => logged.push(line),
    });
    world.app.quit();
    await settle();
    expect(world.quitCompleted).toBe(true);
    expect(logged).toEqual(['quit: clean-up failed']);
  });

  it('waits QUIT_TIMEOUT_MS by default, logs the time-out, and a late clean-up does not quit twice', async () => {
    vi.useFakeTimers();
    const world = new StandInWorld('linux');
    const logged: string[] = [];
    const cleanUp = pending();
    holdQuitUntilDisposed(world.app, { dispose: cleanUp.start, log: (l) => logged.push(l) });
    let quits = 0;
    world.app.on('quit', () => quits++);
    world.app.quit();
    await vi.advanceTimersByTimeAsync(QUIT_TIMEOUT_MS - 1);
    expect(world.quitCompleted).toBe(false);
    expect(logged).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(world.quitCompleted).toBe(true);
    expect(logged).toEqual(['quit: clean-up timed out, quitting anyway']);
    cleanUp.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(quits).toBe(1);
  });

  it('a clean-up that ends in time leaves no timer behind and logs nothing', async () => {
    vi.useFakeTimers();
    const world = new StandInWorld('linux');
    const logged: string[] = [];
    holdQuitUntilDisposed(world.app, {
      dispose: () => Promise.resolve(),
      timeoutMs: 50,
      log: (l) => logged.push(l),
    });
    world.app.quit();
    await vi.advanceTimersByTimeAsync(0);
    expect(world.quitCompleted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(logged).toEqual([]);
  });

  it('uses the given time-out', async () => {
    vi.useFakeTimers();
    const world = new StandInWorld('linux');
    holdQuitUntilDisposed(world.app, { dispose: pending().start, timeoutMs: 10_000 });
    world.app.quit();
    await vi.advanceTimersByTimeAsync(QUIT_TIMEOUT_MS);
    expect(world.quitCompleted).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000 - QUIT_TIMEOUT_MS);
    expect(world.quitCompleted).toBe(true);
  });

  it('is quitting from the request on, and still while the windows close for it', async () => {
    const world = new StandInWorld('linux');
    world.becomeReady();
    const window = new world.BrowserWindow({});
    const cleanUp = pending();
    const quit = holdQuitUntilDisposed(world.app, { dispose: cleanUp.start });
    quit.watch(window);
    expect(quit.isQuitting()).toBe(false);
    world.app.quit();
    expect(quit.isQuitting()).toBe(true);
    cleanUp.resolve();
    await settle();
    expect(window.isDestroyed()).toBe(true);
    expect(world.quitCompleted).toBe(true);
    expect(quit.isQuitting()).toBe(true);
  });

  it('a quit cancelled at will-quit (by some other listener) flushes again when asked again', async () => {
    const world = new StandInWorld('linux');
    world.becomeReady();
    let flushes = 0;
    const quit = holdQuitUntilDisposed(world.app, {
      dispose: () => Promise.resolve(void flushes++),
    });
    let holdOnce = true;
    world.app.on('will-quit', (event: Event) => {
      if (holdOnce) event.preventDefault();
      holdOnce = false;
    });
    world.app.quit();
    await settle();
    expect(world.quitCompleted).toBe(false);
    expect(flushes).toBe(1);
    world.app.quit();
    expect(quit.isQuitting()).toBe(true);
    expect(world.quitCompleted).toBe(false); // held again for the flush
    await settle();
    expect(flushes).toBe(2);
    expect(world.quitCompleted).toBe(true);
  });

  it('a clean-up that ends after its quit was cancelled does not quit on its own', async () => {
    const world = new StandInWorld('linux');
    world.becomeReady();
    const window = new world.BrowserWindow({});
    let refuse = true;
    window.on('close', (event: Event) => refuse && event.preventDefault()); // e.g. unsaved work
    const cleanUp = pending();
    const timers: (() => void)[] = [];
    const quit = holdQuitUntilDisposed(world.app, {
      dispose: cleanUp.start,
      setTimer: (run) => (timers.push(run), () => undefined),
    });
    quit.watch(window);
    world.app.quit();
    timers[0]?.(); // timed out: the real quit, which the window refuses
    await settle();
    expect(quit.isQuitting()).toBe(false);
    refuse = false; // the window would close now, if anyone asked
    cleanUp.resolve(); // the clean-up ends late; nobody asked to quit again
    await settle();
    expect(window.isDestroyed()).toBe(false);
    expect(world.quitCompleted).toBe(false);
  });

  it('without a log, a failed clean-up still quits and leaves no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const note = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', note);
    try {
      const world = new StandInWorld('win32');
      world.becomeReady();
      const quit = holdQuitUntilDisposed(world.app, {
        dispose: () => Promise.reject(new Error('no clipboard')),
      });
      quit.watch(new world.BrowserWindow({}));
      world.endWindowsSession();
      world.app.quit();
      await settle();
      await settle();
      expect(world.quitCompleted).toBe(true);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', note);
    }
  });

  it('a close refused while the clean-up runs does not cancel the quit', async () => {
    const world = new StandInWorld('linux');
    world.becomeReady();
    const window = new world.BrowserWindow({});
    let refuse = true;
    window.on('close', (event: Event) => refuse && event.preventDefault());
    const cleanUp = pending();
    const quit = holdQuitUntilDisposed(world.app, { dispose: cleanUp.start });
    quit.watch(window);
    world.app.quit();
    window.close(); // the user clicks close while the clipboard is flushed; a listener refuses
    await settle();
    expect(quit.isQuitting()).toBe(true);
    refuse = false;
    cleanUp.resolve();
    await settle();
    expect(world.quitCompleted).toBe(true);
  });

  it('a window closing normally does not cancel anything; a refusal outside a quit starts none', async () => {
    const world = new StandInWorld('linux');
    world.becomeReady();
    const kept = new world.BrowserWindow({});
    kept.on('close', (event: Event) => event.preventDefault());
    const quit = holdQuitUntilDisposed(world.app, { dispose: () => Promise.resolve() });
    quit.watch(kept);
    kept.close();
    await settle();
    expect(quit.isQuitting()).toBe(false);
    expect(world.quitCompleted).toBe(false);
  });
});

describe('Windows ending the session flushes the clipboard', () => {
  it('once for query-session-end and session-end together; again at a later session end', async () => {
    const world = new StandInWorld('win32');
    world.becomeReady();
    const flush = pending();
    let disposed = 0;
    const quit = holdQuitUntilDisposed(world.app, {
      dispose: () => Promise.resolve(void disposed++),
      flushOnSessionEnd: flush.start,
    });
    quit.watch(new world.BrowserWindow({}));
    world.endWindowsSession();
    expect(flush.calls()).toBe(1); // still flushing when session-end arrives: not started twice
    flush.resolve();
    await settle();
    world.endWindowsSession(['logoff']); // a log-off cancelled by the user, then another
    expect(flush.calls()).toBe(2);
    expect(disposed).toBe(0); // the session-end flush, not the whole clean-up
  });

  it('either event alone starts the flush (Windows may send session-end without asking)', () => {
    for (const name of ['query-session-end', 'session-end']) {
      const world = new StandInWorld('win32');
      world.becomeReady();
      const flush = pending();
      const quit = holdQuitUntilDisposed(world.app, {
        dispose: () => Promise.resolve(),
        flushOnSessionEnd: flush.start,
      });
      const window = new world.BrowserWindow({});
      quit.watch(window);
      window.emit(name, standInEvent({ reasons: ['shutdown'] }));
      expect(flush.calls(), name).toBe(1);
    }
  });

  it('without a flush of its own it runs the clean-up; a failure is logged', async () => {
    const world = new StandInWorld('win32');
    world.becomeReady();
    const logged: string[] = [];
    let disposed = 0;
    const quit = holdQuitUntilDisposed(world.app, {
      dispose: () => (disposed++, Promise.reject(new Error('no clipboard'))),
      log: (l) => logged.push(l),
    });
    quit.watch(new world.BrowserWindow({}));
    world.endWindowsSession();
    await settle();
    expect(disposed).toBe(1);
    expect(logged).toEqual(['session end: clean-up failed']);
    expect(quit.isQuitting()).toBe(false);
  });
});
