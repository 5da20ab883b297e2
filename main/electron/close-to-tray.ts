/**
 * On Windows and Linux, closing the window keeps the app in the tray (when there is one): the
 * window hides, the tray's Quit ends the app. The first time, a notification says so. macOS
 * keeps running without windows anyway (the dock), so the window closes there as usual.
 */
import type { Event } from 'electron';

export interface HidableWindow {
  on(event: 'close', listener: (event: Event) => void): unknown;
  hide(): void;
}

export interface CloseToTrayDeps {
  platform: NodeJS.Platform;
  hasTray: () => boolean;
  /** True once a quit was asked for: then closing must not be stopped (it would cancel the quit). */
  isQuitting: () => boolean;
  /** True the first time only (the answer is remembered in the settings store). */
  firstHide: () => boolean;
  tellKeptInTray: () => void;
}

export function keepInTrayOnClose(window: HidableWindow, deps: CloseToTrayDeps): void {
  if (deps.platform === 'darwin') return;
  window.on('close', (event) => {
    if (deps.isQuitting() || !deps.hasTray()) return;
    event.preventDefault();
    window.hide();
    if (deps.firstHide()) deps.tellKeptInTray();
  });
}
