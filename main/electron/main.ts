/**
 * The Electron main process's entry. Before anything else: one instance only (a second one
 * exits here), the app's identity for Windows notifications, the app:// scheme, and guards for
 * every web contents. Then, once ready, boot.ts; a failed start says why before quitting.
 */
import { app, dialog, protocol, safeStorage, shell } from 'electron';
import Store from 'electron-store';
import { declareIdentity } from './app-identity';
import { registerAppScheme } from './app-protocol';
import { boot } from './boot';
import { cliArguments, handOverToCli } from './cli-handover';
import { resolveLanguage, translator } from './locale';
import type { MainWindowController } from './main-window-controller';
import { isAllowedExternal } from './menu';
import { quitWhenAllWindowsClosed } from './quit';
import { claimSingleInstance } from './single-instance';
import { failStartup } from './startup-failure';
import { guardAllWebContents } from './web-contents-guards';

const here = import.meta.dirname;
// Never log payloads or secrets: channel names, kinds and URLs only.
const log = (line: string) => console.error(`[mwtokens] ${line}`);

let controller: MainWindowController | undefined;
let focusWanted = false;
const focusMain = () => (controller ? controller.focus() : (focusWanted = true));
const openExternal = (url: string) => {
  if (isAllowedExternal(url)) void shell.openExternal(url);
};

// `mwtokens token | exec | list | --help`: a command line call, handed over before the
// single-instance lock, a window, the tray or the menu is touched (a running app goes on).
const cliArgs = cliArguments(process.argv, process.defaultApp);
if (cliArgs) {
  void handOverToCli(cliArgs, {
    app,
    safeStorage,
    // The app's data file, as boot.ts opens it.
    openStore: () => new Store<Record<string, unknown>>({ name: 'mwtokens-data' }),
  }).catch(() => app.exit(1));
} else if (claimSingleInstance(app, focusMain)) {
  declareIdentity(app, process.platform);
  registerAppScheme(protocol);
  guardAllWebContents(app);
  quitWhenAllWindowsClosed(app, process.platform);
  app
    .whenReady()
    .then(() => boot(here, log, openExternal))
    .then((booted) => {
      controller = booted;
      if (focusWanted) booted.focus();
    })
    .catch((error: unknown) =>
      failStartup(
        { dialog, app, log, t: translator(resolveLanguage('system', app.getLocale())) },
        error,
      ),
    );
}
