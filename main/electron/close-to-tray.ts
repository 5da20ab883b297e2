/**
 * Closing the window on Windows and Linux can keep the app in the tray (when there is one): the
 * window hides, the tray's Quit ends the app. Windows always shows its tray, so the window hides
 * and, the first time, a notification says so. Linux desktops may have no tray area at all (stock
 * GNOME): `new Tray()` still succeeds and Electron cannot tell that the icon is invisible, so
 * hiding would strand the user. There the first close asks (keep running in the tray, or quit),
 * and the answer is remembered. macOS keeps running without windows anyway (the dock).
 */
import type { Dialog, Event } from 'electron';
import type { Translate } from './locale';

export interface HidableWindow {
  on(event: 'close', listener: (event: Event) => void): unknown;
  hide(): void;
}

/** The Linux user's answer to "keep running in the tray when the window closes?". */
export type CloseChoice = 'tray' | 'quit';

export const isCloseChoice = (value: unknown): value is CloseChoice =>
  value === 'tray' || value === 'quit';

export interface CloseToTrayDeps {
  platform: NodeJS.Platform;
  hasTray: () => boolean;
  /** True once a quit was asked for: then closing must not be stopped (it would cancel the quit). */
  isQuitting: () => boolean;
  /** Windows: true the first time only (the answer is remembered in the settings store). */
  firstHide: () => boolean;
  tellKeptInTray: () => void;
  /** Linux: the remembered answer (settings store), undefined until the user was asked. */
  closeChoice: () => CloseChoice | undefined;
  rememberCloseChoice: (choice: CloseChoice) => void;
  dialog: Pick<Dialog, 'showMessageBox'>;
  t: () => Translate;
  quit: () => void;
}

/** Asks once; Escape (or closing the box) keeps the app running, the choice that loses nothing. */
export async function askCloseChoice(
  dialog: Pick<Dialog, 'showMessageBox'>,
  t: Translate,
): Promise<CloseChoice> {
  const { response } = await dialog.showMessageBox({
    type: 'question',
    title: t('dialog.closeTitle'),
    message: t('dialog.closeTitle'),
    detail: t('dialog.close'),
    buttons: [t('dialog.keepInTray'), t('dialog.quit')],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  return response === 1 ? 'quit' : 'tray';
}

export function keepInTrayOnClose(window: HidableWindow, deps: CloseToTrayDeps): void {
  if (deps.platform === 'darwin') return;
  let asking = false;
  window.on('close', (event) => {
    if (deps.isQuitting() || !deps.hasTray()) return;
    if (deps.platform === 'win32') {
      event.preventDefault();
      window.hide();
      if (deps.firstHide()) deps.tellKeptInTray();
      return;
    }
    const choice = deps.closeChoice();
    if (choice === 'quit') return; // the window closes; the last one closed quits (quit.ts)
    event.preventDefault();
    if (choice === 'tray') return window.hide();
    if (asking) return; // a second click on close while the question is open
    asking = true;
    void askCloseChoice(deps.dialog, deps.t())
      .then((answer) => {
        deps.rememberCloseChoice(answer);
        if (answer === 'tray') window.hide();
        else deps.quit();
      })
      .finally(() => (asking = false));
  });
}
