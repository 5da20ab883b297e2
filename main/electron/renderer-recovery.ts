/**
 * When the page's process dies (crash, out of memory, killed): reload once; if it dies again,
 * explain and let the user reload or quit. A clean exit (closing) is not a failure.
 */
import type { Dialog, Event, RenderProcessGoneDetails } from 'electron';
import type { Translate } from './locale';

export interface RecoverableContents {
  on(
    event: 'render-process-gone',
    listener: (event: Event, details: RenderProcessGoneDetails) => void,
  ): unknown;
  reload(): void;
  isDestroyed(): boolean;
}

export function recoverFromRendererCrashes(
  contents: RecoverableContents,
  deps: {
    dialog: Pick<Dialog, 'showMessageBox'>;
    t: () => Translate;
    quit: () => void;
    log: (line: string) => void;
  },
): void {
  let reloaded = false;
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    deps.log(`renderer gone: ${details.reason} (exit code ${details.exitCode})`);
    if (!reloaded) {
      reloaded = true;
      contents.reload();
      return;
    }
    const t = deps.t();
    void deps.dialog
      .showMessageBox({
        type: 'error',
        title: t('dialog.rendererGoneTitle'),
        message: t('dialog.rendererGoneTitle'),
        detail: t('dialog.rendererGone', { reason: details.reason }),
        buttons: [t('dialog.reload'), t('dialog.quit')],
        defaultId: 0,
        cancelId: 1,
      })
      .then(({ response }) => {
        if (response === 0 && !contents.isDestroyed()) contents.reload();
        else deps.quit();
      });
  });
}
