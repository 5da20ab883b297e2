/** A start-up that fails says why in a dialog, then ends the process with a failure code. */
import type { App, Dialog } from 'electron';
import type { Translate } from './locale';

export function failStartup(
  deps: {
    dialog: Pick<Dialog, 'showErrorBox'>;
    app: Pick<App, 'exit'>;
    t: Translate;
    log: (line: string) => void;
  },
  error: unknown,
): void {
  // Start-up errors come from files, the protocol and the keychain: no secret is in them.
  const message = error instanceof Error ? `${error.message} (${error.name})` : 'unknown error';
  deps.log(`start-up failed: ${message}`);
  deps.dialog.showErrorBox(
    deps.t('dialog.startFailedTitle'),
    deps.t('dialog.startFailed', { message }),
  );
  deps.app.exit(1);
}
